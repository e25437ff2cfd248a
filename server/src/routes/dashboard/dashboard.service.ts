import { type Db, type DbHandle, rowsOf, type SQL, sql } from '@portal/db';
import {
  type AreaCoverage,
  type CooperationActivity,
  DASHBOARD_MONTHS,
  type Dashboard,
  type DashboardFeeYear,
  type DashboardSeries,
  type Funnel,
  MEMBERSHIP_CATEGORIES,
  type MembersOverTime,
  monthInSofia,
  ORGANIZATION_KINDS,
  type PublicDashboard,
  SIZE_CLASSES,
  type SmeShare,
  shiftMonth,
  THIN_AREA_MEMBERS,
  UNKNOWN_SIZE,
} from '@portal/shared';
import {
  conversationsPerMonth,
  partnershipsPerMonth,
} from '../cooperation-overview/conversation-activity.ts';
import {
  bookingsPerMonth,
  itemsPerMonth,
  type Period,
} from '../cooperation-overview/cooperation-overview.repository.ts';

/**
 * The dashboard of the cluster (issue 16 §1, decision 048). Everything is aggregated in SQL into a few
 * hundred rows at most; the months are folded in here. "Members" are active, non-candidate memberships,
 * as in the directory. The history is rebuilt backwards from today's state: a membership counts from the
 * month of `member_since` to (not including) the month its latest suspension, withdrawal or exclusion took
 * effect; a category change is not replayed (the series show today's category, kind and size).
 */

/** `0000-00`: joined before the window (so a member in every month of it). */
const BEFORE = '0000-00';

/** Where the dashboard's statements go: one read-only transaction (see `dashboard`). */
interface Reader {
  db: Db;
  query<T extends Record<string, unknown>>(statement: SQL): Promise<T[]>;
}

interface Span {
  joined: string;
  left: string | null;
  count: number;
}

/** Members per (join month, leave month, category, kind, size) — the spans behind every member series. */
const SPANS = (first: string, after: string) => sql`
  select m.organization_id, m.category, o.kind, coalesce(o.size_class, ${UNKNOWN_SIZE}) as size,
         case when m.member_since < ${`${first}-01`}::date then ${BEFORE}
              else to_char(m.member_since, 'YYYY-MM') end as joined,
         case when m.status = 'active' then null
              else coalesce((select to_char(max(e.effective_on), 'YYYY-MM') from membership_events e
                              where e.organization_id = m.organization_id and e.to_status = m.status), ${BEFORE})
         end as left_month
    from memberships m join organizations o on o.id = m.organization_id
   where m.category <> 'candidate' and m.member_since < ${`${after}-01`}::date
     and (m.status = 'active' or m.updated_at >= ${`${first}-01`}::date)`;

async function memberSpans(h: Reader, first: string, after: string) {
  return h.query<{
    category: string;
    kind: string;
    size: string;
    joined: string;
    left: string | null;
    count: number;
  }>(
    sql`select category, kind, size, joined, left_month as left, count(*)::int as count
          from (${SPANS(first, after)}) s
         where left_month is null or left_month >= ${first}
         group by 1, 2, 3, 4, 5`,
  );
}

async function areaSpans(h: Reader, first: string, after: string) {
  return h.query<{ theme: string; joined: string; left: string | null; count: number }>(
    sql`select t.theme, s.joined, s.left_month as left, count(*)::int as count
          from (${SPANS(first, after)}) s
          join (select distinct oa.organization_id, coalesce(a.parent_id, a.id) as theme
                  from organization_areas oa join areas a on a.id = oa.area_id) t
            on t.organization_id = s.organization_id
         where s.left_month is null or s.left_month >= ${first}
         group by 1, 2, 3`,
  );
}

/** Counts per month of spans: a member at the end of a month it had joined by and not yet left in. */
function countsOf(spans: Span[], months: string[]): number[] {
  return months.map((m) =>
    spans.reduce((sum, s) => (s.joined <= m && (s.left === null || s.left > m) ? sum + s.count : sum), 0),
  );
}

function seriesBy<K extends string>(
  rows: (Span & Record<K, string>)[],
  key: K,
  order: readonly string[],
  months: string[],
): DashboardSeries[] {
  const groups = new Map<string, Span[]>();
  for (const r of rows) {
    const list = groups.get(r[key]) ?? [];
    list.push(r);
    groups.set(r[key], list);
  }
  const keys = [
    ...order.filter((k) => groups.has(k)),
    ...[...groups.keys()].filter((k) => !order.includes(k)).sort(),
  ];
  return keys.map((k) => ({ key: k, counts: countsOf(groups.get(k) ?? [], months) }));
}

