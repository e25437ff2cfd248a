/**
 * Issue 11 B3: fees follow the category in force over the period (decision 016). A category change
 * applies from its effective date and never before the day it was recorded, so a fee once due keeps its
 * amount; the year a member joins is charged by the administrators' join rule, with a due date no earlier
 * than 30 days after admission.
 *
 * The years are fixed (2031–2032) and "today" is passed to the service, so the statuses do not depend on
 * when the suite runs; this file has its own database, so its rates touch no other test. Category changes
 * are written the way the membership action writes them (the membership row and its history event), with
 * the day they were recorded set explicitly.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import type { MembershipCategory } from '@portal/shared';
import { FeeRatesResponseSchema } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';
import { listMemberFees, organizationFees } from './fees.service.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let admin: string;

const RATES: Record<number, Partial<Record<MembershipCategory, number>>> = {
  2031: { regular: 60_000, associated: 30_000, engaged: 120_000 },
  2032: { regular: 60_000, associated: 30_000, engaged: 120_000 },
};

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
  admin = await logIn(app, (await insertUser(h, { roles: ['admin'] })).email);
  for (const [year, rates] of Object.entries(RATES)) {
    for (const [category, cents] of Object.entries(rates)) {
      await h.query(sql`insert into fee_rates (year, category, amount_cents, due_on)
                        values (${Number(year)}, ${category}, ${cents}, ${`${year}-03-31`}::date)`);
    }
  }
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

async function changeCategory(
  id: string,
  from: MembershipCategory,
  to: MembershipCategory,
  effectiveOn: string,
  recordedOn: string,
) {
  await h.query(
    sql`update memberships set category = ${to}, version = version + 1 where organization_id = ${id}`,
  );
  await h.query(sql`insert into membership_events (organization_id, action, from_category, to_category,
                      from_status, to_status, effective_on, created_at)
                    values (${id}, 'change_category', ${from}, ${to}, 'active', 'active', ${effectiveOn}::date,
                      ${`${recordedOn}T10:00:00+02:00`}::timestamptz)`);
}

async function pay(id: string, year: number, cents: number, reference: string) {
  await h.query(sql`insert into fee_payments (organization_id, year, amount_cents, paid_on, reference)
                    values (${id}, ${year}, ${cents}, ${`${year}-02-01`}::date, ${reference})`);
}

async function feeOf(id: string, year: number, today: string) {
  const list = await listMemberFees(h.db, { year, page: 1, pageSize: 100 }, today);
  const item = list.items.find((i) => i.organizationId === id);
  expect(item).toBeDefined();
  return item!;
}

const setJoinRule = (joinRule: string) =>
  app.inject({
    method: 'PUT',
    url: '/api/admin/fees/settings',
    headers: { cookie: admin },
    payload: { joinRule },
  });

describe(`fees follow the category in force (${testEngine})`, () => {
  it("leaves this year's fee as it was when a change takes effect next year, and charges the new rate from then", async () => {
    const id = await insertOrganization(h, { nameBg: 'Повишена', memberSince: '2030-01-15' });
    await pay(id, 2031, 60_000, 'UP-2031');
    await changeCategory(id, 'regular', 'engaged', '2032-01-01', '2031-06-10');

    expect(await feeOf(id, 2031, '2031-06-11')).toMatchObject({
      category: 'regular',
      dueCents: 60_000,
      status: 'paid',
    });
    expect(await feeOf(id, 2032, '2031-06-11')).toMatchObject({
      category: 'engaged',
      dueCents: 120_000,
      status: 'unpaid',
    });
    const own = await organizationFees(h.db, id, '2031-06-11');
    expect(own?.years.map((y) => [y.year, y.category, y.dueCents])).toEqual([
      [2032, 'engaged', 120_000],
      [2031, 'regular', 60_000],
    ]);
  });

  it('never erases a debt: a downgrade dated back to 1 January leaves an overdue fee overdue at its amount', async () => {
    const id = await insertOrganization(h, { nameBg: 'Понижена', memberSince: '2030-01-15' });
    await pay(id, 2031, 30_000, 'DOWN-2031');
    expect(await feeOf(id, 2031, '2031-06-11')).toMatchObject({ dueCents: 60_000, status: 'overdue' });

    await changeCategory(id, 'regular', 'associated', '2031-01-01', '2031-06-10');

    expect(await feeOf(id, 2031, '2031-06-11')).toMatchObject({
      category: 'regular',
      dueCents: 60_000,
      paidCents: 30_000,
      status: 'overdue',
    });
    // The downgrade applies from the next period.
    expect(await feeOf(id, 2032, '2031-06-11')).toMatchObject({ category: 'associated', dueCents: 30_000 });
  });

  it('charges a change recorded before the year began, effective on 1 January, from that year', async () => {
    const id = await insertOrganization(h, { nameBg: 'Навреме', memberSince: '2030-01-15' });
    await changeCategory(id, 'regular', 'associated', '2031-01-01', '2030-11-20');
    expect(await feeOf(id, 2031, '2031-02-01')).toMatchObject({ category: 'associated', dueCents: 30_000 });
  });
});

describe(`the year a member joins (${testEngine})`, () => {
  it('charges a member admitted in December pro rata by default, due 30 days after admission, not overdue', async () => {
    const id = await insertOrganization(h, { nameBg: 'Декемврийска', memberSince: '2031-12-10' });
    expect(await feeOf(id, 2031, '2031-12-20')).toMatchObject({
      dueCents: 5_000, // 1/12 of 60 000
      dueOn: '2032-01-09',
      status: 'unpaid',
    });
    expect(await feeOf(id, 2031, '2032-01-10')).toMatchObject({ status: 'overdue' });
    // The next year is a full year, due on the rate's date.
    expect(await feeOf(id, 2032, '2031-12-20')).toMatchObject({ dueCents: 60_000, dueOn: '2032-03-31' });
  });

  it("follows the administrators' join rule: the full year, or free until the next year", async () => {
    const id = await insertOrganization(h, { nameBg: 'Юлска', memberSince: '2031-07-20' });
    expect(await feeOf(id, 2031, '2031-07-25')).toMatchObject({ dueCents: 30_000, dueOn: '2031-08-19' });

    const full = await setJoinRule('full_year');
    expect(full.statusCode, full.body).toBe(200);
    expect(full.json()).toEqual({ joinRule: 'full_year' });
    expect(await feeOf(id, 2031, '2031-07-25')).toMatchObject({ dueCents: 60_000, dueOn: '2031-08-19' });

    expect((await setJoinRule('free_until_next_year')).statusCode).toBe(200);
    expect(await feeOf(id, 2031, '2031-07-25')).toMatchObject({ dueCents: null, status: 'not_due' });
    expect(await feeOf(id, 2032, '2031-07-25')).toMatchObject({ dueCents: 60_000 });

    const rates = FeeRatesResponseSchema.parse(
      (
        await app.inject({
          method: 'GET',
          url: '/api/admin/fees/rates?year=2031',
          headers: { cookie: admin },
        })
      ).json(),
    );
    expect(rates.joinRule).toBe('free_until_next_year');
    const [audit] = await h.query<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'fees.settings_set'`,
    );
    expect(audit?.n).toBe(2);
    expect((await setJoinRule('pro_rata_month')).statusCode).toBe(200);
  });

  it('refuses an unknown join rule on its field, in bg and en', async () => {
    for (const lang of ['bg', 'en']) {
      const res = await app.inject({
        method: 'PUT',
        url: '/api/admin/fees/settings',
        headers: { cookie: admin, 'accept-language': lang },
        payload: { joinRule: 'half' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ path: 'body.joinRule' })]);
    }
  });
});

describe(`overpayments (${testEngine})`, () => {
  it("keeps an overpayment as credit, shown on the year and counted towards the next year's fee (issue 11 B4)", async () => {
    const id = await insertOrganization(h, { nameBg: 'Надплатила', memberSince: '2030-01-15' });
    await pay(id, 2031, 80_000, 'OVER-2031');
    expect(await feeOf(id, 2031, '2031-06-11')).toMatchObject({
      dueCents: 60_000,
      paidCents: 80_000,
      creditCents: 20_000,
      status: 'paid',
    });
    expect(await feeOf(id, 2032, '2032-06-11')).toMatchObject({
      dueCents: 60_000,
      paidCents: 0,
      creditInCents: 20_000,
      status: 'overdue',
    });
    await pay(id, 2032, 40_000, 'OVER-2032');
    expect(await feeOf(id, 2032, '2032-06-11')).toMatchObject({ status: 'paid', creditCents: 0 });
    const own = await organizationFees(h.db, id, '2031-06-11');
    expect(own?.years.find((y) => y.year === 2031)).toMatchObject({ creditCents: 20_000 });
    expect(own?.creditCents).toBe(0);
  });
});
