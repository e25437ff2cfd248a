-- Partner suggestions (decision 035): copies that let the pre-filter read index-only ranges, kept by
-- statement-level triggers with transition tables (like the directory's, migration 0005). They run at the
-- end of each statement, so they also see rows a sibling CTE of the same statement inserted (the bench's and
-- the CSV import's bulk inserts). The application never writes these columns.
--
-- board_item_areas carries its item's organisation, kind, type and — while the item is published — its last
-- day (open_until): "open items of this type and kind in this area" is one range of
-- board_item_areas_open_match_idx.
CREATE OR REPLACE FUNCTION portal_board_item_areas_inserted()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE public.board_item_areas ba
     SET organization_id = i.organization_id, item_kind = i.kind, item_type = i.type,
         open_until = CASE WHEN i.status = 'published' THEN i.valid_until END
    FROM new_rows n JOIN public.board_items i ON i.id = n.item_id
   WHERE ba.item_id = n.item_id AND ba.area_id = n.area_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER board_item_areas_inserted AFTER INSERT ON board_item_areas
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_board_item_areas_inserted();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal_board_items_updated()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE public.board_item_areas ba
     SET organization_id = n.organization_id, item_kind = n.kind, item_type = n.type,
         open_until = CASE WHEN n.status = 'published' THEN n.valid_until END
    FROM new_rows n
   WHERE ba.item_id = n.id
     AND (ba.organization_id IS DISTINCT FROM n.organization_id OR ba.item_kind IS DISTINCT FROM n.kind
          OR ba.item_type IS DISTINCT FROM n.type
          OR ba.open_until IS DISTINCT FROM CASE WHEN n.status = 'published' THEN n.valid_until END);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER board_items_updated_copy AFTER UPDATE ON board_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_board_items_updated();
--> statement-breakpoint
-- organization_areas carries whether its organisation is an active member now (status active, not a
-- candidate: decision 012) and its kind, so the shared-area count needs no join.
CREATE OR REPLACE FUNCTION portal_organization_areas_refresh(ids uuid[])
  RETURNS void LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE public.organization_areas oa
     SET organization_kind = x.kind, active_member = x.active
    FROM (SELECT o.id, o.kind,
                 EXISTS (SELECT 1 FROM public.memberships m WHERE m.organization_id = o.id
                           AND m.status = 'active' AND m.category <> 'candidate') AS active
            FROM public.organizations o WHERE o.id = ANY (ids)) x
   WHERE oa.organization_id = x.id
     AND (oa.organization_kind IS DISTINCT FROM x.kind OR oa.active_member IS DISTINCT FROM x.active);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal_suggestion_copies_new_orgs()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM portal_organization_areas_refresh(ARRAY(SELECT DISTINCT organization_id FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal_suggestion_copies_old_orgs()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM portal_organization_areas_refresh(ARRAY(SELECT DISTINCT organization_id FROM old_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal_suggestion_copies_organizations()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM portal_organization_areas_refresh(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organization_areas_inserted_copy AFTER INSERT ON organization_areas
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_suggestion_copies_new_orgs();
--> statement-breakpoint
CREATE TRIGGER memberships_inserted_copy AFTER INSERT ON memberships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_suggestion_copies_new_orgs();
--> statement-breakpoint
CREATE TRIGGER memberships_updated_copy AFTER UPDATE ON memberships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_suggestion_copies_new_orgs();
--> statement-breakpoint
CREATE TRIGGER memberships_updated_old_copy AFTER UPDATE ON memberships
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_suggestion_copies_old_orgs();
--> statement-breakpoint
CREATE TRIGGER memberships_deleted_copy AFTER DELETE ON memberships
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_suggestion_copies_old_orgs();
--> statement-breakpoint
CREATE TRIGGER organizations_updated_copy AFTER UPDATE ON organizations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION portal_suggestion_copies_organizations();
--> statement-breakpoint
-- The rows already there.
UPDATE board_item_areas ba
   SET organization_id = i.organization_id, item_kind = i.kind, item_type = i.type,
       open_until = CASE WHEN i.status = 'published' THEN i.valid_until END
  FROM board_items i WHERE i.id = ba.item_id;
--> statement-breakpoint
UPDATE organization_areas oa
   SET organization_kind = o.kind,
       active_member = EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = oa.organization_id
                                 AND m.status = 'active' AND m.category <> 'candidate')
  FROM organizations o WHERE o.id = oa.organization_id;
