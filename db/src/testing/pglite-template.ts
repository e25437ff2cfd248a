/**
 * The migrated PGlite template of the test runs, cached on disk by a hash of everything that decides its
 * contents: the migrations, the PGlite and drizzle-orm versions and the extensions. A run whose
 * migrations have not changed loads the cached dump instead of migrating a new database (~35 s).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

/**
 * Bump when the way the template is built changes in a way the other inputs do not show (e.g. a new
 * step after the migrations), so that old cached templates are no longer used.
 */
export const TEMPLATE_FORMAT = 1;

/** How many cached templates (other keys: older migrations, other branches) are kept besides the current. */
const KEEP_OTHERS = 4;

export interface TemplateKeyInputs {
  /** The drizzle-kit migrations folder: every file in it and below counts (sql, journal, snapshots). */
  migrationsFolder: string;
  pgliteVersion: string;
  drizzleVersion: string;
  /** The names of the PGlite extensions the template is created with. */
  extensions: readonly string[];
}

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesBelow(path);
      return entry.isFile() ? [path] : [];
    }),
  );
  return nested.flat();
}

/** The cache key of the template: a sha256 (hex) of its inputs; the same inputs give the same key. */
export async function templateKey(inputs: TemplateKeyInputs): Promise<string> {
  const hash = createHash('sha256');
  const field = (value: string | Buffer) => {
    // Length-prefixed, so that no two different sequences of fields hash the same bytes.
    hash.update(`${Buffer.byteLength(value)}:`);
    hash.update(value);
  };
  field(`format ${TEMPLATE_FORMAT}`);
  field(`pglite ${inputs.pgliteVersion}`);
  field(`drizzle-orm ${inputs.drizzleVersion}`);
  field(`extensions ${[...inputs.extensions].sort().join(',')}`);
  const files = (await filesBelow(inputs.migrationsFolder))
    .map((path) => relative(inputs.migrationsFolder, path).split(sep).join('/'))
    .sort();
  for (const file of files) {
    field(file);
    field(await readFile(join(inputs.migrationsFolder, file)));
  }
  return hash.digest('hex');
}

/** The version of an installed package, as this file resolves it (its package.json need not be exported). */
export async function installedVersion(name: string): Promise<string> {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const json = JSON.parse(await readFile(manifest, 'utf8')) as { name?: string; version?: string };
      if (json.name === name && json.version) return json.version;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json of ${name} above its entry point`);
    dir = parent;
  }
}

/**
 * The path of the template with this key in `cacheDir`, built with `build` when it is not there yet.
 * The file is written under a unique temporary name and renamed into place, so a reader (another vitest
 * project or run starting at the same time) sees either no file or the whole file: several may build it
 * at once, the last rename wins and every copy is complete.
 */
export async function cachedTemplate(
  cacheDir: string,
  key: string,
  build: () => Promise<Uint8Array>,
): Promise<{ path: string; built: boolean }> {
  const path = join(cacheDir, `${key}.tar.gz`);
  if (existsSync(path)) return { path, built: false };
  await mkdir(cacheDir, { recursive: true });
  const temporary = join(cacheDir, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, await build());
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
  await pruneOthers(cacheDir, path);
  return { path, built: true };
}

/** Removes all but the newest few templates other than `current` (and temporary files left by a crash). */
async function pruneOthers(cacheDir: string, current: string) {
  const names = await readdir(cacheDir);
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  const others: { path: string; mtime: number }[] = [];
  for (const name of names) {
    const path = join(cacheDir, name);
    if (path === current) continue;
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    if (name.endsWith('.tmp')) {
      if (info.mtimeMs < dayAgo) await rm(path, { force: true });
    } else if (name.endsWith('.tar.gz')) others.push({ path, mtime: info.mtimeMs });
  }
  others.sort((a, b) => b.mtime - a.mtime);
  for (const old of others.slice(KEEP_OTHERS)) await rm(old.path, { force: true });
}
