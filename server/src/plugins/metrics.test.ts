/**
 * `GET /metrics` (decision 028): what it measures, and who may read it — callers on this host that came
 * straight to the server, or anyone with METRICS_TOKEN; nobody else, whatever their session.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertOrganization } from '../testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let tokenApp: Awaited<ReturnType<typeof buildTestApp>>;
const TOKEN = 'metrics-token-0123456789abcdef0123456789';
const REMOTE = '203.0.113.7';

beforeAll(async () => {
  h = await createTestDb({ maxConnections: 4 });
  app = await buildTestApp(h);
  tokenApp = await buildTestApp(h, { metricsToken: TOKEN });
});
afterAll(async () => {
  await app?.close();
  await tokenApp?.close();
  await h?.close();
});

type App = typeof app;
const scrape = (on: App = app) => on.inject({ method: 'GET', url: '/metrics' });

/** The value of one series in the exposition text (`name{labels} value`). */
function seriesValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe(`the metrics (${testEngine})`, () => {
  it('times requests by route pattern, method and status class — never by raw URL', async () => {
    const a = await insertOrganization(h, { nameBg: 'Метрика А' });
    const b = await insertOrganization(h, { nameBg: 'Метрика Б' });
    for (const id of [a, b]) expect((await app.inject(`/api/organizations/${id}`)).statusCode).toBe(200);
    expect((await app.inject('/api/organizations/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
    expect((await app.inject('/no/such/path/123')).statusCode).toBe(404);

    const res = await scrape();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers['cache-control']).toBe('no-store');
    const text = res.body;
    expect(
      seriesValue(
        text,
        'http_request_duration_seconds_count{method="GET",route="/api/organizations/:id",status_class="2xx"}',
      ),
    ).toBe(2);
    expect(
      seriesValue(
        text,
        'http_request_duration_seconds_count{method="GET",route="/api/organizations/:id",status_class="4xx"}',
      ),
    ).toBe(1);
    expect(
      seriesValue(
        text,
        'http_request_duration_seconds_count{method="GET",route="unmatched",status_class="4xx"}',
      ),
    ).toBe(1);
    expect(text).toContain('http_request_duration_seconds_bucket{le="0.1",method="GET"');
    for (const raw of [a, b, '/no/such/path']) expect(text).not.toContain(raw);
  });

  it('includes the process’s own metrics', async () => {
    const text = (await scrape()).body;
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });

  it('shows the database pool’s size and the statements in flight', async () => {
    const text = (await scrape()).body;
    expect(seriesValue(text, 'portal_db_pool_max_connections')).toBe(testEngine === 'postgres' ? 4 : 1);
    // The scrape's own outbox statement has been answered before the figures are written.
    expect(seriesValue(text, 'portal_db_statements_in_flight')).toBe(0);
    expect(seriesValue(text, 'portal_db_statement_duration_seconds_count')).toBeGreaterThan(0);
  });

  it('counts pending and failed email and tells the age of the oldest pending one', async () => {
    await h.query(sql`delete from outbox_messages`);
    let text = (await scrape()).body;
    expect(seriesValue(text, 'portal_outbox_pending_messages')).toBe(0);
    expect(seriesValue(text, 'portal_outbox_failed_messages')).toBe(0);
    expect(seriesValue(text, 'portal_outbox_oldest_pending_age_seconds')).toBe(0);
    expect(seriesValue(text, 'portal_outbox_scrape_ok')).toBe(1);

    const insert = (status: string, age: string) =>
      h.query(
        sql`insert into outbox_messages (to_email, language, template, subject, text, status, created_at, sent_at)
            values ('x@example.bg', 'bg', 'test', 's', 't', ${status}, now() - ${age}::interval,
                    ${status === 'sent' ? sql`now()` : sql`null`})`,
      );
    await insert('pending', '10 minutes');
    await insert('pending', '2 hours');
    await insert('failed', '3 days');
    await insert('sent', '5 days');
    text = (await scrape()).body;
    expect(seriesValue(text, 'portal_outbox_pending_messages')).toBe(2);
    expect(seriesValue(text, 'portal_outbox_failed_messages')).toBe(1);
    const age = seriesValue(text, 'portal_outbox_oldest_pending_age_seconds')!;
    expect(age).toBeGreaterThanOrEqual(7200);
    expect(age).toBeLessThan(7200 + 600);
  });

  it('counts the domain events still to dispatch and those that failed for good (decision 030)', async () => {
    await h.query(sql`delete from outbox_events`);
    let text = (await scrape()).body;
    expect(seriesValue(text, 'portal_outbox_undispatched_events')).toBe(0);
    expect(seriesValue(text, 'portal_outbox_failed_events')).toBe(0);
    const insert = (dispatched: boolean, failed: boolean) =>
      h.query(
        sql`insert into outbox_events (type, payload, dispatched_at, failed_at)
            values ('test', '{}'::jsonb, ${dispatched ? sql`now()` : sql`null`}, ${failed ? sql`now()` : sql`null`})`,
      );
    await insert(false, false);
    await insert(false, false);
    await insert(true, false);
    await insert(false, true);
    text = (await scrape()).body;
    expect(seriesValue(text, 'portal_outbox_undispatched_events')).toBe(2);
    expect(seriesValue(text, 'portal_outbox_failed_events')).toBe(1);
    expect(seriesValue(text, 'portal_outbox_scrape_ok')).toBe(1);
  });

  it('is not described in the public OpenAPI document', async () => {
    const doc = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
  });
});

describe('who may read the metrics', () => {
  const notFound = (res: { statusCode: number; headers: Record<string, unknown>; body: string }) => {
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({ code: 'route.not_found' });
    expect(res.body).not.toContain('http_request_duration_seconds');
  };

  it('answers a caller on this host that came straight to the server (IPv4 and IPv6 loopback)', async () => {
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const res = await app.inject({ method: 'GET', url: '/metrics', remoteAddress });
      expect(res.statusCode, remoteAddress).toBe(200);
    }
  });

  it('answers anyone else with the 404 of a path that does not exist', async () => {
    notFound(await app.inject({ method: 'GET', url: '/metrics', remoteAddress: REMOTE }));
    notFound(await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.0.0.5' }));
  });

  it('takes a request that came through a proxy on this host for a remote one', async () => {
    for (const headers of [
      { 'x-forwarded-for': '127.0.0.1' },
      { forwarded: 'for=127.0.0.1' },
      { 'x-real-ip': '127.0.0.1' },
      { 'x-forwarded-host': 'portal.example.bg' },
    ]) {
      notFound(await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1', headers }));
    }
  });

  it('answers a remote caller with the configured token, and only with it', async () => {
    const ok = await tokenApp.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: REMOTE,
      headers: { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '198.51.100.1' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('http_request_duration_seconds');
    for (const authorization of [
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN}x`,
      `Basic ${Buffer.from(`metrics:${TOKEN}`).toString('base64')}`,
      TOKEN,
      'Bearer',
    ]) {
      notFound(
        await tokenApp.inject({
          method: 'GET',
          url: '/metrics',
          remoteAddress: REMOTE,
          headers: { authorization },
        }),
      );
    }
    notFound(await tokenApp.inject({ method: 'GET', url: '/metrics', remoteAddress: REMOTE }));
  });

  it('opens to no token at all when none is configured', async () => {
    notFound(
      await app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress: REMOTE,
        headers: { authorization: 'Bearer undefined' },
      }),
    );
  });
});
