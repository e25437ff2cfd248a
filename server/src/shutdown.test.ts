import { sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { describe, expect, it } from 'vitest';
import { execute } from './db.ts';
import { drain, shutdown } from './shutdown.ts';
import { buildTestApp } from './testing.ts';

describe('graceful shutdown', () => {
  it('lets an in-flight request finish, with its database, before closing the database', async () => {
    const handle = await createTestDb();
    const events: string[] = [];
    const close = handle.close.bind(handle);
    handle.close = async () => {
      events.push('database closed');
      await close();
    };
    const app = await buildTestApp(handle);
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    // Test-only slow route: it still needs the database after the shutdown has begun.
    app.get('/api/test/slow', { config: { permission: 'public' } }, async () => {
      arrived();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [row] = await execute<{ n: number }>(handle.db, sql`select 41 + 1 as n`);
      events.push('request answered');
      return { n: Number(row?.n) };
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;

    const response = fetch(`http://127.0.0.1:${port}/api/test/slow`).then(async (res) => ({
      status: res.status,
      body: await res.json(),
    }));
    await requestArrived;
    await shutdown(app, handle);
    events.push('shutdown done');

    expect(await response).toEqual({ status: 200, body: { n: 42 } });
    expect(events).toEqual(['request answered', 'database closed', 'shutdown done']);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  });

  it('drains first: readiness answers 503 for the whole delay while requests are still served', async () => {
    const handle = await createTestDb();
    const app = await buildTestApp(handle);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    expect((await fetch(`${base}/api/health/ready`)).status).toBe(200);

    const delayMs = 300;
    const began = performance.now();
    const drained = drain(app, delayMs);
    // Still listening and answering; only readiness fails, at once.
    const ready = await fetch(`${base}/api/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'draining' });
    const areas = await fetch(`${base}/api/areas`);
    expect(areas.status).toBe(200);
    expect(areas.headers.get('connection')).toBe('close');

    await drained;
    expect(performance.now() - began).toBeGreaterThanOrEqual(delayMs - 5);
    // Requests made during the drain held nothing back: shutdown closes the listener and the database.
    expect((await fetch(`${base}/api/health/live`)).status).toBe(200);
    await shutdown(app, handle);
    await expect(fetch(`${base}/api/health/live`)).rejects.toThrow();
  });
});
