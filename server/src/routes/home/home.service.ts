import { type Db, type DbHandle, isoTimestamp, rowsOf, sql } from '@portal/db';
import {
  HOME_AREA_MEMBERS,
  HOME_LIST_SIZE,
  HOME_LOGO_STRIP,
  type HomeArea,
  type HomeMember,
  type HomeResponse,
  MEMBERSHIP_CATEGORIES,
  type NewsCategory,
  publicLogoUrl,
  SME_KINDS,
  SME_SIZE_CLASSES,
  todayInSofia,
} from '@portal/shared';
import { listCalls } from '../calls/calls.service.ts';
import { findRates } from '../fees/fees.repository.ts';
import { PUBLIC_POST } from '../news/news.service.ts';

/**
 * The public home page in one answer (issue 17, decision 054). A handful of small statements over the
 * directory's read model (publicly listed members only), published posts, their events and the calls;
 * served from memory for HOME_FRESH_MS (see `servedHome`).
 */

interface MemberRow extends Record<string, unknown> {
  id: string;
  name_bg: string;
  name_en: string;
  logo_version: number | string | null;
}

const memberOf = (r: MemberRow): HomeMember => ({
  id: r.id,
  nameBg: r.name_bg,
  nameEn: r.name_en,
  logoUrl: r.logo_version === null ? null : publicLogoUrl(r.id, Number(r.logo_version), 'small'),
});

/** Members with a logo first (they make the page), then the longest-standing, then by name. */
const MEMBER_ORDER = sql.raw(
  `(o.logo_version is null), d.member_since asc nulls last, d.name_bg collate portal_bg, d.organization_id`,
);

const inList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

async function figuresOf(db: Db) {
  const [row] = await rowsOf<{ members: number; smes: number; universities: number; public_bodies: number }>(
    db,
    sql`select count(*)::int as members,
          count(*) filter (where d.kind in (${inList(SME_KINDS)})
                             and d.size_class in (${inList(SME_SIZE_CLASSES)}))::int as smes,
          count(*) filter (where d.kind in ('university', 'research_institute'))::int as universities,
          count(*) filter (where d.kind = 'public_authority')::int as public_bodies
        from directory_entries d`,
  );
  return {
    members: Number(row?.members ?? 0),
    smes: Number(row?.smes ?? 0),
    universities: Number(row?.universities ?? 0),
    publicBodies: Number(row?.public_bodies ?? 0),
  };
}

/** The top-level areas in order, each with its count (sub-areas included) and its first few members. */
async function areasOf(db: Db): Promise<HomeArea[]> {
  const rows = await rowsOf<
    {
      area_id: string;
      area_bg: string;
      area_en: string;
      is_priority: boolean;
      member_count: number | string;
    } & { [K in keyof MemberRow]: MemberRow[K] | null }
  >(
    db,
    sql`select a.id as area_id, a.name_bg as area_bg, a.name_en as area_en, a.is_priority,
          coalesce((select sum(f.members) from directory_facet_counts f where f.area_id = a.id), 0)::int
            as member_count,
          m.id, m.name_bg, m.name_en, m.logo_version
        from areas a
        left join lateral (
          select o.id, o.name_bg, o.name_en, o.logo_version, row_number() over (order by ${MEMBER_ORDER}) as n
            from directory_entries d join organizations o on o.id = d.organization_id
           where d.area_ids @> array[a.id]::text[]
           order by ${MEMBER_ORDER}
           limit ${HOME_AREA_MEMBERS}
        ) m on true
        where a.parent_id is null
        order by a.position, a.id, m.n`,
  );
  const areas = new Map<string, HomeArea>();
  for (const r of rows) {
    let area = areas.get(r.area_id);
    if (!area) {
      area = {
        id: r.area_id,
        nameBg: r.area_bg,
        nameEn: r.area_en,
        isPriority: r.is_priority,
        memberCount: Number(r.member_count),
        members: [],
      };
      areas.set(r.area_id, area);
    }
    if (r.id !== null) area.members.push(memberOf(r as MemberRow));
  }
  return [...areas.values()];
}

async function logosOf(db: Db): Promise<HomeMember[]> {
  const rows = await rowsOf<MemberRow>(
    db,
    sql`select o.id, o.name_bg, o.name_en, o.logo_version
          from directory_entries d join organizations o on o.id = d.organization_id
         order by ${MEMBER_ORDER} limit ${HOME_LOGO_STRIP}`,
  );
  return rows.map(memberOf);
}

/** The latest published posts that are not events (events have their own list). */
async function newsOf(db: Db) {
  const rows = await rowsOf<{
    id: string;
    slug: string;
    category: NewsCategory;
    title_bg: string;
    title_en: string;
    summary_bg: string;
    summary_en: string;
    published_at: string;
  }>(
    db,
    sql`select p.id, p.slug, p.category, p.title_bg, p.title_en, p.summary_bg, p.summary_en,
          ${isoTimestamp('p.publish_at')} as published_at
        from news_posts p where ${PUBLIC_POST} and p.category <> 'event'
        order by p.publish_at desc, p.id limit ${HOME_LIST_SIZE}`,
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    category: r.category,
    titleBg: r.title_bg,
    titleEn: r.title_en,
    summaryBg: r.summary_bg,
    summaryEn: r.summary_en,
    publishedAt: r.published_at,
  }));
}

