import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** Either engine's drizzle database; a transaction is one too, so services accept `Db` for both. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface DbConfig {
  /** postgres://… — use PostgreSQL through postgres.js instead of the embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` (or undefined) keeps the database in memory. */
  dataDir?: string | undefined;
  /** postgres.js pool size. */
  maxConnections?: number | undefined;
}

export interface DbHandle {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Runs raw SQL and returns its rows, whichever the engine. */
  query<T extends Record<string, unknown>>(statement: SQL): Promise<T[]>;
  close(): Promise<void>;
  /** The underlying clients, for tests and benchmarks. */
  pglite?: PGlite;
  sql?: postgres.Sql;
}

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

export const pgliteExtensions = { pg_trgm, unaccent };

export function openPglite(pg: PGlite): DbHandle {
  const db = drizzlePglite({ client: pg, schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    pglite: pg,
    async query<T extends Record<string, unknown>>(statement: SQL) {
      const result = await db.execute(statement);
      return (result as unknown as { rows: T[] }).rows;
    },
    close: () => pg.close(),
  };
}

export function openPostgres(url: string, maxConnections = 10): DbHandle {
  const sql = postgres(url, { max: maxConnections, onnotice: () => {} });
  const db = drizzlePostgres({ client: sql, schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    sql,
    async query<T extends Record<string, unknown>>(statement: SQL) {
      return [...((await db.execute(statement)) as unknown as T[])];
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

/** Opens the database the configuration names: PostgreSQL when a URL is given, otherwise PGlite. */
export async function createDb(config: DbConfig = {}): Promise<DbHandle> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.maxConnections);
  const dataDir = config.dataDir && config.dataDir !== 'memory://' ? config.dataDir : undefined;
  const pg = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: pgliteExtensions });
  return openPglite(pg);
}

/** Applies the committed drizzle-kit migrations (idempotent). */
export async function migrate(handle: DbHandle): Promise<void> {
  if (handle.engine === 'pglite') {
    await migratePglite(handle.db as never, { migrationsFolder });
  } else {
    await migratePostgres(handle.db as never, { migrationsFolder });
  }
}

/**
 * Opens the configured database (creating the PGlite directory when needed) and applies the migrations:
 * what the server, `pnpm db:migrate` and `pnpm db:seed` all do first.
 */
export async function openMigratedDb(config: DbConfig): Promise<DbHandle> {
  if (!config.databaseUrl && config.dataDir && config.dataDir !== 'memory://') {
    await mkdir(config.dataDir, { recursive: true });
  }
  const handle = await createDb(config);
  try {
    await migrate(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
