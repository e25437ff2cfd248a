/**
 * Restore drills (decision 027): demo data plus a logo and an audit event, backed up, changed and deleted,
 * restored — then every table's rows (count and checksum), every sequence and every stored file must be
 * exactly what they were at backup time. The embedded database's drill runs in the PGlite pass: it opens
 * a PGlite directory of its own and its scripts run without DATABASE_URL, so in the PostgreSQL pass it
 * would repeat the same drill (from an unmigrated start, ~a minute of CI); the pg_dump/pg_restore drill
 * runs in the PostgreSQL pass.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BackupError, backupPglite, pgDump, pgRestore, restorePglite } from './backup.ts';
import { type DbHandle, migrate, openPgliteDir, openPostgres } from './client.ts';
import { DatabaseLockedError } from './lock.ts';
import { sequenceStates, tableFingerprints } from './move.ts';
import { seedDemo } from './seed/index.ts';
import { createFreshDatabase, dropDatabase, withDatabase } from './testing/postgres.ts';
import { runScript } from './testing/processes.ts';
import { testEngine } from './testing.ts';

/** These tests open databases on disk and start Node processes, on a machine that may be busy. */
const SLOW = 120_000;

/** Every stored file (documents and both logo renditions) by row, as the driver returns the bytes. */
async function storedFiles(h: DbHandle): Promise<Map<string, Buffer>> {
  const docs = await h.query<{ id: string; content: Uint8Array }>(
    sql`select id::text, content from application_documents order by id`,
  );
  const logos = await h.query<{ id: string; large: Uint8Array; small: Uint8Array }>(
    sql`select organization_id::text as id, large, small from organization_logos order by organization_id`,
  );
  const files = new Map<string, Buffer>();
  for (const d of docs) files.set(`document ${d.id}`, Buffer.from(d.content));
  for (const l of logos) {
    files.set(`logo ${l.id} large`, Buffer.from(l.large));
    files.set(`logo ${l.id} small`, Buffer.from(l.small));
  }
  return files;
}

/** Demo data plus what the demo seed lacks: a logo (every byte value) and an audit event. */
async function seedDrillData(h: DbHandle): Promise<void> {
  await seedDemo(h.db);
  const logo = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(4096)]);
  await h.query(sql`
    insert into organization_logos (organization_id, version, source_type, large, small, width, height)
    select id, 1, 'image/webp', ${logo}, ${logo.subarray(0, 300)}, 512, 256
    from organizations order by eik limit 1`);
  await h.query(sql`
    insert into audit_events (action, entity_type, entity_id, after)
    values ('user.created', 'user', 'drill', '{"note": "before the backup"}')`);
}

/** Changes after the backup: deleted files, an edited row, new rows (advancing a sequence). */
async function changeEverything(h: DbHandle): Promise<void> {
  await h.query(sql`delete from application_documents`);
  await h.query(sql`delete from organization_logos`);
  await h.query(sql`update users set display_name = 'changed after the backup'`);
  await h.query(sql`
    insert into audit_events (action, entity_type, entity_id) values ('user.created', 'user', 'after')`);
  await h.query(sql`delete from sessions`);
}

interface Snapshot {
  tables: Awaited<ReturnType<typeof tableFingerprints>>;
  sequences: Record<string, string | null>;
  files: Map<string, Buffer>;
}

async function snapshot(h: DbHandle): Promise<Snapshot> {
  return {
    tables: await tableFingerprints(h),
    sequences: await sequenceStates(h),
    files: await storedFiles(h),
  };
}

