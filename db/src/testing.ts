/**
 * Test databases: a fresh, fully migrated database per test file, on PGlite by default and on the
 * PostgreSQL server named by DATABASE_URL when it is set (a new database per file, dropped on close).
 */
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { type DbHandle, migrate, openPglite, openPostgres, pgliteExtensions } from './client.ts';
import { createFreshDatabase, dropDatabase, withDatabase } from './testing/postgres.ts';
import './testing/provided-context.ts';

export { adminUrl, createFreshDatabase, dropDatabase, withDatabase } from './testing/postgres.ts';
export { exited, repoRoot, runScript, startScript, waitForLine } from './testing/processes.ts';

export interface TestDbOptions {
  /** Fills the fresh database, e.g. with the demo seed. */
  seed?: (handle: DbHandle) => Promise<void>;
  /** postgres.js pool size (concurrency tests want more than one connection). */
  maxConnections?: number;
}

export const testEngine: 'pglite' | 'postgres' = process.env.DATABASE_URL ? 'postgres' : 'pglite';

export async function createTestDb(options: TestDbOptions = {}): Promise<DbHandle> {
  const handle = process.env.DATABASE_URL
    ? await createPostgresTestDb(process.env.DATABASE_URL, options.maxConnections ?? 10)
    : await createPgliteTestDb();
  if (options.seed) await options.seed(handle);
  return handle;
}

async function createPgliteTestDb(): Promise<DbHandle> {
  const template = await readFile(inject('pgliteTemplate'));
  const pg = await PGlite.create({ loadDataDir: new Blob([template]), extensions: pgliteExtensions });
  return openPglite(pg);
}

async function createPostgresTestDb(url: string, maxConnections: number): Promise<DbHandle> {
  const template = inject('postgresTemplate');
  const name = await createFreshDatabase(url, inject('testRunId'), template || undefined);
  const handle = openPostgres(withDatabase(url, name), maxConnections);
  if (!template) await migrate(handle);
  const close = handle.close;
  handle.close = async () => {
    await close();
    await dropDatabase(url, name);
  };
  return handle;
}

export {
  findPostgresBin,
  startThrowawayCluster,
  type ThrowawayCluster,
} from './testing/throwaway-cluster.ts';
