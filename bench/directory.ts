/**
 * Member-directory benchmark: query latency, API throughput against a bare route, server memory and the
 * web bundle, for PGlite and PostgreSQL, in one run.
 *
 *   pnpm bench:directory                                   # ORGS=100000 DURATION=10 ENGINES=pglite,postgres
 *   ORGS=5000 DURATION=3 pnpm bench:directory              # quick check
 *   pnpm bench:directory --orgs=5000 --duration=3 --engines=pglite
 *
 * Options (env or `--name=value`): ORGS (organisations generated), DURATION (seconds per autocannon run),
 * ENGINES (pglite,postgres), ITERATIONS (timed calls per query, 200), SEED (generator seed, 1),
 * DATABASE_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres; a scratch database bench_<random> is
 * created beside it and dropped at the end), KEEP_DATA=1 keeps the PGlite data directory.
 *
 * Throughput: both servers get WARMUP_SECONDS of load first (V8 optimises the API's longer path during it),
 * then PAIRS back-to-back pairs of measured runs (bare route and API, alternating which goes first). A shared
 * machine's speed drifts by tens of percent within a minute, so each pair's API/bare ratio is taken from
 * runs seconds apart, and the verdict is the median of those ratios.
 *
 * Only 127.0.0.1 is contacted. Every loop is bounded in count and in time. The load generator
 * (autocannon) runs as a separate process, so it does not share the event loop of the server it
 * measures. A run with any non-2xx answer or socket error fails the bench (exit code 1). The report goes
 * to stdout and, with the raw numbers as JSON, to bench/results/ (gitignored).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, type DbHandle, migrate, openPostgres, PgDialect, pgliteDir, sql } from '@portal/db';
import { buildApp } from '@portal/server';
import { type Config, loadConfig } from '@portal/server/config';
import { listOrganizations, listStatement } from '@portal/server/directory';
import {
  type OrganizationListQuery,
  type OrganizationListQueryInput,
  OrganizationListQuerySchema,
} from '@portal/shared';
import Fastify from 'fastify';
import { generateOrganizations } from './generate.ts';
import {
  adminUrlOption,
  cleanups,
  type Engine,
  enginesOption,
  freePort,
  option,
  percentile,
  positiveInt,
  runCleanups,
  wasInterrupted,
} from './harness.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = join(ROOT, 'bench', 'results');
const AUTOCANNON_BIN = join(ROOT, 'node_modules', '.bin', 'autocannon');
const TSX_BIN = join(ROOT, 'node_modules', '.bin', 'tsx');

// ---------------------------------------------------------------------------------------------------
// Options

const ORGS = positiveInt('ORGS', 100_000, 1_000_000);
const DURATION = positiveInt('DURATION', 10, 600);
const ITERATIONS = positiveInt('ITERATIONS', 200, 100_000);
const SEED = positiveInt('SEED', 1, 1000);
const ENGINES = enginesOption('pglite,postgres');
const ADMIN_URL = adminUrlOption();
const KEEP_DATA = option('KEEP_DATA', '') === '1';

/** Warm-up calls before timing each query. */
const WARMUP = 20;
/** Upper bound on the timed loop of one query, whatever ITERATIONS says. */
const MAX_QUERY_SECONDS = 60;
/** Autocannon connections. */
const CONNECTIONS = 10;
/** Measured pairs of autocannon runs (bare route, API), alternating which goes first; odd, for a median. */
const PAIRS = 5;
/** Unmeasured load on each side before the measured rounds (JIT warm-up). */
const WARMUP_SECONDS = Math.min(DURATION, 5);
/** Short load before reading the server process's memory. */
const MEMORY_LOAD_SECONDS = Math.min(DURATION, 5);

// ---------------------------------------------------------------------------------------------------
// The typical queries. Words come from bench/generate.ts's vocabulary — words a visitor would type.

interface QueryCase {
  name: string;
  why: string;
  input: OrganizationListQueryInput;
}

/** A deep page: 80 % of the way through the listed members (≈90 % of the generated ones). */
const DEEP_PAGE = Math.min(10_000, Math.max(2, Math.floor((ORGS * 0.8) / 20)));

