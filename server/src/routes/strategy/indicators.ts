import {
  and,
  areas,
  count,
  type Db,
  decisions,
  eq,
  inArray,
  meetings,
  memberships,
  ne,
  newsEvents,
  newsPosts,
  or,
  organizationAreas,
  organizations,
  partnerships,
  sharedResources,
  sql,
} from '@portal/db';
import {
  COMPUTED_INDICATORS,
  type ComputedIndicatorKey,
  computedIndicator,
  isSme,
  type SmeShare,
  smeShareOf,
  todayInSofia,
} from '@portal/shared';
import { feeYearTotals } from '../fees/fees.service.ts';

/**
 * The computed indicators of the strategy (issue 16 §1, decision 047): each key of the shared registry
 * `COMPUTED_INDICATORS` and how it is counted from the portal's data. Stocks (`window: 'now'`) count the
 * state today; flows (`window: 'period'`) count what happened within the indicator's period, days in
 * Europe/Sofia; the fee collection rate is the current year's, by the fee rules the fee pages use.
 *
 * Other features (the readiness checks, issue 16 §2) compute a key through `computeIndicator` and never
 * repeat the SQL.
 */
export interface IndicatorContext {
  /** The area of `members.active_in_area`. */
  param?: string | null;
  /** The period of a flow, inclusive days. */
  periodStart?: string;
  periodEnd?: string;
  today?: string;
}

/** An active member now: an active membership, candidates excluded (decision 012). */
const activeMember = and(eq(memberships.status, 'active'), ne(memberships.category, 'candidate'));

const sofiaDay = (column: unknown) => sql`(${column} at time zone 'Europe/Sofia')::date`;

/**
 * The SME share of the members now, for the strategy's `members.sme_share` and the dashboard alike: the
 * active members counted per (kind, size), the shared `isSme` deciding which are SMEs.
 */
export async function smeShareNow(db: Db): Promise<SmeShare> {
  const rows = await db
    .select({ kind: organizations.kind, size: organizations.sizeClass, n: count() })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(activeMember)
    .groupBy(organizations.kind, organizations.sizeClass);
  let members = 0;
  let sme = 0;
  for (const r of rows) {
    members += Number(r.n);
    if (isSme(r.kind, r.size)) sme += Number(r.n);
  }
  return smeShareOf({ members, sme });
}

/**
 * The current year's fee collection rate: Σ min(due, paid + credit brought in) over Σ due, the committee's
 * fee list summed by the fee pages' own ledger (`feeYearTotals`: pro rata, the category in force, credits),
 * so the figure agrees with the fee pages and the dashboard. Null when nothing is due.
 */
export async function feeCollectionRate(db: Db, today: string): Promise<number | null> {
  const [t] = await feeYearTotals(db, [Number(today.slice(0, 4))], today);
  return !t || t.dueCents <= 0 ? null : round1((100 * t.collectedCents) / t.dueCents);
}

/**
 * How long a computed fee collection rate is served as it is. It reads every member's fee history (the
 * whole ledger), and the strategy is a public page: as the dashboard (decision 048), a minute's delay
 * after a payment changes nothing a reader relies on.
 */
export const FEE_RATE_FRESH_MS = 60_000;

interface CachedRate {
  today: string;
  /** When its figures were read (the computation's start). */
  at: number;
  value: Promise<number | null>;
  /** The last settled value, answered while a refresh runs. */
  settled: { value: number | null } | null;
  refreshing: boolean;
}

/** Per database (the app's handle; a transaction gets its own short-lived entry). */
const feeRates = new WeakMap<Db, CachedRate>();

/**
 * The fee collection rate as the strategy and the readiness checks read it: computed at most once a
 * FEE_RATE_FRESH_MS per database and day; after that the last rate is answered at once while one refresh
 * runs in the background (stale-while-revalidate). Concurrent first readers share one computation; a
 * failed computation is not kept.
 */
export function servedFeeCollectionRate(db: Db, today: string): Promise<number | null> {
  const entry = feeRates.get(db);
  if (entry && entry.today === today) {
    // Still the first computation: share it.
    if (!entry.settled) return entry.value;
    if (Date.now() - entry.at > FEE_RATE_FRESH_MS && !entry.refreshing) {
      entry.refreshing = true;
      const at = Date.now();
      feeCollectionRate(db, today).then(
        (value) => {
          entry.settled = { value };
          entry.value = Promise.resolve(value);
          entry.at = at;
          entry.refreshing = false;
        },
        () => {
          // A failed refresh leaves the last rate in place; the next reader tries again.
          entry.refreshing = false;
        },
      );
    }
    return Promise.resolve(entry.settled.value);
  }
  const fresh: CachedRate = {
    today,
    at: Date.now(),
    value: feeCollectionRate(db, today),
    settled: null,
    refreshing: false,
  };
  feeRates.set(db, fresh);
  fresh.value.then(
    (value) => {
      fresh.settled = { value };
    },
    () => {
      if (feeRates.get(db) === fresh) feeRates.delete(db);
    },
  );
  return fresh.value;
}

