DROP INDEX "board_items_published_idx";--> statement-breakpoint
DROP INDEX "board_items_ending_idx";--> statement-breakpoint
ALTER TABLE "board_items" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (portal_search_document(title_bg || ' ' || title_en || ' ' || description_bg || ' ' || description_en)) STORED;--> statement-breakpoint
CREATE INDEX "board_items_newest_idx" ON "board_items" USING btree ("published_at" DESC NULLS LAST,"id","valid_until","organization_id","kind","type") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "board_items_search_idx" ON "board_items" USING gin ("search") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "board_items_ending_idx" ON "board_items" USING btree ("valid_until","published_at" DESC NULLS LAST,"id","organization_id","kind","type") WHERE status = 'published';