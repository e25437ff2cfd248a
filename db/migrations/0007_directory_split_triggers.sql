-- The directory read model split in two (docs/decisions/006-directory-read-model.md): directory_entries keeps
-- the narrow filter and sort columns, directory_search the search document. Both are written here, by the
-- triggers of migration 0005, in the writer's transaction; a directory_search row exists exactly when its
-- directory_entries row does (the foreign key deletes it with its entry).

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
  SELECT o.id, portal_search_document(o.name_bg, o.name_en, o.description_bg, o.description_en)
  FROM organizations o JOIN directory_entries d ON d.organization_id = o.id
  WHERE o.id = ANY (ids)
  ON CONFLICT (organization_id) DO UPDATE SET search = excluded.search
  WHERE s.search IS DISTINCT FROM excluded.search;
END $$;
--> statement-breakpoint
-- Fill the search table from the members already listed.
INSERT INTO directory_search (organization_id, search)
SELECT o.id, portal_search_document(o.name_bg, o.name_en, o.description_bg, o.description_en)
FROM organizations o JOIN directory_entries d ON d.organization_id = o.id;
--> statement-breakpoint
-- Dropping the column left its bytes in every stored row: rewrite the table compactly (in name order,
-- the directory's default sort).
CLUSTER directory_entries USING directory_entries_name_idx;
