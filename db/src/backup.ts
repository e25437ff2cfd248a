/**
 * Backups (decision 027). The embedded database is backed up as PGlite's own data-directory tarball
 * (`dumpDataDir('gzip')`: every file of the PostgreSQL cluster, taken after a checkpoint while this process
 * holds the directory's lock, so nothing writes meanwhile) and restored by loading that tarball into a new
 * directory that then replaces the old one. Documents and logos live in the database (bytea), so the
 * tarball holds them too. PostgreSQL is backed up with `pg_dump --format=custom` and restored with
 * `pg_restore` into an empty database.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { openPgliteDir, pgliteExtensions } from './client.ts';
import { acquireDataDirLock } from './lock.ts';

/** A backup or restore that was refused (file exists, directory not empty, …): shown without a stack. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** `20260512T083015Z`: a timestamp that sorts and is safe in file names. */
export function fileStamp(date = new Date()): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** True when `dir` holds a PostgreSQL cluster (PGlite writes PG_VERSION at initdb). */
function holdsDatabase(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

async function isMissingOrEmpty(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/** Writes a file completely (to `<file>.partial`, synced, then renamed) and never over an existing one. */
async function writeNewFile(file: string, data: Uint8Array): Promise<void> {
  if (existsSync(file)) throw new BackupError(`${file} already exists; choose another --out`);
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const handle = await open(partial, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(partial, file);
}

/**
 * Backs up the embedded database in `pgliteDir` into `outFile` (a gzip tarball). Takes the directory's
 * lock, so it refuses while the server (or any other command) has the database open.
 */
export async function backupPglite(
  pgliteDir: string,
  outFile: string,
): Promise<{ file: string; bytes: number }> {
  const dir = resolve(pgliteDir);
  const file = resolve(outFile);
  if (!holdsDatabase(dir)) throw new BackupError(`There is no embedded database in ${dir} to back up.`);
  if (existsSync(file)) throw new BackupError(`${file} already exists; choose another --out`);
  const handle = await openPgliteDir(dir);
  try {
    const pg = handle.pglite as PGlite;
    // Everything written so far goes into the data files, so the copy needs no WAL replay.
    await pg.exec('CHECKPOINT');
    const dump = await pg.dumpDataDir('gzip');
    const data = new Uint8Array(await dump.arrayBuffer());
    await writeNewFile(file, data);
    return { file, bytes: data.byteLength };
  } finally {
    await handle.close();
  }
}

export interface RestoreResult {
  /** Where the database that was replaced now is (only with `force` over an existing database). */
  replaced?: string;
}

/**
 * Restores a backup made by `backupPglite` into `pgliteDir`. Refuses while the directory is in use
 * (its lock), and refuses to replace an existing database unless `force`: then the current one is not
 * deleted but moved aside to `<dir>.replaced-<time>`. The backup is loaded and checked in a new directory
 * first, so a bad file never leaves the portal without a database.
 */
export async function restorePglite(
  backupFile: string,
  pgliteDir: string,
  options: { force?: boolean } = {},
): Promise<RestoreResult> {
  const dir = resolve(pgliteDir);
  const file = resolve(backupFile);
  const data = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new BackupError(`${file} does not exist`);
    throw error;
  });
  if (data.length < 2 || data[0] !== 0x1f || data[1] !== 0x8b) {
    throw new BackupError(
      `${file} is not a backup of the embedded database (a .tar.gz made by pnpm db:backup)`,
    );
  }
  const lock = acquireDataDirLock(dir);
  try {
    const empty = await isMissingOrEmpty(dir);
    if (!empty && !options.force) {
      throw new BackupError(
        `${dir} already holds a database. Restoring replaces it: run again with --force (the current database is kept in ${basename(dir)}.replaced-<time> next to it).`,
      );
    }
    const stamp = fileStamp();
    const staging = `${dir}.restoring`;
    // A leftover of a restore that was interrupted; we hold the lock, so nobody else uses it.
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    try {
      const pg = await PGlite.create({
        dataDir: staging,
        loadDataDir: new Blob([data]),
        extensions: pgliteExtensions,
      });
      try {
        const [row] = (
          await pg.query<{ users: string | null }>(`select to_regclass('public.users')::text as users`)
        ).rows;
        if (!row?.users) throw new BackupError(`${file} holds a database without the portal's tables`);
      } finally {
        await pg.close();
      }
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      if (error instanceof BackupError) throw error;
      throw new BackupError(
        `${file} could not be loaded as an embedded database: ${error instanceof Error ? error.message : error}`,
      );
    }
    const result: RestoreResult = {};
    if (!empty) {
      result.replaced = `${dir}.replaced-${stamp}`;
      await rename(dir, result.replaced);
    } else if (existsSync(dir)) {
      await rm(dir, { recursive: true });
    }
    await rename(staging, dir);
    return result;
  } finally {
    lock.release();
  }
}

// ---- PostgreSQL: pg_dump / pg_restore (the same commands the README documents) ----

/** The URL without its password (given to the tools through PGPASSWORD, never on their command line). */
function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(`${command} is not installed (it comes with the PostgreSQL client tools)`)
          : error,
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else reject(new BackupError(`${command} failed (exit code ${code}):\n${stderr.trim()}`));
    });
  });
}

/** `pg_dump --format=custom --file=<file> <url>`: the whole database in one consistent snapshot. */
export async function pgDump(databaseUrl: string, outFile: string): Promise<{ file: string; bytes: number }> {
  const file = resolve(outFile);
  if (existsSync(file)) throw new BackupError(`${file} already exists; choose another --out`);
  await mkdir(dirname(file), { recursive: true });
  const { url, env } = splitPassword(databaseUrl);
  const partial = `${file}.partial`;
  try {
    await run('pg_dump', ['--format=custom', `--file=${partial}`, url], env);
  } catch (error) {
    await unlink(partial).catch(() => {});
    throw error;
  }
  await rename(partial, file);
  return { file, bytes: (await stat(file)).size };
}

/**
 * `pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname=<url> <file>` into an
 * empty database (create it first: see the README). Refuses a database that already has tables.
 */
export async function pgRestore(backupFile: string, databaseUrl: string): Promise<void> {
  const file = resolve(backupFile);
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ tables: number }[]>`
      select count(*)::int as tables from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')`;
    if ((row?.tables ?? 0) > 0) {
      throw new BackupError(
        'The database in DATABASE_URL already has tables. Restore into a new, empty database (see the README: createdb … then pg_restore), then point DATABASE_URL at it.',
      );
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
  const { url, env } = splitPassword(databaseUrl);
  await run(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${url}`, file],
    env,
  );
}
