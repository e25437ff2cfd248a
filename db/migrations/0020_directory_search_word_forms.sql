-- Directory search that finds Bulgarian word forms, area names and the city (issue 11 C9,
-- docs/decisions/018-bulgarian-word-forms.md).
--
-- PostgreSQL has no Bulgarian snowball stemmer (and PGlite ships the same dictionaries), so a light suffix
-- stripper in SQL, portal_search_stem(), runs on both engines. The search box's words are stemmed and then
-- matched as prefixes of the document's words, as before (decision 006); a stem is a prefix of its word, so
-- „софтуерна“ → 'софтуер':* finds „Софтуерни“, and a word typed half-way („софтуерн“, no ending to strip)
-- still finds the full word. The count tables of migration 0016 need no change.
--
-- The document now also holds the names (bg and en) of the member's areas and of the areas above them
-- (area_ids of directory_entries, the same lineage the area filter uses) and its city. Renaming or moving an
-- area, and linking or unlinking one, refreshes the documents of the members concerned, in the same
-- transaction, through the triggers of migration 0005.

-- A word's stem: the longest known ending that leaves at least 4 characters, removed. Works on lower-cased,
-- accent-free lexemes (portal_unaccent keeps й); words without such an ending (Latin, digits, short words)
-- are returned as they are. Plain comparisons rather than a regular expression, and not STRICT, so the
-- planner inlines it (a regular expression with these alternatives cost ~60 µs a word here).
CREATE OR REPLACE FUNCTION portal_search_stem(word text)
  RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE
          WHEN length(word) >= 9 AND right(word, 5) = 'овете' THEN left(word, -5)
          WHEN length(word) >= 8 AND right(word, 4) IN ('ният', 'ната', 'ните', 'ното') THEN left(word, -4)
          WHEN length(word) >= 7 AND right(word, 3) IN ('ият', 'ите', 'ата', 'ята', 'ото', 'ете', 'ове')
            THEN left(word, -3)
          WHEN length(word) >= 6 AND right(word, 2) IN ('ия', 'ии', 'ът', 'ят', 'ни', 'на', 'но', 'ен')
            THEN left(word, -2)
          WHEN length(word) >= 5 AND right(word, 1) IN ('и', 'а', 'о', 'е', 'я', 'ъ') THEN left(word, -1)
          ELSE word END $$;
--> statement-breakpoint
-- A search document from text: every word, lower-cased and accent-free, without positions (as in migration
-- 0005). No stems are stored: a stem is always a prefix of its word, so the query's stemmed prefix already
-- matches every form in the document, and the document stays as small and as cheap to build as before.
CREATE OR REPLACE FUNCTION portal_search_document(body text)
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT strip(to_tsvector('simple'::regconfig, lower(portal_unaccent(coalesce(body, ''))))) $$;
--> statement-breakpoint
-- Kept for callers of migration 0005's signature: the same document of the four texts.
CREATE OR REPLACE FUNCTION portal_search_document(name_bg text, name_en text, description_bg text, description_en text)
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT portal_search_document(concat_ws(' ', name_bg, name_en, description_bg, description_en)) $$;
--> statement-breakpoint
DROP FUNCTION portal_organization_document(organizations);
--> statement-breakpoint
-- A member's search document: both names, both descriptions, offers and seeks, the city, and the names of
-- its areas and of every area above them (`area_ids`, as in directory_entries).
CREATE OR REPLACE FUNCTION portal_organization_document(o organizations, area_ids text[])
  RETURNS tsvector LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT portal_search_document(concat_ws(' ', o.name_bg, o.name_en, o.description_bg, o.description_en,
          portal_sharing_text(o.offers), portal_sharing_text(o.seeks), o.city,
          (SELECT string_agg(a.name_bg || ' ' || a.name_en, ' ' ORDER BY a.id) FROM areas a
           WHERE a.id = ANY (area_ids)))) $$;
