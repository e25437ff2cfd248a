-- Partner suggestions (decision 035): board_item_areas carries copies of its item's organisation, kind, type
-- and — while the item is published — its last day (open_until), so "open items of this type and kind in
-- this area" is one range of board_item_areas_open_match_idx. These triggers keep the copies in step in the
-- same statement as every change; the application never writes them.
CREATE OR REPLACE FUNCTION portal_board_item_areas_fill()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  SELECT i.organization_id, i.kind, i.type,
         CASE WHEN i.status = 'published' THEN i.valid_until END
    INTO NEW.organization_id, NEW.item_kind, NEW.item_type, NEW.open_until
    FROM public.board_items i WHERE i.id = NEW.item_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER board_item_areas_fill
  BEFORE INSERT OR UPDATE OF item_id ON board_item_areas
  FOR EACH ROW EXECUTE FUNCTION portal_board_item_areas_fill();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal_board_items_copy_to_areas()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE public.board_item_areas ba
     SET organization_id = NEW.organization_id, item_kind = NEW.kind, item_type = NEW.type,
         open_until = CASE WHEN NEW.status = 'published' THEN NEW.valid_until END
   WHERE ba.item_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER board_items_copy_to_areas
  AFTER UPDATE OF organization_id, kind, type, status, valid_until ON board_items
  FOR EACH ROW
  WHEN (OLD.organization_id IS DISTINCT FROM NEW.organization_id OR OLD.kind IS DISTINCT FROM NEW.kind
        OR OLD.type IS DISTINCT FROM NEW.type OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.valid_until IS DISTINCT FROM NEW.valid_until)
  EXECUTE FUNCTION portal_board_items_copy_to_areas();
--> statement-breakpoint
-- The rows already there.
UPDATE board_item_areas ba
   SET organization_id = i.organization_id, item_kind = i.kind, item_type = i.type,
       open_until = CASE WHEN i.status = 'published' THEN i.valid_until END
  FROM board_items i WHERE i.id = ba.item_id;
--> statement-breakpoint
-- organization_areas carries whether its organisation is an active member now (status active, not a
-- candidate: decision 012) and its kind, so the shared-area count of the suggestions needs no join.
CREATE OR REPLACE FUNCTION portal_organization_areas_fill()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  SELECT o.kind, EXISTS (SELECT 1 FROM public.memberships m WHERE m.organization_id = o.id
                           AND m.status = 'active' AND m.category <> 'candidate')
    INTO NEW.organization_kind, NEW.active_member
    FROM public.organizations o WHERE o.id = NEW.organization_id;
  NEW.active_member := coalesce(NEW.active_member, false);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER organization_areas_fill
  BEFORE INSERT OR UPDATE OF organization_id ON organization_areas
  FOR EACH ROW EXECUTE FUNCTION portal_organization_areas_fill();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal_memberships_copy_to_areas()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
DECLARE
  org uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.organization_id ELSE NEW.organization_id END;
BEGIN
  UPDATE public.organization_areas oa
     SET active_member = EXISTS (SELECT 1 FROM public.memberships m WHERE m.organization_id = org
                                   AND m.status = 'active' AND m.category <> 'candidate')
   WHERE oa.organization_id = org;
  IF TG_OP = 'UPDATE' AND OLD.organization_id IS DISTINCT FROM NEW.organization_id THEN
    UPDATE public.organization_areas oa SET active_member = false WHERE oa.organization_id = OLD.organization_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER memberships_copy_to_areas
  AFTER INSERT OR DELETE OR UPDATE OF organization_id, status, category ON memberships
  FOR EACH ROW EXECUTE FUNCTION portal_memberships_copy_to_areas();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal_organizations_copy_to_areas()
  RETURNS trigger LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE public.organization_areas oa SET organization_kind = NEW.kind WHERE oa.organization_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organizations_copy_to_areas
  AFTER UPDATE OF kind ON organizations
  FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind)
  EXECUTE FUNCTION portal_organizations_copy_to_areas();
--> statement-breakpoint
UPDATE organization_areas oa
   SET organization_kind = o.kind,
       active_member = EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = oa.organization_id
                                 AND m.status = 'active' AND m.category <> 'candidate')
  FROM organizations o WHERE o.id = oa.organization_id;
