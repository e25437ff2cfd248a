/**
 * One process at a time on an embedded (PGlite) database directory (decision 027).
 *
 * PGlite runs PostgreSQL in single-user mode inside the process and knows nothing of other processes:
 * two processes on the same directory would both accept writes and lose each other's updates. So whoever
 * opens `DATA_DIR/pglite` first creates `DATA_DIR/pglite.lock` exclusively (O_CREAT|O_EXCL) holding its
 * pid, host, boot and start time; everyone else is refused with a message naming the directory and that
 * pid until the holder closes the database or exits. A lock whose process is gone (same host, and the pid
 * is not running or now belongs to a later process) is stale and taken over, so a crash or `kill -9`
 * never leaves the database locked; a lock from another host is never guessed about.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/** What a lock file says about the process holding it. */
export interface LockOwner {
  pid: number;
  hostname: string;
  /** When the lock was taken (ISO). */
  startedAt: string;
  /** Linux: the kernel's boot id; a different one means the holder's machine has restarted since. */
  bootId?: string | undefined;
  /** Linux: the holder's start time in clock ticks since boot (/proc/<pid>/stat), telling a reused pid. */
  processStart?: string | undefined;
  /** The holder's command line, for the message. */
  command?: string | undefined;
  /** Random, so a holder only ever deletes its own lock file. */
  token: string;
}

/** A second process (or a second open in this process) asked for a database directory that is in use. */
export class DatabaseLockedError extends Error {
  override name = 'DatabaseLockedError';
  constructor(
    readonly directory: string,
    readonly lockFile: string,
    readonly owner: LockOwner | undefined,
    reason: 'in_use' | 'this_process' | 'taking_over' = 'in_use',
  ) {
    super(lockedMessage(directory, lockFile, owner, reason));
  }
}

function lockedMessage(
  directory: string,
  lockFile: string,
  owner: LockOwner | undefined,
  reason: 'in_use' | 'this_process' | 'taking_over',
): string {
  const scope =
    'The embedded database serves one process at a time; stop the server (or the other command) first, ' +
    'or use PostgreSQL (DATABASE_URL) to run several processes.';
  if (reason === 'this_process') {
    return `The embedded database in ${directory} is already open in this process (pid ${process.pid}).`;
  }
  if (reason === 'taking_over') {
    return `The embedded database in ${directory} is being taken over from a stopped process by another one; try again. (${lockFile})`;
  }
  if (!owner) {
    return `The embedded database in ${directory} is in use: its lock file ${lockFile} is being written or unreadable. ${scope} If no process uses the directory, delete ${lockFile}.`;
  }
  const command = owner.command ? ` (${owner.command})` : '';
  return (
    `The embedded database in ${directory} is in use by process ${owner.pid} on host ${owner.hostname}${command}, ` +
    `since ${owner.startedAt}. ${scope} If that process is not running, delete ${lockFile}.`
  );
}

/** The lock file of a PGlite directory: `DATA_DIR/pglite` → `DATA_DIR/pglite.lock`, next to it. */
export function lockFileFor(pgliteDir: string): string {
  const dir = resolve(pgliteDir);
  return join(dirname(dir), `${basename(dir)}.lock`);
}

export interface DataDirLock {
  /** The PGlite directory the lock protects. */
  readonly directory: string;
  readonly file: string;
  /** Deletes the lock file (only if it is still this holder's); safe to call twice. */
  release(): void;
}

/** Locks held by this process, by lock file path; refused a second time and released at exit. */
const held = new Map<string, { owner: LockOwner; lock: DataDirLock }>();
let exitHookInstalled = false;

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat (after the parenthesised command name, which may hold spaces). */
function processStartOf(pid: number | 'self'): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19];
}

function bootId(): string | undefined {
  return readProc('/proc/sys/kernel/random/boot_id')?.trim() || undefined;
}

