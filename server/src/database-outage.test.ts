/**
 * The database goes away and comes back (issue 12, decision 026). On a PostgreSQL cluster of this file's
 * own (initdb + pg_ctl, never the machine's shared server), so it runs in both passes of `pnpm test`:
 * requests answer 503 with Retry-After within seconds while the database is down, the health check
 * answers promptly, and requests succeed again soon after the database is back, without a restart.
 */
import { createServer, type Socket } from 'node:net';
import { type DbHandle, databaseOutage, openMigratedDb, openPostgres, sql } from '@portal/db';
import { startThrowawayCluster, type ThrowawayCluster } from '@portal/db/testing';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseConfig } from './config.ts';
import { startMailWorker } from './email/worker.ts';
import { DATABASE_RETRY_AFTER_SECONDS } from './plugins/error-handling.ts';
import { READY_TIMEOUT_MS } from './routes/health/health.service.ts';
import { buildTestApp, insertUser, logIn, testConfig } from './testing.ts';

type App = Awaited<ReturnType<typeof buildTestApp>>;

/** Room for a busy machine on top of a deadline the code promises. */
const MARGIN_MS = 5000;
/** How soon requests must succeed again once PostgreSQL accepts connections (the 5 s). */
const RECOVERY_MS = 5000;

let cluster: ThrowawayCluster | undefined;
let handle: DbHandle | undefined;
let app: App;
let cookie: string;
const overrides = () => ({ databaseUrl: cluster?.url });

beforeAll(async () => {
  cluster = await startThrowawayCluster();
  // The pool exactly as the server opens it from its configuration (defaults: 10 connections, 5 s
  // connect timeout, 15 s statement timeout).
  handle = await openMigratedDb(databaseConfig(testConfig(overrides())));
  app = await buildTestApp(handle, overrides());
  const user = await insertUser(handle);
  cookie = await logIn(app, user.email);
}, 240_000);

afterAll(async () => {
  try {
    await app?.close();
    await handle?.close();
  } finally {
    await cluster?.destroy();
  }
}, 120_000);

async function timed(request: InjectOptions) {
  const started = performance.now();
  const res = await app.inject(request);
  return { res, ms: performance.now() - started };
}