type Compute = (db: Db, ctx: Required<IndicatorContext>) => Promise<number | null>;

const COMPUTE: Record<ComputedIndicatorKey, Compute> = {
  'members.active_total': async (db) => {
    const [row] = await db.select({ n: count() }).from(memberships).where(activeMember);
    return row?.n ?? 0;
  },
  'members.active_in_area': async (db, { param }) => {
    // The area or any of its sub-areas.
    const [row] = await db
      .select({ n: sql<number>`count(distinct ${memberships.organizationId})::int` })
      .from(memberships)
      .innerJoin(organizationAreas, eq(organizationAreas.organizationId, memberships.organizationId))
      .innerJoin(areas, eq(areas.id, organizationAreas.areaId))
      .where(and(activeMember, or(eq(areas.id, param ?? ''), eq(areas.parentId, param ?? ''))));
    return row?.n ?? 0;
  },
  'members.sme_share': async (db) => {
    const { share } = await smeShareNow(db);
    return share === null ? null : round1(100 * share);
  },
  'partnerships.agreed': async (db, { periodStart, periodEnd }) => {
    const [row] = await db
      .select({ n: count() })
      .from(partnerships)
      .where(sql`${sofiaDay(partnerships.agreedAt)} between ${periodStart} and ${periodEnd}`);
    return row?.n ?? 0;
  },
  'meetings.held': async (db, { periodStart, periodEnd }) => {
    const [row] = await db
      .select({ n: count() })
      .from(meetings)
      .where(
        and(
          inArray(meetings.status, ['held', 'minutes_approved']),
          sql`${sofiaDay(meetings.startsAt)} between ${periodStart} and ${periodEnd}`,
        ),
      );
    return row?.n ?? 0;
  },
  'decisions.recorded': async (db, { periodStart, periodEnd }) => {
    const [row] = await db
      .select({ n: count() })
      .from(decisions)
      .where(sql`${decisions.decidedOn} between ${periodStart} and ${periodEnd}`);
    return row?.n ?? 0;
  },
  'fees.collection_rate': (db, { today }) => servedFeeCollectionRate(db, today),
  'resources.shared': async (db) => {
    const [row] = await db
      .select({ n: count() })
      .from(sharedResources)
      .where(eq(sharedResources.active, true));
    return row?.n ?? 0;
  },
  'members.kinds': async (db) => {
    const [row] = await db
      .select({ n: sql<number>`count(distinct ${organizations.kind})::int` })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(activeMember);
    return row?.n ?? 0;
  },
  'news.published': async (db, { periodStart, periodEnd }) => {
    const [row] = await db
      .select({ n: count() })
      .from(newsPosts)
      .where(
        and(
          eq(newsPosts.status, 'published'),
          sql`${newsPosts.publishAt} <= now()`,
          sql`${sofiaDay(newsPosts.publishAt)} between ${periodStart} and ${periodEnd}`,
        ),
      );
    return row?.n ?? 0;
  },
  'events.held': async (db, { periodStart, periodEnd }) => {
    const [row] = await db
      .select({ n: count() })
      .from(newsEvents)
      .innerJoin(newsPosts, eq(newsPosts.id, newsEvents.postId))
      .where(
        and(
          eq(newsPosts.status, 'published'),
          sql`${newsEvents.startsAt} <= now()`,
          sql`${sofiaDay(newsEvents.startsAt)} between ${periodStart} and ${periodEnd}`,
        ),
      );
    return row?.n ?? 0;
  },
};

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** The live value of a computed indicator; null when it has nothing to count (e.g. no fees due). */
export async function computeIndicator(
  db: Db,
  key: ComputedIndicatorKey,
  ctx: IndicatorContext = {},
): Promise<number | null> {
  const def = computedIndicator(key);
  if (!def) throw new Error(`unknown indicator ${key}`);
  const today = ctx.today ?? todayInSofia();
  return COMPUTE[key](db, {
    param: ctx.param ?? null,
    periodStart: ctx.periodStart ?? `${today.slice(0, 4)}-01-01`,
    periodEnd: ctx.periodEnd ?? today,
    today,
  });
}

/** Computes indicators for one reader: a key with its area and period is computed once per reader. */
export type IndicatorReader = (key: ComputedIndicatorKey, ctx?: IndicatorContext) => Promise<number | null>;

/**
 * A reader that computes each distinct key, area and period once: a page (the strategy, a readiness set or
 * the list of sets) may show the same figure more than once, and every computation is a query.
 */
export function indicatorReader(db: Db): IndicatorReader {
  const seen = new Map<string, Promise<number | null>>();
  return (key, ctx = {}) => {
    const id = JSON.stringify([key, ctx.param ?? null, ctx.periodStart, ctx.periodEnd, ctx.today]);
    let value = seen.get(id);
    if (!value) {
      value = computeIndicator(db, key, ctx);
      seen.set(id, value);
    }
    return value;
  };
}

/** Every key of the registry has its computation (a test holds the two together). */
export const COMPUTED_KEYS_IMPLEMENTED = Object.keys(COMPUTE);
export { COMPUTED_INDICATORS };
