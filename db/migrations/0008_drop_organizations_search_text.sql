-- The directory searches directory_search (decision 006); the trigram column only cost write time.
DROP INDEX "organizations_search_trgm_idx";--> statement-breakpoint
ALTER TABLE "organizations" DROP COLUMN "search_text";