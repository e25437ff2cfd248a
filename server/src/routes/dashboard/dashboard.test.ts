/**
 * Issue 16 §1: the dashboard. Members over time rebuilt from today's memberships and their history
 * (joins by member_since, leaves by the latest suspension/withdrawal/exclusion), by category, kind, size
 * and theme; the SME share; the application funnel with the median days to a decision; fee collection;
 * cooperation per month; coverage of the areas with the thin ones flagged; the public variant names no
 * organisation. Who may read it is the authorisation matrix's job (`dashboard.rows.ts`).
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { DashboardSchema, PublicDashboardSchema } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';
import { dashboard, servedDashboard } from './dashboard.service.ts';

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
    expect(d.sme).toEqual({ members: 2, withSize: 1, sme: 1, share: 1 });
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
    expect(fees.find((f) => f.year === 2026)).toEqual({
      year: 2026,
      members: 2,
      dueCents: 15000,
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
