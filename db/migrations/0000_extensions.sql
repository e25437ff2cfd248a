-- Extensions and helpers the schema relies on. pg_trgm and unaccent are trusted extensions (PG 13+).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- unaccent() is only STABLE (it reads a dictionary), so it cannot be used in a generated column or an
-- index; this wrapper names the dictionary explicitly and is safe to declare IMMUTABLE.
CREATE OR REPLACE FUNCTION portal_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT unaccent('unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- Bulgarian alphabetical order (Cyrillic before Latin, punctuation such as „ “ ignored). Where ICU lacks
-- the bg tailoring (PGlite ships only the root collation) this still orders Cyrillic letters correctly.
CREATE COLLATION IF NOT EXISTS portal_bg (provider = icu, locale = 'bg-u-kr-cyrl-latn-ka-shifted');
