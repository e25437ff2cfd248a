import { feeStatus } from '@portal/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client.ts';
import { createTestDb, testEngine } from '../testing.ts';
import { DEMO_FEE_RATES, seedDemo } from './index.ts';

let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db);
});
afterAll(async () => {
  await h?.close();
});

/** Each active or suspended demo member's 2026 fee status on `today`, by Bulgarian name. */
async function statuses(today: string) {
  const rows = await h.query<{ name: string; due: number | null; due_on: string | null; paid: number }>(
    sql`select o.name_bg as name, r.amount_cents as due, r.due_on::text as due_on,
          coalesce((select sum(p.amount_cents) from fee_payments p
                     where p.organization_id = o.id and p.year = 2026), 0)::int as paid
        from memberships m join organizations o on o.id = m.organization_id
        left join fee_rates r on r.year = 2026 and r.category = m.category
        where m.status in ('active', 'suspended')`,
  );
  return new Map(
    rows.map((r) => [
      r.name,
      feeStatus({
        dueCents: r.due === null ? null : Number(r.due),
        paidCents: r.paid,
        dueOn: r.due_on,
        today,
      }),
    ]),
  );
}

describe(`the demo annual fees (${testEngine})`, () => {
  it('sets a 2026 rate for every membership category', async () => {
    const rows = await h.query<{ category: string }>(sql`select category from fee_rates where year = 2026`);
    expect(rows.map((r) => r.category).sort()).toEqual(['associated', 'candidate', 'engaged', 'regular']);
    expect(DEMO_FEE_RATES).toHaveLength(4);
  });

  it('shows paid, partly paid and overdue members, and Дигитална София paid', async () => {
    const now = await statuses('2026-11-27');
    expect(now.get('Дигитална София')).toBe('paid');
    expect(now.get('Университет по информатика и изкуства')).toBe('paid');
    expect(now.get('Данни и смисъл')).toBe('overdue');
    expect(now.get('Пиксел Ковачница')).toBe('partial');
    expect(now.get('Линия Дизайн Студио')).toBe('overdue'); // suspended, unpaid: still on the list
    expect(now.get('Кванта Интелект')).toBe('not_due'); // candidates pay nothing
    const counts: Record<string, number> = {};
    for (const s of now.values()) counts[s] = (counts[s] ?? 0) + 1;
    expect(counts.paid).toBeGreaterThanOrEqual(4);
    expect(counts.overdue).toBeGreaterThanOrEqual(3);
  });

  it('adds nothing and rewrites nothing on a second run', async () => {
    const before = await h.query(
      sql`select (select json_agg(r order by year, category) from fee_rates r) as rates,
                 (select count(*)::int from fee_payments) as payments`,
    );
    await seedDemo(h.db);
    const after = await h.query(
      sql`select (select json_agg(r order by year, category) from fee_rates r) as rates,
                 (select count(*)::int from fee_payments) as payments`,
    );
    expect(after).toEqual(before);
  });
});
