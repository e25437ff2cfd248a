import type { DbHandle } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { HealthResponseSchema } from '@portal/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../testing.ts';

let h: DbHandle;
let app: FastifyInstance;
beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('the health check', () => {
  it('reports the server and its database as up', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(HealthResponseSchema.parse(res.json())).toEqual({ status: 'ok', database: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers 503 with the database unreachable when the database is gone', async () => {
    const lost = await createTestDb();
    const lonely = await buildTestApp(lost);
    await lost.close();
    const res = await lonely.inject({ method: 'GET', url: '/api/health' });
    await lonely.close();
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'error', database: 'unreachable' });
  });
});