const QUERIES: QueryCase[] = [
  {
    name: 'cyrillic word',
    why: '"софтуер" (software: an ICT trade noun and in health-software descriptions)',
    input: { q: 'софтуер' },
  },
  {
    name: 'latin word',
    why: '"design" (Design studios and "designs brands…" descriptions)',
    input: { q: 'design' },
  },
  {
    name: 'word prefix',
    why: '"аним" (prefix of анимация / Анимейшън)',
    input: { q: 'аним' },
  },
  {
    name: 'area + kind',
    why: 'area=creative (with its sub-areas) and kind=company',
    input: { area: 'creative', kind: 'company' },
  },
  { name: 'no filter', why: 'the first page of the whole directory', input: {} },
  { name: 'deep page', why: `no filter, page ${DEEP_PAGE} of 20`, input: { page: DEEP_PAGE } },
];

/** The query the load tests hammer (API, bare route and the server process). */
const LOAD_QUERY = QUERIES[0] as QueryCase;

function queryString(input: OrganizationListQueryInput): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) if (value !== undefined) params.set(key, String(value));
  const s = params.toString();
  return s ? `?${s}` : '';
}

// ---------------------------------------------------------------------------------------------------
// Results

interface LatencyResult {
  name: string;
  why: string;
  url: string;
  total: number;
  items: number;
  calls: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

interface LoadResult {
  target: string;
  url: string;
  requestsPerSecond: number;
  requestsTotal: number;
  latencyP50: number;
  latencyP99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerSecond: number;
  /** requests/s of every measured run, in order, when this is the median of several. */
  runs?: number[];
  /** CPU time of the bench process (the servers, and PGlite) per request answered during the run. */
  cpuMsPerRequest?: number;
}

interface MemoryResult {
  rssBeforeLoadKb: number;
  rssKb: number;
  hwmKb: number;
  startupSeconds: number;
  load: LoadResult;
  exitCode: number | null;
  exitSignal: string | null;
}

interface TableSize {
  table: string;
  rows: number;
  heapBytes: number;
  indexBytes: number;
  totalBytes: number;
}

interface EngineResult {
  engine: Engine;
  version: string;
  generated: number;
  generateSeconds: number;
  migrateSeconds: number;
  /** Migrations applied to the benchmarked database (the directory SQL changes with them). */
  migrations: string;
  latency: LatencyResult[];
  /** Disk size of the directory's read-model tables (heap + indexes + TOAST), after the load. */
  tables?: TableSize[];
  api?: LoadResult;
  bare?: LoadResult;
  /** API req/s over the bare route's, per measured pair of runs. */
  apiToBare?: number[];
  memory?: MemoryResult;
  error?: string;
}

const failures: string[] = [];

function fail(message: string): void {
  failures.push(message);
  console.error(`FAIL: ${message}`);
}

// ---------------------------------------------------------------------------------------------------
// Cleanup, also on Ctrl-C

// ---------------------------------------------------------------------------------------------------
// Helpers

const ms = (from: number) => performance.now() - from;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function sleep(msec: number): Promise<void> {
  return new Promise((r) => setTimeout(r, msec));
}

/** Runs a command to completion (bounded by timeoutMs) and returns its output. */
function run(
  command: string,
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}

/** Checks the URL answers 200 with JSON before hammering it; returns the parsed body. */
async function probe(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`GET ${url} answered ${response.status}: ${body.slice(0, 300)}`);
  return JSON.parse(body);
}

