-- Exact directory totals from small aggregate tables (docs/decisions/011-directory-count-tables.md),
-- replacing the per-member side tables of migration 0015. A total is a sum over a few rows instead of a
-- count over one row per matching member, so it costs the same for 20 matches or 90,000:
--
--   directory_word_counts   per (lexeme, shared): how many listed members have that lexeme with that
--                           `shared` (characters in common with the member's previous lexeme in byte
--                           order, portal_search_words()). The members matching a prefix p are counted once
--                           each by summing the rows with lexeme in [p, portal_search_prefix_end(p)) and
--                           shared < length(p): the same rule as 0015, applied to counts instead of rows.
--   directory_facet_counts  per (area, kind, size class): how many listed members fall in it; area_id ''
--                           stands for the whole directory (each member once) and size_class '' for an
--                           unknown size. Any mix of area, kind and size filters is a sum over a few rows.
--
-- The triggers of 0015 stay and call the new function bodies. Each statement that changes directory_search
-- or directory_entries writes its net difference (new rows +1, old rows -1, a word a member kept nets to
-- 0) as ONE row of a pending table; a deferred constraint trigger adds all of the transaction's pending
-- differences to the counts at commit, words then facets, each in key order. So the counter rows are
-- locked only for the moment of the commit and always in the same order: concurrent writers wait for each
-- other there but cannot deadlock on them, whatever else their transactions did. Rows that reach 0 are
-- removed; a count that would fall below 0 (drift) fails the commit instead of showing a wrong total.

DROP TABLE directory_words;
--> statement-breakpoint
DROP TABLE directory_areas;
--> statement-breakpoint
CREATE TABLE directory_word_counts (
  lexeme text COLLATE "C" NOT NULL,
  shared smallint NOT NULL,
  members integer NOT NULL,
  CONSTRAINT directory_word_counts_pkey PRIMARY KEY (lexeme, shared) INCLUDE (members)
);
--> statement-breakpoint
CREATE TABLE directory_facet_counts (
  area_id text NOT NULL,
  kind text NOT NULL,
  size_class text NOT NULL,
  members integer NOT NULL,
  CONSTRAINT directory_facet_counts_pkey PRIMARY KEY (area_id, kind, size_class) INCLUDE (members)
);
--> statement-breakpoint
-- A transaction's not yet counted differences, one row per changing statement (parallel arrays, one entry
-- per key). Rows live only inside their transaction: the commit trigger below deletes them.
CREATE TABLE directory_word_changes (lexemes text[] NOT NULL, shareds smallint[] NOT NULL, deltas int[] NOT NULL);
--> statement-breakpoint
CREATE TABLE directory_facet_changes (
  area_ids text[] NOT NULL,
  kinds text[] NOT NULL,
  sizes text[] NOT NULL,
  deltas int[] NOT NULL
);
--> statement-breakpoint
-- Adds signed member counts to directory_word_counts (parallel arrays, one entry per key) in key order,
-- then drops the rows a decrement took to 0.
CREATE OR REPLACE FUNCTION portal_directory_add_word_counts(lexemes text[], shareds smallint[], deltas int[])
  RETURNS void LANGUAGE plpgsql
  AS $$
DECLARE
  lowest int;
BEGIN
  WITH up AS (
    INSERT INTO directory_word_counts AS c (lexeme, shared, members)
    SELECT d.lexeme, d.shared, d.delta FROM unnest(lexemes, shareds, deltas) d(lexeme, shared, delta)
    ORDER BY d.lexeme COLLATE "C", d.shared
    ON CONFLICT (lexeme, shared) DO UPDATE SET members = c.members + excluded.members
    RETURNING c.members
  )
  SELECT min(members) INTO lowest FROM up;
  IF lowest < 0 THEN
    RAISE EXCEPTION 'directory_word_counts would fall below 0: the count tables drifted';
  END IF;
  DELETE FROM directory_word_counts c
  USING unnest(lexemes, shareds, deltas) d(lexeme, shared, delta)
  WHERE d.delta < 0 AND c.lexeme = d.lexeme AND c.shared = d.shared AND c.members = 0;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal_directory_add_facet_counts(area_ids text[], kinds text[], sizes text[], deltas int[])
  RETURNS void LANGUAGE plpgsql
  AS $$
DECLARE
  lowest int;
BEGIN
  WITH up AS (
    INSERT INTO directory_facet_counts AS c (area_id, kind, size_class, members)
    SELECT d.area_id, d.kind, d.size_class, d.delta
    FROM unnest(area_ids, kinds, sizes, deltas) d(area_id, kind, size_class, delta)
    ORDER BY d.area_id, d.kind, d.size_class
    ON CONFLICT (area_id, kind, size_class) DO UPDATE SET members = c.members + excluded.members
    RETURNING c.members
  )
  SELECT min(members) INTO lowest FROM up;
  IF lowest < 0 THEN
    RAISE EXCEPTION 'directory_facet_counts would fall below 0: the count tables drifted';
  END IF;
  DELETE FROM directory_facet_counts c
  USING unnest(area_ids, kinds, sizes, deltas) d(area_id, kind, size_class, delta)
  WHERE d.delta < 0 AND c.area_id = d.area_id AND c.kind = d.kind AND c.size_class = d.size_class
    AND c.members = 0;
