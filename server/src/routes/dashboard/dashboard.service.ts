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
  shiftMonth,
  THIN_AREA_MEMBERS,
  todayInSofia,
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
import { feeYearTotals } from '../fees/fees.service.ts';
import { smeShareNow } from '../strategy/indicators.ts';

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

/**
 * Fee collection this year and last: the committee's fee list summed per year (`feeYearTotals`, the fee
 * pages' own ledger: join rule, the category in force each year, credits), so the figures agree with it.
 */
async function fees(h: Reader, today: string): Promise<DashboardFeeYear[]> {
  const year = Number(today.slice(0, 4));
  const totals = await feeYearTotals(h.db, [year - 1, year], today);
  return totals.map(({ year, members, dueCents, paidCents, paidMembers }) => ({
    year,
    members,
    dueCents,
    paidCents,
    paidMembers,
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

/**
 * Members per area now, by one rule for themes and sub-areas alike: the active members (decision 012, the
 * `active_member` copy of decision 035) linked to the area or to one of its sub-areas, each counted once —
 * the strategy's `members.active_in_area`. A theme thus counts a member of two of its sub-areas once.
 */
async function coverage(h: Reader): Promise<AreaCoverage[]> {
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
      left join (select x.area, count(distinct oa.organization_id) as n
                   from organization_areas oa
                   join areas s on s.id = oa.area_id
                   cross join lateral (values (s.id), (s.parent_id)) x(area)
                  where oa.active_member and x.area is not null
                  group by x.area) c
        on c.area = a.id
     order by coalesce(a.parent_id, a.id), a.parent_id nulls first, a.position, a.id`);
  return rows.map((r) => {
    const members = Number(r.members);
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

    const [spans, themeSpans, funnelData, feeYears, activity, sme, areaCoverage] = await Promise.all([
      memberSpans(h, first, after),
      areaSpans(h, first, after),
      funnel(h, first, after, months),
      fees(h, todayInSofia(now)),
      cooperation(h, period, months),
      smeShareNow(h.db),
      coverage(h),
    ]);
    const area = seriesBy(themeSpans, 'theme', [], months);
    const members: MembersOverTime = {
      total: countsOf(spans, months),
      category: seriesBy(spans, 'category', MEMBERSHIP_CATEGORIES, months),
      kind: seriesBy(spans, 'kind', ORGANIZATION_KINDS, months),
      sizeClass: seriesBy(spans, 'size', [...SIZE_CLASSES, UNKNOWN_SIZE], months),
      area,
    };
    return {
      generatedAt: now.toISOString(),
      months,
      members,
      sme,
      funnel: funnelData,
      fees: feeYears,
      cooperation: activity,
      coverage: areaCoverage,
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

/** The month the dashboard cached for `h` was computed in, or null before any (tests, the warmer). */
export function cachedDashboardMonth(h: DbHandle): string | null {
  return cache.get(h)?.month ?? null;
}

interface WarmerLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface DashboardWarmer {
  /** Computes the dashboard unless this month's is cached or being computed (what the timer runs). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/** How often the warmer looks whether a new month has begun. */
export const DASHBOARD_WARM_CHECK_MS = 60_000;

/**
 * Warms the dashboard's cache in the background (decision 048, "speed"): at start, and whenever a new
 * Sofia month has begun (checked every `checkEveryMs`), so no reader pays the cold computation. Nothing is
 * awaited at start, so readiness never waits for it; a failure (a slow or absent database) is logged and
 * the next check or the first reader tries again. The timer never keeps the process alive.
 */
export function startDashboardWarmer({
  handle,
  log,
  checkEveryMs = DASHBOARD_WARM_CHECK_MS,
}: {
  handle: DbHandle;
  log: WarmerLog;
  checkEveryMs?: number;
}): DashboardWarmer {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) return running;
    if (cachedDashboardMonth(handle) === monthInSofia()) return Promise.resolve();
    const startedAt = performance.now();
    running = servedDashboard(handle)
      .then(() => {
        const ms = Math.round(performance.now() - startedAt);
        log.info({ event: 'dashboard.warmed', ms }, 'dashboard computed in the background');
      })
      .catch((err: unknown) => {
        log.error({ err, event: 'dashboard.warm_failed' }, 'dashboard could not be computed in advance');
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  void tick();
  const timer = setInterval(() => void tick(), checkEveryMs);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
