-- portal_unaccent() names the unaccent function and dictionary with their schema. A restore (pg_restore,
-- decision 027) runs with an empty search_path, and PostgreSQL inlines this SQL function when it creates a
-- table whose generated column calls it (board_items.search_text): unqualified, `unaccent` was not found
-- there. Same result as before; the function stays IMMUTABLE and inlinable.
CREATE OR REPLACE FUNCTION portal_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
