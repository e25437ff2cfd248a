-- Board totals from trigger-kept count tables, applied at commit (docs/decisions/038-board-search.md §6,
-- the directory's design of decision 011 with a day in every key):
--
--   board_items.listed_kind   the organisation's kind while it has a directory_entries row (an active
--                             admitted member), else null; copied to board_item_areas. An item is on the
--                             board when status = 'published', listed_kind is not null and valid_until is
--                             today or later.
--   board_word_counts         per (lexeme, shared, last_day): how many items with that last day that could be
--                             on the board (published, listed) have that lexeme with that `shared`
--                             (portal_search_words(), as the directory). The items on the board matching a
--                             prefix p are the sum over lexeme in [p, portal_search_prefix_end(p)),
--                             shared < length(p) and last_day >= today.
--   board_facet_counts        per (area, kind, type, organisation kind, last_day): the same items, each counted
--                             in its areas and the areas above them, and in '' for every dimension (the
--                             whole board, any kind, any type, any organisation kind). Any mix of the
--                             board's filters, or none, is one key with at most one row per day to come.
--
-- Expiry needs no job: an item stops counting on the day after its last day because readers sum only the
-- days to come. Past days' rows are dropped by the housekeeping (portal_board_counts_forget()).
--
-- As in 0016, each statement that changes board_items or board_item_areas writes its net difference as ONE
-- row of a pending table, and a deferred constraint trigger adds the transaction's differences to the counts
-- at commit in key order (words, then facets), so concurrent writers cannot deadlock on the counter rows.