/** Hammers a URL with autocannon in a separate process; records a failure on any non-2xx or error. */
async function hammer(target: string, url: string, seconds: number): Promise<LoadResult> {
  if (new URL(url).hostname !== '127.0.0.1') throw new Error('the bench only contacts 127.0.0.1');
  const cpuBefore = process.cpuUsage();
  const { code, stdout, stderr } = await run(
    AUTOCANNON_BIN,
    ['-c', String(CONNECTIONS), '-d', String(seconds), '-j', url],
    (seconds + 60) * 1000,
  );
  if (code !== 0) throw new Error(`autocannon exited with ${code}: ${stderr.slice(-500)}`);
  const r = JSON.parse(stdout) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    throughput: { average: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  const result: LoadResult = {
    target,
    url,
    requestsPerSecond: r.requests.average,
    requestsTotal: r.requests.total,
    latencyP50: r.latency.p50,
    latencyP99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerSecond: r.throughput.average,
  };
  const cpu = process.cpuUsage(cpuBefore);
  if (result.requestsTotal > 0)
    result.cpuMsPerRequest = (cpu.user + cpu.system) / 1000 / result.requestsTotal;
  console.log(
    `  ${target}: ${round(result.requestsPerSecond, 1)} req/s, p50 ${result.latencyP50} ms, ` +
      `p99 ${result.latencyP99} ms, non2xx ${result.non2xx}, errors ${result.errors}`,
  );
  if (result.non2xx !== 0) fail(`${target}: ${result.non2xx} non-2xx responses`);
  if (result.errors !== 0) fail(`${target}: ${result.errors} errors (${result.timeouts} timeouts)`);
  if (result.requestsTotal === 0) fail(`${target}: no request completed`);
  return result;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** The median run by requests/s (PAIRS is odd), carrying every run's figure in `runs`. */
function medianRun(runs: LoadResult[]): LoadResult {
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const middle = sorted[Math.floor(sorted.length / 2)] as LoadResult;
  return {
    ...middle,
    runs: runs.map((r) => round(r.requestsPerSecond, 1)),
    cpuMsPerRequest: round(median(runs.map((r) => r.cpuMsPerRequest ?? Number.NaN)), 3),
  };
}

// ---------------------------------------------------------------------------------------------------
// 1. Data

async function generate(handle: DbHandle): Promise<{ generated: number; seconds: number }> {
  const started = performance.now();
  let lastPrint = started;
  const generated = await generateOrganizations(handle, ORGS, SEED, {
    onProgress: (inserted) => {
      if (performance.now() - lastPrint > 5000) {
        lastPrint = performance.now();
        console.log(`  … ${inserted} rows, ${round(ms(started) / 1000, 1)} s`);
      }
    },
  });
  const seconds = ms(started) / 1000;
  console.log(
    `  generated ${generated} organisations in ${round(seconds, 1)} s (${Math.round(generated / seconds)} rows/s)`,
  );
  if (generated !== ORGS) fail(`${handle.engine}: generated ${generated} of ${ORGS} organisations`);
  return { generated, seconds };
}

/** The read model's tables (docs/decisions/006 and 011) and what they take on disk. */
const DIRECTORY_TABLES = [
  'directory_entries',
  'directory_search',
  'directory_word_counts',
  'directory_facet_counts',
];

async function directoryTableSizes(handle: DbHandle): Promise<TableSize[]> {
  const sizes: TableSize[] = [];
  for (const table of DIRECTORY_TABLES) {
    const [row] = await handle.query<{ rows: number; heap: number; indexes: number; total: number }>(
      sql`select (select count(*)::int from ${sql.identifier(table)}) as rows,
            pg_table_size(${table}::regclass)::float8 as heap, pg_indexes_size(${table}::regclass)::float8 as indexes,
            pg_total_relation_size(${table}::regclass)::float8 as total`,
    );
    if (!row) continue;
    const size: TableSize = {
      table,
      rows: Number(row.rows),
      heapBytes: Number(row.heap),
      indexBytes: Number(row.indexes),
      totalBytes: Number(row.total),
    };
    console.log(
      `  ${table.padEnd(22)} ${String(size.rows).padStart(9)} rows  table ${mib(size.heapBytes)} MiB + indexes ${mib(size.indexBytes)} MiB`,
    );
    sizes.push(size);
  }
  return sizes;
}

const mib = (bytes: number) => round(bytes / 1024 ** 2, 1);

// ---------------------------------------------------------------------------------------------------
// 2. Query latency

async function measureLatency(handle: DbHandle): Promise<LatencyResult[]> {
  const results: LatencyResult[] = [];
  for (const c of QUERIES) {
    const query = OrganizationListQuerySchema.parse(c.input);
    const first = await listOrganizations(handle.db, query);
    for (let i = 0; i < WARMUP; i++) await listOrganizations(handle.db, query);
    const samples: number[] = [];
    const deadline = performance.now() + MAX_QUERY_SECONDS * 1000;
    for (let i = 0; i < ITERATIONS && performance.now() < deadline; i++) {
      const t0 = performance.now();
      await listOrganizations(handle.db, query);
      samples.push(ms(t0));
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const result: LatencyResult = {
      name: c.name,
      why: c.why,
      url: `/api/organizations${queryString(c.input)}`,
      total: first.total,
      items: first.items.length,
      calls: samples.length,
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      mean: round(samples.reduce((s, x) => s + x, 0) / samples.length),
    };
    if (samples.length < ITERATIONS)
      console.log(`  (${c.name}: stopped after ${samples.length} calls, the ${MAX_QUERY_SECONDS} s bound)`);
    console.log(
      `  ${c.name.padEnd(14)} total ${String(result.total).padStart(6)}  p50 ${result.p50} ms  ` +
        `p95 ${result.p95} ms  p99 ${result.p99} ms  (${result.calls} calls)`,
    );
    results.push(result);
  }
  return results;
}

// ---------------------------------------------------------------------------------------------------
// 3. API throughput against a bare route

function benchConfig(dataDir: string): Config {
  return {
    ...loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      // Production requires SMTP (decision 014) and an https PUBLIC_URL (decision 026); nothing is
      // emailed and only GETs are sent during the bench.
      SMTP_URL: 'smtp://127.0.0.1:9',
      PUBLIC_URL: 'https://portal.example.bg',
    }),
    webDistDir: '/nonexistent-web-dist',
  };
}

/**
 * The floor: a new Fastify instance with one route and no validation, no zod, no plugins, that builds the
 * directory's statement from the raw query string and sends the driver's rows as JSON.
 */
async function startBare(handle: DbHandle) {
  const dialect = new PgDialect();
  const bare = Fastify({ logger: false });
  bare.get('/bare/organizations', async (request) => {
    const raw = request.query as Record<string, string | undefined>;
    const query: OrganizationListQuery = {
      q: raw.q,
      area: raw.area as OrganizationListQuery['area'],
      kind: raw.kind as OrganizationListQuery['kind'],
      size: raw.size as OrganizationListQuery['size'],
      sort: (raw.sort ?? 'name') as OrganizationListQuery['sort'],
      page: raw.page ? Number(raw.page) : 1,
      pageSize: raw.pageSize ? Number(raw.pageSize) : 20,
    };
    const { sql: text, params } = dialect.sqlToQuery(listStatement(query));
    if (handle.pglite) return (await handle.pglite.query(text, params)).rows;
    if (handle.sql) return await handle.sql.unsafe(text, params as never[]);
    throw new Error('no raw driver on the handle');
  });
  await bare.listen({ host: '127.0.0.1', port: 0 });
  return bare;
}

function baseUrl(server: { server: { address(): unknown } }): string {
  const address = server.server.address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

/**
 * The steps both engines share: migrate, generate the data, time the queries, load the API and the bare
 * route. `versionLabel` gets the server's version in place of `%s`.
 */
async function runEngine(handle: DbHandle, result: EngineResult, versionLabel: string, dataDir: string) {
  const t0 = performance.now();
  await migrate(handle);
  result.migrateSeconds = round(ms(t0) / 1000);
  result.version = versionLabel.replace('%s', await engineVersion(handle));
  result.migrations = await appliedMigrations(handle);
  console.log('\n### Data');
  const g = await generate(handle);
  result.generated = g.generated;
  result.generateSeconds = round(g.seconds);
  result.tables = await directoryTableSizes(handle);
  console.log('\n### Query latency (listOrganizations, in process)');
  result.latency = await measureLatency(handle);
  console.log('\n### API throughput');
  const t = await measureThroughput(handle, dataDir);
  result.api = t.api;
  result.bare = t.bare;
  result.apiToBare = t.ratios.map((r) => round(r, 3));
}

async function measureThroughput(
  handle: DbHandle,
  dataDir: string,
): Promise<{ api: LoadResult; bare: LoadResult; ratios: number[] }> {
  const app = await buildApp({ db: handle, config: benchConfig(dataDir) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const bare = await startBare(handle);
  try {
    const qs = queryString(LOAD_QUERY.input);
    const apiUrl = `${baseUrl(app)}/api/organizations${qs}`;
    const bareUrl = `${baseUrl(bare)}/bare/organizations${qs}`;
    const apiBody = (await probe(apiUrl)) as { total: number; items: unknown[] };
    const bareBody = (await probe(bareUrl)) as { total: number }[];
    const bareTotal = Number(bareBody[0]?.total ?? -1);
    if (apiBody.total !== bareTotal)
      fail(`${handle.engine}: API total ${apiBody.total} differs from the bare route's ${bareTotal}`);
    // Warm-up: the API runs far more code than the bare route (validation, hooks, serialisation), and
    // until V8 has optimised it the first seconds measure the compiler, not the server. Recorded, not
    // compared (a failure still counts).
    console.log(`  warm-up, ${WARMUP_SECONDS} s each:`);
    await hammer(`${handle.engine} bare route (warm-up)`, bareUrl, WARMUP_SECONDS);
    await hammer(`${handle.engine} API (warm-up)`, apiUrl, WARMUP_SECONDS);
    // Then PAIRS pairs of measured runs, each pair back to back and alternating which goes first, so that
    // neither always gets the warmer caches; the ratio is the median of the pairs' ratios.
    const bareRuns: LoadResult[] = [];
    const apiRuns: LoadResult[] = [];
    const ratios: number[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      const order = pair % 2 === 0 ? (['bare', 'api'] as const) : (['api', 'bare'] as const);
      for (const side of order) {
        if (side === 'bare') bareRuns.push(await hammer(`${handle.engine} bare route`, bareUrl, DURATION));
        else apiRuns.push(await hammer(`${handle.engine} API`, apiUrl, DURATION));
      }
      ratios.push(
        (apiRuns.at(-1) as LoadResult).requestsPerSecond / (bareRuns.at(-1) as LoadResult).requestsPerSecond,
      );
    }
    return { api: medianRun(apiRuns), bare: medianRun(bareRuns), ratios };
  } finally {
    await bare.close();
    await app.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// 4. Server process memory (PGlite)

function readProcStatus(pid: number): { rssKb: number; hwmKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => {
    const m = status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'));
    if (!m) throw new Error(`no ${name} in /proc/${pid}/status`);
    return Number(m[1]);
  };
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

function waitForExit(
  child: ChildProcess,
  timeoutMs: number,
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolveExit({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolveExit({ code, signal });
    });
  });
}

async function measureServerMemory(dataDir: string): Promise<MemoryResult> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.INIT_CWD;
  Object.assign(env, {
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    // Production requires SMTP (decision 014) and an https PUBLIC_URL (decision 026); nothing is
    // emailed and only GETs are sent during the bench.
    SMTP_URL: 'smtp://127.0.0.1:9',
    PUBLIC_URL: 'https://portal.example.bg',
    // Stop at once when the measurement is done (production otherwise drains for 5 s, decision 025).
    SHUTDOWN_DELAY_SECONDS: '0',
  });
  const started = performance.now();
  // The server run directly by node (tsx as a loader), so child.pid is the process that serves requests.
  const child = spawn(process.execPath, ['--import', 'tsx', join('server', 'src', 'main.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await waitForExit(child, 15_000);
    }
  };
  cleanups.push(stop);

  try {
    const base = `http://127.0.0.1:${port}`;
    let healthy = false;
    for (let attempt = 0; attempt < 240 && !healthy; attempt++) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
      try {
        const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
        healthy = response.status === 200;
      } catch {
        // not listening yet
      }
      if (!healthy) await sleep(250);
    }
    if (!healthy) throw new Error(`the server did not become healthy within 60 s:\n${output}`);
    const startupSeconds = ms(started) / 1000;
    const pid = child.pid as number;
    const before = readProcStatus(pid);
    console.log(`  server pid ${pid} healthy after ${round(startupSeconds, 1)} s, VmRSS ${before.rssKb} kB`);

    const url = `${base}/api/organizations${queryString(LOAD_QUERY.input)}`;
    await probe(url);
    const load = await hammer('pglite server process', url, MEMORY_LOAD_SECONDS);
    const after = readProcStatus(pid);
    console.log(`  after load: VmRSS ${after.rssKb} kB, VmHWM ${after.hwmKb} kB`);

    child.kill('SIGTERM');
    const exit = await waitForExit(child, 15_000);
    cleanups.splice(cleanups.indexOf(stop), 1);
    if (exit.code !== 0)
      fail(`the server exited with code ${exit.code} (signal ${exit.signal}) on SIGTERM:\n${output}`);
    else console.log('  SIGTERM: exited 0');
    return {
      rssBeforeLoadKb: before.rssKb,
      rssKb: after.rssKb,
      hwmKb: after.hwmKb,
      startupSeconds: round(startupSeconds),
      load,
      exitCode: exit.code,
      exitSignal: exit.signal,
    };
  } catch (error) {
    await stop();
    cleanups.splice(cleanups.indexOf(stop), 1);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------
// Engines

async function engineVersion(handle: DbHandle): Promise<string> {
  const rows = await handle.query<{ v: string }>(sql`select current_setting('server_version') as v`);
  return rows[0]?.v ?? 'unknown';
}

async function appliedMigrations(handle: DbHandle): Promise<string> {
  const rows = await handle.query<{ n: number }>(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  const count = Number(rows[0]?.n ?? 0);
  try {
    const journal = JSON.parse(
      readFileSync(join(ROOT, 'db', 'migrations', 'meta', '_journal.json'), 'utf8'),
    ) as { entries: { tag: string }[] };
    return `${count} (last: ${journal.entries[count - 1]?.tag ?? '?'})`;
  } catch {
    return String(count);
  }
}

/** A short fingerprint of the directory service source, to tell runs on different SQL apart. */
function serviceFingerprint(): string {
  const file = join(ROOT, 'server', 'src', 'routes', 'directory', 'directory.service.ts');
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);
}

function pgliteVersion(): string {
  try {
    const pkg = JSON.parse(
      readFileSync(join(ROOT, 'db', 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'),
    ) as { version: string };
    return pkg.version;
  } catch {
    return 'unknown';
  }
}

async function benchPglite(): Promise<EngineResult> {
  const dataDir = await mkdtemp(join(os.tmpdir(), 'portal-bench-'));
  const removeData = async () => {
    if (!KEEP_DATA) await rm(dataDir, { recursive: true, force: true });
  };
  cleanups.push(removeData);
  const result: EngineResult = {
    engine: 'pglite',
    version: '',
    generated: 0,
    generateSeconds: 0,
    migrateSeconds: 0,
    migrations: '',
    latency: [],
  };
  try {
    console.log(`\n## PGlite (data directory ${pgliteDir(dataDir)})`);
    await mkdir(pgliteDir(dataDir), { recursive: true });
    const handle = await createDb({ dataDir: pgliteDir(dataDir) });
    let open = true;
    const closeHandle = async () => {
      if (open) {
        open = false;
        await handle.close();
      }
    };
    cleanups.push(closeHandle);
    try {
      await runEngine(handle, result, `PGlite ${pgliteVersion()} (PostgreSQL %s)`, dataDir);
    } finally {
      // The server process below opens the same data directory: PGlite allows one process at a time.
      await closeHandle();
      cleanups.splice(cleanups.indexOf(closeHandle), 1);
    }
    console.log('\n### Server process memory');
    result.memory = await measureServerMemory(dataDir);
  } catch (error) {
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    fail(`pglite: ${result.error}`);
  } finally {
    await removeData();
    cleanups.splice(cleanups.indexOf(removeData), 1);
  }
  return result;
}

async function benchPostgres(): Promise<EngineResult> {
  const result: EngineResult = {
    engine: 'postgres',
    version: '',
    generated: 0,
    generateSeconds: 0,
    migrateSeconds: 0,
    migrations: '',
    latency: [],
  };
  const name = `bench_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(ADMIN_URL, 1);
  let created = false;
  const dropDatabase = async () => {
    if (created) {
      await admin.sql?.unsafe(`drop database if exists ${name} with (force)`);
      created = false;
      console.log(`  dropped database ${name}`);
    }
    await admin.close();
  };
  cleanups.push(dropDatabase);
  try {
    await admin.sql?.unsafe(
      `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
    );
    created = true;
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    console.log(`\n## PostgreSQL (scratch database ${name})`);
    const handle = openPostgres(url.toString(), 10);
    try {
      await runEngine(handle, result, 'PostgreSQL %s', os.tmpdir());
    } finally {
      await handle.close();
    }
  } catch (error) {
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    fail(`postgres: ${result.error}`);
  } finally {
    await dropDatabase();
    cleanups.splice(cleanups.indexOf(dropDatabase), 1);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------
// 5. Web bundle

async function webBundle(): Promise<{ totalLine: string | null; output: string; note?: string }> {
  if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
    return { totalLine: null, output: '', note: 'web/dist is missing: run `pnpm build` first.' };
  const { code, stdout, stderr } = await run(TSX_BIN, ['web/scripts/bundle-size.ts'], 60_000);
  const totalLine = stdout.split('\n').find((l) => l.startsWith('total')) ?? null;
  return {
    totalLine,
    output: (stdout + stderr).trim(),
    ...(code !== 0 ? { note: `bundle-size.ts exited with ${code}` } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------
// 6. Report

function latencyTable(results: EngineResult[]): string {
  const lines = [
    '| engine | query | matches | p50 ms | p95 ms | p99 ms | calls |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results)
    for (const l of r.latency)
      lines.push(
        `| ${r.engine} | ${l.name}: \`${l.url.replace('/api/organizations', '') || '(none)'}\` | ${l.total} | ${l.p50} | ${l.p95} | ${l.p99} | ${l.calls} |`,
      );
  return lines.join('\n');
}

function throughputTable(results: EngineResult[]): string {
  const lines = [
    '| engine | target | req/s (median run) | every run, req/s | CPU ms / request (bench process, median) | p50 ms | p99 ms | non-2xx | errors |',
    '| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  const verdicts: string[] = [];
  for (const r of results) {
    if (!r.api || !r.bare) continue;
    for (const [label, l] of [
      ['bare route', r.bare],
      ['API', r.api],
    ] as const)
      lines.push(
        `| ${r.engine} | ${label} | ${round(l.requestsPerSecond, 1)} | ${(l.runs ?? []).join(', ')} | ${l.cpuMsPerRequest ?? '–'} | ${l.latencyP50} | ${l.latencyP99} | ${l.non2xx} | ${l.errors} |`,
      );
    const ratios = r.apiToBare ?? [];
    if (ratios.length === 0) continue;
    const ratio = median(ratios);
    verdicts.push(
      `- ${r.engine}: API / bare per pair of runs ${ratios.map((x) => `${Math.round(x * 100)} %`).join(', ')} → median **${Math.round(ratio * 100)} %** ${ratio >= 0.8 ? '(≥ 80 % ✓)' : '(< 80 % ✗)'}`,
    );
  }
  return [...lines, '', ...verdicts].join('\n');
}

async function main() {
  const startedAt = new Date();
  // The service module was imported moments ago, so this is (barring an edit in between) the code measured.
  const service = serviceFingerprint();
  const loadAverageAtStart = os.loadavg().map((n) => round(n));
  console.log(
    `# Directory benchmark — ORGS=${ORGS} DURATION=${DURATION}s ENGINES=${ENGINES.join(',')} ITERATIONS=${ITERATIONS}`,
  );
  const results: EngineResult[] = [];
  for (const engine of ENGINES) {
    if (wasInterrupted()) break;
    results.push(engine === 'pglite' ? await benchPglite() : await benchPostgres());
  }
  console.log('\n## Web bundle');
  const bundle = await webBundle();
  console.log(bundle.note ?? bundle.totalLine ?? bundle.output);

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = {
    cpu,
    cores: os.cpus().length,
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart,
    loadAverageAtEnd: os.loadavg().map((n) => round(n)),
    versions: Object.fromEntries(results.map((r) => [r.engine, r.version])),
    service,
  };
  const kindOfRun = `ORGS=${ORGS}, DURATION=${DURATION} s per autocannon run (${CONNECTIONS} connections), ${ITERATIONS} timed calls per query after ${WARMUP} warm-up calls`;
  const memory = results.find((r) => r.memory)?.memory;
  const md = [
    `# Member directory benchmark — ${startedAt.toISOString()}`,
    '',
    `Machine: ${cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.platform}, Node ${machine.node}; 1/5/15-min load average ${machine.loadAverageAtStart.join(' / ')} at the start, ${machine.loadAverageAtEnd.join(' / ')} at the end (other work on the machine skews the numbers).`,
    ...results.map(
      (r) => `- ${r.engine}: ${r.version || 'not reached'}; migrations applied: ${r.migrations || '–'}`,
    ),
    `- directory.service.ts sha256 ${service}`,
    '',
    `Run: ${kindOfRun}. Load-test URL: \`/api/organizations${queryString(LOAD_QUERY.input)}\`.`,
    '',
    '## Data',
    '',
    '| engine | organisations | generate s | rows/s | migrate s |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.engine} | ${r.generated} | ${r.generateSeconds} | ${r.generateSeconds ? Math.round(r.generated / r.generateSeconds) : '–'} | ${r.migrateSeconds} |`,
    ),
    '',
    '## Directory tables on disk (after the load and VACUUM ANALYZE)',
    '',
    '| engine | table | rows | table MiB | indexes MiB | total MiB |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...results.flatMap((r) =>
      (r.tables ?? []).map(
        (t) =>
          `| ${r.engine} | ${t.table} | ${t.rows} | ${mib(t.heapBytes)} | ${mib(t.indexBytes)} | ${mib(t.totalBytes)} |`,
      ),
    ),
    '',
    '## Query latency — `listOrganizations(db, query)` in process, sequential',
    '',
    ...QUERIES.map((q) => `- ${q.name}: ${q.why}`),
    '',
    latencyTable(results),
    '',
    '## API throughput — real app vs a bare Fastify route running the same SQL on the raw driver',
    '',
    `After ${WARMUP_SECONDS} s of unmeasured load on each, ${PAIRS} pairs of ${DURATION} s runs (bare route and API back to back, alternating which goes first). The verdict is the median of the pairs' API / bare ratios; CPU is the bench process's (both servers${ENGINES.includes('pglite') ? ', and PGlite' : ''}; not PostgreSQL's).`,
    '',
    throughputTable(results),
    '',
    '## Server process with PGlite',
    '',
    memory
      ? [
          `\`node --import tsx server/src/main.ts\` on the generated data (${ORGS} organisations): healthy after ${memory.startupSeconds} s.`,
          '',
          '| VmRSS before load | VmRSS after load | VmHWM (peak) | load req/s | non-2xx | errors | exit on SIGTERM |',
          '| ---: | ---: | ---: | ---: | ---: | ---: | --- |',
          `| ${round(memory.rssBeforeLoadKb / 1024, 1)} MiB | ${round(memory.rssKb / 1024, 1)} MiB | ${round(memory.hwmKb / 1024, 1)} MiB | ${round(memory.load.requestsPerSecond, 1)} (${MEMORY_LOAD_SECONDS} s) | ${memory.load.non2xx} | ${memory.load.errors} | ${memory.exitCode === 0 ? '0 ✓' : `${memory.exitCode} / ${memory.exitSignal} ✗`} |`,
        ].join('\n')
      : 'Not measured (PGlite not in ENGINES, or it failed).',
    '',
    '## Web bundle (JavaScript for a first visit to /members, gzip)',
    '',
    bundle.note ? `${bundle.note}\n` : '',
    bundle.output ? `\`\`\`\n${bundle.output}\n\`\`\`` : '',
    '',
    failures.length
      ? `## FAILURES\n\n${failures.map((f) => `- ${f.split('\n')[0]}`).join('\n')}`
      : '## Result\n\nAll load-test runs answered 2xx with no errors.',
    '',
  ].join('\n');

  await mkdir(RESULTS_DIR, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const base = join(RESULTS_DIR, `directory-${stamp}-orgs${ORGS}`);
  await writeFile(`${base}.md`, md);
  await writeFile(
    `${base}.json`,
    `${JSON.stringify({ startedAt, options: { ORGS, DURATION, ENGINES, ITERATIONS, SEED, CONNECTIONS, WARMUP }, machine, results, bundle, failures }, null, 2)}\n`,
  );
  console.log(`\n${md}`);
  console.log(`Written: ${base}.md and ${base}.json`);
  if (failures.length > 0) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await runCleanups();
}
