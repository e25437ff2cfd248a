import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { EikSchema, ProblemSchema } from '@portal/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { buildApp } from './app.ts';
import { buildTestApp, fromThisSite, testConfig } from './testing.ts';

let h: DbHandle;
let app: FastifyInstance;
const logLines: string[] = [];

beforeAll(async () => {
  h = await createTestDb();
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  );
  app = fromThisSite(await buildApp({ db: h, config: testConfig(), logger }));
  // Test-only routes: a body to validate, and a failure that must not leak.
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/test/echo',
    {
      config: { permission: 'public' },
      schema: { body: z.object({ name: z.string().min(2), eik: EikSchema }) },
    },
    async (request) => request.body,
  );
  typed.get('/api/test/explode', { config: { permission: 'public' } }, async () => {
    throw new Error('select password from users where id = 1 -- secret internals');
  });
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

function problemOf(res: { headers: Record<string, unknown>; json: () => unknown }) {
  expect(res.headers['content-type']).toContain('application/problem+json');
  return ProblemSchema.parse(res.json());
}

describe('errors as problem+json', () => {
  it('answers an unknown API route with a 404 problem in the requested language', async () => {
    const bg = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    const en = await app.inject({
      method: 'GET',
      url: '/api/nothing-here',
      headers: { 'accept-language': 'en' },
    });
    expect(bg.statusCode).toBe(404);
    expect(problemOf(bg)).toMatchObject({ status: 404, code: 'route.not_found', title: 'Няма такъв адрес' });
    expect(problemOf(en)).toMatchObject({ status: 404, code: 'route.not_found', title: 'Not found' });
  });

  it('answers a wrong method on a known route with 405 and the allowed methods', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/api/areas' });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(problemOf(res).code).toBe('method.not_allowed');
  });

  it('names body fields as body.<field>, with our own wording for an invalid ЕИК', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      payload: { name: 'x', eik: '175074751' },
      headers: { 'accept-language': 'bg' },
    });
    expect(res.statusCode).toBe(400);
    const p = problemOf(res);
    expect(p.errors?.map((e) => e.path).sort()).toEqual(['body.eik', 'body.name']);
    expect(p.errors?.find((e) => e.path === 'body.eik')?.message).toContain('ЕИК');
    const en = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      payload: { name: 'Ok', eik: '175074751' },
      headers: { 'accept-language': 'en' },
    });
    expect(problemOf(en).errors).toEqual([
      {
        path: 'body.eik',
        // Nine digits with a wrong check digit: told so, not to type 9 or 13 digits (issue 11 C5).
        message: 'The check digit of the EIK/BULSTAT does not match: check whether a digit was mistyped.',
      },
    ]);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      payload: { name: 'Ok', eik: '175074752' },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('answers malformed JSON with 400, a foreign media type with 415 and a huge body with 413, never 500', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      payload: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad).code).toBe('body.invalid_json');

    const xml = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      payload: '<name/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.statusCode).toBe(415);
    expect(problemOf(xml).code).toBe('media_type.unsupported');

    const huge = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), eik: '175074752' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.statusCode).toBe(413);
    expect(problemOf(huge).code).toBe('body.too_large');
  });

  it('hides the cause of a 500 from the client and logs it with the request id', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/test/explode',
      headers: { 'x-request-id': 'trace-500-abc', 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(500);
    const p = problemOf(res);
    expect(p).toMatchObject({ status: 500, code: 'internal', title: 'Internal server error' });
    expect(p.detail).toContain('trace-500-abc');
    expect(res.body).not.toMatch(/password|select|secret|stack|at .*\.ts/i);
    const logged = logLines
      .map((l) => JSON.parse(l))
      .find((l) => l.reqId === 'trace-500-abc' && l.level === 50);
    expect(logged?.err?.message).toContain('secret internals');
  });

  it('answers a database failure with a generic 500 that reveals no SQL', async () => {
    const broken = await createTestDb();
    const brokenApp = await buildTestApp(broken);
    // A statement the database refuses. (A database that cannot be reached is a 503: decision 026 and
    // database-outage.test.ts.)
    await broken.query(sql`alter table directory_entries rename to directory_entries_gone`);
    const res = await brokenApp.inject({ method: 'GET', url: '/api/organizations?q=abc' });
    await brokenApp.close();
    await broken.close();
    expect(res.statusCode).toBe(500);
    expect(problemOf(res).code).toBe('internal');
    expect(res.body).not.toMatch(/select|organizations|search_text|memberships|stack/i);
  });
});

