/**
 * postgres.js 3.4.9 is patched (patches/postgres@3.4.9.patch, decision 026): a write queued on a
 * connection whose socket has closed threw from a `setImmediate` — an uncaught exception that ends the
 * whole server — instead of failing the query. PostgreSQL only: it ends a backend of its own pool.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseOutage } from './errors.ts';
import { createFreshDatabase, dropDatabase, withDatabase } from './testing/postgres.ts';
import { testEngine } from './testing.ts';

describe.runIf(testEngine === 'postgres')('the PostgreSQL driver when a connection dies (PostgreSQL)', () => {
  let name: string;
  let url: string;
  beforeAll(async () => {
    const server = process.env.DATABASE_URL!;
    name = await createFreshDatabase(server, inject('testRunId'));
    url = withDatabase(server, name);
  });
  afterAll(async () => {
    if (name) await dropDatabase(process.env.DATABASE_URL!, name);
  });

  it('fails the next query on a connection whose backend was ended, and the pool goes on', async () => {
    const sql = postgres(url, { max: 2, onnotice: () => {} });
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const reserved = await sql.reserve();
      const [row] = await reserved<{ pid: number }[]>`select pg_backend_pid() as pid`;
      await admin`select pg_terminate_backend(${row!.pid})`;
      // Wait until the server has let the backend go, so the client has seen its socket close.
      const deadline = Date.now() + 20_000;
      for (;;) {
        const [gone] = await admin<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity where pid = ${row!.pid}`;
        if (gone?.n === 0) break;
        if (Date.now() > deadline) throw new Error('the backend did not end');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      // Unpatched, this query's write throws from an immediate (vitest reports an uncaught exception).
      const error = await reserved`select 1`.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(databaseOutage(error)).toBe('connection');
      reserved.release();

      // The pool still answers (the released connection may fail once more before it is replaced).
      let answered = false;
      for (let attempt = 0; attempt < 5 && !answered; attempt++) {
        answered = await sql`select 1 as one`.then(
          () => true,
          () => false,
        );
      }
      expect(answered).toBe(true);
    } finally {
      await sql.end({ timeout: 1 });
      await admin.end();
    }
  }, 30_000);
});