function currentOwner(): LockOwner {
  return {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    bootId: bootId(),
    processStart: processStartOf('self'),
    command: process.argv.slice(1).join(' ').slice(0, 300) || undefined,
    token: randomBytes(12).toString('hex'),
  };
}

function readOwner(file: string): LockOwner | 'missing' | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (
      typeof owner.pid !== 'number' ||
      typeof owner.hostname !== 'string' ||
      typeof owner.token !== 'string'
    )
      return undefined;
    return owner as LockOwner;
  } catch {
    return undefined;
  }
}

/**
 * True when the process that wrote the lock is certainly gone. Only decidable on the same host: the
 * machine restarted (another boot id), or no process has that pid, or the pid's start time is not the
 * one recorded (reused), or it is this process's own pid while this process holds no such lock (e.g. a
 * container's pid 1 after a restart).
 */
export function isStale(owner: LockOwner): boolean {
  if (owner.hostname !== hostname()) return false;
  const boot = bootId();
  if (owner.bootId && boot && owner.bootId !== boot) return true;
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  const start = processStartOf(owner.pid);
  return Boolean(owner.processStart && start && owner.processStart !== start);
}

function createExclusive(file: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(owner, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function unlinkIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Removes a stale lock. Two processes may find the same stale lock at once; only the one that creates
 * `<lock>.takeover` exclusively may delete it, after checking it is still that stale lock, so a fresh
 * lock taken meanwhile is never deleted. A takeover file whose own process is gone is cleared too.
 */
function removeStale(file: string, stale: LockOwner, directory: string): void {
  const guard = `${file}.takeover`;
  const me = currentOwner();
  if (!createExclusive(guard, me)) {
    const guardOwner = readOwner(guard);
    if (guardOwner === 'missing') return;
    if (!guardOwner || !isStale(guardOwner))
      throw new DatabaseLockedError(directory, file, stale, 'taking_over');
    unlinkIfPresent(guard);
    if (!createExclusive(guard, me)) throw new DatabaseLockedError(directory, file, stale, 'taking_over');
  }
  try {
    const current = readOwner(file);
    if (current !== 'missing' && current !== undefined && current.token === stale.token) unlinkSync(file);
  } finally {
    unlinkIfPresent(guard);
  }
}

/**
 * Takes the lock of a PGlite directory or throws DatabaseLockedError naming the directory and the pid
 * that holds it. The lock is released by `release()` (the database handle's close) or at process exit.
 */
export function acquireDataDirLock(pgliteDir: string): DataDirLock {
  const requested = resolve(pgliteDir);
  mkdirSync(dirname(requested), { recursive: true });
  // The parent's real path, so two spellings of one directory (a symlink, `..`) are one lock.
  const directory = join(realpathSync(dirname(requested)), basename(requested));
  const file = lockFileFor(directory);
  if (held.has(file)) throw new DatabaseLockedError(directory, file, held.get(file)?.owner, 'this_process');

  const owner = currentOwner();
  for (let attempt = 0; ; attempt++) {
    if (createExclusive(file, owner)) break;
    const existing = readOwner(file);
    if (existing === 'missing' && attempt < 3) continue; // released meanwhile: try again
    if (existing === 'missing' || existing === undefined || !isStale(existing) || attempt >= 3)
      throw new DatabaseLockedError(directory, file, existing === 'missing' ? undefined : existing);
    removeStale(file, existing, directory);
  }

  const lock: DataDirLock = {
    directory,
    file,
    release() {
      if (held.get(file)?.lock !== lock) return;
      held.delete(file);
      const current = readOwner(file);
      if (current !== 'missing' && current?.token === owner.token) unlinkIfPresent(file);
    },
  };
  held.set(file, { owner, lock });
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A process that ends without closing its database (process.exit, an uncaught error) still frees
    // it; one that is killed leaves a lock that the next opener finds stale.
    process.on('exit', () => {
      for (const { lock: l } of [...held.values()]) {
        try {
          l.release();
        } catch {
          // exiting anyway
        }
      }
    });
  }
  return lock;
}