--> statement-breakpoint
-- The search box's words as the lexemes to look for (each one a prefix), stemmed (portal_search_stem), at
-- most 16. Not STRICT, so the planner can inline it into a query.
CREATE OR REPLACE FUNCTION portal_search_lexemes(q text)
  RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT DISTINCT portal_search_stem(t.lexeme)
        FROM (SELECT u.lexeme FROM unnest(to_tsvector('simple'::regconfig, lower(portal_unaccent(q)))) u
              LIMIT 16) t $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal_directory_refresh(ids uuid[])
  RETURNS void LANGUAGE plpgsql
  AS $$
BEGIN
  DELETE FROM directory_entries d
  WHERE d.organization_id = ANY (ids)
    AND NOT EXISTS (SELECT 1 FROM memberships m
                    WHERE m.organization_id = d.organization_id AND m.status = 'active' AND m.category <> 'candidate');
  INSERT INTO directory_entries AS d
    (organization_id, name_bg, kind, size_class, category, member_since, area_ids)
  SELECT o.id, o.name_bg, o.kind, o.size_class, m.category, m.member_since,
    portal_area_lineage(ARRAY(SELECT oa.area_id FROM organization_areas oa WHERE oa.organization_id = o.id))
  FROM organizations o JOIN memberships m ON m.organization_id = o.id
  WHERE o.id = ANY (ids) AND m.status = 'active' AND m.category <> 'candidate'
  ON CONFLICT (organization_id) DO UPDATE SET
    name_bg = excluded.name_bg, kind = excluded.kind, size_class = excluded.size_class,
    category = excluded.category, member_since = excluded.member_since, area_ids = excluded.area_ids
  WHERE (d.name_bg, d.kind, d.size_class, d.category, d.member_since, d.area_ids)
    IS DISTINCT FROM (excluded.name_bg, excluded.kind, excluded.size_class, excluded.category,
                      excluded.member_since, excluded.area_ids);
  INSERT INTO directory_search AS s (organization_id, search)
  SELECT o.id, portal_organization_document(o, d.area_ids)
  FROM organizations o JOIN directory_entries d ON d.organization_id = o.id
  WHERE o.id = ANY (ids)
  ON CONFLICT (organization_id) DO UPDATE SET search = excluded.search
  WHERE s.search IS DISTINCT FROM excluded.search;
END $$;
--> statement-breakpoint
-- The area filter of the given organisations' rows and, since area names are searched, their documents.
CREATE OR REPLACE FUNCTION portal_directory_refresh_areas(ids uuid[])
  RETURNS void LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE directory_entries d SET area_ids = x.area_ids
  FROM (SELECT e.organization_id,
          portal_area_lineage(ARRAY(SELECT oa.area_id FROM organization_areas oa
                                    WHERE oa.organization_id = e.organization_id)) AS area_ids
        FROM directory_entries e WHERE e.organization_id = ANY (ids)) x
  WHERE d.organization_id = x.organization_id AND d.area_ids IS DISTINCT FROM x.area_ids;
  UPDATE directory_search s SET search = x.search
  FROM (SELECT d.organization_id, portal_organization_document(o, d.area_ids) AS search
        FROM directory_entries d JOIN organizations o ON o.id = d.organization_id
        WHERE d.organization_id = ANY (ids)) x
  WHERE s.organization_id = x.organization_id AND s.search IS DISTINCT FROM x.search;
END $$;
--> statement-breakpoint
-- Moving an area under another parent changes the lineage of every member linked at or below it, renaming
-- it changes their documents; each such row already names the area in area_ids.
CREATE OR REPLACE FUNCTION portal_directory_areas_changed()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM portal_directory_refresh_areas(ARRAY(
    SELECT d.organization_id FROM directory_entries d
    WHERE d.area_ids && ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                              WHERE (n.parent_id, n.name_bg, n.name_en)
                                    IS DISTINCT FROM (o.parent_id, o.name_bg, o.name_en))));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The members already listed: only the documents that change are rewritten (their word counts follow at
-- commit, through the triggers of migration 0016).
UPDATE directory_search s SET search = x.search
FROM (SELECT d.organization_id, portal_organization_document(o, d.area_ids) AS search
      FROM directory_entries d JOIN organizations o ON o.id = d.organization_id) x
WHERE s.organization_id = x.organization_id AND s.search IS DISTINCT FROM x.search;
