import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from './client.ts';
import { DatabaseLockedError, isStale, type LockOwner, lockFileFor } from './lock.ts';
import { exited, runScript, startScript, waitForLine } from './testing/processes.ts';

const HOLDER = 'db/src/testing/hold-database.ts';
/** These tests open databases on disk and start Node processes, on a machine that may be busy. */
const SLOW = 120_000;

let root: string;
let dir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'portal-lock-'));
  dir = join(root, 'pglite');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function owner(overrides: Partial<LockOwner>): LockOwner {
  return {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    token: 'x',
    ...overrides,
  };
}

/** A pid that certainly belongs to no process: one that has just exited and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  const pid = child.pid as number;
  await exited(child);
  return pid;
}

describe('one process at a time on the embedded database (decision 027)', { timeout: SLOW }, () => {
  it('refuses a second open in the same process, and opens again after close', async () => {
    const first = await createDb({ dataDir: dir });
    try {
      expect(existsSync(lockFileFor(dir))).toBe(true);
      const lock = JSON.parse(readFileSync(lockFileFor(dir), 'utf8')) as LockOwner;
      expect(lock.pid).toBe(process.pid);
      expect(lock.hostname).toBe(hostname());
      const second = createDb({ dataDir: dir });
      await expect(second).rejects.toBeInstanceOf(DatabaseLockedError);
      await expect(second).rejects.toThrow(`${dir} is already open in this process`);
      // The first handle is untouched by the refusal.
      const [row] = await first.query<{ one: number }>(sqlOne);
      expect(row?.one).toBe(1);
    } finally {
      await first.close();
    }
    expect(existsSync(lockFileFor(dir))).toBe(false);
    const again = await createDb({ dataDir: dir });
    await again.close();
  });

  it('refuses while another process holds it, naming the directory and that pid, in the library and the tools', async () => {
    const child = startScript(HOLDER, [dir]);
    try {
      const line = await waitForLine(child, /^ready \d+$/);
      const pid = Number(line.split(' ')[1]);
      expect(pid).toBe(child.pid);

      const attempt = createDb({ dataDir: dir });
      await expect(attempt).rejects.toBeInstanceOf(DatabaseLockedError);
      await expect(attempt).rejects.toThrow(
        `embedded database in ${dir} is in use by process ${pid} on host`,
      );

      // `pnpm db:migrate` (and every tool that opens the database) fails at once with that message alone.
      const migrate = await runScript('db/src/cli/migrate.ts', [], { DATA_DIR: root });
      expect(migrate.code).toBe(1);
      expect(migrate.stderr).toContain(`is in use by process ${pid}`);
      expect(migrate.stderr).toContain(dir);
      expect(migrate.stderr).not.toMatch(/\n\s+at /);
    } finally {
      child.stdin?.end();
      await exited(child);
    }
    expect(child.exitCode).toBe(0);
    expect(existsSync(lockFileFor(dir))).toBe(false);
    const after = await createDb({ dataDir: dir });
    await after.close();
  });

  it('takes over the lock of a process that was killed', async () => {
    const child = startScript(HOLDER, [dir]);
    await waitForLine(child, /^ready \d+$/);
    child.kill('SIGKILL');
    await exited(child);
    // The killed process could not remove its lock file.
    expect((JSON.parse(readFileSync(lockFileFor(dir), 'utf8')) as LockOwner).pid).toBe(child.pid);

    const handle = await createDb({ dataDir: dir });
    try {
      expect((JSON.parse(readFileSync(lockFileFor(dir), 'utf8')) as LockOwner).pid).toBe(process.pid);
      const [row] = await handle.query<{ one: number }>(sqlOne);
      expect(row?.one).toBe(1);
    } finally {
      await handle.close();
    }
  });

  it('frees the directory when the holder exits without closing', async () => {
    const child = startScript(HOLDER, [dir, 'exit']);
    await waitForLine(child, /^ready \d+$/);
    await exited(child);
    expect(child.exitCode).toBe(0);
    expect(existsSync(lockFileFor(dir))).toBe(false);
  });

  it('takes over a lock file whose pid is not running on this host', async () => {
    const pid = await deadPid();
    writeFileSync(lockFileFor(dir), JSON.stringify(owner({ pid, token: 'stale' })));
    const handle: DbHandle = await createDb({ dataDir: dir });
    try {
      expect((JSON.parse(readFileSync(lockFileFor(dir), 'utf8')) as LockOwner).token).not.toBe('stale');
    } finally {
      await handle.close();
    }
  });

  it('never takes over a lock from another host, nor an unreadable one', async () => {
    writeFileSync(
      lockFileFor(dir),
      JSON.stringify(owner({ pid: 1, hostname: 'elsewhere.example', token: 'far' })),
    );
    await expect(createDb({ dataDir: dir })).rejects.toThrow(
      /in use by process 1 on host elsewhere\.example/,
    );
    writeFileSync(lockFileFor(dir), '');
    await expect(createDb({ dataDir: dir })).rejects.toThrow(/lock file .* is being written or unreadable/);
    await rm(lockFileFor(dir));
  });

  it('tells a running holder from a stopped one', async () => {
    // The parent of this test process is running; a pid that has exited is not.
    expect(isStale(owner({ pid: process.ppid }))).toBe(false);
    expect(isStale(owner({ pid: await deadPid() }))).toBe(true);
    // Another host: not decidable from here, so never stale.
    expect(isStale(owner({ pid: await deadPid(), hostname: 'elsewhere.example' }))).toBe(false);
    // This process's own pid in a lock it does not hold: left by an earlier process with the same pid.
    expect(isStale(owner({ pid: process.pid }))).toBe(true);
    if (existsSync('/proc/self/stat')) {
      // A running pid that started at another time than recorded is a reused pid; a machine that
      // restarted since (another boot id) has no process of that time left.
      expect(isStale(owner({ pid: process.ppid, processStart: '1' }))).toBe(true);
      expect(isStale(owner({ pid: process.ppid, bootId: 'another-boot' }))).toBe(true);
    }
  });
});

const sqlOne = sql`select 1 as one`;
