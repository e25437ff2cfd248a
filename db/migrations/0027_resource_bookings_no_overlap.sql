-- No double booking, ever (issue 14 §3, decision 034): two confirmed bookings of one resource never
-- overlap. PostgreSQL enforces it, so no interleaving of requests can get past it: an exclusion
-- constraint over the half-open range [starts_at, ends_at), for confirmed bookings only. btree_gist lets
-- the GiST index compare resource_id with `=`; it is a trusted extension (PG 13+) and PGlite ships it.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE resource_bookings ADD CONSTRAINT resource_bookings_no_overlap
  EXCLUDE USING gist (resource_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
  WHERE (status = 'confirmed');
