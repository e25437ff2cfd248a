/**
 * Issue 5: annual fees. Administrators set rates per category and year; the committee records payments
 * (a repeated reference is refused, so a double submit records once) and sees who is overdue; a member's
 * representatives see their own status. An overdue member stays listed in the public directory.
 *
 * Dates are relative to today, so the statuses do not depend on when the suite runs: last year's fee,
 * due last year, is overdue when unpaid; next year's, due next year, is merely unpaid.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import {
  FeeListResponseSchema,
  FeePaymentCreatedSchema,
  FeeRatesResponseSchema,
  feeStatus,
  OrganizationFeesResponseSchema,
  type Problem,
  ProblemSchema,
  PublicFeeRatesResponseSchema,
  todayInSofia,
} from '@portal/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { buildTestApp, countStatements, insertOrganization, insertUser, logIn } from '../../testing.ts';

const onPostgres = testEngine === 'postgres';
const today = todayInSofia();
const thisYear = Number(today.slice(0, 4));
const lastYear = thisYear - 1;
const nextYear = thisYear + 1;

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
const org = {} as Record<'paid' | 'partial' | 'overdue' | 'suspended' | 'withdrawn' | 'newcomer', string>;
const as = {} as Record<'admin' | 'committee' | 'repOverdue' | 'repPaid' | 'noRole', string>;

beforeAll(async () => {
  h = await createTestDb({ maxConnections: 20 });
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });
  org.paid = await insertOrganization(h, {
    nameBg: 'Алфа Платил',
    nameEn: 'Alpha Paid',
    areas: ['ict-software'],
  });
  org.partial = await insertOrganization(h, {
    nameBg: 'Бета Частично',
    nameEn: 'Beta Partial',
    areas: ['ict-software'],
  });
  org.overdue = await insertOrganization(h, {
    nameBg: 'Гама Просрочил',
    nameEn: 'Gamma Overdue',
    areas: ['ict-software'],
  });
  org.suspended = await insertOrganization(h, {
    nameBg: 'Делта Спряна',
    nameEn: 'Delta Suspended',
    status: 'suspended',
  });
  org.withdrawn = await insertOrganization(h, {
    nameBg: 'Епсилон Напуснал',
    nameEn: 'Epsilon Left',
    status: 'withdrawn',
  });
  org.newcomer = await insertOrganization(h, {
    nameBg: 'Зета Нова',
    nameEn: 'Zeta New',
    memberSince: `${thisYear}-01-10`,
    category: 'associated',
  });
  const users = {
    admin: await insertUser(h, { roles: ['admin'] }),
    committee: await insertUser(h, { roles: ['committee_member'] }),
    repOverdue: await insertUser(h, { roles: ['representative'], organizationIds: [org.overdue] }),
    repPaid: await insertUser(h, { roles: ['representative'], organizationIds: [org.paid] }),
    noRole: await insertUser(h),
  };
  for (const [name, user] of Object.entries(users))
    as[name as keyof typeof as] = await logIn(app, user.email);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

function call(
  cookie: string | null,
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  url: string,
  payload?: object,
  lang = 'bg',
) {
  return app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), 'accept-language': lang },
    ...(payload !== undefined ? { payload } : {}),
  });
}

function problemOf(res: LightMyRequestResponse, status: number, code: string): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const problem = ProblemSchema.parse(res.json());
  expect(problem.code).toBe(code);
  return problem;
}

const setRates = (year: number, rates: object[], cookie = as.admin, lang = 'bg') =>
  call(cookie, 'PUT', `/api/admin/fees/rates/${year}`, { rates }, lang);
const pay = (body: object, cookie = as.committee, lang = 'bg') =>
  call(cookie, 'POST', '/api/committee/fees/payments', body, lang);
const list = (query: string, cookie = as.committee) => call(cookie, 'GET', `/api/committee/fees?${query}`);
const listOf = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(200);
  return FeeListResponseSchema.parse(res.json());
};

async function auditOf(action: string) {
  return h.query<{
    entity_type: string;
    entity_id: string;
    actor_id: string | null;
    before: unknown;
    after: unknown;
  }>(
    sql`select entity_type, entity_id, actor_id, before, after from audit_events where action = ${action} order by id`,
  );
}
const count = async (statement: ReturnType<typeof sql>) =>
  Number((await h.query<{ n: number }>(statement))[0]?.n ?? 0);

describe(`fee rates (${testEngine})`, () => {
  it('sets the rates of a year, answers them with the years that have rates, and audits before and after', async () => {
    const res = await setRates(lastYear, [
      { category: 'regular', amountCents: 50_000, dueOn: `${lastYear}-03-31` },
      { category: 'associated', amountCents: 25_000, dueOn: `${lastYear}-03-31` },
      { category: 'candidate', amountCents: 0, dueOn: `${lastYear}-03-31` },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const body = FeeRatesResponseSchema.parse(res.json());
    expect(body.year).toBe(lastYear);
    expect(body.rates.map((r) => [r.category, r.amountCents, r.dueOn, r.version])).toEqual([
      ['associated', 25_000, `${lastYear}-03-31`, 1],
      ['candidate', 0, `${lastYear}-03-31`, 1],
      ['regular', 50_000, `${lastYear}-03-31`, 1],
    ]);
    expect(body.years).toContain(lastYear);
    const [event] = await auditOf('fees.rates_set');
    expect(event).toMatchObject({
      entity_type: 'fee_rates',
      entity_id: String(lastYear),
      before: { rates: [] },
    });
    expect((event!.after as { rates: unknown[] }).rates).toHaveLength(3);
  });

  it('upserts per category: a changed rate gets a new version, the others stay; an unchanged save is no event', async () => {
    const events = (await auditOf('fees.rates_set')).length;
    const res = await setRates(lastYear, [
      { category: 'regular', amountCents: 60_000, dueOn: `${lastYear}-03-31` },
    ]);
    const body = FeeRatesResponseSchema.parse(res.json());
    expect(body.rates.find((r) => r.category === 'regular')).toMatchObject({
      amountCents: 60_000,
      version: 2,
    });
    expect(body.rates.find((r) => r.category === 'associated')).toMatchObject({
      amountCents: 25_000,
      version: 1,
    });
    const last = (await auditOf('fees.rates_set')).at(-1)!;
    expect(last.before).toMatchObject({
      rates: expect.arrayContaining([expect.objectContaining({ category: 'regular', amountCents: 50_000 })]),
    });
    // Put back; then the same values again change nothing and record nothing.
    await setRates(lastYear, [{ category: 'regular', amountCents: 50_000, dueOn: `${lastYear}-03-31` }]);
    const again = await setRates(lastYear, [
      { category: 'regular', amountCents: 50_000, dueOn: `${lastYear}-03-31` },
    ]);
    expect(
      FeeRatesResponseSchema.parse(again.json()).rates.find((r) => r.category === 'regular')?.version,
    ).toBe(3);
    expect((await auditOf('fees.rates_set')).length).toBe(events + 2);
  });

  it('reads a year (default: this year) and answers an empty list for a year without rates', async () => {
    const res = await call(as.admin, 'GET', `/api/admin/fees/rates?year=${lastYear}`);
    expect(FeeRatesResponseSchema.parse(res.json()).rates).toHaveLength(3);
    const none = FeeRatesResponseSchema.parse((await call(as.admin, 'GET', '/api/admin/fees/rates')).json());
    expect(none).toMatchObject({ year: thisYear, rates: [] });
  });

  it('refuses a repeated category, a negative or fractional amount and a bad date, in bg and en, writing nothing', async () => {
    const before = await count(sql`select count(*)::int as n from fee_rates`);
    const dup = [
      { category: 'regular', amountCents: 1, dueOn: `${nextYear}-03-31` },
      { category: 'regular', amountCents: 2, dueOn: `${nextYear}-03-31` },
    ];
    const bg = problemOf(await setRates(nextYear, dup), 400, 'validation.failed');
    expect(bg.errors).toEqual([
      { path: 'body.rates.1.category', message: 'Категорията „regular“ е посочена повече от веднъж.' },
    ]);
    const en = problemOf(await setRates(nextYear, dup, as.admin, 'en'), 400, 'validation.failed');
    expect(en.errors?.[0]?.message).toBe('The category "regular" is given more than once.');
    const bad = problemOf(
      await setRates(nextYear, [{ category: 'regular', amountCents: -1, dueOn: '31.03.2026' }]),
      400,
      'validation.failed',
    );
    expect(bad.errors?.map((e) => e.path).sort()).toEqual(['body.rates.0.amountCents', 'body.rates.0.dueOn']);
    problemOf(
      await setRates(nextYear, [{ category: 'regular', amountCents: 1.5, dueOn: `${nextYear}-03-31` }]),
      400,
      'validation.failed',
    );
    problemOf(
      await call(as.admin, 'PUT', '/api/admin/fees/rates/12', { rates: [] }),
      400,
      'validation.failed',
    );
    expect(await count(sql`select count(*)::int as n from fee_rates`)).toBe(before);
  });

  it('tells anyone, signed in or not, the annual fee of each category of a year (issue 11 C6)', async () => {
    const res = await call(null, 'GET', `/api/fees/rates?year=${lastYear}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = PublicFeeRatesResponseSchema.parse(res.json());
    expect(body).toMatchObject({ year: lastYear, joinRule: 'pro_rata_month' });
    expect(body.rates).toContainEqual({
      category: 'regular',
      amountCents: 50_000,
      dueOn: `${lastYear}-03-31`,
    });
    // Only the amounts and dates: no versions, no times, no one who set them.
    expect(Object.keys(body.rates[0] ?? {}).sort()).toEqual(['amountCents', 'category', 'dueOn']);
    problemOf(await call(null, 'GET', '/api/fees/rates?year=abc'), 400, 'validation.failed');
  });

  it('is for administrators only', async () => {
    problemOf(await call(null, 'GET', '/api/admin/fees/rates'), 401, 'auth.required');
    problemOf(await call(as.committee, 'GET', '/api/admin/fees/rates'), 403, 'auth.forbidden');
    problemOf(
      await setRates(
        nextYear,
        [{ category: 'regular', amountCents: 1, dueOn: `${nextYear}-01-01` }],
        as.committee,
      ),
      403,
      'auth.forbidden',
    );
  });
});

describe(`fee payments (${testEngine})`, () => {
  it('records a payment (201) with an audit event', async () => {
    const res = await pay({
      organizationId: org.paid,
      year: lastYear,
      amountCents: 50_000,
      paidOn: `${lastYear}-02-10`,
      reference: 'ПН-001',
    });
    expect(res.statusCode, res.body).toBe(201);
    const payment = FeePaymentCreatedSchema.parse(res.json());
    expect(payment).toMatchObject({
      organizationId: org.paid,
      year: lastYear,
      amountCents: 50_000,
      reference: 'ПН-001',
    });
    const [event] = await auditOf('fees.payment_recorded');
    expect(event).toMatchObject({
      entity_type: 'fee_payment',
      entity_id: payment.id,
      after: {
        organizationId: org.paid,
        year: lastYear,
        amountCents: 50_000,
        paidOn: `${lastYear}-02-10`,
        reference: 'ПН-001',
      },
    });
  });

  it('refuses the same reference for the same organisation with 409 on the reference field (bg and en)', async () => {
    const body = {
      organizationId: org.paid,
      year: lastYear,
      amountCents: 50_000,
      paidOn: `${lastYear}-02-10`,
      reference: ' ПН-001 ',
    };
    const bg = problemOf(await pay(body), 409, 'fees.payment_duplicate');
    expect(bg.errors).toEqual([
      {
        path: 'body.reference',
        message: 'Плащане с основание „ПН-001“ вече е записано за тази организация.',
      },
    ]);
    const en = problemOf(await pay(body, as.committee, 'en'), 409, 'fees.payment_duplicate');
    expect(en.errors).toEqual([
      {
        path: 'body.reference',
        message: 'A payment with reference "ПН-001" is already recorded for this organisation.',
      },
    ]);
    expect(
      await count(sql`select count(*)::int as n from fee_payments where organization_id = ${org.paid}`),
    ).toBe(1);
    expect((await auditOf('fees.payment_recorded')).length).toBe(1);
    const partial = await pay({
      ...body,
      organizationId: org.partial,
      amountCents: 20_000,
      reference: 'ПН-002',
    });
    expect(partial.statusCode, partial.body).toBe(201);
  });

  it('refuses a reference already recorded for another organisation, ignoring case, naming that organisation (issue 11 B4)', async () => {
    const body = {
      organizationId: org.overdue,
      year: lastYear,
      amountCents: 50_000,
      paidOn: `${lastYear}-02-10`,
      reference: 'пн-001',
    };
    const bg = problemOf(await pay(body), 409, 'fees.payment_duplicate');
    expect(bg.errors).toEqual([
      {
        path: 'body.reference',
        message: `Плащане с основание „пн-001“ вече е записано за „Алфа Платил“ (${lastYear} г.). Едно плащане не може да се отнесе към две организации.`,
      },
    ]);
    const en = problemOf(await pay(body, as.committee, 'en'), 409, 'fees.payment_duplicate');
    expect(en.errors).toEqual([
      {
        path: 'body.reference',
        message: `A payment with reference "пн-001" is already recorded for "Alpha Paid" (${lastYear}). One payment cannot be booked to two organisations.`,
      },
    ]);
    expect(
      await count(sql`select count(*)::int as n from fee_payments where organization_id = ${org.overdue}`),
    ).toBe(0);
  });

  it('refuses an unknown organisation, a future date and bad amounts on their fields, in bg and en', async () => {
    const ok = {
      organizationId: org.overdue,
      year: lastYear,
      amountCents: 100,
      paidOn: today,
      reference: 'X-1',
    };
    const unknown = problemOf(
      await pay({ ...ok, organizationId: '00000000-0000-4000-8000-000000000000' }),
      400,
      'validation.failed',
    );
    expect(unknown.errors).toEqual([
      { path: 'body.organizationId', message: 'Няма член на клъстера с този идентификатор.' },
    ]);
    const future = problemOf(
      await pay({ ...ok, paidOn: `${nextYear}-01-01` }, as.committee, 'en'),
      400,
      'validation.failed',
    );
    expect(future.errors).toEqual([
      { path: 'body.paidOn', message: 'The payment date cannot be in the future.' },
    ]);
    const amounts = problemOf(await pay({ ...ok, amountCents: 0, reference: '' }), 400, 'validation.failed');
    expect(amounts.errors?.map((e) => e.path).sort()).toEqual(['body.amountCents', 'body.reference']);
    problemOf(await pay({ ...ok, amountCents: 10.5 }), 400, 'validation.failed');
    expect(
      await count(sql`select count(*)::int as n from fee_payments where organization_id = ${org.overdue}`),
    ).toBe(0);
  });

  it('deletes a payment recorded by mistake (204, audited), then 404', async () => {
    const res = await pay({
      organizationId: org.overdue,
      year: lastYear,
      amountCents: 100,
      paidOn: today,
      reference: 'MISTAKE',
    });
    const { id } = FeePaymentCreatedSchema.parse(res.json());
    const del = await call(as.committee, 'DELETE', `/api/committee/fees/payments/${id}`);
    expect(del.statusCode, del.body).toBe(204);
    expect(await count(sql`select count(*)::int as n from fee_payments where id = ${id}`)).toBe(0);
    const [event] = await auditOf('fees.payment_deleted');
    expect(event).toMatchObject({
      entity_id: id,
      before: { organizationId: org.overdue, reference: 'MISTAKE', amountCents: 100 },
    });
    problemOf(
      await call(as.committee, 'DELETE', `/api/committee/fees/payments/${id}`),
      404,
      'fees.payment_not_found',
    );
    // The reference is free again once the mistaken payment is gone.
    expect(
      (
        await pay({
          organizationId: org.overdue,
          year: lastYear,
          amountCents: 100,
          paidOn: today,
          reference: 'MISTAKE',
        })
      ).statusCode,
    ).toBe(201);
    const again = await h.query<{ id: string }>(sql`select id from fee_payments where reference = 'MISTAKE'`);
    await call(as.committee, 'DELETE', `/api/committee/fees/payments/${again[0]!.id}`);
  });

  it('is for the committee and administrators', async () => {
    const body = {
      organizationId: org.overdue,
      year: lastYear,
      amountCents: 100,
      paidOn: today,
      reference: 'R-9',
    };
    problemOf(await pay(body, as.repOverdue), 403, 'auth.forbidden');
    problemOf(await call(null, 'POST', '/api/committee/fees/payments', body), 401, 'auth.required');
    problemOf(await list('', as.repOverdue), 403, 'auth.forbidden');
    expect(await count(sql`select count(*)::int as n from fee_payments where reference = 'R-9'`)).toBe(0);
  });
});

describe(`who has paid (${testEngine})`, () => {
  it('lists active and suspended members with due, paid and status; withdrawn members are not listed', async () => {
    const body = listOf(await list(`year=${lastYear}&pageSize=100`));
    const byId = new Map(body.items.map((i) => [i.organizationId, i]));
    expect(byId.get(org.paid)).toMatchObject({
      dueCents: 50_000,
      paidCents: 50_000,
      status: 'paid',
      dueOn: `${lastYear}-03-31`,
    });
    expect(byId.get(org.paid)?.payments).toEqual([
      expect.objectContaining({ amountCents: 50_000, reference: 'ПН-001', paidOn: `${lastYear}-02-10` }),
    ]);
    // Partly paid last year, and the due date has passed: overdue.
    expect(byId.get(org.partial)).toMatchObject({ paidCents: 20_000, status: 'overdue' });
    expect(byId.get(org.overdue)).toMatchObject({ paidCents: 0, status: 'overdue', payments: [] });
    expect(byId.get(org.suspended)).toMatchObject({ membershipStatus: 'suspended', status: 'overdue' });
    // Joined this year: owed nothing last year.
    expect(byId.get(org.newcomer)).toMatchObject({ dueCents: null, dueOn: null, status: 'not_due' });
    expect(byId.has(org.withdrawn)).toBe(false);
    // The SQL status and the shared rule agree on every row.
    for (const i of body.items) expect(i.status).toBe(feeStatus({ ...i, today }));
  });

  it('filters by status (overdue, outstanding, paid), searches and paginates with the total', async () => {
    const overdue = listOf(await list(`year=${lastYear}&status=overdue`));
    expect(overdue.items.map((i) => i.organizationId).sort()).toEqual(
      [org.partial, org.overdue, org.suspended].sort(),
    );
    expect(overdue.total).toBe(3);
    const paid = listOf(await list(`year=${lastYear}&status=paid`));
    expect(paid.items.map((i) => i.organizationId)).toEqual([org.paid]);
    expect(listOf(await list(`year=${lastYear}&status=outstanding`)).total).toBe(3);
    const found = listOf(await list(`year=${lastYear}&q=${encodeURIComponent('гама')}`));
    expect(found.items.map((i) => i.nameEn)).toEqual(['Gamma Overdue']);
    const page1 = listOf(await list(`year=${lastYear}&pageSize=2&page=1`));
    const page3 = listOf(await list(`year=${lastYear}&pageSize=2&page=3`));
    expect(page1.total).toBe(5);
    expect(page1.items).toHaveLength(2);
    expect(page3.items).toHaveLength(1);
    const beyond = listOf(await list(`year=${lastYear}&pageSize=2&page=9`));
    expect(beyond).toMatchObject({ items: [], total: 5 });
  });

  it('before the due date an unpaid fee is unpaid and a part payment partial, not overdue', async () => {
    await setRates(nextYear, [{ category: 'regular', amountCents: 50_000, dueOn: `${nextYear}-03-31` }]);
    await pay({
      organizationId: org.partial,
      year: nextYear,
      amountCents: 100,
      paidOn: today,
      reference: 'ADVANCE',
    });
    const body = listOf(await list(`year=${nextYear}&pageSize=100`));
    const byId = new Map(body.items.map((i) => [i.organizationId, i]));
    expect(byId.get(org.overdue)?.status).toBe('unpaid');
    expect(byId.get(org.partial)?.status).toBe('partial');
    expect(byId.get(org.newcomer)?.status).toBe('not_due'); // no rate for associated that year
    expect(listOf(await list(`year=${nextYear}&status=overdue`)).total).toBe(0);
  });

  it('reads each page in one statement', async () => {
    const statements = await countStatements(h, () => list(`year=${lastYear}&status=overdue`));
    const queries = statements.filter((s) => /fee_payments|fee_rates/.test(s));
    expect(queries).toHaveLength(1);
  });

  it('refuses an unknown status or year', async () => {
    problemOf(await list('status=late'), 400, 'validation.failed');
    problemOf(await list('year=abc'), 400, 'validation.failed');
    problemOf(await list('pageSize=1000'), 400, 'validation.failed');
  });
});

describe(`a member's own fees (${testEngine})`, () => {
  const mine = (id: string, cookie: string | null) =>
    call(cookie, 'GET', `/api/account/organizations/${id}/fees`);

  it("shows its representative each year's category, due, paid, status, due date and payments", async () => {
    const res = await mine(org.paid, as.repPaid);
    expect(res.statusCode, res.body).toBe(200);
    const body = OrganizationFeesResponseSchema.parse(res.json());
    expect(body).toMatchObject({ organizationId: org.paid, category: 'regular', membershipStatus: 'active' });
    expect(body.years.map((y) => y.year)).toEqual([nextYear, lastYear]);
    expect(body.years[1]).toMatchObject({
      year: lastYear,
      category: 'regular',
      dueCents: 50_000,
      paidCents: 50_000,
      status: 'paid',
      dueOn: `${lastYear}-03-31`,
      payments: [expect.objectContaining({ reference: 'ПН-001' })],
    });
    expect(body.years[0]).toMatchObject({ year: nextYear, status: 'unpaid', paidCents: 0 });
  });

  it('shows an overdue member its overdue fee; the committee and administrators may read any', async () => {
    const own = OrganizationFeesResponseSchema.parse((await mine(org.overdue, as.repOverdue)).json());
    expect(own.years.find((y) => y.year === lastYear)?.status).toBe('overdue');
    expect((await mine(org.overdue, as.committee)).statusCode).toBe(200);
    expect((await mine(org.overdue, as.admin)).statusCode).toBe(200);
  });

  it('answers no years to a member that owes nothing (no rates for its category since it joined)', async () => {
    const body = OrganizationFeesResponseSchema.parse((await mine(org.newcomer, as.admin)).json());
    expect(body).toMatchObject({ category: 'associated', years: [] });
  });

  it("answers another organisation's representative 404, like an unknown one, and refuses the others", async () => {
    const other = await mine(org.overdue, as.repPaid);
    const missing = await mine('00000000-0000-4000-8000-000000000000', as.admin);
    problemOf(other, 404, 'organization.not_found');
    problemOf(missing, 404, 'organization.not_found');
    expect(other.body).not.toContain('ПН');
    problemOf(await mine(org.overdue, null), 401, 'auth.required');
    problemOf(await mine(org.overdue, as.noRole), 403, 'auth.forbidden');
  });
});

describe(`an unpaid fee removes nobody (${testEngine})`, () => {
  it('keeps an overdue member in the public directory and its profile', async () => {
    const overdue = listOf(await list(`year=${lastYear}&status=overdue`));
    expect(overdue.items.some((i) => i.organizationId === org.overdue)).toBe(true);
    const directory = await call(null, 'GET', `/api/organizations?q=${encodeURIComponent('Гама')}`);
    expect(directory.statusCode).toBe(200);
    expect(directory.json().items.map((i: { id: string }) => i.id)).toContain(org.overdue);
    const profile = await call(null, 'GET', `/api/organizations/${org.overdue}`);
    expect(profile.statusCode, profile.body).toBe(200);
    expect(profile.json()).toMatchObject({ id: org.overdue, nameEn: 'Gamma Overdue' });
  });
});

describe('one reference submitted for two organisations at the same moment (issue 11 B4)', () => {
  it.runIf(onPostgres)(
    'books it to exactly one of them: one 201, the other 409 on the reference field',
    async () => {
      for (let round = 0; round < 5; round++) {
        const reference = `RACE-TWO-${round}`;
        const body = (organizationId: string) => ({
          organizationId,
          year: thisYear,
          amountCents: 10_000,
          paidOn: today,
          reference,
        });
        const answers = await Promise.all([pay(body(org.paid)), pay(body(org.partial))]);
        expect(answers.map((r) => r.statusCode).sort(), answers.map((r) => r.body).join(' ')).toEqual([
          201, 409,
        ]);
        const loser = answers.find((r) => r.statusCode === 409)!;
        expect(ProblemSchema.parse(loser.json()).errors).toEqual([
          expect.objectContaining({ path: 'body.reference' }),
        ]);
        expect(
          await count(sql`select count(*)::int as n from fee_payments where reference = ${reference}`),
        ).toBe(1);
      }
    },
  );
});

describe('the same payment submitted at the same moment', () => {
  it.runIf(onPostgres)('is recorded once: one 201, the rest 409, one row, one audit event', async () => {
    const body = {
      organizationId: org.overdue,
      year: thisYear,
      amountCents: 50_000,
      paidOn: today,
      reference: 'RACE-1',
    };
    const answers = await Promise.all(Array.from({ length: 12 }, () => pay(body)));
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, ...Array(11).fill(409)]);
    expect(await count(sql`select count(*)::int as n from fee_payments where reference = 'RACE-1'`)).toBe(1);
    expect(
      await count(sql`select count(*)::int as n from audit_events where action = 'fees.payment_recorded'
                        and after->>'reference' = 'RACE-1'`),
    ).toBe(1);
  });
});
