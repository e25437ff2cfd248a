-- The board's word search (docs/decisions/038-board-search.md) stores the directory's search document of an
-- item in a generated column, board_items.search = portal_search_document(titles and descriptions). A
-- restore (pg_restore, decision 027) recomputes a generated column with an empty search_path, where the
-- unqualified portal_unaccent() in this function's body would not be found (the trap migration 0028 fixed
-- for portal_unaccent itself): name it with its schema. The same document as before (migration 0020); the
-- function stays IMMUTABLE and inlinable, and no stored document changes.
CREATE OR REPLACE FUNCTION portal_search_document(body text)
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT pg_catalog.strip(pg_catalog.to_tsvector('pg_catalog.simple'::regconfig,
          pg_catalog.lower(public.portal_unaccent(coalesce(body, ''))))) $$;