function expectSame(actual: Snapshot, expected: Snapshot): void {
  expect(actual.tables).toEqual(expected.tables);
  expect(actual.sequences).toEqual(expected.sequences);
  expect([...actual.files.keys()]).toEqual([...expected.files.keys()]);
  for (const [key, bytes] of expected.files) expect(actual.files.get(key)?.equals(bytes), key).toBe(true);
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'portal-backup-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe.runIf(testEngine === 'pglite')(
  'backup and restore of the embedded database',
  { timeout: SLOW },
  () => {
    let dataDir: string;
    let dir: string;
    let before: Snapshot;

    beforeAll(async () => {
      dataDir = join(work, 'data');
      dir = join(dataDir, 'pglite');
      // The PGlite pass has a migrated template to start from; the PostgreSQL pass migrates from scratch.
      const template = inject('pgliteTemplate');
      const handle = existsSync(template)
        ? await openPgliteDir(dir, { loadDataDir: new Blob([await readFile(template)]) })
        : await openPgliteDir(dir);
      try {
        await migrate(handle);
        await seedDrillData(handle);
        before = await snapshot(handle);
      } finally {
        await handle.close();
      }
      expect(before.tables.application_documents?.rows).toBeGreaterThan(0);
      expect(before.tables.organization_logos?.rows).toBe(1);
      expect(before.tables.audit_events?.rows).toBeGreaterThan(0);
    }, SLOW);

    it('restores every table, sequence and file exactly as they were at backup time', async () => {
      const file = join(work, 'drill.tar.gz');
      const { bytes } = await backupPglite(dir, file);
      expect(bytes).toBeGreaterThan(0);
      await expect(backupPglite(dir, file)).rejects.toThrow(/already exists/);

      const changed = await openPgliteDir(dir);
      try {
        await changeEverything(changed);
        const after = await snapshot(changed);
        expect(after.tables.application_documents?.rows).toBe(0);
        expect(after.tables.users?.checksum).not.toBe(before.tables.users?.checksum);
        expect(after.sequences).not.toEqual(before.sequences);
        // Neither a backup nor a restore runs while the database is open elsewhere (the lock).
        await expect(backupPglite(dir, join(work, 'while-open.tar.gz'))).rejects.toBeInstanceOf(
          DatabaseLockedError,
        );
        await expect(restorePglite(file, dir, { force: true })).rejects.toBeInstanceOf(DatabaseLockedError);
      } finally {
        await changed.close();
      }

      await expect(restorePglite(file, dir)).rejects.toThrow(/already holds a database.*--force/);
      const { replaced } = await restorePglite(file, dir, { force: true });
      // The replaced database is kept aside, not deleted.
      expect(replaced && existsSync(join(replaced, 'PG_VERSION'))).toBe(true);

      const restored = await openPgliteDir(dir);
      try {
        expectSame(await snapshot(restored), before);
      } finally {
        await restored.close();
      }
    });

    it('restores into an empty data directory, and refuses a file that is not a backup', async () => {
      const file = join(work, 'fresh.tar.gz');
      await backupPglite(dir, file);
      const current = await openPgliteDir(dir);
      let expected: Snapshot;
      try {
        expected = await snapshot(current);
      } finally {
        await current.close();
      }
      const other = join(work, 'elsewhere', 'pglite');
      await restorePglite(file, other);
      const restored = await openPgliteDir(other);
      try {
        expectSame(await snapshot(restored), expected);
      } finally {
        await restored.close();
      }
      const junk = join(work, 'junk.tar.gz');
      await writeFile(junk, 'not a backup');
      await expect(restorePglite(junk, join(work, 'third', 'pglite'))).rejects.toBeInstanceOf(BackupError);
      await expect(backupPglite(join(work, 'nothing-here'), join(work, 'x.tar.gz'))).rejects.toThrow(
        /no embedded database/,
      );
    });

    it('pnpm db:backup and pnpm db:restore do the same from the command line', async () => {
      const out = join(work, 'cli.tar.gz');
      const backup = await runScript('db/src/cli/backup.ts', ['--out', out], { DATA_DIR: dataDir });
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toContain(`Backed up PGlite ${dir} to ${out}`);

      const changed = await openPgliteDir(dir);
      let expected: Snapshot;
      try {
        expected = await snapshot(changed);
        await changeEverything(changed);
        // While this process has the database open, the tool refuses and names this process.
        const refused = await runScript('db/src/cli/restore.ts', [out, '--force'], { DATA_DIR: dataDir });
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain(`is in use by process ${process.pid}`);
      } finally {
        await changed.close();
      }
      const withoutForce = await runScript('db/src/cli/restore.ts', [out], { DATA_DIR: dataDir });
      expect(withoutForce.code).toBe(1);
      expect(withoutForce.stderr).toContain('--force');
      expect(withoutForce.stderr).not.toMatch(/\n\s+at /);

      const restore = await runScript('db/src/cli/restore.ts', [out, '--force'], { DATA_DIR: dataDir });
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      expect(restore.stdout).toMatch(/The database it replaced is kept in .*pglite\.replaced-/);
      const restored = await openPgliteDir(dir);
      try {
        expectSame(await snapshot(restored), expected);
      } finally {
        await restored.close();
      }
    });
  },
);

describe.runIf(testEngine === 'postgres')(
  'backup and restore of PostgreSQL (pg_dump, pg_restore)',
  { timeout: SLOW },
  () => {
    const serverUrl = process.env.DATABASE_URL as string;
    const created: string[] = [];

    afterAll(async () => {
      for (const name of created) await dropDatabase(serverUrl, name);
    });

    async function freshDatabase(): Promise<string> {
      const name = await createFreshDatabase(serverUrl, inject('testRunId'));
      created.push(name);
      return withDatabase(serverUrl, name);
    }

    it('restores every table, sequence and file into a new database exactly as they were', async () => {
      const sourceUrl = await freshDatabase();
      const source = openPostgres(sourceUrl);
      let before: Snapshot;
      const file = join(work, 'portal.dump');
      try {
        await migrate(source);
        await seedDrillData(source);
        before = await snapshot(source);
        await pgDump(sourceUrl, file);
        await changeEverything(source);
        // Into a database that has tables: refused.
        await expect(pgRestore(file, sourceUrl)).rejects.toThrow(/already has tables/);
      } finally {
        await source.close();
      }

      const targetUrl = await freshDatabase();
      await pgRestore(file, targetUrl);
      const target = openPostgres(targetUrl);
      try {
        expectSame(await snapshot(target), before);
        // The restored database knows its migrations: migrating it again changes nothing.
        await migrate(target);
        expect(await tableFingerprints(target)).toEqual(before.tables);
      } finally {
        await target.close();
      }
    });
  },
);
