ALTER TABLE "meeting_agenda_items" DROP CONSTRAINT "meeting_agenda_items_kind_check";--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" DROP CONSTRAINT "meeting_agenda_items_link_check";--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD COLUMN "minutes_meeting_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_minutes_meeting_id_meetings_id_fk" FOREIGN KEY ("minutes_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_minutes_idx" ON "meeting_agenda_items" USING btree ("minutes_meeting_id");--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_kind_check" CHECK (kind in ('text', 'application', 'membership', 'board_item', 'minutes'));--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_link_check" CHECK ((kind = 'application') = (application_id is not null)
        and (kind = 'membership') = (organization_id is not null and proposal is not null)
        and (kind = 'board_item' or board_item_id is null)
        and (kind = 'minutes') = (minutes_meeting_id is not null));