/**
 * Load bench (issue 12 B): the real server, as a separate process, on a PostgreSQL cluster of its own,
 * under a mix of reads and writes from many connections; then the same load with PostgreSQL stopped and
 * started again in the middle.
 *
 *   pnpm bench:load                                  # CONNECTIONS=200 DURATION=30, both phases
 *   CONNECTIONS=20 DURATION=3 pnpm bench:load        # the quick version CI runs
 *   PHASE=restart pnpm bench:load                    # only the restart phase
 *
 * Options (env or `--name=value`): CONNECTIONS (200), DURATION (seconds per phase, 30), PHASE (all, load,
 * restart), ORGS (generated organisations, 3000), WARMUP (seconds of unmeasured load first, 5),
 * OUTAGE_SECONDS (how long PostgreSQL stays stopped, 5), DB_POOL_SIZE (the server's pool, 10), SERVER
 * (dist: `node server/dist/main.js`, the production command, when `pnpm build` has made it; tsx: the
 * sources), KEEP_LOGS=1 (keep the server's log and print where).
 *
 * What it does:
 *  1. Starts a throwaway PostgreSQL cluster (initdb + pg_ctl, its own port and directory under the
 *     system's temporary directory; never the machine's server), with durable commits (fsync on).
 *  2. Migrates and fills it: the demo seed, ORGS organisations from bench/generate.ts, and the people of
 *     bench/load-data.ts (representatives, committee members, applications in an open vote).
 *  3. Starts the server as a separate process in production mode (NODE_ENV=production, an https
 *     PUBLIC_URL, SMTP_URL pointing at a sink this bench runs, so sign-ups' email is really delivered),
 *     with its rate limits on and TRUST_PROXY=127.0.0.1: every virtual user sends its own
 *     X-Forwarded-For, as behind a load balancer, so per-IP limits apply per person (see docs/performance.md).
 *  4. Logs the signed-in users in through the API (their session cookies), then runs CONNECTIONS virtual
 *     users, each on one keep-alive connection, in a closed loop (no think time):
 *       - visitors (70 %): the SPA shell, the session probe, home (cluster, areas), the directory
 *         (pages, area/kind filters, word searches), organisation pages, the decisions register, the
 *         information pages;
 *       - representatives (15 %, two per organisation): their organisation and profile, then a save with
 *         If-Match — one save in ten from a stale tab (the version before their last read), and colleagues
 *         editing the same organisation race each other: 412s;
 *       - committee members (10 %): the queue of open votes, the application, a vote on it, now and then a
 *         double click (a second vote: 409 on a secret ballot, a changed vote on an open one); votes close
 *         when the whole committee has voted, which writes the decision and admits the member;
 *       - newcomers (5 %): home, the statute, then a sign-up, each from a new address and email;
 *     and everyone also browses. A query answered with a 5xx is sent again after 1 s and then 2 s, as the
 *     SPA's TanStack Query does; changes are not repeated. Each request names the statuses it may get: 2xx, and 409 (votes), 412
 *     (profile saves), 429 (sign-ups). Anything else, a socket error or a timeout is a failure.
 *  5. Restart phase: the same load; after a third of it PostgreSQL is stopped (`pg_ctl stop -m fast`),
 *     stays down OUTAGE_SECONDS, and is started again. From the stop until 5 s after it is back, a 503
 *     with Retry-After is also allowed, and no 503 (nor anything else) may come later: recovery is the
 *     last failure after the database is back, at most 5 s, and every route family must have been
 *     answered normally since (the run goes on, up to 20 s, until each has). Per family it also reports
 *     when the first request answered normally was sent and when the first 2xx arrived: those depend on
 *     how often the family is asked and on its latency under the load.
 *
 * Prints p50/p95/p99 per route pattern and the overall requests per second of each phase, and writes the
 * raw figures as JSON to bench/results/ (gitignored). Exits 1 on any failure. Only 127.0.0.1 is contacted.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { createDb, migrate } from '@portal/db';
import { seedDemo } from '@portal/db/seed';
import { startThrowawayCluster, type ThrowawayCluster } from '@portal/db/testing';
import { ProfileEditBodySchema } from '@portal/shared';
import { SMTPServer } from 'smtp-server';
import { Client } from 'undici';
import { generateOrganizations, mulberry32 } from './generate.ts';
import { cleanups, freePort, option, percentile, runCleanups } from './harness.ts';
import { generateLoadActors, LOAD_EMAIL_DOMAIN, LOAD_PASSWORD, type LoadActors } from './load-data.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = join(ROOT, 'bench', 'results');
const DIST_MAIN = join(ROOT, 'server', 'dist', 'main.js');

// ---------------------------------------------------------------------------------------------------
// Options

function wholeNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = option(name, String(fallback));
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number between ${min} and ${max}, got ${raw}`);
  return value;
}

const CONNECTIONS = wholeNumber('CONNECTIONS', 200, 8, 2000);
const DURATION = wholeNumber('DURATION', 30, 1, 600);
const ORGS = wholeNumber('ORGS', 3000, 200, 200_000);
const WARMUP = wholeNumber('WARMUP', Math.min(5, DURATION), 0, 120);
const OUTAGE_SECONDS = wholeNumber('OUTAGE_SECONDS', 5, 1, 120);
const POOL = wholeNumber('DB_POOL_SIZE', 10, 1, 200);
const PHASE = option('PHASE', 'all');
if (!['all', 'load', 'restart'].includes(PHASE))
  throw new Error(`PHASE must be all, load or restart: ${PHASE}`);
const SERVER = option('SERVER', existsSync(DIST_MAIN) ? 'dist' : 'tsx');
if (SERVER !== 'dist' && SERVER !== 'tsx') throw new Error(`SERVER must be dist or tsx: ${SERVER}`);
if (SERVER === 'dist' && !existsSync(DIST_MAIN))
  throw new Error('SERVER=dist needs the production build: run `pnpm build` first');
const KEEP_LOGS = option('KEEP_LOGS', '') === '1';
/** The server's log stays when asked for, and after a failed run (to read what went wrong). */
let keepLogs = KEEP_LOGS;
if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
  throw new Error('the load includes the SPA shell: run `pnpm build` first');

/** The origin the server believes it is reached at (production insists on https). */
const PUBLIC_URL = 'https://portal.load.example';
/** After the database is back, every route family answers 2xx again within this, and no 503 comes later. */
const RECOVERY_LIMIT_MS = 5000;
/** A request that takes longer than this is a failure (timeout), whatever it answers later. */
const REQUEST_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------------
// Small helpers

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const sleep = (msec: number) => new Promise<void>((r) => setTimeout(r, msec));
const now = () => performance.now();

