ALTER TABLE "meeting_agenda_items" DROP CONSTRAINT "meeting_agenda_items_kind_check";--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" DROP CONSTRAINT "meeting_agenda_items_link_check";--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD COLUMN "area_id" text;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_kind_check" CHECK (kind in ('text', 'application', 'membership', 'board_item', 'minutes', 'strategy'));--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_link_check" CHECK ((kind = 'application') = (application_id is not null)
        and (kind = 'membership') = (organization_id is not null and proposal is not null)
        and (kind = 'board_item' or board_item_id is null)
        and (kind = 'minutes') = (minutes_meeting_id is not null)
        and (kind = 'strategy') = (area_id is not null));