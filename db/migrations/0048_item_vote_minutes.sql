ALTER TABLE "meeting_item_votes" ADD COLUMN "minutes_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_item_votes" ADD COLUMN "minutes_version" integer;--> statement-breakpoint
ALTER TABLE "meeting_item_votes" ADD CONSTRAINT "meeting_item_votes_minutes_id_meeting_minutes_id_fk" FOREIGN KEY ("minutes_id") REFERENCES "public"."meeting_minutes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_item_votes" ADD CONSTRAINT "meeting_item_votes_minutes_check" CHECK ((minutes_id is null) = (minutes_version is null));