function pick<T>(random: () => number, xs: readonly T[]): T {
  return xs[Math.floor(random() * xs.length)] as T;
}

function weighted<T>(random: () => number, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, weight] of table) {
    r -= weight;
    if (r < 0) return value;
  }
  return (table[table.length - 1] as readonly [T, number])[0];
}

/** CPU seconds (user + system) of a process and, with `children`, of its live and reaped children. */
function cpuSeconds(pid: number, children = false): number {
  const ticks = 100; // USER_HZ on Linux
  const fields = (p: number) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    } catch {
      return null;
    }
  };
  const own = fields(pid);
  if (!own) return Number.NaN;
  // After the command name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
  let total = Number(own[11]) + Number(own[12]);
  if (children) {
    total += Number(own[13]) + Number(own[14]);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const f = fields(Number(entry));
      if (f && Number(f[1]) === pid) total += Number(f[11]) + Number(f[12]);
    }
  }
  return total / ticks;
}

// ---------------------------------------------------------------------------------------------------
// Cleanup, also on Ctrl-C

// ---------------------------------------------------------------------------------------------------
// The database

/**
 * The throwaway cluster is tuned for tests (no fsync, small buffers); the load bench wants commits as
 * durable as a real server's, and room for the pool.
 */
async function startDatabase(): Promise<{ cluster: ThrowawayCluster; dataDirectory: string }> {
  const cluster = await startThrowawayCluster();
  cleanups.push(() => cluster.destroy());
  const admin = await createDb({ databaseUrl: cluster.url });
  try {
    for (const setting of [
      'fsync = on',
      'full_page_writes = on',
      'synchronous_commit = on',
      "shared_buffers = '128MB'",
      'max_connections = 100',
    ])
      await admin.sql?.unsafe(`alter system set ${setting}`);
  } finally {
    await admin.close();
  }
  await cluster.restart();
  const check = await createDb({ databaseUrl: cluster.url });
  try {
    const rows = (await check.sql?.unsafe(
      "select current_setting('fsync') as fsync, current_setting('data_directory') as dir, version() as version",
    )) as unknown as { fsync: string; dir: string; version: string }[];
    const row = rows[0];
    if (row?.fsync !== 'on') throw new Error('could not turn fsync on in the throwaway cluster');
    console.log(`  ${row.version.split(' on ')[0]} on port ${cluster.port}, fsync on`);
    return { cluster, dataDirectory: row.dir };
  } finally {
    await check.close();
  }
}