describe('request ids', () => {
  it('echoes a sane incoming x-request-id and replaces anything else with a UUID', async () => {
    const sane = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(sane.headers['x-request-id']).toBe('abc-123');
    const insane = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'evil\tid with spaces {"inject":1}' },
    });
    expect(insane.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const none = await app.inject({ method: 'GET', url: '/api/health' });
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('security headers', () => {
  it('sends helmet’s headers and a CSP that allows the SPA and inline styles only', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('sends the same headers on a 404, a 400 problem and a static fallback as on an API answer', async () => {
    const ok = await app.inject({ method: 'GET', url: '/api/health' });
    const names = Object.keys(ok.headers).filter((name) =>
      /^(content-security-policy|cross-origin-|origin-agent-cluster|referrer-policy|strict-transport|x-)/.test(
        name,
      ),
    );
    expect(names.length).toBeGreaterThanOrEqual(11);
    for (const url of ['/api/nothing-here', '/api/organizations?pageSize=-1', '/members']) {
      const res = await app.inject({ method: 'GET', url });
      for (const name of names.filter((n) => n !== 'x-request-id'))
        expect(res.headers[name], `${url} ${name}`).toBe(ok.headers[name]);
    }
  });
});

describe('the API documentation', () => {
  it('publishes an OpenAPI 3 document listing every API route with a tag and a summary', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { tags?: string[]; summary?: string; parameters?: { name: string }[] }>
      >;
    };
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/health',
      '/api/cluster',
      '/api/areas',
      '/api/organizations',
      '/api/organizations/{id}',
    ]) {
      expect(doc.paths[path]?.get, path).toBeDefined();
    }
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (path.startsWith('/api/test/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        expect(op.tags?.length, `${method} ${path}`).toBeGreaterThan(0);
        expect(op.summary, `${method} ${path}`).toBeTruthy();
      }
    }
    const params = doc.paths['/api/organizations']?.get?.parameters?.map((p) => p.name);
    expect(params).toEqual(expect.arrayContaining(['q', 'area', 'kind', 'size', 'sort', 'page', 'pageSize']));
  });

  it('serves the interactive documentation at /api/docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

describe('route permissions', () => {
  it('declares a permission on every API route', async () => {
    const api = app.registeredRoutes.filter((r) => r.url.startsWith('/api'));
    expect(api.length).toBeGreaterThanOrEqual(6);
    const undeclared = api.filter((r) => !r.permission).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('refuses to register an API route that declares no permission', async () => {
    const other = await buildTestApp(h);
    other.get('/api/forgotten', async () => 'oops');
    await expect(other.ready()).rejects.toThrow(/GET \/api\/forgotten/);
    await other.close().catch(() => {});
  });
});

describe('the single-page app', () => {
  let dist: string;
  let spa: FastifyInstance;
  const bigScript = `console.log(${JSON.stringify('x'.repeat(5000))});`;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'portal-web-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Портал</title><div id="root"></div>');
    await writeFile(join(dist, 'assets', 'index-abc123.js'), bigScript);
    spa = await buildTestApp(h, { webDistDir: dist });
  });
  afterAll(async () => {
    await spa?.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('serves index.html at / without long caching', async () => {
    const res = await spa.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets forever and compresses them', async () => {
    const res = await spa.inject({
      method: 'GET',
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('answers a client-side route with index.html (history fallback) but never an API or asset path', async () => {
    const page = await spa.inject({
      method: 'GET',
      url: '/members/some-id?page=2',
      headers: { accept: 'text/html' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<div id="root">');

    const api = await spa.inject({ method: 'GET', url: '/api/nope', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(problemOf(api).code).toBe('route.not_found');

    const asset = await spa.inject({
      method: 'GET',
      url: '/assets/missing.js',
      headers: { accept: 'text/html' },
    });
    expect(asset.statusCode).toBe(404);
  });

  it('keeps answering the API next to the SPA', async () => {
    const res = await spa.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});

describe('requests the router refuses before any route runs', () => {
  it('answers a malformed percent-encoding and an over-long path parameter with problem+json', async () => {
    const h = await createTestDb();
    const app = await buildTestApp(h);
    try {
      const bad = await app.inject({ method: 'GET', url: '/api/organizations/%E0%A4%A' });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      const long = await app.inject({
        method: 'GET',
        url: `/api/organizations/${encodeURIComponent('я'.repeat(2000))}`,
        headers: { 'accept-language': 'en' },
      });
      expect(long.statusCode).toBe(414);
      expect(long.headers['content-type']).toContain('application/problem+json');
      expect(long.json()).toMatchObject({ status: 414 });
    } finally {
      await app.close();
      await h.close();
    }
  });
});
