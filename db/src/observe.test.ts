import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from './client.ts';
import type { QueryEvent } from './observe.ts';
import { areas } from './schema/index.ts';
import { createTestDb, testEngine } from './testing.ts';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h?.close();
});

/** Records what an observer is told while `fn` runs. */
async function watch(fn: () => Promise<unknown>) {
  const events: QueryEvent[] = [];
  let started = 0;
  const stop = h.observe({
    started: () => {
      started++;
    },
    finished: (event) => {
      events.push(event);
    },
  });
  try {
    await fn();
  } finally {
    stop();
  }
  return { started, events };
}

describe(`watching the statements sent through db (${testEngine})`, () => {
  it('tells each statement’s SQL text and duration, never its parameters', async () => {
    const secret = 'parameter-value-never-shown';
    const { started, events } = await watch(async () => {
      await h.db.execute(sql`select ${secret}::text as value`);
      await h.db.select().from(areas).where(eq(areas.id, 'ict'));
    });
    expect(started).toBe(2);
    expect(events).toHaveLength(2);
    expect(events[0]!.sql).toMatch(/select \$1::text as value/);
    expect(events[1]!.sql).toMatch(/from "areas" where "areas"."id" = \$1/);
    for (const e of events) {
      expect(e.failed).toBe(false);
      expect(e.durationMs).toBeGreaterThanOrEqual(0);
      expect(JSON.stringify(e)).not.toContain(secret);
      expect(JSON.stringify(e)).not.toContain('"ict"');
    }
  });

  it('sees the statements inside transactions and nested transactions', async () => {
    const { started, events } = await watch(() =>
      h.db.transaction(async (tx) => {
        await tx.execute(sql`select 'outer' as level`);
        await tx.transaction(async (inner) => {
          await inner.execute(sql`select 'inner' as level`);
        });
      }),
    );
    const texts = events.map((e) => e.sql);
    expect(texts.some((t) => t.includes("'outer'"))).toBe(true);
    expect(texts.some((t) => t.includes("'inner'"))).toBe(true);
    expect(started).toBe(events.length);
  });

  it('reports a failed statement as failed, and the caller still gets its error', async () => {
    const { started, events } = await watch(async () => {
      await expect(h.db.execute(sql`select * from no_such_table`)).rejects.toThrow();
    });
    expect(started).toBe(1);
    expect(events).toEqual([expect.objectContaining({ failed: true, sql: 'select * from no_such_table' })]);
  });

  it('never lets a failing observer break a statement, and stops telling once removed', async () => {
    const stop = h.observe({
      started: () => {
        throw new Error('observer bug');
      },
      finished: () => {
        throw new Error('observer bug');
      },
    });
    try {
      const rows = await h.query<{ n: number }>(sql`select 1 as n`);
      expect(Number(rows[0]?.n)).toBe(1);
    } finally {
      stop();
    }
    const seen: string[] = [];
    const stopSeen = h.observe({ finished: (e) => seen.push(e.sql) });
    stopSeen();
    await h.query(sql`select 2 as n`);
    expect(seen).toEqual([]);
  });

  it('measures the time a statement takes', async () => {
    const { events } = await watch(() => h.db.execute(sql`select pg_sleep(0.2)`));
    expect(events[0]!.durationMs).toBeGreaterThanOrEqual(190);
  });
});