function postmasterPid(dataDirectory: string): number {
  try {
    return Number(readFileSync(join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return Number.NaN;
  }
}

interface Population {
  actors: LoadActors;
  organisations: number;
}

async function fillDatabase(
  url: string,
  counts: Parameters<typeof generateLoadActors>[1],
): Promise<Population> {
  const handle = await createDb({ databaseUrl: url });
  try {
    let t0 = now();
    await migrate(handle);
    await seedDemo(handle.db);
    console.log(`  migrated and seeded the demo in ${round((now() - t0) / 1000)} s`);
    t0 = now();
    const organisations = await generateOrganizations(handle, ORGS, 1);
    console.log(`  generated ${organisations} organisations in ${round((now() - t0) / 1000)} s`);
    const actors = await generateLoadActors(handle, counts);
    console.log(
      `  ${actors.representatives.length} representatives, ${actors.committee.length} committee members, ` +
        `${actors.applicationsInVote} applications in an open vote`,
    );
    return { actors, organisations };
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// The SMTP sink and the server

async function startSmtpSink(): Promise<{ port: number; delivered: () => number }> {
  let delivered = 0;
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        delivered += 1;
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((r) => sink.listen(port, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => sink.close(() => r())));
  return { port, delivered: () => delivered };
}

interface RunningServer {
  base: string;
  pid: number;
  command: string;
  readyPath: string;
  logFile: string;
  stop: () => Promise<{ code: number | null; signal: string | null }>;
}

async function startServer(databaseUrl: string, smtpPort: number, logDir: string): Promise<RunningServer> {
  const port = await freePort();
  const [file, args] =
    SERVER === 'dist'
      ? [process.execPath, [DIST_MAIN]]
      : [process.execPath, ['--import', 'tsx', join('server', 'src', 'main.ts')]];
  const command = SERVER === 'dist' ? 'node server/dist/main.js' : 'node --import tsx server/src/main.ts';
  const logFile = join(logDir, 'server.log');
  const log = createWriteStream(logFile);
  const child: ChildProcess = spawn(file, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DB_POOL_SIZE: String(POOL),
      PUBLIC_URL,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      // Behind a load balancer on this host: its X-Forwarded-For names the client (decision 026).
      TRUST_PROXY: '127.0.0.1',
      LOG_LEVEL: 'info',
      // The bench stops the server itself once the load is over; no load balancer to drain.
      SHUTDOWN_DELAY_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<{ code: number | null; signal: string | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    }
    return { code: child.exitCode, signal: child.signalCode };
  };
  cleanups.push(async () => {
    await stop();
  });

  const base = `http://127.0.0.1:${port}`;
  const started = now();
  let readyPath = '';
  while (!readyPath) {
    if (child.exitCode !== null)
      throw new Error(
        `the server exited with ${child.exitCode}:\n${readFileSync(logFile, 'utf8').slice(-3000)}`,
      );
    if (now() - started > 120_000) throw new Error('the server did not become ready within 2 minutes');
    for (const path of ['/api/health/ready', '/api/health']) {
      try {
        const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(2000) });
        if (response.status === 200) {
          readyPath = path;
          break;
        }
        if (response.status !== 404) break;
      } catch {
        break; // not listening yet
      }
    }
    if (!readyPath) await sleep(200);
  }
  console.log(`  ${command} ready (${readyPath}) in ${round((now() - started) / 1000)} s on ${base}`);
  return { base, pid: child.pid as number, command, readyPath, logFile, stop };
}

// ---------------------------------------------------------------------------------------------------
// Requests and answers

type Family =
  | 'static'
  | 'session'
  | 'home'
  | 'directory'
  | 'organisation'
  | 'decisions'
  | 'pages'
  | 'account'
  | 'profile'
  | 'committee'
  | 'vote'
  | 'sign-up';

interface Step {
  /** The route pattern the figures are grouped by. */
  route: string;
  family: Family;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Statuses this request may get under normal load (any 2xx it names, and the expected 409/412/429). */
  expect: readonly number[];
  /** Retries so far: the SPA retries a query that failed with a 5xx twice, after 1 s and 2 s. */
  attempt?: number;
  /** Reads the answer (lists' ids, the profile and its ETag). */
  onAnswer?: (answer: Answer) => void;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: () => unknown;
}

interface Sample {
  route: string;
  family: Family;
  write: boolean;
  status: number; // 0: socket error or timeout
  start: number;
  end: number;
  /** The status was not one the request may get (judged again for 503 in the restart phase). */
  unexpected: boolean;
  retryAfter: boolean;
  error?: string;
}

function decode(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'gzip') return gunzipSync(body);
  if (encoding === 'deflate') return inflateSync(body);
  return body;
}

// ---------------------------------------------------------------------------------------------------
// Virtual users

/** Words a visitor types: from bench/generate.ts's vocabulary and the demo's, Cyrillic and Latin. */
const SEARCH_WORDS = [
  'софтуер',
  'дизайн',
  'design',
  'аним',
  'игри',
  'games',
  'данни',
  'data',
  'роботи',
  'енерг',
  'студио',
  'софия',
  'облачна',
  'AI',
  'фестивали',
  'медицински',
];
const AREA_FILTERS = ['ict', 'creative', 'ict-software', 'creative-games', 'clean-energy', 'health-medtech'];
const PAGES = ['statute', 'contact', 'privacy'];
const PROFILE_KEYS = Object.keys(ProfileEditBodySchema.shape) as (keyof typeof ProfileEditBodySchema.shape)[];

const jsonHeaders = { accept: 'application/json' };

interface Shared {
  /** Publicly listed organisations' ids seen in lists so far (organisation pages pick from them). */
  organisationIds: string[];
  signUps: number;
}

abstract class VirtualUser {
  readonly random: () => number;
  cookie: string | null = null;
  /** A query to send again (the SPA's retry of a query answered with a 5xx). */
  retry: Step | null = null;
  constructor(
    readonly index: number,
    public address: string,
    readonly shared: Shared,
  ) {
    // A seeded PRNG per virtual user, so runs pick the same kinds of requests.
    this.random = mulberry32(1000 + index);
  }
  abstract next(): Step;

  /** What every visitor does: the pages anyone can open. */
  browse(): Step {
    const kind = weighted(this.random, [
      ['shell', 4],
      ['session', 12],
      ['cluster', 10],
      ['areas', 3],
      ['list', 15],
      ['search', 15],
      ['organisation', 20],
      ['decisions', 8],
      ['years', 3],
      ['page', 5],
    ] as const);
    const keepIds = (answer: Answer) => {
      if (answer.status !== 200) return;
      const items = (answer.json() as { items?: { id: string }[] }).items ?? [];
      const ids = this.shared.organisationIds;
      for (const item of items.slice(0, 5)) {
        if (ids.length < 5000) ids.push(item.id);
        else ids[Math.floor(this.random() * ids.length)] = item.id;
      }
    };
    switch (kind) {
      case 'shell':
        return {
          route: 'GET / (SPA shell)',
          family: 'static',
          method: 'GET',
          path: pick(this.random, ['/', '/members', '/decisions']),
          headers: { accept: 'text/html' },
          expect: [200],
        };
      case 'session':
        return {
          route: 'GET /api/auth/session',
          family: 'session',
          method: 'GET',
          path: '/api/auth/session',
          expect: [200],
        };
      case 'cluster':
        return {
          route: 'GET /api/cluster',
          family: 'home',
          method: 'GET',
          path: '/api/cluster',
          expect: [200],
        };
      case 'areas':
        return { route: 'GET /api/areas', family: 'home', method: 'GET', path: '/api/areas', expect: [200] };
      case 'list': {
        const params = new URLSearchParams();
        if (this.random() < 0.3) {
          params.set('area', pick(this.random, AREA_FILTERS));
          if (this.random() < 0.5) params.set('kind', 'company');
        }
        const page = this.random() < 0.6 ? 1 : 1 + Math.floor(this.random() * 20);
        if (page > 1) params.set('page', String(page));
        const qs = params.toString();
        return {
          route: 'GET /api/organizations (list)',
          family: 'directory',
          method: 'GET',
          path: `/api/organizations${qs ? `?${qs}` : ''}`,
          expect: [200],
          onAnswer: keepIds,
        };
      }
      case 'search':
        return {
          route: 'GET /api/organizations?q= (search)',
          family: 'directory',
          method: 'GET',
          path: `/api/organizations?q=${encodeURIComponent(pick(this.random, SEARCH_WORDS))}`,
          expect: [200],
          onAnswer: keepIds,
        };
      case 'organisation': {
        const id =
          this.shared.organisationIds.length > 0 ? pick(this.random, this.shared.organisationIds) : null;
        if (!id)
          return {
            route: 'GET /api/organizations (list)',
            family: 'directory',
            method: 'GET',
            path: '/api/organizations',
            expect: [200],
            onAnswer: keepIds,
          };
        return {
          route: 'GET /api/organizations/:id',
          family: 'organisation',
          method: 'GET',
          path: `/api/organizations/${id}`,
          expect: [200],
        };
      }
      case 'decisions':
        return {
          route: 'GET /api/decisions',
          family: 'decisions',
          method: 'GET',
          path: this.random() < 0.3 ? '/api/decisions?year=2026' : '/api/decisions',
          expect: [200],
        };
      case 'years':
        return {
          route: 'GET /api/decisions/years',
          family: 'decisions',
          method: 'GET',
          path: '/api/decisions/years',
          expect: [200],
        };
      case 'page':
        return {
          route: 'GET /api/pages/:slug',
          family: 'pages',
          method: 'GET',
          path: `/api/pages/${pick(this.random, PAGES)}`,
          expect: [200],
        };
    }
  }
}

class Visitor extends VirtualUser {
  next(): Step {
    return this.browse();
  }
}

class Representative extends VirtualUser {
  private profile: Record<string, unknown> | null = null;
  private etag: string | null = null;
  /** The ETag before the last read: what a second, forgotten tab still holds. */
  private staleEtag: string | null = null;
  private edits = 0;
  constructor(
    index: number,
    address: string,
    shared: Shared,
    readonly email: string,
    readonly organizationId: string,
  ) {
    super(index, address, shared);
  }

  next(): Step {
    const profilePath = `/api/account/organizations/${this.organizationId}/profile`;
    if (this.profile && this.etag && this.random() < 0.8) {
      const stale = this.staleEtag !== null && this.random() < 0.1;
      const body: Record<string, unknown> = {};
      for (const key of PROFILE_KEYS) body[key] = this.profile[key];
      this.edits += 1;
      const base = String(body.descriptionBg ?? '').replace(/ \(редакция \d+\)$/, '');
      body.descriptionBg = `${base} (редакция ${this.edits})`.slice(-5000);
      const ifMatch = stale ? (this.staleEtag as string) : this.etag;
      this.profile = null;
      return {
        route: 'PUT /api/account/organizations/:id/profile',
        family: 'profile',
        method: 'PUT',
        path: profilePath,
        body,
        headers: { 'if-match': ifMatch },
        expect: [200, 412],
        onAnswer: (answer) => {
          if (answer.status === 200) {
            this.staleEtag = ifMatch;
            this.etag = String(answer.headers.etag ?? '');
          }
        },
      };
    }
    const kind = weighted(this.random, [
      ['profile', 25],
      ['mine', 8],
      ['members', 8],
      ['browse', 40],
    ] as const);
    if (kind === 'profile')
      return {
        route: 'GET /api/account/organizations/:id/profile',
        family: 'profile',
        method: 'GET',
        path: profilePath,
        expect: [200],
        onAnswer: (answer) => {
          if (answer.status !== 200) return;
          if (this.etag && this.etag !== answer.headers.etag) this.staleEtag = this.etag;
          this.etag = String(answer.headers.etag ?? '');
          this.profile = answer.json() as Record<string, unknown>;
        },
      };
    if (kind === 'mine')
      return {
        route: 'GET /api/account/organizations/:id',
        family: 'account',
        method: 'GET',
        path: `/api/account/organizations/${this.organizationId}`,
        expect: [200],
      };
    if (kind === 'members')
      return {
        route: 'GET /api/members/organizations',
        family: 'directory',
        method: 'GET',
        path: `/api/members/organizations${this.random() < 0.5 ? `?q=${encodeURIComponent(pick(this.random, SEARCH_WORDS))}` : ''}`,
        expect: [200],
      };
    return this.browse();
  }
}

class CommitteeMember extends VirtualUser {
  private voted = new Set<string>();
  private picked: string | null = null;
  private viewed = false;
  private doubleClick: { id: string; choice: string } | null = null;
  constructor(
    index: number,
    address: string,
    shared: Shared,
    readonly email: string,
  ) {
    super(index, address, shared);
  }

  private vote(id: string, choice: string): Step {
    return {
      route: 'PUT /api/applications/:id/vote',
      family: 'vote',
      method: 'PUT',
      path: `/api/applications/${id}/vote`,
      body: { choice },
      expect: [200, 409],
      onAnswer: (answer) => {
        if (answer.status === 200 || answer.status === 409) this.voted.add(id);
        // Now and then a double click sends the same vote again.
        if (answer.status === 200 && this.doubleClick === null && this.random() < 0.1)
          this.doubleClick = { id, choice };
        else this.doubleClick = null;
      },
    };
  }

  next(): Step {
    if (this.doubleClick) {
      const { id, choice } = this.doubleClick;
      this.doubleClick = null;
      const step = this.vote(id, choice);
      return { ...step, onAnswer: () => {} };
    }
    if (this.picked && !this.viewed) {
      this.viewed = true;
      return {
        route: 'GET /api/applications/:id',
        family: 'committee',
        method: 'GET',
        path: `/api/applications/${this.picked}`,
        expect: [200],
      };
    }
    if (this.picked && this.viewed) {
      const id = this.picked;
      this.picked = null;
      const choice = weighted(this.random, [
        ['for', 8],
        ['against', 1],
        ['abstain', 1],
      ] as const);
      return this.vote(id, choice);
    }
    const kind = weighted(this.random, [
      ['queue', 30],
      ['browse', 40],
    ] as const);
    if (kind === 'queue')
      return {
        route: 'GET /api/committee/applications',
        family: 'committee',
        method: 'GET',
        path: '/api/committee/applications?state=in_vote',
        expect: [200],
        onAnswer: (answer) => {
          if (answer.status !== 200) return;
          const items = (answer.json() as { items: { id: string }[] }).items;
          // The oldest application in the queue this member has not voted on yet (the queue lists the
          // newest first), or, when there is none, one at random: a second vote.
          const fresh = items.filter((i) => !this.voted.has(i.id));
          const choice =
            fresh.length > 0 ? fresh[fresh.length - 1] : items.length > 0 ? pick(this.random, items) : null;
          this.picked = choice ? choice.id : null;
          this.viewed = false;
        },
      };
    return this.browse();
  }
}

class Newcomer extends VirtualUser {
  private stage = 0;
  constructor(
    index: number,
    address: string,
    shared: Shared,
    readonly phaseTag: string,
  ) {
    super(index, address, shared);
  }

  next(): Step {
    const stage = this.stage;
    this.stage = (this.stage + 1) % 5;
    if (stage === 0) {
      // A new person: another address.
      this.shared.signUps += 1;
      this.address = newcomerAddress(this.shared.signUps);
      return shellStep();
    }
    if (stage === 1)
      return {
        route: 'GET /api/auth/session',
        family: 'session',
        method: 'GET',
        path: '/api/auth/session',
        expect: [200],
      };
    if (stage === 2)
      return {
        route: 'GET /api/cluster',
        family: 'home',
        method: 'GET',
        path: '/api/cluster',
        expect: [200],
      };
    if (stage === 3)
      return {
        route: 'GET /api/pages/:slug',
        family: 'pages',
        method: 'GET',
        path: '/api/pages/statute',
        expect: [200],
      };
    const n = this.shared.signUps;
    return {
      route: 'POST /api/auth/sign-up',
      family: 'sign-up',
      method: 'POST',
      path: '/api/auth/sign-up',
      body: {
        email: `new-${this.phaseTag}-${this.index}-${n}@${LOAD_EMAIL_DOMAIN}`,
        password: `${randomBytes(12).toString('base64url')}-Ново`,
        displayName: `Нов потребител ${n}`,
        language: 'bg',
        next: '/apply',
      },
      expect: [202, 429],
    };
  }
}

function shellStep() {
  return {
    route: 'GET / (SPA shell)',
    family: 'static' as const,
    method: 'GET' as const,
    path: '/',
    headers: { accept: 'text/html' },
    expect: [200],
  };
}

const connectionAddress = (i: number) => `10.1.${(i >> 8) & 255}.${(i & 255) + 1}`;
const newcomerAddress = (n: number) => `10.${2 + ((n >> 16) & 63)}.${(n >> 8) & 255}.${n & 255}`;

/** How many virtual users of each kind: 70 % visitors, 15 % representatives, 10 % committee, 5 % newcomers. */
function split(connections: number) {
  const committee = Math.max(3, Math.round(connections * 0.1));
  const representatives = Math.max(2, Math.round(connections * 0.15));
  const newcomers = Math.max(1, Math.round(connections * 0.05));
  const visitors = connections - committee - representatives - newcomers;
  if (visitors < 1) throw new Error(`CONNECTIONS=${connections} is too few for the mix`);
  return { visitors, representatives, committee, newcomers };
}

// ---------------------------------------------------------------------------------------------------
// Logging in

async function logIn(base: string, email: string, address: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/log-in`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: PUBLIC_URL,
      'sec-fetch-site': 'same-origin',
      'x-forwarded-for': address,
    },
    body: JSON.stringify({ email, password: LOAD_PASSWORD }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`log-in of ${email} answered ${response.status}: ${body.slice(0, 300)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] as string)
    .find((c) => c.includes('session='));
  if (!cookie) throw new Error(`log-in of ${email} set no session cookie`);
  return cookie;
}

