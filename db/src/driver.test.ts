import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from './client.ts';
import {
  constraintViolation,
  isoTimestamp,
  isUniqueViolation,
  parseJson,
  rowsOf,
  textArray,
  toIso,
} from './driver.ts';
import { databaseOutage } from './errors.ts';
import { clusterSettings, feePayments, feeRates } from './schema/index.ts';
import { createTestDb, testEngine } from './testing.ts';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h?.close();
});

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => expect.unreachable('expected the statement to fail'),
    (e: unknown) => e,
  );
}

describe(`driver differences in one place (${testEngine})`, () => {
  it('returns the rows of a raw statement, on the handle and inside a transaction', async () => {
    const rows = await rowsOf<{ n: number }>(h.db, sql`select 1::int as n union all select 2::int`);
    expect(rows).toEqual([{ n: 1 }, { n: 2 }]);
    const inTx = await h.db.transaction((tx) => rowsOf<{ n: number }>(tx, sql`select 3::int as n`));
    expect(inTx).toEqual([{ n: 3 }]);
    expect(await h.query<{ n: number }>(sql`select 4::int as n`)).toEqual([{ n: 4 }]);
  });

  it('gives a timestamp the same ISO string from the builder and from raw SQL, in UTC, to the millisecond', async () => {
    await h.db
      .update(clusterSettings)
      .set({ updatedAt: sql`'2026-11-27 09:30:00.123999+02'::timestamptz` })
      .where(eq(clusterSettings.id, 1));
    const [typed] = await h.db
      .select({ at: clusterSettings.updatedAt, text: isoTimestamp(clusterSettings.updatedAt) })
      .from(clusterSettings)
      .where(eq(clusterSettings.id, 1));
    expect(typed!.at).toBeInstanceOf(Date);
    expect(toIso(typed!.at)).toBe('2026-11-27T07:30:00.123Z');
    expect(typed!.text).toBe('2026-11-27T07:30:00.123Z');
    const [raw] = await rowsOf<{ at: string }>(
      h.db,
      sql`select ${isoTimestamp('updated_at')} as at from cluster_settings where id = 1`,
    );
    expect(raw!.at).toBe('2026-11-27T07:30:00.123Z');
    expect(toIso(null)).toBeNull();
  });

  it('reads json and text arrays built in raw SQL as values on both engines', async () => {
    const [row] = await rowsOf<{ j: unknown; a: string[] | string; none: string[] | string }>(
      h.db,
      sql`select json_build_object('a', 1, 'b', json_build_array('x')) as j,
            array['admin', 'committee']::text[] as a, array[]::text[] as none`,
    );
    expect(parseJson(row!.j)).toEqual({ a: 1, b: ['x'] });
    expect(textArray(row!.a)).toEqual(['admin', 'committee']);
    expect(textArray(row!.none)).toEqual([]);
    expect(textArray('{a,b}')).toEqual(['a', 'b']);
  });

  it('names the unique constraint a builder insert broke (through drizzle’s wrapping error)', async () => {
    const rate = { year: 2031, category: 'regular' as const, amountCents: 100, dueOn: '2031-03-31' };
    await h.db.insert(feeRates).values(rate);
    const error = await rejection(h.db.insert(feeRates).values(rate));
    expect(constraintViolation(error)).toEqual({ kind: 'unique', constraint: 'fee_rates_year_category_pk' });
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, 'fee_rates_year_category_pk')).toBe(true);
    expect(isUniqueViolation(error, 'organizations_eik_key')).toBe(false);
    expect(databaseOutage(error)).toBeUndefined();
  });

  it('names the unique index and the foreign key a raw statement broke', async () => {
    const error = await rejection(
      rowsOf(
        h.db,
        sql`insert into fee_payments (organization_id, year, amount_cents, paid_on, reference)
            values (gen_random_uuid(), 2031, 100, '2031-01-01', 'X-1')`,
      ),
    );
    expect(constraintViolation(error)).toEqual({
      kind: 'foreignKey',
      constraint: 'fee_payments_organization_id_organizations_id_fk',
    });
    expect(isUniqueViolation(error)).toBe(false);
    const check = await rejection(
      h.db.insert(feeRates).values({ year: 2032, category: 'regular', amountCents: -1, dueOn: '2032-03-31' }),
    );
    expect(constraintViolation(check)).toEqual({ kind: 'check', constraint: 'fee_rates_amount_check' });
    expect(feePayments.reference.name).toBe('reference');
  });

  it('finds nothing in errors that are no constraint violation', () => {
    expect(constraintViolation(new Error('boom'))).toBeUndefined();
    expect(constraintViolation(undefined)).toBeUndefined();
    const cyclic: { code: string; cause?: unknown } = { code: 'XX000' };
    cyclic.cause = cyclic;
    expect(constraintViolation(cyclic)).toBeUndefined();
    expect(isUniqueViolation(new Error('wrapped', { cause: { code: '23505', constraint: 'k' } }), 'k')).toBe(
      true,
    );
  });
});