async function funnel(h: Reader, first: string, after: string, months: string[]): Promise<Funnel> {
  const start = sql`((${`${first}-01`})::timestamp at time zone 'Europe/Sofia')`;
  const end = sql`((${`${after}-01`})::timestamp at time zone 'Europe/Sofia')`;
  const [perMonth, totals] = await Promise.all([
    h.query<{ month: string; what: string; count: number }>(sql`
      select to_char(submitted_at at time zone 'Europe/Sofia', 'YYYY-MM') as month, 'submitted' as what, count(*)::int as count
        from applications where submitted_at >= ${start} and submitted_at < ${end} group by 1
      union all
      select to_char(decided_at at time zone 'Europe/Sofia', 'YYYY-MM'), state, count(*)::int
        from applications where decided_at >= ${start} and decided_at < ${end}
         and state in ('approved', 'rejected', 'withdrawn') group by 1, 2`),
    h.query<{ open: number; median: number | null }>(sql`
      select (select count(*)::int from applications
               where state in ('submitted', 'under_review', 'changes_requested', 'in_vote')) as open,
             (select (percentile_cont(0.5) within group (
                       order by extract(epoch from decided_at - submitted_at) / 86400))::float8
                from applications
               where decided_at >= ${start} and decided_at < ${end} and submitted_at is not null
                 and state in ('approved', 'rejected')) as median`),
  ]);
  const series = (what: string) =>
    months.map((m) => perMonth.find((r) => r.month === m && r.what === what)?.count ?? 0);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const submitted = series('submitted');
  const approved = series('approved');
  const rejected = series('rejected');
  const row = totals[0];
  return {
    submitted,
    approved,
    rejected,
    submittedTotal: sum(submitted),
    approvedTotal: sum(approved),
    rejectedTotal: sum(rejected),
    withdrawnTotal: sum(series('withdrawn')),
    openNow: Number(row?.open ?? 0),
    medianDaysToDecision:
      row?.median === null || row?.median === undefined ? null : Math.round(Number(row.median) * 10) / 10,
  };
}

async function fees(h: Reader, year: number): Promise<DashboardFeeYear[]> {
  const rows = await h.query<{
    year: number;
    members: number;
    due: number;
    paid: number;
    paid_members: number;
  }>(sql`
    with years as (select generate_series(${year - 1}::int, ${year}::int) as year),
    current_members as (
      select category, count(*)::int as n from memberships
       where status = 'active' and category <> 'candidate' group by category)
    select y.year,
           (select coalesce(sum(c.n), 0)::int from current_members c
              join fee_rates r on r.category = c.category and r.year = y.year) as members,
           (select coalesce(sum(c.n::bigint * r.amount_cents), 0)::float8 from current_members c
              join fee_rates r on r.category = c.category and r.year = y.year) as due,
           (select coalesce(sum(p.amount_cents), 0)::float8 from fee_payments p where p.year = y.year) as paid,
           (select count(distinct p.organization_id)::int from fee_payments p where p.year = y.year) as paid_members
      from years y order by y.year`);
  return rows.map((r) => ({
    year: Number(r.year),
    members: Number(r.members),
    dueCents: Number(r.due),
    paidCents: Number(r.paid),
    paidMembers: Number(r.paid_members),
  }));
}

async function cooperation(h: Reader, period: Period, months: string[]): Promise<CooperationActivity> {
  const [items, bookings, conversations, partnerships] = await Promise.all([
    itemsPerMonth(h.db, period, null),
    bookingsPerMonth(h.db, period, null),
    conversationsPerMonth(h.db, period, null),
    partnershipsPerMonth(h.db, period, null),
  ]);
  const per = (rows: { month: string; count: number }[]) =>
    months.map((m) => rows.filter((r) => r.month === m).reduce((s, r) => s + Number(r.count), 0));
  return {
    items: per(items),
    bookings: per(bookings),
    conversations: per(conversations),
    partnerships: per(partnerships),
  };
}

async function coverage(h: Reader, themeNow: Map<string, number>): Promise<AreaCoverage[]> {
  const rows = await h.query<{
    id: string;
    parent_id: string | null;
    name_bg: string;
    name_en: string;
    is_priority: boolean;
    members: number;
  }>(sql`
    select a.id, a.parent_id, a.name_bg, a.name_en, a.is_priority, coalesce(c.n, 0)::int as members
      from areas a
      left join (select area_id, count(*) as n from organization_areas where active_member group by area_id) c
        on c.area_id = a.id
     order by coalesce(a.parent_id, a.id), a.parent_id nulls first, a.position, a.id`);
  return rows.map((r) => {
    const members = r.parent_id === null ? (themeNow.get(r.id) ?? 0) : Number(r.members);
    return {
      id: r.id,
      parentId: r.parent_id,
      nameBg: r.name_bg,
      nameEn: r.name_en,
      isPriority: r.is_priority,
      members,
      thin: members < THIN_AREA_MEMBERS,
    };
  });
}

