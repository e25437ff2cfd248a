DROP INDEX "board_items_search_trgm_idx";--> statement-breakpoint
ALTER TABLE "board_items" DROP COLUMN "search_text";