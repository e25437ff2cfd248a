-- Exact directory totals by index-only scans (docs/decisions/009-directory-count-index.md). Counting the
-- matches of a word through the GIN index of directory_search visits every matching heap row (a tsvector
-- match is always rechecked), and an area count rechecks every directory_entries row. Two side tables
-- hold the same facts as plain btree keys, so a count reads only a range of one index:
--
--   directory_words  one row per (lexeme, listed member): the words of directory_search.search;
--   directory_areas  one row per (area, listed member) with its kind: directory_entries.area_ids.
--
-- Both are kept by statement-level triggers on directory_search and directory_entries, which the
-- triggers of migrations 0005/0007 write in the writer's transaction: a side row exists exactly when the
-- fact it mirrors does. No foreign keys (a cascade would need a second index by organisation); the
-- triggers delete a member's rows by their full keys, taken from the old row.

-- How many leading characters two strings share.
CREATE OR REPLACE FUNCTION portal_common_prefix_length(a text, b text)
  RETURNS smallint LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
DECLARE
  i int := 0;
  n int := least(length(a), length(b));
BEGIN
  WHILE i < n AND substr(a, i + 1, 1) = substr(b, i + 1, 1) LOOP
    i := i + 1;
  END LOOP;
  RETURN i;
END $$;
--> statement-breakpoint
-- The lexemes of a search document in byte order, each with the number of leading characters it shares
-- with the lexeme before it (0 for the first). The lexemes of one document that start with a prefix p are
-- consecutive in byte order, so exactly one of them — the first — shares fewer than length(p) characters
-- with its predecessor: counting rows with `shared < length(p)` in p's range counts each member once,
-- without a DISTINCT over the range.
CREATE OR REPLACE FUNCTION portal_search_words(search tsvector)
  RETURNS TABLE (lexeme text, shared smallint) LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT w.lexeme, coalesce(portal_common_prefix_length(w.lexeme, w.before), 0)::smallint
        FROM (SELECT l COLLATE "C" AS lexeme, lag(l COLLATE "C") OVER (ORDER BY l COLLATE "C") AS before
              FROM unnest(tsvector_to_array(search)) l) w $$;
--> statement-breakpoint
-- A search box's words as the lexemes portal_search_query() looks for (each one a prefix), at most 16.
-- Not STRICT, so the planner can inline it into a query.
CREATE OR REPLACE FUNCTION portal_search_lexemes(q text)
  RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT t.lexeme FROM unnest(to_tsvector('simple'::regconfig, lower(portal_unaccent(q)))) t LIMIT 16 $$;