async function makeUsers(
  base: string,
  actors: LoadActors,
  shared: Shared,
  phaseTag: string,
): Promise<VirtualUser[]> {
  const mix = split(CONNECTIONS);
  const users: VirtualUser[] = [];
  let i = 0;
  for (let k = 0; k < mix.visitors; k++, i++) users.push(new Visitor(i, connectionAddress(i), shared));
  for (let k = 0; k < mix.representatives; k++, i++) {
    const rep = actors.representatives[k];
    if (!rep) throw new Error('fewer representatives than connections for them');
    users.push(new Representative(i, connectionAddress(i), shared, rep.email, rep.organizationId));
  }
  for (let k = 0; k < mix.committee; k++, i++) {
    const member = actors.committee[k];
    if (!member) throw new Error('fewer committee members than connections for them');
    users.push(new CommitteeMember(i, connectionAddress(i), shared, member.email));
  }
  for (let k = 0; k < mix.newcomers; k++, i++)
    users.push(new Newcomer(i, connectionAddress(i), shared, phaseTag));

  // Sessions: a few log-ins at a time (each is an argon2 verification on the server).
  const signedIn = users.filter(
    (u): u is Representative | CommitteeMember => u instanceof Representative || u instanceof CommitteeMember,
  );
  const t0 = now();
  for (let k = 0; k < signedIn.length; k += 4) {
    await Promise.all(
      signedIn.slice(k, k + 4).map(async (u) => {
        u.cookie = await logIn(base, u.email, u.address);
      }),
    );
  }
  console.log(`  ${signedIn.length} users logged in (${round((now() - t0) / 1000)} s)`);
  return users;
}