/** Polls `probe` until it returns true; fails with `what` once `deadlineMs` has passed. */
async function waitFor(what: string, deadlineMs: number, probe: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await probe()) return performance.now() - started;
    if (performance.now() - started > deadlineMs) throw new Error(`${what}: not within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function expectUnavailable(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBe(503);
  expect(res.headers['retry-after']).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status: 503, code: 'service.unavailable' });
}

describe('PostgreSQL stopped and started again', () => {
  it('answers 503 with Retry-After promptly while it is down, and 200 again within 5 s of its return', async () => {
    const organizations = { method: 'GET' as const, url: '/api/organizations' };
    expect((await app.inject(organizations)).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const session = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(session.json().user).not.toBeNull();

    await cluster!.stop('immediate');

    const limit = testConfig().dbConnectTimeoutSeconds * 1000 + MARGIN_MS;
    const read = await timed({ ...organizations, headers: { 'accept-language': 'en' } });
    expectUnavailable(read.res);
    expect(read.ms).toBeLessThan(limit);
    expect(read.res.json()).toMatchObject({ title: 'Service unavailable' });

    const inBulgarian = await timed({ ...organizations, headers: { 'accept-language': 'bg' } });
    expectUnavailable(inBulgarian.res);
    expect(inBulgarian.res.json()).toMatchObject({ title: 'Услугата е временно недостъпна' });
    expect(inBulgarian.ms).toBeLessThan(limit);

    // The session lookup of a signed-in request, and a write in a transaction.
    const signedIn = await timed({ method: 'GET', url: '/api/account', headers: { cookie } });
    expectUnavailable(signedIn.res);
    const write = await timed({
      method: 'PATCH',
      url: '/api/account',
      headers: { cookie },
      payload: { displayName: 'Во време на прекъсването' },
    });
    expectUnavailable(write.res);
    expect(Math.max(signedIn.ms, write.ms)).toBeLessThan(limit);

    const health = await timed({ method: 'GET', url: '/api/health' });
    expect(health.res.statusCode).toBe(503);
    expect(health.res.json()).toEqual({ status: 'error', database: 'unreachable' });
    expect(health.ms).toBeLessThan(READY_TIMEOUT_MS + MARGIN_MS);

    // Traffic while it is down: every request is still answered promptly, and the pool's failed
    // attempts do not put off its reconnection (postgres.js's own backoff grows to 20 s after a few).
    const burst = await Promise.all(Array.from({ length: 30 }, () => timed(organizations)));
    for (const { res, ms } of burst) {
      expectUnavailable(res);
      expect(ms).toBeLessThan(limit);
    }

    // The email worker meets the same outage: a warning (as for requests), not an error with a stack.
    const lines: { level: string; msg: string | undefined }[] = [];
    const record = (level: string) => (_obj: object, msg?: string) => lines.push({ level, msg });
    const worker = startMailWorker({
      db: handle!.db,
      config: {
        smtpUrl: 'smtp://127.0.0.1:9',
        mailFrom: 'portal@example.bg',
        publicUrl: 'https://portal.example.bg',
      },
      log: { info: record('info'), warn: record('warn'), error: record('error') },
      intervalMs: 10,
    });
    try {
      await waitFor('the email worker notices the outage', 60_000, async () =>
        lines.some((line) => line.level === 'warn'),
      );
    } finally {
      await worker.stop();
    }
    expect(lines.filter((line) => line.level === 'warn')[0]?.msg).toMatch(/database is unreachable/);
    expect(lines.filter((line) => line.level === 'error')).toEqual([]);

    await cluster!.start();
    // From the moment PostgreSQL accepts connections: no restart of the app, only its pool reconnecting.
    const seen = new Set<number>();
    const recovery = await waitFor('requests succeed again', 60_000, async () => {
      const res = await app.inject(organizations);
      seen.add(res.statusCode);
      return res.statusCode === 200;
    });
    expect([...seen].filter((status) => status !== 200 && status !== 503)).toEqual([]);
    expect(recovery).toBeLessThan(RECOVERY_MS);

    // The session outlived the outage, the write goes through now, health is back.
    const me = await app.inject({ method: 'GET', url: '/api/account', headers: { cookie } });
    expect(me.statusCode, me.body).toBe(200);
    const renamed = await app.inject({
      method: 'PATCH',
      url: '/api/account',
      headers: { cookie },
      payload: { displayName: 'След прекъсването' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  }, 180_000);

  it('answers only 200 or 503, never 500, to requests in flight while it restarts, and recovers', async () => {
    const requests = [
      () => app.inject({ method: 'GET', url: '/api/organizations' }),
      () => app.inject({ method: 'GET', url: '/api/account', headers: { cookie } }),
      () =>
        app.inject({
          method: 'PATCH',
          url: '/api/account',
          headers: { cookie },
          payload: { displayName: `Под натоварване ${Math.random().toString(36).slice(2, 8)}` },
        }),
      () => app.inject({ method: 'GET', url: '/api/health' }),
    ];
    const workers = 8;
    const answers: { worker: number; status: number; at: number; body: string }[] = [];
    let stop = false;
    const loops = Array.from({ length: workers }, async (_, worker) => {
      const request = requests[worker % requests.length]!;
      while (!stop) {
        const res = await request();
        answers.push({ worker, status: res.statusCode, at: performance.now(), body: res.body });
      }
    });
    try {
      const okAfter = (since: number) =>
        new Set(answers.filter((a) => a.status === 200 && a.at > since).map((a) => a.worker)).size ===
        workers;
      await waitFor('every worker answered before the restart', 60_000, async () => okAfter(0));

      const restartBegan = performance.now();
      await cluster!.restart();
      const back = performance.now();
      const recovery = await waitFor('every worker succeeds after the restart', 60_000, async () =>
        okAfter(back),
      );
      expect(recovery).toBeLessThan(RECOVERY_MS);

      const unexpected = answers.filter((a) => a.status !== 200 && a.status !== 503);
      expect(unexpected.map((a) => `${a.status} ${a.body}`)).toEqual([]);
      // The restart was felt (a restart under load that nobody noticed would prove nothing) and only
      // while it lasted.
      const unavailable = answers.filter((a) => a.status === 503);
      expect(unavailable.length).toBeGreaterThan(0);
      expect(unavailable.every((a) => a.at >= restartBegan)).toBe(true);
    } finally {
      stop = true;
      await Promise.all(loops);
    }
  }, 180_000);

  it('cuts a statement off at DB_STATEMENT_TIMEOUT_SECONDS and answers 503', async () => {
    const config = testConfig({ ...overrides(), dbStatementTimeoutSeconds: 1 });
    const slow = openPostgres(cluster!.url, databaseConfig(config));
    const slowApp = await buildTestApp(slow, overrides());
    slowApp.get('/api/test/slow', { config: { permission: 'public' } }, async () => {
      await slow.query(sql`select pg_sleep(10)`);
      return { done: true };
    });
    try {
      const error = await slow.query(sql`select pg_sleep(10)`).catch((e: unknown) => e);
      expect(databaseOutage(error)).toBe('timeout');

      const started = performance.now();
      const res = await slowApp.inject({ method: 'GET', url: '/api/test/slow' });
      expectUnavailable(res);
      expect(performance.now() - started).toBeLessThan(1000 + MARGIN_MS);
      // The pool's other statements are not affected.
      expect(await slow.query(sql`select 1 as one`)).toEqual([{ one: 1 }]);
    } finally {
      await slowApp.close();
      await slow.close();
    }
  }, 60_000);
});

describe('a database host that accepts connections and never answers', () => {
  let blackhole: ReturnType<typeof createServer>;
  const sockets: Socket[] = [];
  let port: number;
  beforeAll(async () => {
    blackhole = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
    const address = blackhole.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => blackhole?.close(resolve));
  });

  it('answers health within its own short timeout, and requests 503 at the connect timeout', async () => {
    const connectTimeoutSeconds = 8;
    const url = `postgres://postgres@127.0.0.1:${port}/portal`;
    const config = testConfig({ databaseUrl: url, dbConnectTimeoutSeconds: connectTimeoutSeconds });
    const lost = openPostgres(url, databaseConfig(config));
    const lostApp = await buildTestApp(lost, { databaseUrl: url });
    try {
      let started = performance.now();
      const health = await lostApp.inject({ method: 'GET', url: '/api/health' });
      const healthMs = performance.now() - started;
      expect(health.statusCode).toBe(503);
      expect(healthMs).toBeGreaterThanOrEqual(READY_TIMEOUT_MS - 50);
      // Not the connect timeout: the probe gave up on its own.
      expect(healthMs).toBeLessThan(connectTimeoutSeconds * 1000 - 1000);

      started = performance.now();
      const read = await lostApp.inject({ method: 'GET', url: '/api/organizations' });
      const readMs = performance.now() - started;
      expectUnavailable(read);
      expect(readMs).toBeLessThan(connectTimeoutSeconds * 1000 + MARGIN_MS);
    } finally {
      await lostApp.close();
      await lost.close().catch(() => {});
    }
  }, 60_000);
});
