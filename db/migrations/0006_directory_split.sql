CREATE TABLE "directory_search" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"search" "tsvector" NOT NULL
);
--> statement-breakpoint
DROP INDEX "directory_entries_search_idx";--> statement-breakpoint
ALTER TABLE "directory_search" ADD CONSTRAINT "directory_search_organization_id_directory_entries_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."directory_entries"("organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_search_idx" ON "directory_search" USING gin ("search");--> statement-breakpoint
CREATE INDEX "directory_entries_kind_size_idx" ON "directory_entries" USING btree ("kind","size_class");--> statement-breakpoint
ALTER TABLE "directory_entries" DROP COLUMN "search";