--> statement-breakpoint
-- The same query as in migration 0005, now built from portal_search_lexemes() so that the tsquery and the
-- directory_words count can never look for different words.
CREATE OR REPLACE FUNCTION portal_search_query(q text)
  RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT string_agg('''' || replace(replace(w.lexeme, '\', '\\'), '''', '''''') || ''':*', ' & ')::tsquery
        FROM portal_search_lexemes(q) w(lexeme) $$;
--> statement-breakpoint
-- The end of the key range of the lexemes that start with p: in byte order it sorts after every lexeme
-- that starts with p and before every other lexeme after p. A lexeme holds at most 2047 bytes (a tsvector
-- limit) and U+10FFFF is the largest character (4 bytes), so 512 of them after p outrank any lexeme's rest.
CREATE OR REPLACE FUNCTION portal_search_prefix_end(p text)
  RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (p || repeat(chr(1114111), 512)) COLLATE "C" $$;
--> statement-breakpoint
-- Byte order ("C"), so that the lexemes with a prefix p are one key range,
-- [p, portal_search_prefix_end(p)). `shared` rides in the index (INCLUDE): a count never visits the heap.
CREATE TABLE directory_words (
  lexeme text COLLATE "C" NOT NULL,
  organization_id uuid NOT NULL,
  shared smallint NOT NULL,
  CONSTRAINT directory_words_pkey PRIMARY KEY (lexeme, organization_id) INCLUDE (shared)
);
--> statement-breakpoint
-- area_id ranges over each member's areas and every area above them (area_ids), so an area count includes
-- its sub-areas; kind in the key makes "area + kind" one range.
CREATE TABLE directory_areas (
  area_id text NOT NULL,
  kind text NOT NULL,
  organization_id uuid NOT NULL,
  CONSTRAINT directory_areas_pkey PRIMARY KEY (area_id, kind, organization_id)
);
--> statement-breakpoint
-- directory_search changed: delete the words no longer there, insert the new ones (an unchanged document
-- rewrites nothing).
CREATE OR REPLACE FUNCTION portal_directory_search_changed()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO directory_words (lexeme, organization_id, shared)
    SELECT w.lexeme, n.organization_id, w.shared FROM new_rows n, portal_search_words(n.search) w
    ON CONFLICT (lexeme, organization_id) DO UPDATE SET shared = excluded.shared;
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM directory_words d
    USING (SELECT o.organization_id, w.lexeme FROM old_rows o, portal_search_words(o.search) w) x
    WHERE d.lexeme = x.lexeme AND d.organization_id = x.organization_id;
  ELSIF TG_OP = 'UPDATE' THEN
    DELETE FROM directory_words d
    USING (SELECT o.organization_id, w.lexeme, w.shared FROM old_rows o, portal_search_words(o.search) w
           EXCEPT
           SELECT n.organization_id, w.lexeme, w.shared FROM new_rows n, portal_search_words(n.search) w) x
    WHERE d.lexeme = x.lexeme AND d.organization_id = x.organization_id;
    INSERT INTO directory_words (lexeme, organization_id, shared)
    SELECT w.lexeme, n.organization_id, w.shared FROM new_rows n, portal_search_words(n.search) w
    EXCEPT
    SELECT w.lexeme, o.organization_id, w.shared FROM old_rows o, portal_search_words(o.search) w
    ON CONFLICT (lexeme, organization_id) DO UPDATE SET shared = excluded.shared;
  ELSE -- TRUNCATE
    DELETE FROM directory_words;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- directory_entries changed: the same for the (area, kind) pairs of each member.
CREATE OR REPLACE FUNCTION portal_directory_entries_changed()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO directory_areas (area_id, kind, organization_id)
    SELECT a.area_id, n.kind, n.organization_id FROM new_rows n, unnest(n.area_ids) a(area_id)
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM directory_areas d
    USING (SELECT a.area_id, o.kind, o.organization_id FROM old_rows o, unnest(o.area_ids) a(area_id)) x
    WHERE d.area_id = x.area_id AND d.kind = x.kind AND d.organization_id = x.organization_id;
  ELSIF TG_OP = 'UPDATE' THEN
    DELETE FROM directory_areas d
    USING (SELECT a.area_id, o.kind, o.organization_id FROM old_rows o, unnest(o.area_ids) a(area_id)
           EXCEPT
           SELECT a.area_id, n.kind, n.organization_id FROM new_rows n, unnest(n.area_ids) a(area_id)) x
    WHERE d.area_id = x.area_id AND d.kind = x.kind AND d.organization_id = x.organization_id;
    INSERT INTO directory_areas (area_id, kind, organization_id)
    SELECT a.area_id, n.kind, n.organization_id FROM new_rows n, unnest(n.area_ids) a(area_id)
    EXCEPT
    SELECT a.area_id, o.kind, o.organization_id FROM old_rows o, unnest(o.area_ids) a(area_id)
    ON CONFLICT DO NOTHING;
  ELSE -- TRUNCATE
    DELETE FROM directory_areas;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER directory_search_inserted AFTER INSERT ON directory_search
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_directory_search_changed();
--> statement-breakpoint
CREATE TRIGGER directory_search_updated AFTER UPDATE ON directory_search
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION portal_directory_search_changed();
--> statement-breakpoint
CREATE TRIGGER directory_search_deleted AFTER DELETE ON directory_search
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_directory_search_changed();
--> statement-breakpoint
CREATE TRIGGER directory_search_truncated AFTER TRUNCATE ON directory_search
  FOR EACH STATEMENT EXECUTE FUNCTION portal_directory_search_changed();
--> statement-breakpoint
CREATE TRIGGER directory_entries_inserted AFTER INSERT ON directory_entries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_directory_entries_changed();
--> statement-breakpoint
CREATE TRIGGER directory_entries_updated AFTER UPDATE ON directory_entries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION portal_directory_entries_changed();
--> statement-breakpoint
CREATE TRIGGER directory_entries_deleted AFTER DELETE ON directory_entries
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_directory_entries_changed();
--> statement-breakpoint
CREATE TRIGGER directory_entries_truncated AFTER TRUNCATE ON directory_entries
  FOR EACH STATEMENT EXECUTE FUNCTION portal_directory_entries_changed();
--> statement-breakpoint
-- Fill both from the listed members already stored, in key order (a sequential index build).
INSERT INTO directory_words (lexeme, organization_id, shared)
SELECT w.lexeme, s.organization_id, w.shared FROM directory_search s, portal_search_words(s.search) w
ORDER BY 1, 2;
--> statement-breakpoint
INSERT INTO directory_areas (area_id, kind, organization_id)
SELECT a.area_id, d.kind, d.organization_id FROM directory_entries d, unnest(d.area_ids) a(area_id)
ORDER BY 1, 2, 3;
--> statement-breakpoint
ANALYZE directory_words;
--> statement-breakpoint
ANALYZE directory_areas;
