-- What a member offers to and seeks from the cluster (organizations.offers / seeks, free text per kind of
-- sharing) becomes part of its search document, so the directory finds partners by it (issue 11 C8). The
-- triggers of migration 0005 already refresh a member on every update of its organisation row.

-- The texts of a sharing object ({"infrastructure": "…", "people": "…"}), space-separated.
CREATE OR REPLACE FUNCTION portal_sharing_text(sharing jsonb)
  RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(string_agg(e.value, ' ' ORDER BY e.key), '')
        FROM jsonb_each_text(CASE WHEN jsonb_typeof(sharing) = 'object' THEN sharing ELSE '{}'::jsonb END) e $$;
--> statement-breakpoint
-- A member's search document from its organisation row: both names, both descriptions, offers and seeks.
CREATE OR REPLACE FUNCTION portal_organization_document(o organizations)
  RETURNS tsvector LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT portal_search_document(o.name_bg, o.name_en, o.description_bg,
          concat_ws(' ', o.description_en, portal_sharing_text(o.offers), portal_sharing_text(o.seeks))) $$;
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
  SELECT o.id, portal_organization_document(o)
  FROM organizations o JOIN directory_entries d ON d.organization_id = o.id
  WHERE o.id = ANY (ids)
  ON CONFLICT (organization_id) DO UPDATE SET search = excluded.search
  WHERE s.search IS DISTINCT FROM excluded.search;
END $$;
--> statement-breakpoint
-- The members already listed: only the documents that change are rewritten (their word counts follow at
-- commit, through the triggers of migration 0016).
UPDATE directory_search s SET search = portal_organization_document(o)
FROM organizations o
WHERE o.id = s.organization_id AND s.search IS DISTINCT FROM portal_organization_document(o);
