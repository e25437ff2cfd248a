CREATE TABLE "directory_entries" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"name_bg" text NOT NULL,
	"kind" text NOT NULL,
	"size_class" text,
	"category" text NOT NULL,
	"member_since" date,
	"area_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"search" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directory_entries" ADD CONSTRAINT "directory_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_entries_name_idx" ON "directory_entries" USING btree ("name_bg" collate portal_bg,"organization_id");--> statement-breakpoint
CREATE INDEX "directory_entries_member_since_idx" ON "directory_entries" USING btree ("member_since" DESC NULLS LAST,"name_bg" collate portal_bg,"organization_id");--> statement-breakpoint
CREATE INDEX "directory_entries_search_idx" ON "directory_entries" USING gin ("search");--> statement-breakpoint
CREATE INDEX "directory_entries_areas_idx" ON "directory_entries" USING gin ("area_ids");--> statement-breakpoint
CREATE INDEX "directory_entries_kind_name_idx" ON "directory_entries" USING btree ("kind","name_bg" collate portal_bg,"organization_id");--> statement-breakpoint
CREATE INDEX "directory_entries_size_class_name_idx" ON "directory_entries" USING btree ("size_class","name_bg" collate portal_bg,"organization_id");