/** The public events not over yet, soonest first, and how many there are. */
async function eventsOf(db: Db, now: Date) {
  const rows = await rowsOf<{
    id: string;
    slug: string;
    title_bg: string;
    title_en: string;
    starts_at: string;
    ends_at: string;
    place: string;
    online: boolean;
    total: number | string;
  }>(
    db,
    sql`select p.id, p.slug, p.title_bg, p.title_en, ${isoTimestamp('e.starts_at')} as starts_at,
          ${isoTimestamp('e.ends_at')} as ends_at, e.place, (e.online_url is not null) as online,
          count(*) over () as total
        from news_events e join news_posts p on p.id = e.post_id
        where ${PUBLIC_POST} and e.ends_at > ${now.toISOString()}::timestamptz
        order by e.starts_at, p.id limit ${HOME_LIST_SIZE}`,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      titleBg: r.title_bg,
      titleEn: r.title_en,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      place: r.place,
      online: Boolean(r.online),
    })),
  };
}

async function clusterOf(db: Db) {
  const [row] = await rowsOf<HomeResponse['cluster']>(
    db,
    sql`select name_bg as "nameBg", name_en as "nameEn", tagline_bg as "taglineBg", tagline_en as "taglineEn",
          mission_bg as "missionBg", mission_en as "missionEn"
        from cluster_settings where id = 1`,
  );
  // The migration inserts the row; a missing one is a broken installation, not a client error.
  if (!row) throw new Error('cluster_settings row 1 is missing');
  return row;
}

export async function home(db: Db, now = new Date()): Promise<HomeResponse> {
  const year = Number(todayInSofia().slice(0, 4));
  const cluster = await clusterOf(db);
  const counts = await figuresOf(db);
  const areas = await areasOf(db);
  const logos = await logosOf(db);
  const news = await newsOf(db);
  const events = await eventsOf(db, now);
  const calls = await listCalls(db, { status: 'open', page: 1, pageSize: HOME_LIST_SIZE }, now);
  const rates = await findRates(db, year);
  const amountOf = new Map(rates.map((r) => [r.category, r.amountCents]));
  return {
    cluster,
    figures: { ...counts, openCalls: calls.total, upcomingEvents: events.total },
    areas,
    logos,
    news,
    events: events.items,
    calls: calls.items.map((c) => ({
      id: c.id,
      programme: c.programme,
      code: c.code,
      titleBg: c.titleBg,
      titleEn: c.titleEn,
      deadlineAt: c.deadlineAt,
      budgetCents: c.budgetCents,
    })),
    fees: {
      year,
      rates: MEMBERSHIP_CATEGORIES.filter((c) => c !== 'candidate').map((category) => ({
        category,
        amountCents: amountOf.get(category) ?? 0,
      })),
    },
    generatedAt: now.toISOString(),
  };
}

/**
 * How long a computed answer is served as it is: the home page is the most read page, and a minute's delay
 * before a new post or member shows there changes nothing a reader could notice.
 */
export const HOME_FRESH_MS = 60_000;

interface Cached {
  value: HomeResponse;
  at: number;
  refreshing: Promise<unknown> | null;
}

const cache = new WeakMap<DbHandle, Cached>();
const first = new WeakMap<DbHandle, Promise<HomeResponse>>();

function compute(h: DbHandle): Promise<HomeResponse> {
  const at = Date.now();
  return home(h.db, new Date(at)).then((value) => {
    const current = cache.get(h);
    if (!current || current.at <= at) cache.set(h, { value, at, refreshing: null });
    return value;
  });
}

/**
 * The answer as the API serves it: computed at most once a HOME_FRESH_MS per handle; after that the last one
 * is answered at once while one refresh runs in the background (stale-while-revalidate, as the dashboard).
 */
export async function servedHome(h: DbHandle): Promise<HomeResponse> {
  const entry = cache.get(h);
  if (entry) {
    if (Date.now() - entry.at > HOME_FRESH_MS && !entry.refreshing) {
      entry.refreshing = compute(h).catch(() => {
        // A failed refresh leaves the last answer in place; the next request tries again.
        entry.refreshing = null;
      });
    }
    return entry.value;
  }
  let pending = first.get(h);
  if (!pending) {
    pending = compute(h).finally(() => first.delete(h));
    first.set(h, pending);
  }
  return pending;
}

/** Forgets the cached answer: after the cluster's texts are saved, and in tests that change the data. */
export function forgetHome(h: DbHandle): void {
  cache.delete(h);
}
