import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { migrationsFolder, pgliteExtensions } from '../engine-files.ts';
import { cachedTemplate, installedVersion, templateKey } from './pglite-template.ts';
import './provided-context.ts';

/** Outside git (node_modules is ignored), one per checkout. */
const cacheDir = fileURLToPath(
  new URL('../../../node_modules/.cache/portal-pglite-template/', import.meta.url),
);

/**
 * The PostgreSQL pass's counterpart of the PGlite template: one migrated database of this run (its name
 * starts like the run's other databases, so teardown drops it too), closed again so that test files can
 * copy it.
 */
async function postgresTemplate(url: string, runId: string): Promise<string> {
  const [{ createFreshDatabase, withDatabase }, { migrate, openPostgres }] = await Promise.all([
    import('./postgres.ts'),
    import('../client.ts'),
  ]);
  const name = await createFreshDatabase(url, runId);
  const handle = openPostgres(withDatabase(url, name), 1);
  try {
    await migrate(handle);
  } finally {
    await handle.close();
  }
  return name;
}

/**
 * Once per test project: provide a migrated PGlite database as a dump, so that each test file loads a
 * fresh copy (~0.5 s) instead of starting and migrating its own (~5 s). The dump is cached by a hash of
 * the migrations, the PGlite and drizzle-orm versions and the extensions (`pglite-template.ts`); only a
 * run after one of them changed migrates and dumps a new one (~35 s).
 */
export default async function setup(project: TestProject) {
  const runId = randomBytes(4).toString('hex');
  project.provide('testRunId', runId);
  // The PostgreSQL pass has no template: tests see a path that does not exist.
  const dir = await mkdtemp(join(tmpdir(), 'portal-pglite-'));
  let file = join(dir, 'template.tar.gz');
  if (!process.env.DATABASE_URL) {
    const key = await templateKey({
      migrationsFolder,
      pgliteVersion: await installedVersion('@electric-sql/pglite'),
      drizzleVersion: await installedVersion('drizzle-orm'),
      extensions: Object.keys(pgliteExtensions),
    });
    ({ path: file } = await cachedTemplate(cacheDir, key, async () => {
      // Loaded only when the template is built: a run with a cached template needs neither driver.
      const [{ PGlite }, { migrate, openPglite }] = await Promise.all([
        import('@electric-sql/pglite'),
        import('../client.ts'),
      ]);
      const pg = await PGlite.create({ extensions: pgliteExtensions });
      try {
        await migrate(openPglite(pg));
        const dump = await pg.dumpDataDir('gzip');
        return new Uint8Array(await dump.arrayBuffer());
      } finally {
        await pg.close();
      }
    }));
  }
  project.provide('pgliteTemplate', file);
  project.provide(
    'postgresTemplate',
    process.env.DATABASE_URL ? await postgresTemplate(process.env.DATABASE_URL, runId) : '',
  );
  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (process.env.DATABASE_URL) {
      const { adminUrl, dropRunDatabases } = await import('./postgres.ts');
      await dropRunDatabases(adminUrl(process.env.DATABASE_URL), runId);
    }
  };
}