-- 1. listed_kind, kept from directory_entries.
CREATE OR REPLACE FUNCTION public.portal_board_listed_refresh(ids uuid[])
  RETURNS void LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE public.board_items i SET listed_kind = x.kind
    FROM (SELECT o.id, (SELECT e.kind FROM public.directory_entries e WHERE e.organization_id = o.id) AS kind
            FROM unnest(ids) o(id)) x
   WHERE i.organization_id = x.id AND i.listed_kind IS DISTINCT FROM x.kind;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.portal_board_listed_new()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM public.portal_board_listed_refresh(ARRAY(SELECT DISTINCT organization_id FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.portal_board_listed_old()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM public.portal_board_listed_refresh(ARRAY(SELECT DISTINCT organization_id FROM old_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER board_listed_entries_inserted AFTER INSERT ON directory_entries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_board_listed_new();
--> statement-breakpoint
CREATE TRIGGER board_listed_entries_updated AFTER UPDATE ON directory_entries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_board_listed_new();
--> statement-breakpoint
CREATE TRIGGER board_listed_entries_deleted AFTER DELETE ON directory_entries
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_board_listed_old();
--> statement-breakpoint
-- A new item takes its organisation's state when it is written.
CREATE OR REPLACE FUNCTION public.portal_board_item_listed()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.listed_kind := (SELECT e.kind FROM public.directory_entries e WHERE e.organization_id = NEW.organization_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER board_items_listed BEFORE INSERT OR UPDATE OF organization_id ON board_items
  FOR EACH ROW EXECUTE FUNCTION portal_board_item_listed();
--> statement-breakpoint
-- The copies on board_item_areas (0032) now include listed_kind.
CREATE OR REPLACE FUNCTION public.portal_board_item_areas_inserted()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE public.board_item_areas ba
     SET organization_id = i.organization_id, item_kind = i.kind, item_type = i.type,
         open_until = CASE WHEN i.status = 'published' THEN i.valid_until END, listed_kind = i.listed_kind
    FROM new_rows n JOIN public.board_items i ON i.id = n.item_id
   WHERE ba.item_id = n.item_id AND ba.area_id = n.area_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.portal_board_items_updated()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE public.board_item_areas ba
     SET organization_id = n.organization_id, item_kind = n.kind, item_type = n.type,
         open_until = CASE WHEN n.status = 'published' THEN n.valid_until END, listed_kind = n.listed_kind
    FROM new_rows n
   WHERE ba.item_id = n.id
     AND (ba.organization_id IS DISTINCT FROM n.organization_id OR ba.item_kind IS DISTINCT FROM n.kind
          OR ba.item_type IS DISTINCT FROM n.type
          OR ba.open_until IS DISTINCT FROM CASE WHEN n.status = 'published' THEN n.valid_until END
          OR ba.listed_kind IS DISTINCT FROM n.listed_kind);
  RETURN NULL;
END $$;
--> statement-breakpoint
UPDATE board_items i SET listed_kind = e.kind FROM directory_entries e WHERE e.organization_id = i.organization_id;
--> statement-breakpoint
UPDATE board_item_areas ba SET listed_kind = i.listed_kind FROM board_items i
 WHERE i.id = ba.item_id AND i.listed_kind IS NOT NULL;
--> statement-breakpoint
-- 2. The count tables and their pending differences.
CREATE TABLE board_word_counts (
  lexeme text COLLATE "C" NOT NULL,
  shared smallint NOT NULL,
  last_day date NOT NULL,
  items integer NOT NULL,
  CONSTRAINT board_word_counts_pkey PRIMARY KEY (lexeme, shared, last_day) INCLUDE (items)
);
--> statement-breakpoint
CREATE TABLE board_facet_counts (
  area_id text NOT NULL,
  kind text NOT NULL,
  type text NOT NULL,
  organization_kind text NOT NULL,
  last_day date NOT NULL,
  items integer NOT NULL,
  CONSTRAINT board_facet_counts_pkey PRIMARY KEY (area_id, kind, type, organization_kind, last_day) INCLUDE (items)
);
--> statement-breakpoint
CREATE TABLE board_word_changes (
  lexemes text[] NOT NULL,
  shareds smallint[] NOT NULL,
  days date[] NOT NULL,
  deltas int[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE board_facet_changes (
  area_ids text[] NOT NULL,
  kinds text[] NOT NULL,
  types text[] NOT NULL,
  organization_kinds text[] NOT NULL,
  days date[] NOT NULL,
  deltas int[] NOT NULL
);
--> statement-breakpoint
-- The first day whose counts are kept: earlier days were dropped by portal_board_counts_forget(), and
-- differences for them are ignored (nobody reads a day that has passed).
CREATE TABLE board_count_horizon (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  first_day date NOT NULL
);
--> statement-breakpoint
INSERT INTO board_count_horizon (first_day) VALUES ('-infinity');
--> statement-breakpoint
-- 3. Each statement's difference, noted for the commit. `src` is the statement's rows with a sign: the new
-- rows +1, the old rows -1 (transition tables are visible to EXECUTE in a trigger function).
CREATE OR REPLACE FUNCTION public.portal_board_transition(op text, columns text)
  RETURNS text LANGUAGE sql IMMUTABLE
  AS $$ SELECT CASE op
    WHEN 'INSERT' THEN format('SELECT %s, 1 AS sign FROM new_rows', columns)
    WHEN 'DELETE' THEN format('SELECT %s, -1 AS sign FROM old_rows', columns)
    ELSE format('SELECT %1$s, 1 AS sign FROM new_rows UNION ALL SELECT %1$s, -1 FROM old_rows', columns)
  END $$;
--> statement-breakpoint
-- board_items changed: its words, and its cells in the area '' (every area), with their last day.
CREATE OR REPLACE FUNCTION public.portal_board_items_counted()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
DECLARE
  src text := public.portal_board_transition(TG_OP, 'search, status, listed_kind, valid_until, kind, type');
  l text[];
  s smallint[];
  a text[];
  k text[];
  t text[];
  o text[];
  d date[];
  n int[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM public.board_word_changes;
    DELETE FROM public.board_word_counts;
    DELETE FROM public.board_facet_changes;
    DELETE FROM public.board_facet_counts;
    RETURN NULL;
  END IF;
  EXECUTE format($q$
    SELECT array_agg(x.lexeme), array_agg(x.shared), array_agg(x.last_day), array_agg(x.delta)
    FROM (SELECT w.lexeme, w.shared, r.valid_until AS last_day, sum(r.sign)::int AS delta
          FROM (%s) r, public.portal_search_words(r.search) w
          WHERE r.status = 'published' AND r.listed_kind IS NOT NULL AND r.valid_until IS NOT NULL
          GROUP BY 1, 2, 3 HAVING sum(r.sign) <> 0) x $q$, src)
    INTO l, s, d, n;
  IF l IS NOT NULL THEN
    INSERT INTO public.board_word_changes (lexemes, shareds, days, deltas) VALUES (l, s, d, n);
  END IF;
  EXECUTE format($q$
    SELECT array_agg(x.kind), array_agg(x.type), array_agg(x.organization_kind), array_agg(x.last_day),
           array_agg(x.delta)
    FROM (SELECT k.v AS kind, t.v AS type, o.v AS organization_kind, r.valid_until AS last_day,
                 sum(r.sign)::int AS delta
          FROM (%s) r, unnest(ARRAY[r.kind, '']) k(v), unnest(ARRAY[r.type, '']) t(v),
               unnest(ARRAY[r.listed_kind, '']) o(v)
          WHERE r.status = 'published' AND r.listed_kind IS NOT NULL AND r.valid_until IS NOT NULL
          GROUP BY 1, 2, 3, 4 HAVING sum(r.sign) <> 0) x $q$, src)
    INTO k, t, o, d, n;
  IF k IS NOT NULL THEN
    INSERT INTO public.board_facet_changes (area_ids, kinds, types, organization_kinds, days, deltas)
    VALUES (array_fill(''::text, ARRAY[cardinality(k)]), k, t, o, d, n);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- board_item_areas changed: the cells of each affected item in its areas and the areas above them (each
-- area once per item), before and after the statement. The rows the statement did not touch are the same
-- before and after; the statement's old rows were there before it and its new rows after.
CREATE OR REPLACE FUNCTION public.portal_board_item_areas_counted()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
DECLARE
  src text := public.portal_board_transition(TG_OP,
    'item_id, area_id, item_kind, item_type, open_until, listed_kind');
  a text[];
  k text[];
  t text[];
  o text[];
  d date[];
  n int[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM public.board_facet_counts WHERE area_id <> '';
    RETURN NULL;
  END IF;
  EXECUTE format($q$
    WITH chg AS (%s),
    kept AS (
      SELECT ba.item_id, ba.area_id, ba.item_kind, ba.item_type, ba.open_until, ba.listed_kind
        FROM public.board_item_areas ba
       WHERE ba.item_id IN (SELECT c.item_id FROM chg c)
         AND NOT EXISTS (SELECT 1 FROM chg c WHERE c.sign = 1 AND c.item_id = ba.item_id AND c.area_id = ba.area_id)),
    states AS (
      SELECT kept.*, s.sign FROM kept, (VALUES (1), (-1)) s(sign)
      UNION ALL SELECT * FROM chg),
    cells AS (
      SELECT DISTINCT st.sign, st.item_id, x.area_id, st.item_kind, st.item_type, st.listed_kind, st.open_until
        FROM states st JOIN public.areas ar ON ar.id = st.area_id, unnest(ARRAY[ar.id, ar.parent_id]) x(area_id)
       WHERE x.area_id IS NOT NULL AND st.open_until IS NOT NULL AND st.listed_kind IS NOT NULL)
    SELECT array_agg(y.area_id), array_agg(y.kind), array_agg(y.type), array_agg(y.organization_kind),
           array_agg(y.last_day), array_agg(y.delta)
    FROM (SELECT c.area_id, k.v AS kind, t.v AS type, o.v AS organization_kind, c.open_until AS last_day,
                 sum(c.sign)::int AS delta
          FROM cells c, unnest(ARRAY[c.item_kind, '']) k(v), unnest(ARRAY[c.item_type, '']) t(v),
               unnest(ARRAY[c.listed_kind, '']) o(v)
          GROUP BY 1, 2, 3, 4, 5 HAVING sum(c.sign) <> 0) y $q$, src)
    INTO a, k, t, o, d, n;
  IF a IS NOT NULL THEN
    INSERT INTO public.board_facet_changes (area_ids, kinds, types, organization_kinds, days, deltas)
    VALUES (a, k, t, o, d, n);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER board_items_counted_inserted AFTER INSERT ON board_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_board_items_counted();
--> statement-breakpoint
CREATE TRIGGER board_items_counted_updated AFTER UPDATE ON board_items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION portal_board_items_counted();
--> statement-breakpoint
CREATE TRIGGER board_items_counted_deleted AFTER DELETE ON board_items
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_board_items_counted();
--> statement-breakpoint
CREATE TRIGGER board_items_counted_truncated AFTER TRUNCATE ON board_items
  FOR EACH STATEMENT EXECUTE FUNCTION portal_board_items_counted();
--> statement-breakpoint
CREATE TRIGGER board_item_areas_counted_inserted AFTER INSERT ON board_item_areas
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_board_item_areas_counted();
--> statement-breakpoint
CREATE TRIGGER board_item_areas_counted_updated AFTER UPDATE ON board_item_areas
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION portal_board_item_areas_counted();
--> statement-breakpoint
CREATE TRIGGER board_item_areas_counted_deleted AFTER DELETE ON board_item_areas
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_board_item_areas_counted();
--> statement-breakpoint
CREATE TRIGGER board_item_areas_counted_truncated AFTER TRUNCATE ON board_item_areas
  FOR EACH STATEMENT EXECUTE FUNCTION portal_board_item_areas_counted();
--> statement-breakpoint
-- 4. At commit (deferred): the transaction's differences summed per key and added in key order; rows that
-- reach 0 are removed; a count of a kept day that would fall below 0 (drift) fails the commit.
CREATE OR REPLACE FUNCTION public.portal_board_apply_count_changes()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
DECLARE
  horizon date := (SELECT h.first_day FROM public.board_count_horizon h);
  l text[];
  s smallint[];
  a text[];
  k text[];
  t text[];
  o text[];
  d date[];
  n int[];
  lowest int;
BEGIN
  WITH pending AS (DELETE FROM public.board_word_changes RETURNING lexemes, shareds, days, deltas)
  SELECT array_agg(y.lexeme), array_agg(y.shared), array_agg(y.last_day), array_agg(y.delta) INTO l, s, d, n
  FROM (SELECT x.lexeme, x.shared, x.last_day, sum(x.delta)::int AS delta
          FROM pending p, unnest(p.lexemes, p.shareds, p.days, p.deltas) x(lexeme, shared, last_day, delta)
         WHERE x.last_day >= horizon
         GROUP BY 1, 2, 3 HAVING sum(x.delta) <> 0) y;
  IF l IS NOT NULL THEN
    WITH up AS (
      INSERT INTO public.board_word_counts AS c (lexeme, shared, last_day, items)
      SELECT x.lexeme, x.shared, x.last_day, x.delta
        FROM unnest(l, s, d, n) x(lexeme, shared, last_day, delta)
       ORDER BY x.lexeme COLLATE "C", x.shared, x.last_day
      ON CONFLICT (lexeme, shared, last_day) DO UPDATE SET items = c.items + excluded.items
      RETURNING c.items)
    SELECT min(items) INTO lowest FROM up;
    IF lowest < 0 THEN
      RAISE EXCEPTION 'board_word_counts would fall below 0: the count tables drifted';
    END IF;
    DELETE FROM public.board_word_counts c
     USING unnest(l, s, d, n) x(lexeme, shared, last_day, delta)
     WHERE x.delta < 0 AND c.lexeme = x.lexeme AND c.shared = x.shared AND c.last_day = x.last_day
       AND c.items = 0;
  END IF;
  WITH pending AS (DELETE FROM public.board_facet_changes
                   RETURNING area_ids, kinds, types, organization_kinds, days, deltas)
  SELECT array_agg(y.area_id), array_agg(y.kind), array_agg(y.type), array_agg(y.organization_kind),
         array_agg(y.last_day), array_agg(y.delta) INTO a, k, t, o, d, n
  FROM (SELECT x.area_id, x.kind, x.type, x.organization_kind, x.last_day, sum(x.delta)::int AS delta
          FROM pending p,
               unnest(p.area_ids, p.kinds, p.types, p.organization_kinds, p.days, p.deltas)
                 x(area_id, kind, type, organization_kind, last_day, delta)
         WHERE x.last_day >= horizon
         GROUP BY 1, 2, 3, 4, 5 HAVING sum(x.delta) <> 0) y;
  IF a IS NOT NULL THEN
    WITH up AS (
      INSERT INTO public.board_facet_counts AS c (area_id, kind, type, organization_kind, last_day, items)
      SELECT x.area_id, x.kind, x.type, x.organization_kind, x.last_day, x.delta
        FROM unnest(a, k, t, o, d, n) x(area_id, kind, type, organization_kind, last_day, delta)
       ORDER BY x.area_id, x.kind, x.type, x.organization_kind, x.last_day
      ON CONFLICT (area_id, kind, type, organization_kind, last_day) DO UPDATE SET items = c.items + excluded.items
      RETURNING c.items)
    SELECT min(items) INTO lowest FROM up;
    IF lowest < 0 THEN
      RAISE EXCEPTION 'board_facet_counts would fall below 0: the count tables drifted';
    END IF;
    DELETE FROM public.board_facet_counts c
     USING unnest(a, k, t, o, d, n) x(area_id, kind, type, organization_kind, last_day, delta)
     WHERE x.delta < 0 AND c.area_id = x.area_id AND c.kind = x.kind AND c.type = x.type
       AND c.organization_kind = x.organization_kind AND c.last_day = x.last_day AND c.items = 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER board_word_changes_counted AFTER INSERT ON board_word_changes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION portal_board_apply_count_changes();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER board_facet_changes_counted AFTER INSERT ON board_facet_changes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION portal_board_apply_count_changes();
--> statement-breakpoint
-- Housekeeping: drop the days before `first_day` and ignore differences for them from now on; answers how
-- many rows it dropped.
CREATE OR REPLACE FUNCTION public.portal_board_counts_forget(first_day date)
  RETURNS integer LANGUAGE plpgsql
  AS $$
DECLARE
  words int;
  facets int;
BEGIN
  UPDATE public.board_count_horizon h SET first_day = greatest(h.first_day, portal_board_counts_forget.first_day);
  DELETE FROM public.board_word_counts c WHERE c.last_day < portal_board_counts_forget.first_day;
  GET DIAGNOSTICS words = ROW_COUNT;
  DELETE FROM public.board_facet_counts c WHERE c.last_day < portal_board_counts_forget.first_day;
  GET DIAGNOSTICS facets = ROW_COUNT;
  RETURN words + facets;
END $$;
--> statement-breakpoint
-- 5. Fill both from the items already stored.
INSERT INTO board_word_counts (lexeme, shared, last_day, items)
SELECT w.lexeme, w.shared, i.valid_until, count(*)
  FROM board_items i, portal_search_words(i.search) w
 WHERE i.status = 'published' AND i.listed_kind IS NOT NULL AND i.valid_until IS NOT NULL
 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO board_facet_counts (area_id, kind, type, organization_kind, last_day, items)
SELECT '', k.v, t.v, o.v, i.valid_until, count(*)
  FROM board_items i, unnest(ARRAY[i.kind, '']) k(v), unnest(ARRAY[i.type, '']) t(v),
       unnest(ARRAY[i.listed_kind, '']) o(v)
 WHERE i.status = 'published' AND i.listed_kind IS NOT NULL AND i.valid_until IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5
UNION ALL
SELECT c.area_id, k.v, t.v, o.v, c.open_until, count(*)
  FROM (SELECT DISTINCT ba.item_id, x.area_id, ba.item_kind, ba.item_type, ba.listed_kind, ba.open_until
          FROM board_item_areas ba JOIN areas ar ON ar.id = ba.area_id, unnest(ARRAY[ar.id, ar.parent_id]) x(area_id)
         WHERE x.area_id IS NOT NULL AND ba.open_until IS NOT NULL AND ba.listed_kind IS NOT NULL) c,
       unnest(ARRAY[c.item_kind, '']) k(v), unnest(ARRAY[c.item_type, '']) t(v), unnest(ARRAY[c.listed_kind, '']) o(v)
 GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
ANALYZE board_word_counts;
--> statement-breakpoint
ANALYZE board_facet_counts;
