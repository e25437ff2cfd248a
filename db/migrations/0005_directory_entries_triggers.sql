-- The public directory's read model (docs/decisions/006-directory-read-model.md): directory_entries holds one
-- row per publicly listed member (active, not a candidate — isPubliclyListed() in @portal/shared) and is kept
-- in step by the statement-level triggers below, in the same transaction as every change to organisations,
-- memberships, area links or the area tree. Statement-level triggers with transition tables refresh a whole
-- bulk insert in one set-based statement instead of once per row.

-- The search document: every word of both names and descriptions, lower-cased and accent-free, without
-- positions (no phrase search or ranking needs them, and stripping keeps the row small).
CREATE OR REPLACE FUNCTION portal_search_document(name_bg text, name_en text, description_bg text, description_en text)
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT strip(to_tsvector('simple'::regconfig,
          lower(portal_unaccent(concat_ws(' ', name_bg, name_en, description_bg, description_en))))) $$;
--> statement-breakpoint
-- A search box's text as a tsquery: the same normalisation and word splitting as the document, each word a
-- prefix (`дигит` finds „Дигитална“), all words required. The words are quoted as lexemes, so tsquery
-- operators typed by a user (& | ! <-> : *) are plain text. NULL when the text holds no word at all.
CREATE OR REPLACE FUNCTION portal_search_query(q text)
  RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT string_agg('''' || replace(replace(w.lexeme, '\', '\\'), '''', '''''') || ''':*', ' & ')::tsquery
        FROM (SELECT t.lexeme FROM unnest(to_tsvector('simple'::regconfig, lower(portal_unaccent(q)))) t
              LIMIT 16) w $$;
--> statement-breakpoint
-- The given areas and every area above them, sorted (so a parent-area filter includes its sub-areas).
CREATE OR REPLACE FUNCTION portal_area_lineage(area_ids text[])
  RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE STRICT
  AS $$ WITH RECURSIVE up(id) AS (
          SELECT unnest(area_ids)
          UNION
          SELECT a.parent_id FROM areas a JOIN up ON a.id = up.id WHERE a.parent_id IS NOT NULL
        )
        SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM up $$;
--> statement-breakpoint
-- Rewrites the directory rows of the given organisations from the source tables: inserts the newly listed,
-- updates the changed (only when something differs), deletes those no longer listed.
CREATE OR REPLACE FUNCTION portal_directory_refresh(ids uuid[])
  RETURNS void LANGUAGE plpgsql
  AS $$
BEGIN
  DELETE FROM directory_entries d
  WHERE d.organization_id = ANY (ids)
    AND NOT EXISTS (SELECT 1 FROM memberships m
                    WHERE m.organization_id = d.organization_id AND m.status = 'active' AND m.category <> 'candidate');
  INSERT INTO directory_entries AS d
    (organization_id, name_bg, kind, size_class, category, member_since, area_ids, search)
  SELECT o.id, o.name_bg, o.kind, o.size_class, m.category, m.member_since,
    portal_area_lineage(ARRAY(SELECT oa.area_id FROM organization_areas oa WHERE oa.organization_id = o.id)),
    portal_search_document(o.name_bg, o.name_en, o.description_bg, o.description_en)
  FROM organizations o JOIN memberships m ON m.organization_id = o.id
  WHERE o.id = ANY (ids) AND m.status = 'active' AND m.category <> 'candidate'
  ON CONFLICT (organization_id) DO UPDATE SET
    name_bg = excluded.name_bg, kind = excluded.kind, size_class = excluded.size_class,
    category = excluded.category, member_since = excluded.member_since, area_ids = excluded.area_ids,
    search = excluded.search
  WHERE (d.name_bg, d.kind, d.size_class, d.category, d.member_since, d.area_ids, d.search)
    IS DISTINCT FROM (excluded.name_bg, excluded.kind, excluded.size_class, excluded.category,
                      excluded.member_since, excluded.area_ids, excluded.search);
END $$;
--> statement-breakpoint
-- Only the area filter of the given organisations' rows (area links changed; names and texts did not).
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
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal_directory_organizations_changed()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM portal_directory_refresh(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal_directory_memberships_changed()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM portal_directory_refresh(ARRAY(SELECT organization_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM portal_directory_refresh(ARRAY(SELECT organization_id FROM old_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM portal_directory_refresh(ARRAY(SELECT organization_id FROM new_rows
                                           UNION SELECT organization_id FROM old_rows));
  ELSE -- TRUNCATE: no membership, no listed member.
    DELETE FROM directory_entries;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal_directory_organization_areas_changed()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM portal_directory_refresh_areas(ARRAY(SELECT organization_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM portal_directory_refresh_areas(ARRAY(SELECT organization_id FROM old_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM portal_directory_refresh_areas(ARRAY(SELECT organization_id FROM new_rows
                                                 UNION SELECT organization_id FROM old_rows));
  ELSE -- TRUNCATE
    UPDATE directory_entries SET area_ids = '{}' WHERE area_ids <> '{}';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Moving an area under another parent changes the lineage of every member linked at or below it; each such
-- row already names the moved area in area_ids.
CREATE OR REPLACE FUNCTION portal_directory_areas_changed()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM portal_directory_refresh_areas(ARRAY(
    SELECT d.organization_id FROM directory_entries d
    WHERE d.area_ids && ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                              WHERE n.parent_id IS DISTINCT FROM o.parent_id)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER directory_organizations_inserted AFTER INSERT ON organizations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_directory_organizations_changed();
--> statement-breakpoint
CREATE TRIGGER directory_organizations_updated AFTER UPDATE ON organizations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_directory_organizations_changed();
--> statement-breakpoint
CREATE TRIGGER directory_memberships_inserted AFTER INSERT ON memberships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_directory_memberships_changed();
--> statement-breakpoint
CREATE TRIGGER directory_memberships_updated AFTER UPDATE ON memberships
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION portal_directory_memberships_changed();
--> statement-breakpoint
CREATE TRIGGER directory_memberships_deleted AFTER DELETE ON memberships
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_directory_memberships_changed();
--> statement-breakpoint
CREATE TRIGGER directory_memberships_truncated AFTER TRUNCATE ON memberships
  FOR EACH STATEMENT EXECUTE FUNCTION portal_directory_memberships_changed();
--> statement-breakpoint
CREATE TRIGGER directory_organization_areas_inserted AFTER INSERT ON organization_areas
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_directory_organization_areas_changed();
--> statement-breakpoint
CREATE TRIGGER directory_organization_areas_updated AFTER UPDATE ON organization_areas
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION portal_directory_organization_areas_changed();
--> statement-breakpoint
CREATE TRIGGER directory_organization_areas_deleted AFTER DELETE ON organization_areas
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_directory_organization_areas_changed();
--> statement-breakpoint
CREATE TRIGGER directory_organization_areas_truncated AFTER TRUNCATE ON organization_areas
  FOR EACH STATEMENT EXECUTE FUNCTION portal_directory_organization_areas_changed();
--> statement-breakpoint
CREATE TRIGGER directory_areas_updated AFTER UPDATE ON areas
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION portal_directory_areas_changed();
--> statement-breakpoint
-- Fill the read model from the members already stored.
SELECT portal_directory_refresh(ARRAY(SELECT id FROM organizations));
