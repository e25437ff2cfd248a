DROP INDEX "board_items_newest_idx";--> statement-breakpoint
DROP INDEX "board_items_ending_idx";--> statement-breakpoint
DROP INDEX "board_items_search_idx";--> statement-breakpoint
ALTER TABLE "board_item_areas" ADD COLUMN "listed_kind" text;--> statement-breakpoint
ALTER TABLE "board_items" ADD COLUMN "listed_kind" text;--> statement-breakpoint
CREATE INDEX "board_items_newest_idx" ON "board_items" USING btree ("published_at" DESC NULLS LAST,"id","valid_until","kind","type","listed_kind") WHERE status = 'published' and listed_kind is not null;--> statement-breakpoint
CREATE INDEX "board_items_ending_idx" ON "board_items" USING btree ("valid_until","published_at" DESC NULLS LAST,"id","kind","type","listed_kind") WHERE status = 'published' and listed_kind is not null;--> statement-breakpoint
CREATE INDEX "board_items_search_idx" ON "board_items" USING gin ("search") WHERE status = 'published' and listed_kind is not null;