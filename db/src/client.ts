import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { rowsOf } from './driver.ts';
import { migrationsFolder, pgliteExtensions } from './engine-files.ts';
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
  /** postgres.js pool size (10 when unset). */
  maxConnections?: number | undefined;
  /**
   * PostgreSQL: seconds to wait for a new connection (TCP and start-up) before its query fails; postgres.js
   * waits 30 s when unset.
   */
  connectTimeoutSeconds?: number | undefined;
  /** PostgreSQL: `statement_timeout` of every pooled connection, in seconds; unset or 0: none. */
  statementTimeoutSeconds?: number | undefined;
  /** PostgreSQL: a pooled connection idle this many seconds is closed; unset or 0: kept. */
  idleTimeoutSeconds?: number | undefined;
}

/** The pool settings of a PostgreSQL handle (see `DbConfig`). */
export type PostgresOptions = Pick<
  DbConfig,
  'maxConnections' | 'connectTimeoutSeconds' | 'statementTimeoutSeconds' | 'idleTimeoutSeconds'
>;

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

export { migrationsFolder, pgliteExtensions };

export function openPglite(pg: PGlite): DbHandle {
  const observers = new QueryObservers();
  const db = drizzlePglite({ client: observePglite(pg, observers), schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    pglite: pg,
    observe: (observer) => observers.add(observer),
    query: (statement) => rowsOf(db, statement),
    close: () => pg.close(),
  };
}

/**
 * How long a connection waits before trying again after its last attempt failed, in seconds: a little
 * longer after each failure in a row, never more than half a second. postgres.js's own backoff grows to
 * 20 s, so during an outage a request could wait that long before failing, and after the database came
 * back the first reconnection could be that late (decision 026).
 */
export function reconnectDelaySeconds(failuresInARow: number): number {
  return Math.min(0.5, 0.025 * 2 ** failuresInARow);
}

/** The migration client of each PostgreSQL handle: one connection of its own (see `migrate`). */
const migrationClients = new WeakMap<DbHandle, () => postgres.Sql>();

export function openPostgres(url: string, options: PostgresOptions | number = {}): DbHandle {
  const o: PostgresOptions = typeof options === 'number' ? { maxConnections: options } : options;
  const common = {
    onnotice: () => {},
    backoff: reconnectDelaySeconds,
    ...(o.connectTimeoutSeconds ? { connect_timeout: o.connectTimeoutSeconds } : {}),
  };
  const sql = postgres(url, {
    ...common,
    max: o.maxConnections ?? 10,
    ...(o.idleTimeoutSeconds ? { idle_timeout: o.idleTimeoutSeconds } : {}),
    // Sent with the start-up message, so every connection of the pool has it from its first statement.
    ...(o.statementTimeoutSeconds
      ? { connection: { statement_timeout: o.statementTimeoutSeconds * 1000 } }
      : {}),
  });
  const observers = new QueryObservers();
  const db = drizzlePostgres({ client: observePostgres(sql, observers), schema }) as unknown as Db;
  const handle: DbHandle = {
    db,
    engine: 'postgres',
    sql,
    observe: (observer) => observers.add(observer),
    query: (statement) => rowsOf(db, statement),
    close: () => sql.end({ timeout: 5 }),
  };
  // Migrations run on one connection without the statement timeout (an index on a big table may take
  // minutes) and never recycled while they run, since it holds the migration lock.
  migrationClients.set(handle, () =>
    postgres(url, { ...common, max: 1, idle_timeout: 0, max_lifetime: null }),
  );
  return handle;
}

/** Opens the database the configuration names: PostgreSQL when a URL is given, otherwise PGlite. */
export async function createDb(config: DbConfig = {}): Promise<DbHandle> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config);
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

/**
 * The advisory lock that serialises migrations between processes sharing a PostgreSQL database: its key
 * is computed by the server from this name, so it reads the same in `pg_locks` queries and in the code.
 */
export const MIGRATION_LOCK_NAME = 'cluster-portal:migrations';

/**
 * Applies the committed drizzle-kit migrations (idempotent).
 *
 * On PostgreSQL several instances may start at once. drizzle's migrator creates its schema and table,
 * reads the last applied migration and then applies the newer ones in a transaction, so two of them at
 * once both create, both read "nothing applied" and the second fails. Here the whole of it runs on one
 * dedicated connection that first takes a session-level advisory lock: the second instance waits until
 * the first has committed, then reads the new state and finds nothing to do (decision 026).
 */
export async function migrate(handle: DbHandle): Promise<void> {
  if (handle.engine === 'pglite') {
    await migratePglite(handle.db as never, { migrationsFolder });
    return;
  }
  const openClient = migrationClients.get(handle);
  if (!openClient) throw new Error('migrate() needs a PostgreSQL handle made by openPostgres()');
  const client = openClient();
  try {
    // A session lock on the client's only connection: every statement of the migrator runs on that same
    // connection, and the lock goes with it if the process dies.
    await client`select pg_advisory_lock(hashtextextended(${MIGRATION_LOCK_NAME}, 0))`;
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
    await client`select pg_advisory_unlock(hashtextextended(${MIGRATION_LOCK_NAME}, 0))`;
  } finally {
    await client.end({ timeout: 5 });
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
