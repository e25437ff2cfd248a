-- Approved minutes are locked (decision 045): their text, status, revision and approval cannot change and
-- the row cannot be deleted; a correction is a new revision. Only the people columns may still be cleared
-- (an account removed: ON DELETE SET NULL).
CREATE FUNCTION portal_minutes_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'approved minutes are locked' USING ERRCODE = 'check_violation', CONSTRAINT = 'meeting_minutes_locked';
  END IF;
  IF (NEW.meeting_id, NEW.revision, NEW.status, NEW.text_bg, NEW.text_en, NEW.correction_reason, NEW.approved_at)
     IS DISTINCT FROM
     (OLD.meeting_id, OLD.revision, OLD.status, OLD.text_bg, OLD.text_en, OLD.correction_reason, OLD.approved_at) THEN
    RAISE EXCEPTION 'approved minutes are locked' USING ERRCODE = 'check_violation', CONSTRAINT = 'meeting_minutes_locked';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER meeting_minutes_locked
  BEFORE UPDATE OR DELETE ON meeting_minutes
  FOR EACH ROW WHEN (OLD.status = 'approved')
  EXECUTE FUNCTION portal_minutes_locked();
