/**
 * The cache of the migrated PGlite template (issue 13): its key changes with any migration file and with
 * nothing else, a cached template is built once and then reused, and the template the tests get is fully
 * migrated.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../client.ts';
import { createTestDb } from '../testing.ts';
import { cachedTemplate, installedVersion, type TemplateKeyInputs, templateKey } from './pglite-template.ts';

let work: string;
let inputs: TemplateKeyInputs;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'portal-template-test-'));
  const folder = join(work, 'migrations');
  await mkdir(join(folder, 'meta'), { recursive: true });
  await writeFile(join(folder, '0000_first.sql'), 'create table a (id int);');
  await writeFile(join(folder, 'meta', '_journal.json'), '{"entries":[{"idx":0}]}');
  await writeFile(join(folder, 'meta', '0000_snapshot.json'), '{"tables":{}}');
  inputs = { migrationsFolder: folder, pgliteVersion: '1.0.0', drizzleVersion: '2.0.0', extensions: ['x'] };
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('templateKey', () => {
  it('is a sha256 that the same contents give again, even in another folder', async () => {
    const key = await templateKey(inputs);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await templateKey(inputs)).toBe(key);
    const copy = join(work, 'copy');
    await mkdir(join(copy, 'meta'), { recursive: true });
    for (const file of ['0000_first.sql', 'meta/_journal.json', 'meta/0000_snapshot.json']) {
      await writeFile(join(copy, file), readFileSync(join(inputs.migrationsFolder, file)));
    }
    expect(await templateKey({ ...inputs, migrationsFolder: copy })).toBe(key);
    expect(await templateKey({ ...inputs, extensions: ['x'] })).toBe(key);
  });

  it('changes when a migration is added', async () => {
    const before = await templateKey(inputs);
    await writeFile(join(inputs.migrationsFolder, '0001_second.sql'), 'create table b (id int);');
    expect(await templateKey(inputs)).not.toBe(before);
  });

  it('changes when a migration, the journal or a snapshot is edited', async () => {
    for (const file of ['0000_first.sql', 'meta/_journal.json', 'meta/0000_snapshot.json']) {
      const path = join(inputs.migrationsFolder, file);
      const original = readFileSync(path);
      const before = await templateKey(inputs);
      await writeFile(path, Buffer.concat([original, Buffer.from(' ')]));
      expect(await templateKey(inputs), file).not.toBe(before);
      await writeFile(path, original);
      expect(await templateKey(inputs), file).toBe(before);
    }
  });

  it('changes when a migration file is renamed', async () => {
    const before = await templateKey(inputs);
    const content = readFileSync(join(inputs.migrationsFolder, '0000_first.sql'));
    await rm(join(inputs.migrationsFolder, '0000_first.sql'));
    await writeFile(join(inputs.migrationsFolder, '0000_renamed.sql'), content);
    expect(await templateKey(inputs)).not.toBe(before);
  });

  it('changes with the PGlite version, the drizzle-orm version and the extensions', async () => {
    const before = await templateKey(inputs);
    expect(await templateKey({ ...inputs, pgliteVersion: '1.0.1' })).not.toBe(before);
    expect(await templateKey({ ...inputs, drizzleVersion: '2.0.1' })).not.toBe(before);
    expect(await templateKey({ ...inputs, extensions: ['x', 'y'] })).not.toBe(before);
  });
});

describe('installedVersion', () => {
  it('reads the version of an installed package whose package.json is not exported', async () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(await installedVersion('@electric-sql/pglite')).toBe(
      manifest.dependencies['@electric-sql/pglite'],
    );
    expect(await installedVersion('drizzle-orm')).toBe(manifest.dependencies['drizzle-orm']);
  });
});

describe('cachedTemplate', () => {
  it('builds a missing template once, then returns the cached file without building', async () => {
    const cache = join(work, 'cache');
    let builds = 0;
    const build = async () => {
      builds++;
      return new Uint8Array([1, 2, 3]);
    };
    const first = await cachedTemplate(cache, 'k1', build);
    expect(first).toEqual({ path: join(cache, 'k1.tar.gz'), built: true });
    expect([...readFileSync(first.path)]).toEqual([1, 2, 3]);
    const second = await cachedTemplate(cache, 'k1', build);
    expect(second).toEqual({ path: first.path, built: false });
    expect(builds).toBe(1);
    // Another key is another template.
    expect((await cachedTemplate(cache, 'k2', build)).built).toBe(true);
    expect(builds).toBe(2);
    expect((await readdir(cache)).sort()).toEqual(['k1.tar.gz', 'k2.tar.gz']);
  });

  it('leaves only complete files when several build at once, and nothing when a build fails', async () => {
    const cache = join(work, 'cache');
    const content = new Uint8Array(1 << 20).fill(7);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => cachedTemplate(cache, 'k', async () => content)),
    );
    expect(new Set(results.map((r) => r.path)).size).toBe(1);
    expect(readFileSync(results[0]!.path).equals(Buffer.from(content))).toBe(true);
    await expect(
      cachedTemplate(cache, 'broken', async () => {
        throw new Error('migration failed');
      }),
    ).rejects.toThrow('migration failed');
    expect(existsSync(join(cache, 'broken.tar.gz'))).toBe(false);
    expect(await readdir(cache)).toEqual(['k.tar.gz']);
  });
});

describe('the template the tests get', () => {
  it('has every migration of the journal applied', async () => {
    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    const handle = await createTestDb();
    try {
      const [row] = await handle.query<{ count: number }>(
        sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
      );
      expect(journal.entries.length).toBeGreaterThan(0);
      expect(row!.count).toBe(journal.entries.length);
    } finally {
      await handle.close();
    }
  });
});
