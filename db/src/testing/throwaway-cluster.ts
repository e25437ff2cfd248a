/**
 * A PostgreSQL cluster of a test's own, made with initdb and driven with pg_ctl, for tests that stop,
 * restart or break the database (decision 026). Never the machine's shared server: its own data directory
 * under the system's temporary directory, a free port, its own socket directory. Independent of
 * DATABASE_URL, so such tests run in both passes of `pnpm test`.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Each pg_ctl or initdb call is bounded: a busy machine is slow, a hung tool must still fail the test. */
const TOOL_TIMEOUT_MS = 120_000;

export interface ThrowawayCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication, loopback only). */
  url: string;
  port: number;
  /** `pg_ctl stop`: `immediate` is a crash (no checkpoint), `fast` a clean shutdown. */
  stop(mode?: 'immediate' | 'fast'): Promise<void>;
  /** `pg_ctl start`; resolves once the server accepts connections. */
  start(): Promise<void>;
  /** `pg_ctl restart` (a fast shutdown, then start); resolves once the server accepts connections. */
  restart(): Promise<void>;
  /** Stops the server if it runs and removes every file. */
  destroy(): Promise<void>;
}

/** The directory holding initdb and pg_ctl: PG_BIN, the newest /usr/lib/postgresql/<version>/bin, or PATH. */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string {
  const candidates: string[] = [];
  if (env.PG_BIN) candidates.push(env.PG_BIN);
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(root, v, 'bin')));
  }
  candidates.push(...(env.PATH ?? '').split(delimiter).filter(Boolean));
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      'initdb and pg_ctl were not found (looked in PG_BIN, /usr/lib/postgresql/<version>/bin and PATH). ' +
        "The database outage tests start a PostgreSQL cluster of their own: install PostgreSQL's server " +
        '(Debian: apt-get install postgresql) or set PG_BIN to the directory holding initdb and pg_ctl.',
    );
  }
  return found;
}

/** A port nobody listens on right now, as the system hands it out. */
async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * PostgreSQL refuses to run as root. As root the tools run as the `postgres` system user (runuser), in
 * a directory that user owns; as anyone else, as that user.
 */
async function runnerFor(dir: string): Promise<(bin: string, args: string[]) => Promise<void>> {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) {
      throw new Error('running as root, and there is no postgres user to run initdb and pg_ctl as');
    }
    await chown(dir, uid, gid);
  }
  return async (bin, args) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
    try {
      await run(file, argv, { cwd: dir, timeout: TOOL_TIMEOUT_MS });
    } catch (error) {
      const e = error as Error & { stderr?: string; stdout?: string };
      throw new Error(`${bin} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  };
}

export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = findPostgresBin();
  const dir = await mkdtemp(join(tmpdir(), 'portal-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const pgCtl = join(bin, 'pg_ctl');
  let running = false;

  // If the test process ends without its afterAll (a crash, an interrupted run), the server goes too.
  const stopOnExit = () => {
    if (!running) return;
    const args = ['-D', data, '-m', 'immediate', 'stop'];
    try {
      if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', pgCtl, ...args]);
      else execFileSync(pgCtl, args);
    } catch {
      // Already gone.
    }
  };
  process.once('exit', stopOnExit);

  const withLog = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const tail = existsSync(log) ? (await readFile(log, 'utf8')).slice(-2000) : '';
      throw new Error(`${(error as Error).message}${tail ? `\nserver log:\n${tail}` : ''}`);
    }
  };

  try {
    const tool = await runnerFor(dir);
    await tool(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    const port = await freePort();
    // Loopback only, a socket directory of its own, and no flushing to disk: the data is thrown away, and
    // a stopped server (even `-m immediate`) keeps what it committed, since the machine itself stays up.
    await appendFile(
      join(data, 'postgresql.conf'),
      [
        '',
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'max_connections = 50',
        'shared_buffers = 16MB',
        'fsync = off',
        'full_page_writes = off',
        '',
      ].join('\n'),
    );
    const cluster: ThrowawayCluster = {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      async start() {
        await withLog(() => tool(pgCtl, ['-D', data, '-l', log, '-w', '-t', '120', 'start']));
        running = true;
      },
      async stop(mode = 'immediate') {
        await withLog(() => tool(pgCtl, ['-D', data, '-m', mode, '-w', '-t', '120', 'stop']));
        running = false;
      },
      async restart() {
        await withLog(() => tool(pgCtl, ['-D', data, '-l', log, '-m', 'fast', '-w', '-t', '120', 'restart']));
        running = true;
      },
      async destroy() {
        try {
          if (running || existsSync(join(data, 'postmaster.pid'))) await cluster.stop('immediate');
        } finally {
          process.removeListener('exit', stopOnExit);
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
    await cluster.start();
    return cluster;
  } catch (error) {
    stopOnExit();
    process.removeListener('exit', stopOnExit);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