// ---------------------------------------------------------------------------------------------------
// The load

interface RunOptions {
  name: string;
  seconds: number;
  /** Called once, this many seconds into the run (the restart phase's outage). */
  during?: { afterSeconds: number; run: () => Promise<void> };
  /**
   * Past `seconds`, the run goes on while this says so (at most `maxSeconds` in all): the restart phase
   * waits until every route family has answered since the database came back.
   */
  more?: () => boolean;
  maxSeconds?: number;
  /** Sees every sample as it is recorded. */
  onSample?: (sample: Sample) => void;
}

interface RunResult {
  samples: Sample[];
  startedAt: number;
  endedAt: number;
}

async function drive(base: string, users: VirtualUser[], options: RunOptions): Promise<RunResult> {
  const samples: Sample[] = [];
  const startedAt = now();
  const endAt = startedAt + options.seconds * 1000;
  const hardEndAt = startedAt + Math.max(options.seconds, options.maxSeconds ?? 0) * 1000;
  const going = () => {
    const t = now();
    return t < endAt || (options.more?.() === true && t < hardEndAt);
  };
  let duringDone: Promise<void> = Promise.resolve();
  let duringTimer: NodeJS.Timeout | undefined;
  if (options.during) {
    const { afterSeconds, run } = options.during;
    duringDone = new Promise<void>((resolveDuring, reject) => {
      duringTimer = setTimeout(() => run().then(resolveDuring, reject), afterSeconds * 1000);
    });
  }

  const loop = async (user: VirtualUser) => {
    const client = new Client(base, {
      pipelining: 1,
      headersTimeout: REQUEST_TIMEOUT_MS,
      bodyTimeout: REQUEST_TIMEOUT_MS,
      connectTimeout: 10_000,
    });
    try {
      while (going()) {
        const step = user.retry ?? user.next();
        user.retry = null;
        const write = step.method !== 'GET';
        const headers: Record<string, string> = {
          ...jsonHeaders,
          'accept-encoding': 'gzip, deflate, br',
          'accept-language': 'bg',
          'user-agent': 'portal-load-bench',
          'x-forwarded-for': user.address,
          ...step.headers,
        };
        if (user.cookie) headers.cookie = user.cookie;
        let body: string | undefined;
        if (step.body !== undefined) {
          body = JSON.stringify(step.body);
          headers['content-type'] = 'application/json';
        }
        if (write) {
          headers.origin = PUBLIC_URL;
          headers['sec-fetch-site'] = 'same-origin';
        }
        const start = now();
        try {
          const response = await client.request({
            method: step.method,
            path: step.path,
            headers,
            body,
          });
          const raw = Buffer.from(await response.body.arrayBuffer());
          const end = now();
          const status = response.statusCode;
          const unexpected = !step.expect.includes(status);
          const sample: Sample = {
            route: step.route,
            family: step.family,
            write,
            status,
            start,
            end,
            unexpected,
            retryAfter: response.headers['retry-after'] !== undefined,
          };
          let decoded: Buffer | null = null;
          const text = () => {
            decoded ??= decode(raw, response.headers['content-encoding'] as string | undefined);
            return decoded.toString('utf8');
          };
          if (unexpected) sample.error = text().slice(0, 300);
          samples.push(sample);
          options.onSample?.(sample);
          step.onAnswer?.({ status, headers: response.headers, json: () => JSON.parse(text()) });
          // Like the SPA (TanStack Query's defaults in web/src/app/query-client.ts): a query answered
          // with a 5xx is asked again after 1 s, then 2 s; a change (PUT, POST) is not repeated.
          const attempt = step.attempt ?? 0;
          if (status >= 500 && step.method === 'GET' && attempt < 2) {
            user.retry = { ...step, attempt: attempt + 1 };
            await sleep(1000 * 2 ** attempt);
          }
        } catch (error) {
          const sample: Sample = {
            route: step.route,
            family: step.family,
            write,
            status: 0,
            start,
            end: now(),
            unexpected: true,
            retryAfter: false,
            error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          };
          samples.push(sample);
          options.onSample?.(sample);
          // Do not spin on a dead socket: undici reconnects on the next request.
          await sleep(50);
        }
      }
    } finally {
      await client.close().catch(() => client.destroy());
    }
  };

  await Promise.all(users.map(loop));
  clearTimeout(duringTimer);
  await duringDone;
  return { samples, startedAt, endedAt: now() };
}

