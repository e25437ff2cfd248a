ALTER TABLE "organizations" ADD COLUMN "accepts_contact" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "reply_to" text;