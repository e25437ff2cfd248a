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
