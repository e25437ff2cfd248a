/**
 * Issue 16 §1: the dashboard. Members over time rebuilt from today's memberships and their history
 * (joins by member_since, leaves by the latest suspension/withdrawal/exclusion), by category, kind, size
 * and theme; the SME share; the application funnel with the median days to a decision; fee collection;
 * cooperation per month; coverage of the areas with the thin ones flagged; the public variant names no
 * organisation. Who may read it is the authorisation matrix's job (`dashboard.rows.ts`).
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { DashboardSchema, monthInSofia, PublicDashboardSchema } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';
import { listMemberFees } from '../fees/fees.service.ts';
import { computeIndicator, FEE_RATE_FRESH_MS, servedFeeCollectionRate } from '../strategy/indicators.ts';
import {
  cachedDashboardMonth,
  dashboard,
  servedDashboard,
  startDashboardWarmer,
} from './dashboard.service.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
/** Mid-June 2026 in Sofia: the window is 2025-07 … 2026-06. */
const NOW = new Date('2026-06-15T09:00:00Z');
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
  // Before the window: a member in every month.
  ids.old = await insertOrganization(h, {
    nameBg: 'Стара Фирма ООД',
    employees: 5,
    areas: ['ict-software', 'ict-ai-data'],
    memberSince: '2020-03-01',
  });
  // Joined in 2026-02 (a university: no size).
  ids.uni = await insertOrganization(h, {
    nameBg: 'Университет Тест',
    kind: 'university',
    category: 'associated',
    areas: ['creative-xr'],
    memberSince: '2026-02-10',
  });
  // A large company that withdrew effective 2026-04-01: a member until the end of March.
  ids.gone = await insertOrganization(h, {
    nameBg: 'Голяма Корпорация АД',
    employees: 900,
    status: 'withdrawn',
    areas: ['ict-software'],
    memberSince: '2019-01-01',
  });
  await h.query(sql`insert into membership_events (organization_id, action, from_category, to_category,
      from_status, to_status, effective_on)
    values (${ids.gone}, 'withdraw', 'regular', 'regular', 'active', 'withdrawn', '2026-04-01')`);
  // A candidate never counts.
  await insertOrganization(h, { nameBg: 'Кандидат ЕООД', category: 'candidate', memberSince: null });

  // Applications: one decided after 10 days, one after 20 (median 15), one open.
  const user = await insertUser(h, {});
  const app1 = (submitted: string, decided: string | null, state: string) =>
    h.query(sql`insert into applications (applicant_id, state, submitted_at, decided_at)
      values (${user.id}, ${state}, ${submitted}::timestamptz, ${decided}::timestamptz)`);
  await app1('2026-01-05T10:00:00Z', '2026-01-15T10:00:00Z', 'approved');
  await app1('2026-03-01T10:00:00Z', '2026-03-21T10:00:00Z', 'rejected');
  await app1('2026-05-01T10:00:00Z', null, 'under_review');

  // Fees: 100 € a regular member in 2026, one payment of 100 €.
  await h.query(sql`insert into fee_rates (year, category, amount_cents, due_on) values
    (2026, 'regular', 10000, '2026-03-31'), (2026, 'associated', 5000, '2026-03-31')`);
  await h.query(sql`insert into fee_payments (organization_id, year, amount_cents, paid_on, reference)
    values (${ids.old}, 2026, 10000, '2026-02-01', 'REF-1')`);

  // Cooperation: one board item published in 2026-05 (Sofia).
  await h.query(sql`insert into board_items (organization_id, kind, type, title_bg, title_en, description_bg,
      status, valid_until, published_at)
    values (${ids.old}, 'offer', 'infrastructure', 'Обява', 'Item', 'Описание', 'published', '2099-12-31',
      '2026-05-10T10:00:00Z')`);
});

afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('the dashboard', () => {
  it('rebuilds members over time from joins and leaves', async () => {
    const d = DashboardSchema.parse(await dashboard(h, NOW));
    expect(d.months[0]).toBe('2025-07');
    expect(d.months.at(-1)).toBe('2026-06');
    const at = (m: string) => d.months.indexOf(m);
    // 2025-07: old + gone; 2026-02: + uni; 2026-04: gone has left.
    expect(d.members.total[at('2025-07')]).toBe(2);
    expect(d.members.total[at('2026-02')]).toBe(3);
    expect(d.members.total[at('2026-03')]).toBe(3);
    expect(d.members.total[at('2026-04')]).toBe(2);
    const series = (list: { key: string; counts: number[] }[], key: string) =>
      list.find((s) => s.key === key)?.counts;
    expect(series(d.members.category, 'associated')?.[at('2026-01')]).toBe(0);
    expect(series(d.members.category, 'associated')?.[at('2026-02')]).toBe(1);
    expect(series(d.members.category, 'candidate')).toBeUndefined();
    expect(series(d.members.kind, 'university')?.[at('2026-06')]).toBe(1);
    expect(series(d.members.sizeClass, 'large')?.[at('2026-03')]).toBe(1);
    expect(series(d.members.sizeClass, 'large')?.[at('2026-04')]).toBe(0);
    expect(series(d.members.sizeClass, 'unknown')?.[at('2026-06')]).toBe(1);
    // Two sub-areas of ICT count the old member once.
    expect(series(d.members.area, 'ict')?.[at('2025-07')]).toBe(2);
    expect(series(d.members.area, 'ict')?.[at('2026-06')]).toBe(1);
    expect(series(d.members.area, 'creative')?.[at('2026-06')]).toBe(1);
  });

  it('gives the SME share of the members with a known size', async () => {
    const d = await dashboard(h, NOW);
    // Of the two members now (a micro company, a university) one is an SME: 50 %.
    expect(d.sme).toEqual({ members: 2, sme: 1, share: 0.5 });
  });

  it('counts the funnel and the median days to a decision', async () => {
    const { funnel } = await dashboard(h, NOW);
    expect(funnel.submittedTotal).toBe(3);
    expect(funnel.approvedTotal).toBe(1);
    expect(funnel.rejectedTotal).toBe(1);
    expect(funnel.openNow).toBe(1);
    expect(funnel.medianDaysToDecision).toBe(15);
  });

  it('sums the fees due by the rates and the payments', async () => {
    const { fees } = await dashboard(h, NOW);
    // By the fee ledger: the old member owes the full 100 €, the university joined in February and owes
    // 11/12 of 50 € (pro rata by month, the default join rule).
    expect(fees.find((f) => f.year === 2026)).toEqual({
      year: 2026,
      members: 2,
      dueCents: 10000 + Math.round((5000 * 11) / 12),
      paidCents: 10000,
      paidMembers: 1,
    });
    expect(fees.find((f) => f.year === 2025)?.dueCents).toBe(0);
  });

  it('counts cooperation per month and flags thin areas', async () => {
    const d = await dashboard(h, NOW);
    expect(d.cooperation.items[d.months.indexOf('2026-05')]).toBe(1);
    expect(d.cooperation.items.reduce((a, b) => a + b, 0)).toBe(1);
    const ict = d.coverage.find((a) => a.id === 'ict');
    expect(ict).toMatchObject({ parentId: null, members: 1, thin: true });
    expect(d.coverage.find((a) => a.id === 'ict-software')).toMatchObject({ parentId: 'ict', members: 1 });
    // Sub-areas follow their theme.
    const order = d.coverage.map((a) => a.id);
    expect(order.indexOf('ict-software')).toBeGreaterThan(order.indexOf('ict'));
  });

  it('the public figures carry aggregates only', async () => {
    const res = await app.inject({ url: '/api/public/dashboard' });
    expect(res.statusCode).toBe(200);
    const body = PublicDashboardSchema.parse(res.json());
    expect(body.months).toHaveLength(12);
    for (const id of Object.values(ids)) expect(res.body).not.toContain(id);
    for (const name of ['Стара Фирма', 'Университет Тест', 'Голяма Корпорация'])
      expect(res.body).not.toContain(name);
    expect(res.body).not.toContain('funnel');
    expect(res.headers['cache-control']).toContain('public');
  });

  it('the committee reads the dashboard over HTTP', async () => {
    const chair = await insertUser(h, { roles: ['committee_chair'] });
    const cookie = await logIn(app, chair.email);
    const res = await app.inject({ url: '/api/committee/dashboard', headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(DashboardSchema.parse(res.json()).members.total.at(-1)).toBeGreaterThanOrEqual(2);
  });

  it('serves the last figures for a minute, then recomputes in the background', async () => {
    const first = await servedDashboard(h);
    const before = first.members.total.at(-1) ?? 0;
    await insertOrganization(h, { nameBg: 'Нов Член ООД', memberSince: '2020-01-01' });
    const again = await servedDashboard(h);
    expect(again).toBe(first);
    // Once stale, the old figures answer at once and a refresh brings the new member.
    vi.useFakeTimers({ now: Date.now() + 61_000, toFake: ['Date'] });
    try {
      expect(await servedDashboard(h)).toBe(first);
      await vi.waitFor(async () => {
        expect((await servedDashboard(h)).members.total.at(-1)).toBe(before + 1);
      });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the dashboard agrees with the fee pages and the strategy', () => {
  let g: DbHandle;
  const TODAY = '2026-06-15';
  beforeAll(async () => {
    g = await createTestDb();
    await g.query(sql`insert into fee_rates (year, category, amount_cents, due_on) values
      (2025, 'regular', 12000, '2025-03-31'), (2025, 'associated', 6000, '2025-03-31'),
      (2026, 'regular', 12000, '2026-03-31'), (2026, 'associated', 6000, '2026-03-31')`);
    // Joined mid-2025 (pro rata), then moved from regular to associated from 2026 (recorded in 2025).
    const moved = await insertOrganization(g, {
      nameBg: 'Сменила Категорията ООД',
      employees: 20,
      category: 'associated',
      areas: ['ict-software', 'ict-ai-data'],
      memberSince: '2025-07-10',
    });
    await g.query(sql`insert into membership_events (organization_id, action, from_category, to_category,
        from_status, to_status, effective_on, created_at)
      values (${moved}, 'change_category', 'regular', 'associated', 'active', 'active', '2026-01-01',
        '2025-11-20T10:00:00+02:00'::timestamptz)`);
    // Joined mid-2026, paid more than due (credit), a large company (not an SME).
    const joined = await insertOrganization(g, {
      nameBg: 'Нов Член АД',
      employees: 400,
      areas: ['ict-software'],
      memberSince: '2026-04-02',
    });
    await g.query(sql`insert into fee_payments (organization_id, year, amount_cents, paid_on, reference)
      values (${moved}, 2025, 6000, '2025-08-01', 'R-1'), (${joined}, 2026, 20000, '2026-04-20', 'R-2')`);
    // A suspended member still owes (the committee's list covers it); a research institute of small size
    // is a member but not an SME; a withdrawn one owes nothing further.
    await insertOrganization(g, { nameBg: 'Спрян ЕООД', employees: 3, status: 'suspended' });
    await insertOrganization(g, {
      nameBg: 'Институт Тест',
      kind: 'research_institute',
      employees: 30,
      areas: ['creative-xr'],
      memberSince: '2020-01-01',
    });
    await insertOrganization(g, { nameBg: 'Напуснала ООД', status: 'withdrawn', areas: ['ict-software'] });
  });
  afterAll(async () => {
    await g?.close();
  });

  it('sums the fee list of each year: join rule, past categories, credits', async () => {
    const d = await dashboard(g, new Date(`${TODAY}T09:00:00Z`));
    for (const year of [2025, 2026]) {
      const list = await listMemberFees(g.db, { year, page: 1, pageSize: 1000 }, TODAY);
      const owing = list.items.filter((i) => i.dueCents !== null);
      const fee = d.fees.find((f) => f.year === year);
      expect(fee, String(year)).toEqual({
        year,
        members: owing.length,
        dueCents: owing.reduce((n, i) => n + (i.dueCents ?? 0), 0),
        paidCents: list.items.reduce((n, i) => n + i.paidCents, 0),
        paidMembers: list.items.filter((i) => i.paidCents > 0).length,
      });
    }
    // 2025: the mover owed 6/12 of the regular 120 € (joined in July, the category then in force); the
    // suspended member and the institute 120 € each.
    expect(d.fees.find((f) => f.year === 2025)?.dueCents).toBe(6000 + 12000 + 12000);
    // 2026: the mover 60 € (associated now), the joiner 9/12 of 120 €, the suspended one 120 €, the
    // institute 120 €.
    expect(d.fees.find((f) => f.year === 2026)?.dueCents).toBe(6000 + 9000 + 12000 + 12000);
  });

  it("gives the strategy's fee collection rate as the fee list, and serves it for a minute", async () => {
    // The rate by the fee pages' list: Σ min(due, paid + credit brought in) over Σ due, this year.
    const rateOfList = async () => {
      const { items } = await listMemberFees(g.db, { year: 2026, page: 1, pageSize: 1000 }, TODAY);
      let due = 0;
      let collected = 0;
      for (const i of items) {
        if (i.dueCents === null || i.dueCents <= 0) continue;
        due += i.dueCents;
        collected += Math.min(i.dueCents, i.paidCents + i.creditInCents);
      }
      return Math.round((1000 * collected) / due) / 10;
    };
    // 2026: the joiner's 90 € covered (of 200 € paid) out of 390 € due.
    expect(await rateOfList()).toBe(23.1);
    expect(await computeIndicator(g.db, 'fees.collection_rate', { today: TODAY })).toBe(23.1);

    // A payment: the served rate stays for a minute, then a background refresh brings the list's figure.
    const [inst] = await g.query<{ id: string }>(
      sql`select id from organizations where name_bg = 'Институт Тест'`,
    );
    await g.query(sql`insert into fee_payments (organization_id, year, amount_cents, paid_on, reference)
      values (${inst!.id}, 2026, 12000, '2026-05-01', 'R-3')`);
    try {
      expect(await servedFeeCollectionRate(g.db, TODAY)).toBe(23.1);
      expect(await rateOfList()).toBe(53.8);
      vi.useFakeTimers({ now: Date.now() + FEE_RATE_FRESH_MS + 1_000, toFake: ['Date'] });
      try {
        expect(await servedFeeCollectionRate(g.db, TODAY)).toBe(23.1);
        await vi.waitFor(async () => {
          expect(await servedFeeCollectionRate(g.db, TODAY)).toBe(53.8);
        });
      } finally {
        vi.useRealTimers();
      }
    } finally {
      await g.query(sql`delete from fee_payments where reference = 'R-3'`);
    }
  });

  it('gives the same SME share as the strategy indicator', async () => {
    const d = await dashboard(g, new Date(`${TODAY}T09:00:00Z`));
    // Active members now: the mover (small company), the joiner (large), the institute (small, not a
    // company): one SME of three.
    expect(d.sme).toEqual({ members: 3, sme: 1, share: 0.333 });
    const indicator = await computeIndicator(g.db, 'members.sme_share', { today: TODAY });
    expect(indicator).toBe(33.3);
    expect(indicator).toBe(Math.round((d.sme.share ?? 0) * 1000) / 10);
  });

  it('counts themes and sub-areas by one rule, as the strategy counts an area', async () => {
    const d = await dashboard(g, new Date(`${TODAY}T09:00:00Z`));
    const members = (id: string) => d.coverage.find((a) => a.id === id)?.members;
    // The mover is in two ICT sub-areas, the joiner in one; the withdrawn member counts nowhere.
    expect(members('ict-software')).toBe(2);
    expect(members('ict-ai-data')).toBe(1);
    expect(members('ict')).toBe(2);
    expect(members('creative-xr')).toBe(1);
    expect(members('creative')).toBe(1);
    for (const a of d.coverage) {
      expect(a.members, a.id).toBe(
        await computeIndicator(g.db, 'members.active_in_area', { param: a.id, today: TODAY }),
      );
      // A theme counts at least the members of each sub-area and at most all of them together.
      const subs = d.coverage.filter((x) => x.parentId === a.id);
      if (subs.length > 0) {
        expect(a.members).toBeGreaterThanOrEqual(Math.max(...subs.map((x) => x.members)));
        expect(a.members).toBeLessThanOrEqual(subs.reduce((n, x) => n + x.members, 0));
      }
    }
  });

  it('warms the cache in the background at start and at a new month, without failing', async () => {
    const log = { info: vi.fn(), error: vi.fn() };
    expect(cachedDashboardMonth(g)).toBeNull();
    const warmer = startDashboardWarmer({ handle: g, log, checkEveryMs: 3_600_000 });
    try {
      // Started, not awaited: the first reader then gets the computed figures.
      await warmer.tick();
      const month = cachedDashboardMonth(g);
      expect(month).not.toBeNull();
      const warmed = await servedDashboard(g);
      expect(await servedDashboard(g)).toBe(warmed);
      expect(log.info).toHaveBeenCalledWith(
        expect.objectContaining({ event: 'dashboard.warmed' }),
        expect.any(String),
      );
      // Forty days on, a new month: the check computes it before anyone reads.
      vi.useFakeTimers({ now: Date.now() + 40 * 86_400_000, toFake: ['Date'] });
      try {
        await warmer.tick();
        expect(cachedDashboardMonth(g)).not.toBe(month);
        expect(cachedDashboardMonth(g)).toBe(monthInSofia());
      } finally {
        vi.useRealTimers();
      }
    } finally {
      await warmer.stop();
    }
    // A database that fails: logged, never thrown.
    const broken = {
      db: {
        transaction: () => Promise.reject(new Error('database is down')),
      },
    } as unknown as DbHandle;
    const failing = startDashboardWarmer({ handle: broken, log, checkEveryMs: 3_600_000 });
    await failing.tick();
    await failing.stop();
    expect(log.error).toHaveBeenCalledWith(
      expect.objectContaining({ event: 'dashboard.warm_failed' }),
      expect.any(String),
    );
  });
});
