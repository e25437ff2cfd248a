ALTER TABLE "organizations" ADD COLUMN "offers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "seeks" jsonb DEFAULT '{}'::jsonb NOT NULL;