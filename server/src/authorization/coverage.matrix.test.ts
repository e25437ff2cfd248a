/**
 * The authorisation matrix over the whole API: the rows of every `<resource>.rows.ts` together must list
 * every registered route (so a new route cannot ship without saying who may call it), each with the
 * permission its route really has and in agreement with the shared policy `can()`. The rows themselves run
 * in `<resource>.matrix.test.ts`. Also the operations endpoints outside /api.
 */
import { readdirSync } from 'node:fs';
import { type Action, can } from '@portal/shared';
import { describe, expect, it } from 'vitest';
import { ALL_ROWS, ROWS_BY_FILE } from './index.ts';
import { ACTOR_NAMES, app, f, useMatrixFixtures } from './matrix.ts';

const ROWS = ALL_ROWS;

useMatrixFixtures();

describe('the matrix files', () => {
  it('gathers the rows of every rows file in this folder, and each rows file runs in its own test file', () => {
    const files = readdirSync(import.meta.dirname);
    const rowsFiles = files.filter((name) => name.endsWith('.rows.ts')).sort();
    expect(Object.keys(ROWS_BY_FILE).sort()).toEqual(rowsFiles);
    const missingTests = rowsFiles.filter(
      (name) => !files.includes(name.replace(/\.rows\.ts$/, '.matrix.test.ts')),
    );
    expect(missingTests).toEqual([]);
    for (const [name, rows] of Object.entries(ROWS_BY_FILE)) expect(rows.length, name).toBeGreaterThan(0);
  });
});

/**
 * The routes the matrix lists: the API, and the public routes outside it for search engines (robots.txt,
 * the sitemap; issue 17). Only the operations endpoints (below) are left to their own checks.
 */
const matrixRoutes = () => app.registeredRoutes.filter((r) => r.permission !== 'operations');

describe('the authorisation matrix covers the API', () => {
  const isDocs = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

  it('lists every registered API route (so a new route cannot escape it), and no route that is gone', () => {
    const api = matrixRoutes();
    const routes = api
      .filter((r) => r.method !== 'HEAD' && !isDocs(r.url))
      .map((r) => `${r.method} ${r.url}`);
    const listed = new Set(ROWS.map((r) => `${r.method} ${r.url}`));
    expect(routes.length).toBeGreaterThan(30);
    expect(
      routes.filter((k) => !listed.has(k)),
      'routes missing from the matrix',
    ).toEqual([]);
    expect(
      [...listed].filter((k) => !routes.includes(k)),
      'matrix rows for routes that do not exist',
    ).toEqual([]);
  });

  it('declares for each row the permission its route really has', () => {
    const permissionOf = new Map(app.registeredRoutes.map((r) => [`${r.method} ${r.url}`, r.permission]));
    const mismatches = ROWS.filter((row) => permissionOf.get(`${row.method} ${row.url}`) !== row.permission);
    expect(
      mismatches.map((r) => `${r.method} ${r.url}: ${permissionOf.get(`${r.method} ${r.url}`)}`),
    ).toEqual([]);
  });

  it('skips only HEAD twins of GET routes (same permission) and the public, read-only docs UI', () => {
    const api = matrixRoutes();
    const getPermission = new Map(api.filter((r) => r.method === 'GET').map((r) => [r.url, r.permission]));
    const strayHeads = api.filter(
      (r) => r.method === 'HEAD' && (!getPermission.has(r.url) || getPermission.get(r.url) !== r.permission),
    );
    expect(strayHeads).toEqual([]);
    const docs = api.filter((r) => isDocs(r.url));
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.filter((r) => !['GET', 'HEAD'].includes(r.method) || r.permission !== 'public')).toEqual([]);
  });

  it('agrees with the shared policy can() on every row that is not record-level', () => {
    const disagreements: string[] = [];
    for (const row of ROWS.filter((r) => !r.record)) {
      for (const name of ACTOR_NAMES) {
        const principal = f.actors[name].principal;
        const policy = row.permission === 'public' || can(principal, row.permission as Action);
        if (policy !== 'allow' in row.expect[name]) disagreements.push(`${row.method} ${row.url} × ${name}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('expects every signed-in kind of user to be denied somewhere and allowed somewhere else', () => {
    // Guards the table itself: a row set to "everyone" by mistake would show up here.
    for (const name of ACTOR_NAMES) {
      const outcomes = ROWS.map((row) => row.expect[name]);
      expect(
        outcomes.some((o) => 'allow' in o),
        name,
      ).toBe(true);
      expect(
        outcomes.some((o) => 'deny' in o),
        name,
      ).toBe(true);
    }
  });
});

/**
 * Outside /api there are only the operations endpoints (`/metrics`, decision 028) and, public and in the
 * matrix, robots.txt and the sitemap (`seo.rows.ts`). No role opens the operations endpoints, a
 * session counts for nothing there. A caller on this host that came straight to the server reads them;
 * from anywhere else, or through a proxy, every kind of user gets the 404 of a path that does not exist.
 */
describe('the operations endpoints outside /api', () => {
  it('are, with the public routes for search engines, the only routes outside /api', () => {
    const outside = app.registeredRoutes
      .filter((r) => !r.url.startsWith('/api'))
      .map((r) => `${r.method} ${r.url} ${r.permission}`)
      .sort();
    expect(outside).toEqual([
      'GET /metrics operations',
      'GET /robots.txt public',
      'GET /sitemap-:part public',
      'GET /sitemap.xml public',
      'HEAD /metrics operations',
      'HEAD /robots.txt public',
      'HEAD /sitemap-:part public',
      'HEAD /sitemap.xml public',
    ]);
  });

  it.each(ACTOR_NAMES)('GET /metrics from another host, or through a proxy, as %s: 404', async (name) => {
    const actor = f.actors[name];
    const requests = [
      { remoteAddress: '203.0.113.9', headers: {} },
      { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '127.0.0.1' } },
    ];
    for (const { remoteAddress, headers } of requests) {
      const res = await app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress,
        headers: { ...headers, ...(actor.cookie ? { cookie: actor.cookie } : {}) },
      });
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json()).toMatchObject({ status: 404, code: 'route.not_found' });
      expect(res.body).not.toContain('http_request_duration_seconds');
    }
  });

  it.each(ACTOR_NAMES)('GET /metrics straight from this host as %s: 200', async (name) => {
    const actor = f.actors[name];
    const res = await app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '127.0.0.1',
      headers: actor.cookie ? { cookie: actor.cookie } : {},
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('http_request_duration_seconds');
  });
});
