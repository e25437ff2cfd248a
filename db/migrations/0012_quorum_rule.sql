ALTER TABLE "cluster_settings" ADD COLUMN "quorum_rule" text DEFAULT 'more_than_half' NOT NULL;--> statement-breakpoint
ALTER TABLE "vote_sessions" ADD COLUMN "quorum" text DEFAULT 'more_than_half' NOT NULL;--> statement-breakpoint
ALTER TABLE "vote_sessions" ADD CONSTRAINT "vote_sessions_quorum_check" CHECK (quorum in ('more_than_half', 'two_thirds', 'all'));