END $$;
--> statement-breakpoint
-- directory_search changed: the words of the new documents count +1, those of the old ones -1, noted for
-- the commit.
CREATE OR REPLACE FUNCTION portal_directory_search_changed()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
DECLARE
  l text[];
  s smallint[];
  n int[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM directory_word_changes;
    DELETE FROM directory_word_counts;
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(x.lexeme), array_agg(x.shared), array_agg(x.delta) INTO l, s, n
    FROM (SELECT w.lexeme, w.shared, count(*)::int AS delta
          FROM new_rows r, portal_search_words(r.search) w GROUP BY 1, 2) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(x.lexeme), array_agg(x.shared), array_agg(x.delta) INTO l, s, n
    FROM (SELECT w.lexeme, w.shared, -count(*)::int AS delta
          FROM old_rows r, portal_search_words(r.search) w GROUP BY 1, 2) x;
  ELSE -- UPDATE
    SELECT array_agg(x.lexeme), array_agg(x.shared), array_agg(x.delta) INTO l, s, n
    FROM (SELECT w.lexeme, w.shared, sum(r.sign)::int AS delta
          FROM (SELECT search, 1 AS sign FROM new_rows UNION ALL SELECT search, -1 FROM old_rows) r,
               portal_search_words(r.search) w
          GROUP BY 1, 2 HAVING sum(r.sign) <> 0) x;
  END IF;
  IF l IS NOT NULL THEN
    INSERT INTO directory_word_changes (lexemes, shareds, deltas) VALUES (l, s, n);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- directory_entries changed: the same for each member's (area, kind, size) cells, where its areas are
-- area_ids (its areas and every area above them) plus '' for the whole directory.
CREATE OR REPLACE FUNCTION portal_directory_entries_changed()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
DECLARE
  a text[];
  k text[];
  z text[];
  n int[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM directory_facet_changes;
    DELETE FROM directory_facet_counts;
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(x.area_id), array_agg(x.kind), array_agg(x.size_class), array_agg(x.delta) INTO a, k, z, n
    FROM (SELECT c.area_id, r.kind, coalesce(r.size_class, '') AS size_class, count(*)::int AS delta
          FROM new_rows r, unnest(array_prepend('', r.area_ids)) c(area_id) GROUP BY 1, 2, 3) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(x.area_id), array_agg(x.kind), array_agg(x.size_class), array_agg(x.delta) INTO a, k, z, n
    FROM (SELECT c.area_id, r.kind, coalesce(r.size_class, '') AS size_class, -count(*)::int AS delta
          FROM old_rows r, unnest(array_prepend('', r.area_ids)) c(area_id) GROUP BY 1, 2, 3) x;
  ELSE -- UPDATE
    SELECT array_agg(x.area_id), array_agg(x.kind), array_agg(x.size_class), array_agg(x.delta) INTO a, k, z, n
    FROM (SELECT c.area_id, r.kind, coalesce(r.size_class, '') AS size_class, sum(r.sign)::int AS delta
          FROM (SELECT kind, size_class, area_ids, 1 AS sign FROM new_rows
                UNION ALL SELECT kind, size_class, area_ids, -1 FROM old_rows) r,
               unnest(array_prepend('', r.area_ids)) c(area_id)
          GROUP BY 1, 2, 3 HAVING sum(r.sign) <> 0) x;
  END IF;
  IF a IS NOT NULL THEN
    INSERT INTO directory_facet_changes (area_ids, kinds, sizes, deltas) VALUES (a, k, z, n);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- At commit (deferred): every pending difference of the transaction, summed per key, added to the counts.
-- The first pending row's event does the work; later events of the same commit find nothing left. Other
-- transactions' pending rows are invisible (uncommitted), and none outlive their commit.
CREATE OR REPLACE FUNCTION portal_directory_apply_count_changes()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
DECLARE
  l text[];
  s smallint[];
  a text[];
  k text[];
  z text[];
  n int[];
BEGIN
  WITH pending AS (DELETE FROM directory_word_changes RETURNING lexemes, shareds, deltas)
  SELECT array_agg(x.lexeme), array_agg(x.shared), array_agg(x.delta) INTO l, s, n
  FROM (SELECT d.lexeme, d.shared, sum(d.delta)::int AS delta
        FROM pending p, unnest(p.lexemes, p.shareds, p.deltas) d(lexeme, shared, delta)
        GROUP BY 1, 2 HAVING sum(d.delta) <> 0) x;
  IF l IS NOT NULL THEN
    PERFORM portal_directory_add_word_counts(l, s, n);
  END IF;
  WITH pending AS (DELETE FROM directory_facet_changes RETURNING area_ids, kinds, sizes, deltas)
  SELECT array_agg(x.area_id), array_agg(x.kind), array_agg(x.size_class), array_agg(x.delta) INTO a, k, z, n
  FROM (SELECT d.area_id, d.kind, d.size_class, sum(d.delta)::int AS delta
        FROM pending p, unnest(p.area_ids, p.kinds, p.sizes, p.deltas) d(area_id, kind, size_class, delta)
        GROUP BY 1, 2, 3 HAVING sum(d.delta) <> 0) x;
  IF a IS NOT NULL THEN
    PERFORM portal_directory_add_facet_counts(a, k, z, n);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER directory_word_changes_counted AFTER INSERT ON directory_word_changes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION portal_directory_apply_count_changes();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER directory_facet_changes_counted AFTER INSERT ON directory_facet_changes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION portal_directory_apply_count_changes();
--> statement-breakpoint
-- Fill both from the listed members already stored.
INSERT INTO directory_word_counts (lexeme, shared, members)
SELECT w.lexeme, w.shared, count(*) FROM directory_search s, portal_search_words(s.search) w
GROUP BY 1, 2 ORDER BY 1, 2;
--> statement-breakpoint
INSERT INTO directory_facet_counts (area_id, kind, size_class, members)
SELECT c.area_id, d.kind, coalesce(d.size_class, ''), count(*)
FROM directory_entries d, unnest(array_prepend('', d.area_ids)) c(area_id)
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
--> statement-breakpoint
ANALYZE directory_word_counts;
--> statement-breakpoint
ANALYZE directory_facet_counts;
