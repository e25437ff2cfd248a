ALTER TABLE "vote_sessions" ALTER COLUMN "application_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "vote_sessions" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "vote_sessions" ADD COLUMN "proposal" jsonb;--> statement-breakpoint
ALTER TABLE "vote_sessions" ADD CONSTRAINT "vote_sessions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "vote_sessions_open_membership_key" ON "vote_sessions" USING btree ("organization_id") WHERE closed_at is null;--> statement-breakpoint
ALTER TABLE "vote_sessions" ADD CONSTRAINT "vote_sessions_subject_check" CHECK ((application_id is null) <> (organization_id is null) and (organization_id is null) = (proposal is null));