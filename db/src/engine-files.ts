/**
 * What the database engines are started and migrated with, in a module of its own without drivers, so
 * that the test runs' global set-up can compute its template's cache key without loading them.
 */
import { fileURLToPath } from 'node:url';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/**
 * `true` inside the production bundle (server/build.ts defines it), which carries the migrations in
 * `migrations/` beside itself; not defined when this TypeScript runs from source (tsx, vitest).
 */
declare const PORTAL_BUNDLE: boolean | undefined;

/** The committed drizzle-kit migrations: `db/migrations` from source, `server/dist/migrations` bundled. */
export const migrationsFolder = fileURLToPath(
  new URL(
    typeof PORTAL_BUNDLE !== 'undefined' && PORTAL_BUNDLE ? './migrations' : '../migrations',
    import.meta.url,
  ),
);

/** btree_gist: the no-double-booking exclusion constraint compares uuids with `=` in a GiST index. */
export const pgliteExtensions = { btree_gist, pg_trgm, unaccent };
