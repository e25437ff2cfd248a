/**
 * Start-up benchmark: from spawning the server's process to its first 200 from /api/health/ready.
 *
 *   pnpm build && pnpm bench:startup           # RUNS=5 of each way of starting
 *   RUNS=3 WITH_BUILD=1 pnpm bench:startup      # also `pnpm start` with its build, RUNS times
 *
 * Ways of starting, each RUNS times after one unmeasured start that prepares its data directory:
 * - the production command `node server/dist/main.js` (NODE_ENV=production) on PGlite, first start
 *   (empty DATA_DIR: migrations) and later starts (migrated data);
 * - the same on PostgreSQL when DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres)
 *   answers: a scratch database startup_<random> is created beside it, migrated by the first start and
 *   dropped at the end;
 * - `pnpm serve`, what `pnpm start` runs after its build (development, demo data), first start (migrations
 *   and the demo seed) and later starts;
 * - for comparison, the server from source as `pnpm start` ran it before the bundle: `tsx server/src/main.ts`.
 *
 * The poll is a GET every 10 ms (each a new connection). Each server is then stopped with SIGTERM
 * (SHUTDOWN_DELAY_SECONDS=0) and must exit 0. Only 127.0.0.1 is contacted; every wait is bounded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { type DbHandle, openPostgres } from '@portal/db';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TSX_BIN = join(ROOT, 'node_modules', '.bin', 'tsx');
const RUNS = Math.max(1, Math.min(50, Number(process.env.RUNS ?? 5) || 5));
const WITH_BUILD = process.env.WITH_BUILD === '1';
const ADMIN_URL = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const START_LIMIT_MS = 180_000;

interface Way {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  /** Measure the first start in a fresh data directory (or database) as its own row. */
  first: boolean;
  runs?: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  return typeof address === 'object' && address ? address.port : 0;
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done(code);
    });
  });
}

/** CPU milliseconds (user + system) a process has used so far, from /proc (Linux; clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * Spawns the way; returns the milliseconds from spawn to the first 200 from /api/health/ready and the CPU
 * milliseconds the spawned process had used by then (meaningful when it is the server itself: node), then
 * stops it.
 */
async function startOnce(way: Way, dataDir: string): Promise<{ wall: number; cpu: number | undefined }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.INIT_CWD;
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SHUTDOWN_DELAY_SECONDS: '0',
    ...way.env,
  });
  const url = `http://127.0.0.1:${port}/api/health/ready`;
  const started = performance.now();
  const child = spawn(way.command, way.args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${way.name} exited with ${child.exitCode}:\n${output}`);
      if (performance.now() - started > START_LIMIT_MS)
        throw new Error(`${way.name} did not start:\n${output}`);
      const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
        (res) => res.status === 200,
        () => false,
      );
      if (ok) return { wall: performance.now() - started, cpu: cpuMs(child.pid) };
      await sleep(10);
    }
  } finally {
    child.kill('SIGTERM');
    const code = await waitForExit(child);
    if (code !== 0) console.error(`${way.name}: exit code ${code} after SIGTERM\n${output}`);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Whether something listens at the admin URL's host and port (then it is taken to be PostgreSQL). */
function postgresListening(): Promise<boolean> {
  const url = new URL(ADMIN_URL);
  return new Promise((done) => {
    const socket = connect(Number(url.port || 5432), url.hostname);
    socket.setTimeout(3000, () => {
      socket.destroy();
      done(false);
    });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** The median CPU time when every run measured it (the server was the spawned process), else a dash. */
function cpuCell(values: (number | undefined)[]): string {
  return values.every((v) => v !== undefined) ? median(values as number[]).toFixed(0) : '—';
}

async function main() {
  if (!existsSync(join(ROOT, 'server', 'dist', 'main.js'))) {
    console.error('server/dist/main.js is missing: run `pnpm build` first');
    process.exit(1);
  }
  const production = {
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://portal.example.test',
    SMTP_URL: 'smtp://127.0.0.1:9',
  };
  const ways: Way[] = [
    {
      name: 'production: node server/dist/main.js (PGlite)',
      command: process.execPath,
      args: ['server/dist/main.js'],
      env: production,
      first: true,
    },
    {
      name: 'pnpm serve (= pnpm start after its build; PGlite, demo data)',
      command: 'pnpm',
      args: ['serve'],
      env: { NODE_ENV: 'development' },
      first: true,
    },
    {
      name: 'from source, as before: tsx server/src/main.ts (PGlite, demo data)',
      command: TSX_BIN,
      args: ['server/src/main.ts'],
      env: { NODE_ENV: 'development' },
      first: false,
    },
  ];
  let scratch: { admin: DbHandle; name: string } | undefined;
  if (await postgresListening()) {
    const name = `startup_${randomBytes(4).toString('hex')}`;
    const admin = openPostgres(ADMIN_URL, 1);
    await admin.sql?.unsafe(
      `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
    );
    scratch = { admin, name };
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    ways.splice(1, 0, {
      name: 'production: node server/dist/main.js (PostgreSQL)',
      command: process.execPath,
      args: ['server/dist/main.js'],
      env: { ...production, DATABASE_URL: url.toString() },
      first: true,
    });
  } else {
    console.log(`PostgreSQL at ${new URL(ADMIN_URL).host} does not answer: PGlite only`);
  }
  if (WITH_BUILD) {
    ways.push({
      name: 'pnpm start (web and server build included; demo data)',
      command: 'pnpm',
      args: ['start'],
      env: { NODE_ENV: 'development' },
      first: false,
    });
  }

  console.log(
    `start-up, spawn → first 200 from /api/health/ready; ${RUNS} runs each; Node ${process.version}, ` +
      `${os.cpus().length} CPUs, load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
  );
  const rows: string[] = [];
  const dirs: string[] = [];
  try {
    // The PGlite demo data of `pnpm serve` is shared with the run from source (the same database).
    let demoDir: string | undefined;
    for (const way of ways) {
      const isDemo = way.env.NODE_ENV === 'development';
      let dataDir = isDemo ? demoDir : undefined;
      if (!dataDir) {
        dataDir = await mkdtemp(join(os.tmpdir(), 'portal-startup-'));
        dirs.push(dataDir);
        if (isDemo) demoDir = dataDir;
        const first = await startOnce(way, dataDir);
        if (way.first) {
          rows.push(
            `| ${way.name}, first start (empty) | ${first.wall.toFixed(0)} | — | — | ${cpuCell([first.cpu])} |`,
          );
          console.log(`${way.name}, first start: ${first.wall.toFixed(0)} ms`);
        }
      }
      const runs: { wall: number; cpu: number | undefined }[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await startOnce(way, dataDir));
      const walls = runs.map((r) => r.wall);
      rows.push(
        `| ${way.name} | ${median(walls).toFixed(0)} | ${Math.min(...walls).toFixed(0)} | ${Math.max(...walls).toFixed(0)} | ${cpuCell(runs.map((r) => r.cpu))} |`,
      );
      console.log(
        `${way.name}: ${walls.map((t) => t.toFixed(0)).join(', ')} ms (load ${os.loadavg()[0]?.toFixed(2)})`,
      );
    }
  } finally {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    if (scratch) {
      await scratch.admin.sql?.unsafe(`drop database if exists ${scratch.name} with (force)`);
      await scratch.admin.close();
    }
  }
  console.log(
    `\nload at the end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log('\n| way of starting | median ms | min ms | max ms | server CPU ms (median) |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
}

await main();
