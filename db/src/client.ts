import { mkdir } from 'node:fs/promises';
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
import { acquireDataDirLock } from './lock.ts';
import { observePglite, observePostgres, type QueryObserver, QueryObservers } from './observe.ts';
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
  /**
   * Watches every statement sent through `db` (its SQL text and duration, never its parameters): the
   * server's metrics and slow-query log. Returns the function that stops watching.
   */
  observe(observer: QueryObserver): () => void;
  /** The underlying clients, for tests and benchmarks (statements sent on them directly are not observed). */
  pglite?: PGlite;
  sql?: postgres.Sql;
}

export const migrationsFolder = new URL('../migrations', import.meta.url).pathname;

export const pgliteExtensions = { pg_trgm, unaccent };

export function openPglite(pg: PGlite): DbHandle {
  const observers = new QueryObservers();
  const db = drizzlePglite({ client: observePglite(pg, observers), schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    pglite: pg,
    observe: (observer) => observers.add(observer),
    async query<T extends Record<string, unknown>>(statement: SQL) {
      const result = await db.execute(statement);
      return (result as unknown as { rows: T[] }).rows;
    },
    close: () => pg.close(),
  };
}

export function openPostgres(url: string, maxConnections = 10): DbHandle {
  const sql = postgres(url, { max: maxConnections, onnotice: () => {} });
  const observers = new QueryObservers();
  const db = drizzlePostgres({ client: observePostgres(sql, observers), schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    sql,
    observe: (observer) => observers.add(observer),
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
  if (!dataDir) return openPglite(await PGlite.create({ extensions: pgliteExtensions }));
  return openPgliteDir(dataDir);
}

/**
 * Opens the embedded database in a directory, holding its lock (`<dir>.lock`, decision 027) until the
 * handle is closed: a second process — or a second open in this one — is refused with DatabaseLockedError.
 */
export async function openPgliteDir(
  dataDir: string,
  options: { loadDataDir?: Blob } = {},
): Promise<DbHandle> {
  const lock = acquireDataDirLock(dataDir);
  let pg: PGlite;
  try {
    pg = await PGlite.create({ dataDir, extensions: pgliteExtensions, ...options });
  } catch (error) {
    lock.release();
    throw error;
  }
  const handle = openPglite(pg);
  handle.close = async () => {
    // Released only once PGlite has closed its files; if closing fails, the exit hook releases it.
    if (!pg.closed) await pg.close();
    lock.release();
  };
  return handle;
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