function smeShare(rows: { size: string; count: number }[]): SmeShare {
  let members = 0;
  let withSize = 0;
  let sme = 0;
  for (const r of rows) {
    members += r.count;
    if (r.size !== UNKNOWN_SIZE) withSize += r.count;
    if (r.size === 'micro' || r.size === 'small' || r.size === 'medium') sme += r.count;
  }
  return { members, withSize, sme, share: withSize ? Math.round((sme / withSize) * 1000) / 1000 : null };
}

/** The committee's dashboard. */
export async function dashboard(handle: DbHandle, now: Date = new Date()): Promise<Dashboard> {
  // One transaction: one snapshot for every figure, and no JIT (PostgreSQL would spend seconds compiling
  // these one-off aggregates over 100,000 rows, more than running them).
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    const h: Reader = { db: tx, query: (statement) => rowsOf(tx, statement) };
    const to = monthInSofia(now);
    const first = shiftMonth(to, -(DASHBOARD_MONTHS - 1));
    const after = shiftMonth(to, 1);
    const months: string[] = [];
    for (let m = first; m <= to; m = shiftMonth(m, 1)) months.push(m);
    const period: Period = { from: first, after };

    const [spans, themeSpans, funnelData, feeYears, activity] = await Promise.all([
      memberSpans(h, first, after),
      areaSpans(h, first, after),
      funnel(h, first, after, months),
      fees(h, Number(to.slice(0, 4))),
      cooperation(h, period, months),
    ]);
    const area = seriesBy(themeSpans, 'theme', [], months);
    const members: MembersOverTime = {
      total: countsOf(spans, months),
      category: seriesBy(spans, 'category', MEMBERSHIP_CATEGORIES, months),
      kind: seriesBy(spans, 'kind', ORGANIZATION_KINDS, months),
      sizeClass: seriesBy(spans, 'size', [...SIZE_CLASSES, UNKNOWN_SIZE], months),
      area,
    };
    const current = spans.filter((s) => s.left === null || s.left > to);
    const themeNow = new Map(area.map((s) => [s.key, s.counts.at(-1) ?? 0]));
    return {
      generatedAt: now.toISOString(),
      months,
      members,
      sme: smeShare(current),
      funnel: funnelData,
      fees: feeYears,
      cooperation: activity,
      coverage: await coverage(h, themeNow),
    };
  });
}

/** The public part of a dashboard: without the funnel and the fees (aggregates only). */
export function publicOf(d: Dashboard): PublicDashboard {
  return {
    generatedAt: d.generatedAt,
    months: d.months,
    members: {
      total: d.members.total,
      kind: d.members.kind,
      sizeClass: d.members.sizeClass,
      area: d.members.area,
    },
    sme: d.sme,
    cooperation: d.cooperation,
    coverage: d.coverage,
  };
}

/**
 * How long a computed dashboard is served as it is. The figures are aggregates over a year of history, so
 * a minute's delay changes nothing a reader could see; the page shows when they were computed.
 */
export const DASHBOARD_FRESH_MS = 60_000;

interface Cached {
  value: Dashboard;
  month: string;
  /** When its figures were read (the computation's start). */
  at: number;
  refreshing: Promise<Dashboard> | null;
}

/** Per database handle: the last computed dashboard (decision 048, "speed"). */
const cache = new WeakMap<DbHandle, Cached>();
const firstComputation = new WeakMap<DbHandle, Promise<Dashboard>>();

function compute(h: DbHandle): Promise<Dashboard> {
  const now = new Date();
  return dashboard(h, now).then((value) => {
    // A refresh begun before a newer computation (e.g. late on a month's last day, overtaken by the new
    // month's first one) finishes without overwriting it.
    const current = cache.get(h);
    if (!current || current.at <= now.getTime()) {
      cache.set(h, { value, month: monthInSofia(now), at: now.getTime(), refreshing: null });
    }
    return value;
  });
}

/**
 * The dashboard as the API serves it: computed at most once a DASHBOARD_FRESH_MS per handle; after that the
 * last figures are answered at once while one refresh runs in the background (stale-while-revalidate), so
 * a reader never waits for the aggregation except the very first one (or in a new month). Concurrent first
 * readers share one computation.
 */
export async function servedDashboard(h: DbHandle): Promise<Dashboard> {
  const entry = cache.get(h);
  if (entry && entry.month === monthInSofia()) {
    if (Date.now() - entry.at > DASHBOARD_FRESH_MS && !entry.refreshing) {
      entry.refreshing = compute(h).catch(() => {
        // A failed refresh leaves the last figures in place; the next request tries again.
        entry.refreshing = null;
        return entry.value;
      });
    }
    return entry.value;
  }
  let pending = firstComputation.get(h);
  if (!pending) {
    pending = compute(h).finally(() => firstComputation.delete(h));
    firstComputation.set(h, pending);
  }
  return pending;
}

/** The public figures from the served dashboard: without the funnel and the fees (aggregates only). */
export async function servedPublicDashboard(h: DbHandle): Promise<PublicDashboard> {
  return publicOf(await servedDashboard(h));
}
