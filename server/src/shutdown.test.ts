import { sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { describe, expect, it } from 'vitest';
import { execute } from './db.ts';
import { shutdown } from './shutdown.ts';
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
});