// ---------------------------------------------------------------------------------------------------
// Figures

interface RouteFigures {
  route: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
}

interface PhaseFigures {
  name: string;
  seconds: number;
  requests: number;
  perSecond: number;
  writeShare: number;
  p50: number;
  p95: number;
  p99: number;
  routes: RouteFigures[];
  statuses: Record<string, number>;
  failures: number;
  failureExamples: string[];
  loadAverage: { start: number[]; end: number[] };
  cpuSeconds?: { server: number; postgres: number; bench: number };
}

function figuresOf(name: string, run: RunResult, isFailure: (s: Sample) => boolean): PhaseFigures {
  const seconds = (run.endedAt - run.startedAt) / 1000;
  const byRoute = new Map<string, Sample[]>();
  for (const s of run.samples) byRoute.set(s.route, [...(byRoute.get(s.route) ?? []), s]);
  const statusCount = (samples: Sample[]) => {
    const counts: Record<string, number> = {};
    for (const s of samples) {
      const key = s.status === 0 ? 'error' : String(s.status);
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  };
  const latencies = (samples: Sample[]) => samples.map((s) => s.end - s.start).sort((a, b) => a - b);
  const routes: RouteFigures[] = [...byRoute]
    .map(([route, samples]) => {
      const sorted = latencies(samples);
      return {
        route,
        requests: samples.length,
        perSecond: round(samples.length / seconds),
        p50: round(percentile(sorted, 50)),
        p95: round(percentile(sorted, 95)),
        p99: round(percentile(sorted, 99)),
        max: round(sorted[sorted.length - 1] ?? Number.NaN),
        statuses: statusCount(samples),
      };
    })
    .sort((a, b) => b.requests - a.requests);
  const all = latencies(run.samples);
  const failures = run.samples.filter(isFailure);
  const examples = new Map<string, string>();
  for (const f of failures) {
    const key = `${f.route} → ${f.status || 'socket error'}`;
    if (!examples.has(key)) examples.set(key, `${key}: ${f.error ?? ''}`.slice(0, 400));
  }
  return {
    name,
    seconds: round(seconds, 2),
    requests: run.samples.length,
    perSecond: round(run.samples.length / seconds),
    writeShare: round((100 * run.samples.filter((s) => s.write).length) / Math.max(1, run.samples.length)),
    p50: round(percentile(all, 50)),
    p95: round(percentile(all, 95)),
    p99: round(percentile(all, 99)),
    routes,
    statuses: statusCount(run.samples),
    failures: failures.length,
    failureExamples: [...examples.values()].slice(0, 20),
    loadAverage: { start: [], end: [] },
  };
}

function printFigures(f: PhaseFigures): void {
  const head = ['route', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'statuses'];
  const rows = f.routes.map((r) => [
    r.route,
    String(r.requests),
    String(r.perSecond),
    String(r.p50),
    String(r.p95),
    String(r.p99),
    String(r.max),
    Object.entries(r.statuses)
      .map(([k, v]) => `${k}×${v}`)
      .join(' '),
  ]);
  rows.push([
    'all',
    String(f.requests),
    String(f.perSecond),
    String(f.p50),
    String(f.p95),
    String(f.p99),
    '',
    Object.entries(f.statuses)
      .map(([k, v]) => `${k}×${v}`)
      .join(' '),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 || c === 7 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log(
    `\n  ${f.requests} requests in ${f.seconds} s: ${f.perSecond} req/s overall, ${f.writeShare} % writes; ` +
      `load average ${f.loadAverage.start.map((x) => round(x, 2)).join(' ')} → ${f.loadAverage.end.map((x) => round(x, 2)).join(' ')}`,
  );
  if (f.cpuSeconds)
    console.log(
      `  CPU seconds during the phase: server ${f.cpuSeconds.server}, PostgreSQL ${Number.isNaN(f.cpuSeconds.postgres) ? 'n/a (restarted)' : f.cpuSeconds.postgres}, ` +
        `bench (load generator and SMTP sink) ${f.cpuSeconds.bench}`,
    );
  if (f.failures > 0) {
    console.log(`  FAILURES: ${f.failures}`);
    for (const e of f.failureExamples) console.log(`    ${e}`);
  } else console.log('  no failures (every answer was 2xx or an expected 409/412/429)');
}

interface OutageFigures {
  stopAt: number;
  downAt: number;
  startAt: number;
  backAt: number;
  /** From the stop command to PostgreSQL accepting connections again, s. */
  windowSeconds: number;
  answered503: number;
  answered503WithoutRetryAfter: number;
  /** The last 503 (or other failure) after the database was back, ms after it (null: none). */
  lastFailureAfterBackMs: number | null;
  /**
   * Per route family, ms after the database was back at which the first request that got a normal answer
   * (2xx or an expected 4xx) was sent; 0 when it was already in flight (null: none).
   */
  firstRecoveredSendMs: Record<string, number | null>;
  /** Per route family, ms from the database being back to the arrival of its first 2xx (null: none). */
  firstSuccessAfterBackMs: Record<string, number | null>;
  /** lastFailureAfterBackMs or 0: the limit is 5 s, and every family must have answered normally since. */
  recoveryMs: number;
}

// ---------------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  const problems: string[] = [];
  const mix = split(CONNECTIONS);
  console.log(
    `# Load bench — ${CONNECTIONS} connections (${mix.visitors} visitors, ${mix.representatives} representatives, ` +
      `${mix.committee} committee members, ${mix.newcomers} newcomers), ${DURATION} s per phase, PHASE=${PHASE}`,
  );
  const loadAtStart = os.loadavg();
  console.log(
    `  ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${loadAtStart.map((x) => round(x, 2)).join(' ')} ` +
      `(a shared machine: other work may run during the bench), Node ${process.version}`,
  );
  const work = await mkdtemp(join(os.tmpdir(), 'portal-load-'));
  cleanups.push(async () => {
    if (!keepLogs) await rm(work, { recursive: true, force: true });
    else console.log(`  the server's log is kept in ${join(work, 'server.log')}`);
  });

  console.log('\n## Database');
  const { cluster, dataDirectory } = await startDatabase();
  const representatives = mix.representatives;
  const committee = mix.committee;
  const population = await fillDatabase(cluster.url, {
    representatives,
    committee,
    applications: Math.max(40, CONNECTIONS),
  });

  console.log('\n## Server');
  const smtp = await startSmtpSink();
  const server = await startServer(cluster.url, smtp.port, work);
  const shared: Shared = { organisationIds: [], signUps: 0 };

  console.log('\n## Sessions');
  const users = await makeUsers(server.base, population.actors, shared, randomBytes(3).toString('hex'));

  const phases: PhaseFigures[] = [];
  /** When PostgreSQL was away (until 5 s after it was back), by the clock the server's log uses. */
  let outageWallClock: { from: number; to: number } | null = null;
  let outage: OutageFigures | null = null;

  const measure = async (
    name: string,
    options: RunOptions,
    judge: (run: RunResult) => (s: Sample) => boolean,
  ): Promise<{ figures: PhaseFigures; run: RunResult }> => {
    const loadStart = os.loadavg();
    const pg = postmasterPid(dataDirectory);
    const cpu0 = {
      server: cpuSeconds(server.pid),
      postgres: cpuSeconds(pg, true),
      bench: process.cpuUsage(),
    };
    const run = await drive(server.base, users, options);
    const figures = figuresOf(name, run, judge(run));
    figures.loadAverage = { start: loadStart, end: os.loadavg() };
    const benchCpu = process.cpuUsage(cpu0.bench);
    figures.cpuSeconds = {
      server: round(cpuSeconds(server.pid) - cpu0.server),
      postgres:
        postmasterPid(dataDirectory) === pg ? round(cpuSeconds(pg, true) - cpu0.postgres) : Number.NaN,
      bench: round((benchCpu.user + benchCpu.system) / 1e6),
    };
    return { figures, run };
  };

  const plainFailure = () => (s: Sample) => s.unexpected;

  if (WARMUP > 0) {
    console.log(`\n## Warm-up: ${WARMUP} s of the same load (not measured; failures still count)`);
    const { figures } = await measure('warm-up', { name: 'warm-up', seconds: WARMUP }, plainFailure);
    console.log(`  ${figures.requests} requests, ${figures.perSecond} req/s, ${figures.failures} failures`);
    if (figures.failures > 0) {
      problems.push(`warm-up: ${figures.failures} failures`);
      for (const e of figures.failureExamples) console.log(`    ${e}`);
    }
  }

  if (PHASE === 'all' || PHASE === 'load') {
    console.log(`\n## Phase 1: mixed load, ${DURATION} s`);
    const { figures } = await measure('load', { name: 'load', seconds: DURATION }, plainFailure);
    printFigures(figures);
    phases.push(figures);
    if (figures.failures > 0) problems.push(`load: ${figures.failures} failures`);
    if (figures.requests === 0) problems.push('load: no request completed');
  }

  if (PHASE === 'all' || PHASE === 'restart') {
    const stopAfter = Math.max(1, Math.round(DURATION / 3));
    const seconds = Math.max(DURATION, stopAfter + OUTAGE_SECONDS + 8);
    console.log(
      `\n## Phase 2: the same load for ${seconds} s; PostgreSQL stopped after ${stopAfter} s (pg_ctl stop -m fast), ` +
        `started again ${OUTAGE_SECONDS} s later`,
    );
    const times = { stopAt: 0, downAt: 0, startAt: 0, backAt: 0 };
    const restart = async () => {
      times.stopAt = now();
      outageWallClock = { from: Date.now(), to: Number.POSITIVE_INFINITY };
      await cluster.stop('fast');
      times.downAt = now();
      await sleep(OUTAGE_SECONDS * 1000);
      times.startAt = now();
      await cluster.start();
      times.backAt = now();
      outageWallClock = { from: outageWallClock?.from ?? Date.now(), to: Date.now() + RECOVERY_LIMIT_MS };
    };
    const judge = () => (s: Sample) => {
      if (!s.unexpected) return false;
      // A 503 with Retry-After is what the outage may answer: from the stop until 5 s after the database
      // is back (a request in flight at the stop counts too).
      return !(
        s.status === 503 &&
        s.retryAfter &&
        s.end >= times.stopAt &&
        s.start <= times.backAt + RECOVERY_LIMIT_MS
      );
    };
    // Every route family must answer normally again once the database is back; the run goes on (up to
    // 20 s more) until each family that was asked before has been answered since.
    const familiesSeen = new Set<Family>();
    const normalSinceBack = new Set<Family>();
    const onSample = (s: Sample) => {
      familiesSeen.add(s.family);
      if (times.backAt > 0 && !s.unexpected && s.end >= times.backAt) normalSinceBack.add(s.family);
    };
    const more = () => times.backAt === 0 || normalSinceBack.size < familiesSeen.size;
    const { figures, run } = await measure(
      'restart',
      {
        name: 'restart',
        seconds,
        during: { afterSeconds: stopAfter, run: restart },
        more,
        maxSeconds: seconds + 20,
        onSample,
      },
      judge,
    );
    printFigures(figures);
    phases.push(figures);

    const answered503 = run.samples.filter((s) => s.status === 503);
    // Per family: how soon after the database was back a request of it was sent (0: one already in flight)
    // that got a normal answer. Its answer may come later: a route slow under this load stays slow.
    const firstRecoveredSendMs: Record<string, number | null> = {};
    const firstSuccessAfterBackMs: Record<string, number | null> = {};
    for (const family of familiesSeen) {
      const normal = run.samples.filter((s) => s.family === family && !s.unexpected && s.end >= times.backAt);
      firstRecoveredSendMs[family] =
        normal.length === 0
          ? null
          : round(Math.max(0, Math.min(...normal.map((s) => s.start)) - times.backAt), 0);
      const success = normal.filter((s) => s.status >= 200 && s.status < 300).map((s) => s.end);
      firstSuccessAfterBackMs[family] =
        success.length === 0 ? null : round(Math.min(...success) - times.backAt, 0);
    }
    // The last answer after the database was back that was not a normal one (a 503, or anything else).
    const lateFailures = run.samples.filter((s) => s.unexpected && s.end > times.backAt);
    const lastFailureAfterBackMs =
      lateFailures.length > 0 ? round(Math.max(...lateFailures.map((s) => s.end)) - times.backAt, 0) : null;
    // Recovered: no failure (503 included) after this, and every family answered normally since the
    // database was back. How soon a family's first request after it was sent depends on how often that
    // family is asked; reported, not judged.
    const unrecovered = Object.entries(firstRecoveredSendMs)
      .filter(([, v]) => v === null)
      .map(([k]) => k);
    const recoveryMs = lastFailureAfterBackMs ?? 0;
    outage = {
      stopAt: round((times.stopAt - run.startedAt) / 1000, 2),
      downAt: round((times.downAt - run.startedAt) / 1000, 2),
      startAt: round((times.startAt - run.startedAt) / 1000, 2),
      backAt: round((times.backAt - run.startedAt) / 1000, 2),
      windowSeconds: round((times.backAt - times.stopAt) / 1000, 2),
      answered503: answered503.length,
      answered503WithoutRetryAfter: answered503.filter((s) => !s.retryAfter).length,
      lastFailureAfterBackMs,
      firstRecoveredSendMs,
      firstSuccessAfterBackMs,
      recoveryMs,
    };
    console.log(
      `\n  outage: stop issued at ${outage.stopAt} s, PostgreSQL down at ${outage.downAt} s, start issued at ` +
        `${outage.startAt} s, accepting again at ${outage.backAt} s (window ${outage.windowSeconds} s)`,
    );
    console.log(
      `  503 answers: ${outage.answered503} (${outage.answered503WithoutRetryAfter} without Retry-After); ` +
        `last 503 or other failure ${lastFailureAfterBackMs === null ? 'before the database was back' : `${lastFailureAfterBackMs} ms after it was back`}`,
    );
    const perFamily = (values: Record<string, number | null>) =>
      Object.entries(values)
        .map(([k, v]) => `${k} ${v ?? 'none'}`)
        .join(', ');
    console.log(
      `  per route family, the first request answered normally was sent this long after the database was back (ms): ${perFamily(firstRecoveredSendMs)}`,
    );
    console.log(
      `  per route family, the first 2xx arrived this long after (ms; includes the route's latency under this load): ${perFamily(firstSuccessAfterBackMs)}`,
    );
    console.log(
      `  recovery: ${recoveryMs} ms after the database was back (limit ${RECOVERY_LIMIT_MS} ms), ` +
        (unrecovered.length === 0
          ? 'every route family answered normally since'
          : `no normal answer since for ${unrecovered.join(', ')}`),
    );
    if (unrecovered.length > 0) problems.push(`restart: not recovered: ${unrecovered.join(', ')}`);
    if (figures.failures > 0) problems.push(`restart: ${figures.failures} failures`);
    if (!(recoveryMs <= RECOVERY_LIMIT_MS))
      problems.push(`restart: recovery took ${recoveryMs} ms (limit ${RECOVERY_LIMIT_MS})`);
  }

  console.log('\n## Shutdown');
  // The outbox at the end: the mail worker shares the pool with the requests, so under this load it
  // falls behind; what it has not sent yet is still pending (not failed).
  const outbox: Record<string, number> = {};
  const check = await createDb({ databaseUrl: cluster.url });
  try {
    const rows = (await check.sql?.unsafe(
      'select status, count(*)::int as n from outbox_messages group by status order by status',
    )) as unknown as { status: string; n: number }[];
    for (const row of rows) outbox[row.status] = row.n;
  } finally {
    await check.close();
  }
  console.log(
    `  outbox: ${Object.entries(outbox)
      .map(([status, n]) => `${n} ${status}`)
      .join(', ')}`,
  );
  if ((outbox.failed ?? 0) > 0) problems.push(`${outbox.failed} emails failed`);
  const exit = await server.stop();
  console.log(
    `  server exited with ${exit.signal ?? exit.code} after SIGTERM; ${smtp.delivered()} emails delivered to the sink`,
  );
  if (exit.code !== 0) problems.push(`the server exited with ${exit.signal ?? exit.code} after SIGTERM`);
  const logText = readFileSync(server.logFile, 'utf8');
  // Errors the server logged: during the outage they are expected (a background job's statement failing,
  // for one); at any other time they are failures, even when no request saw them.
  const errorLines = logText.split('\n').filter((l) => /"level":(50|60)/.test(l));
  const duringOutage = (line: string) => {
    const time = Number(/"time":(\d+)/.exec(line)?.[1]);
    return outageWallClock !== null && time >= outageWallClock.from && time <= outageWallClock.to;
  };
  const unexpectedErrors = errorLines.filter((l) => !duringOutage(l));
  console.log(
    `  server log: ${errorLines.length} error lines, ${errorLines.length - unexpectedErrors.length} of them while the database was away`,
  );
  for (const line of errorLines.slice(0, 5)) console.log(`    ${line.slice(0, 300)}`);
  if (unexpectedErrors.length > 0)
    problems.push(`the server logged ${unexpectedErrors.length} errors outside the outage`);

  const loadAtEnd = os.loadavg();
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    options: { CONNECTIONS, DURATION, ORGS, WARMUP, OUTAGE_SECONDS, DB_POOL_SIZE: POOL, PHASE, mix },
    server: { command: server.command, readyPath: server.readyPath },
    data: {
      organisations: population.organisations,
      representatives: population.actors.representatives.length,
      committee: population.actors.committee.length,
      applicationsInVote: population.actors.applicationsInVote,
    },
    loadAverage: { start: loadAtStart, end: loadAtEnd },
    phases,
    outage,
    emailsDelivered: smtp.delivered(),
    outbox,
    serverErrorLines: errorLines.length,
    serverErrorLinesOutsideOutage: unexpectedErrors.length,
    problems,
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `load-${report.date.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `\n  load average at the start ${loadAtStart.map((x) => round(x, 2)).join(' ')}, at the end ${loadAtEnd.map((x) => round(x, 2)).join(' ')}`,
  );
  console.log(`  results: ${file}`);
  if (problems.length > 0) {
    keepLogs = true;
    console.log(`\nFAILED: ${problems.join('; ')}`);
    return 1;
  }
  console.log('\nOK');
  return 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(error);
  keepLogs = true;
  code = 1;
} finally {
  await runCleanups();
}
process.exit(code);
