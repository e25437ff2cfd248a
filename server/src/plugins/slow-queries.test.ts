/**
 * The slow-query log (decision 028): a statement at or over SLOW_QUERY_MS is logged at warn with its
 * duration and SQL text, and never with its parameters (issue 11 A5). Checked on the real logger's output.
 */
import { Writable } from 'node:stream';
import { type DbHandle, sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { testConfig } from '../testing.ts';
import { sqlForLog } from './slow-queries.ts';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h?.close();
});

/** An app whose log lines are captured, with the given threshold. */
async function appLogging(
  slowQueryMs: number,
): Promise<{ app: FastifyInstance; lines: Record<string, unknown>[] }> {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const app = await buildApp({
    db: h,
    config: testConfig({ slowQueryMs }),
    logger: pino({ level: 'info' }, stream),
  });
  return { app, lines };
}

const SECRET = 'parameter-secret-4711@example.bg';
const slowLines = (lines: Record<string, unknown>[]) => lines.filter((l) => l.event === 'db.slow_query');

describe(`the slow-query log (${testEngine})`, () => {
  it('logs a statement over the threshold at warn with its duration and SQL, without its parameters', async () => {
    const { app, lines } = await appLogging(1000);
    try {
      await h.db.execute(sql`select pg_sleep(${1.2}) as slept, ${SECRET}::text as secret_value`);
      await h.db.execute(sql`select ${SECRET}::text as fast`);
    } finally {
      await app.close();
    }
    const slow = slowLines(lines);
    expect(slow).toHaveLength(1);
    const [line] = slow;
    expect(line).toMatchObject({
      level: 40,
      msg: 'slow database statement',
      thresholdMs: 1000,
      failed: false,
    });
    expect(line!.sql).toBe('select pg_sleep($1) as slept, $2::text as secret_value');
    expect(line!.durationMs).toBeGreaterThanOrEqual(1200);
    expect(JSON.stringify(lines)).not.toContain(SECRET);
    expect(JSON.stringify(slow)).not.toContain('1.2');
  });

  it('logs nothing when SLOW_QUERY_MS is 0', async () => {
    const { app, lines } = await appLogging(0);
    try {
      await h.db.execute(sql`select pg_sleep(${0.3}) as slept`);
    } finally {
      await app.close();
    }
    expect(slowLines(lines)).toEqual([]);
  });

  it('stops logging for an app that has closed', async () => {
    const { app, lines } = await appLogging(1);
    await app.close();
    await h.db.execute(sql`select pg_sleep(${0.05}) as slept`);
    expect(slowLines(lines)).toEqual([]);
  });
});

describe('the SQL text in the log', () => {
  it('is one line, and cut when very long', () => {
    expect(sqlForLog('select a,\n       b\n  from t\n where x = $1')).toBe('select a, b from t where x = $1');
    const long = sqlForLog(`select ${'x, '.repeat(2000)}1`);
    expect(long.length).toBe(2000);
    expect(long.endsWith('…')).toBe(true);
  });
});
