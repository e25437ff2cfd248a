import { createServer, type Server, type Socket } from 'node:net';
import { type DbHandle, openPostgres } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { HealthResponseSchema, LiveResponseSchema } from '@portal/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../testing.ts';
import { databaseReachable, READY_TIMEOUT_MS } from './health.service.ts';

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

/** A "database server" that accepts connections and never says a word: a hung network path. */
async function blackHole(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `postgres://portal@127.0.0.1:${port}/portal`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('the health check', () => {
  it('reports the server and its database as up, as /api/health and /api/health/ready', async () => {
    for (const url of ['/api/health', '/api/health/ready']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(HealthResponseSchema.parse(res.json())).toEqual({ status: 'ok', database: 'ok' });
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers readiness 503 with the database unreachable when the database is gone; liveness stays 200', async () => {
    const lost = await createTestDb();
    const lonely = await buildTestApp(lost);
    await lost.close();
    const ready = await lonely.inject({ method: 'GET', url: '/api/health/ready' });
    const alias = await lonely.inject({ method: 'GET', url: '/api/health' });
    const live = await lonely.inject({ method: 'GET', url: '/api/health/live' });
    await lonely.close();
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'error', database: 'unreachable' });
    expect(alias.statusCode).toBe(503);
    expect(alias.json()).toEqual({ status: 'error', database: 'unreachable' });
    expect(live.statusCode).toBe(200);
    expect(LiveResponseSchema.parse(live.json())).toEqual({ status: 'ok' });
    expect(live.headers['cache-control']).toBe('no-store');
  });

  it('gives up on a database that does not answer after its own short timeout', async () => {
    const hole = await blackHole();
    const hung = openPostgres(hole.url, 1);
    try {
      let started = performance.now();
      expect(await databaseReachable(hung.db, 200)).toBe(false);
      // The connection attempt alone would wait for the driver's connect timeout (many seconds).
      expect(performance.now() - started).toBeLessThan(1500);

      const stuck = await buildTestApp(hung);
      started = performance.now();
      const res = await stuck.inject({ method: 'GET', url: '/api/health/ready' });
      const elapsed = performance.now() - started;
      await stuck.close();
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'error', database: 'unreachable' });
      expect(elapsed).toBeGreaterThanOrEqual(READY_TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(READY_TIMEOUT_MS + 3000);
    } finally {
      await hole.close();
      await hung.sql?.end({ timeout: 0 });
    }
  });

  it('answers readiness 503 "draining" at once once shutdown has begun, while other requests are served', async () => {
    const db = await createTestDb();
    const draining = await buildTestApp(db);
    try {
      draining.lifecycle.draining = true;
      for (const url of ['/api/health/ready', '/api/health']) {
        const res = await draining.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(503);
        expect(HealthResponseSchema.parse(res.json())).toEqual({ status: 'draining' });
      }
      const live = await draining.inject({ method: 'GET', url: '/api/health/live' });
      expect(live.statusCode).toBe(200);
      const areas = await draining.inject({ method: 'GET', url: '/api/areas' });
      expect(areas.statusCode).toBe(200);
      // Keep-alive clients are sent to reconnect, through the load balancer, elsewhere.
      expect(areas.headers.connection).toBe('close');
    } finally {
      await draining.close();
      await db.close();
    }
  });
});
