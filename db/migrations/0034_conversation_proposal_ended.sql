ALTER TABLE "conversations" ADD COLUMN "proposal_ended" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "proposal_ended_by_organization_id" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "proposal_ended_by" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "proposal_ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "decline_reason" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_proposal_ended_by_organization_id_organizations_id_fk" FOREIGN KEY ("proposal_ended_by_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_proposal_ended_by_users_id_fk" FOREIGN KEY ("proposal_ended_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_proposal_ended_check" CHECK ((proposal_ended is null or proposal_ended in ('withdrawn', 'declined')) and (proposal_ended is null) = (proposal_ended_at is null) and (decline_reason is null or (proposal_ended = 'declined' and length(decline_reason) between 1 and 500)));