/**
 * The production build, run the way an operator runs it (issue 12 A, decision 025): the server bundled by
 * `pnpm --filter @portal/server build`, started as `node server/dist/main.js` (the production command and
 * the container's) and as `pnpm start` (which builds, then runs the same bundle through pnpm), then sent
 * SIGTERM — to the process this test spawned only, as a container runtime does — while a request is in
 * flight.
 *
 * The signal must reach the server: readiness answers 503 at once while requests are still served for
 * SHUTDOWN_DELAY_SECONDS, then the listener closes, the in-flight request is still answered, the process
 * exits 0 and nothing it started is left running or listening.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PUBLIC_URL = 'https://portal.example.test';
const SHUTDOWN_DELAY_SECONDS = 3;

/**
 * This file rebuilds `server/dist` (and, through `pnpm start`, `web/dist`) in the checkout and runs what it
 * built. CI runs the PGlite and PostgreSQL passes at once in one checkout, so the file's two runs would
 * rebuild under each other's running server: a lock directory (holding its owner's pid) lets one run at a
 * time. A lock whose owner has died is taken over; so is one left without a pid for a minute.
 */
const LOCK = join(ROOT, 'node_modules/.cache/portal-production-run.lock');

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function lockCheckout(): Promise<void> {
  await mkdir(dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      await writeFile(join(LOCK, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(await readFile(join(LOCK, 'pid'), 'utf8').catch(() => '0'));
    const since = await stat(LOCK).then(
      (s) => s.mtimeMs,
      () => Date.now(),
    );
    const abandoned = owner > 0 ? !processAlive(owner) : Date.now() - since > 60_000;
    if (abandoned) await rm(LOCK, { recursive: true, force: true });
    else await sleep(250);
  }
}

beforeAll(async () => {
  await lockCheckout();
  await promisify(execFile)('pnpm', ['--filter', '@portal/server', 'build'], { cwd: ROOT });
}, 600_000);

afterAll(async () => {
  // Only this run's own lock (a run whose build failed before it got the lock must not free another's).
  if ((await readFile(join(LOCK, 'pid'), 'utf8').catch(() => '')) === String(process.pid))
    await rm(LOCK, { recursive: true, force: true });
});

const started: ChildProcess[] = [];
const dataDirs: string[] = [];
afterEach(async () => {
  // Only if a test failed half-way: end what it started (its own process group), nothing else.
  for (const child of started.splice(0))
    if (groupAlive(child)) process.kill(-(child.pid as number), 'SIGKILL');
  for (const dir of dataDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Whether any process of the child's process group (it leads its own) is still running. */
function groupAlive(child: ChildProcess): boolean {
  try {
    process.kill(-(child.pid as number), 0);
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** Resolves `true` when a TCP connection is accepted, `false` when it is refused. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNREFUSED' ? resolve(false) : reject(error),
    );
  });
}

/** Polls until `condition` holds (no fixed waits: the machine may be busy). */
async function until(
  what: string,
  condition: () => Promise<boolean> | boolean,
  child: ChildProcess,
  output: () => string,
) {
  for (;;) {
    if (await condition()) return;
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the server stopped (${child.exitCode ?? child.signalCode}) before ${what}:\n${output()}`,
      );
    }
    await sleep(25);
  }
}

async function status(url: string): Promise<{ status: number; connection: string | null; body: unknown }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  return { status: res.status, connection: res.headers.get('connection'), body: await res.json() };
}

/**
 * A log-in request whose headers the server has read (it answered `100 Continue`) and whose body the test
 * sends only when told: a request in flight for as long as the test likes.
 */
async function heldRequest(port: number) {
  const body = JSON.stringify({ email: 'nobody@example.test', password: 'not the password at all' });
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/auth/log-in',
    agent: false,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      origin: PUBLIC_URL,
      expect: '100-continue',
    },
  });
  const answer = new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
    });
    req.on('error', reject);
  });
  // If the test fails before the answer is awaited, its rejection is not an unhandled one.
  answer.catch(() => {});
  await new Promise<void>((resolve, reject) => {
    req.once('continue', () => resolve());
    req.once('error', reject);
  });
  return {
    answer,
    finish: () => {
      req.end(body);
    },
  };
}

const COMMANDS = [
  {
    name: 'the production command: node server/dist/main.js',
    command: 'node',
    args: ['server/dist/main.js'],
  },
  {
    name: 'pnpm start (the one-line demo: it builds, then runs the same bundle)',
    command: 'pnpm',
    args: ['start'],
  },
];

describe.each(COMMANDS)('SIGTERM to $name', ({ command, args }) => {
  it('fails readiness at once, serves through the delay, answers the in-flight request, closes and exits 0', async () => {
    const port = await freePort();
    const dataDir = await mkdtemp(join(tmpdir(), 'portal-production-run-'));
    dataDirs.push(dataDir);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_URL,
      // Production requires SMTP; nothing is emailed here (nothing is queued, and port 9 would refuse).
      SMTP_URL: 'smtp://127.0.0.1:9',
      LOG_LEVEL: 'warn',
      SHUTDOWN_DELAY_SECONDS: String(SHUTDOWN_DELAY_SECONDS),
    };
    // Always the embedded database in a fresh directory, even in the PostgreSQL pass of the suites.
    delete env.DATABASE_URL;
    delete env.INIT_CWD;
    // Its own process group, so that the test can tell whether anything it started is left behind.
    const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(child);
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const base = `http://127.0.0.1:${port}`;

    await until(
      'it was ready',
      async () => (await status(`${base}/api/health/ready`).catch(() => null))?.status === 200,
      child,
      () => output,
    );
    expect(await status(`${base}/api/health/live`)).toMatchObject({ status: 200, body: { status: 'ok' } });

    const inFlight = await heldRequest(port);
    child.kill('SIGTERM');

    // Readiness fails at once …
    await until(
      'readiness answered 503',
      async () => (await status(`${base}/api/health/ready`)).status === 503,
      child,
      () => output,
    );
    expect(await status(`${base}/api/health/ready`)).toMatchObject({
      status: 503,
      body: { status: 'draining' },
    });
    // … while the server still takes new connections and answers them, asking keep-alive clients to go.
    expect(await status(`${base}/api/health/live`)).toEqual({
      status: 200,
      connection: 'close',
      body: { status: 'ok' },
    });

    // After the delay the listener closes; the process waits for the request still in flight.
    await until(
      'new connections were refused',
      async () => !(await accepts(port)),
      child,
      () => output,
    );
    expect(child.exitCode).toBeNull();

    inFlight.finish();
    expect(await inFlight.answer).toEqual({ status: 401, connection: 'close' });

    expect(await exited).toBe(0);
    expect(groupAlive(child)).toBe(false);
    expect(await accepts(port)).toBe(false);
  });
});
