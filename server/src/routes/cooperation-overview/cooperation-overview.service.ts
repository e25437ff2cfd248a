import type { Db } from '@portal/db';
import {
  BOARD_ITEM_TYPES,
  type CooperationNetwork,
  type CooperationOverview,
  type CooperationQuery,
  csvLine,
  defaultOverviewPeriod,
  monthInSofia,
  monthsBetween,
  type NetworkLink,
  type OrganizationKind,
  OVERVIEW_MONTHS_DEFAULT,
  OVERVIEW_MONTHS_MAX,
  OVERVIEW_TOP_MEMBERS,
  type OverviewMember,
  shiftMonth,
  todayInSofia,
} from '@portal/shared';
import { conversationActivity } from './conversation-activity.ts';
import {
  activeMembers,
  bookingPairs,
  bookingsPerMonth,
  itemsPerArea,
  itemsPerMonth,
  itemsPerOrganization,
  openRequests,
  organizationNames,
  organizationThemes,
  type Period,
  themes,
} from './cooperation-overview.repository.ts';

/** The committee's overview of cooperation and the network picture (issue 14 §5, decision 037). */

/** How many unanswered requests the overview lists (the oldest first). */
const UNANSWERED_LIMIT = 50;

/** The period asked for; a missing end is this month (Sofia), a missing start twelve months before the end. */
function resolvePeriod(q: CooperationQuery, now: Date) {
  const current = defaultOverviewPeriod(now).to;
  let to = q.to ?? (q.from && q.from > current ? q.from : current);
  if (!q.to && q.from && monthsBetween(q.from, to).length > OVERVIEW_MONTHS_MAX) {
    to = shiftMonth(q.from, OVERVIEW_MONTHS_MAX - 1);
  }
  const from = q.from ?? shiftMonth(to, -(OVERVIEW_MONTHS_DEFAULT - 1));
  return { from, to, period: { from, after: shiftMonth(to, 1) } satisfies Period, area: q.area ?? null };
}

export async function cooperationOverview(
  db: Db,
  q: CooperationQuery,
  now: Date = new Date(),
): Promise<CooperationOverview> {
  const { from, to, period, area } = resolvePeriod(q, now);
  const [areaList, perMonth, perArea, perOrgItems, pairs, bookings, talk] = await Promise.all([
    themes(db),
    itemsPerMonth(db, period, area),
    itemsPerArea(db, period, area),
    itemsPerOrganization(db, period, area),
    bookingPairs(db, period, area),
    bookingsPerMonth(db, period, area),
    conversationActivity(db, period, area),
  ]);
  const unanswered = await openRequests(db, todayInSofia(now), area, UNANSWERED_LIMIT);

  // The most active members: items, confirmed bookings (made or hosted), conversations and partnerships.
  const tally = new Map<string, Omit<OverviewMember, 'organizationId' | 'nameBg' | 'nameEn' | 'total'>>();
  const entry = (id: string) => {
    let t = tally.get(id);
    if (!t) {
      t = { items: 0, bookings: 0, conversations: 0, partnerships: 0 };
      tally.set(id, t);
    }
    return t;
  };
  for (const r of perOrgItems) entry(r.organizationId).items += r.count;
  for (const r of pairs) {
    entry(r.bookerId).bookings += r.count;
    entry(r.ownerId).bookings += r.count;
  }
  for (const r of talk.perOrganization) {
    entry(r.organizationId).conversations += r.conversations;
    entry(r.organizationId).partnerships += r.partnerships;
  }
  const names = new Map((await organizationNames(db, [...tally.keys()])).map((o) => [o.id, o]));
  const activeMembersList = [...tally.entries()]
    .flatMap(([organizationId, t]) => {
      const name = names.get(organizationId);
      if (!name) return [];
      const total = t.items + t.bookings + t.conversations + t.partnerships;
      return [{ organizationId, nameBg: name.nameBg, nameEn: name.nameEn, ...t, total }];
    })
    .filter((m) => m.total > 0)
    .sort((a, b) => b.total - a.total || a.nameBg.localeCompare(b.nameBg, 'bg'))
    .slice(0, OVERVIEW_TOP_MEMBERS);

  return {
    from,
    to,
    area,
    months: monthsBetween(from, to),
    areas: areaList,
    itemsPerMonth: perMonth,
    itemsPerArea: perArea,
    bookingsPerMonth: bookings,
    conversationsPerMonth: talk.perMonth,
    conversationsPerArea: talk.perArea,
    activeMembers: activeMembersList,
    unansweredRequests: unanswered,
  };
}

export async function cooperationNetwork(
  db: Db,
  q: CooperationQuery,
  now: Date = new Date(),
): Promise<CooperationNetwork> {
  const { from, to, period, area } = resolvePeriod(q, now);
  const [areaList, members, pairs, talk] = await Promise.all([
    themes(db),
    activeMembers(db, area),
    bookingPairs(db, period, area),
    conversationActivity(db, period, area),
  ]);
  const ids = new Set(members.map((m) => m.id));
  const firstTheme = new Map<string, string>();
  for (const t of await organizationThemes(db, [...ids])) {
    if (!firstTheme.has(t.organizationId)) firstTheme.set(t.organizationId, t.areaId);
  }
  // One link per pair and type, whichever side booked: the picture shows who works with whom.
  const links = new Map<string, NetworkLink>();
  const add = (a: string, b: string, type: NetworkLink['type'], count: number) => {
    if (!ids.has(a) || !ids.has(b) || a === b) return;
    const [source, target] = a < b ? [a, b] : [b, a];
    const key = `${type}:${source}:${target}`;
    const link = links.get(key);
    if (link) link.count += count;
    else links.set(key, { source, target, type, count });
  };
  for (const p of pairs) add(p.bookerId, p.ownerId, 'booking', p.count);
  for (const p of talk.partnershipPairs) add(p.a, p.b, 'partnership', p.count);

  return {
    from,
    to,
    area,
    areas: areaList,
    nodes: members.map((m) => ({
      id: m.id,
      nameBg: m.nameBg,
      nameEn: m.nameEn,
      kind: m.kind as OrganizationKind,
      areaId: firstTheme.get(m.id) ?? null,
    })),
    links: [...links.values()].sort(
      (a, b) =>
        a.type.localeCompare(b.type) || a.source.localeCompare(b.source) || a.target.localeCompare(b.target),
    ),
  };
}

export const OVERVIEW_CSV_COLUMNS = [
  'series',
  'month',
  'area',
  'type',
  'organization',
  'item',
  'count',
] as const;

/**
 * The overview as one CSV in long form (one row per series × month or area): a spreadsheet pivots it.
 * Area ids and type codes stay language-neutral; organisation names are given in Bulgarian.
 */
export function overviewCsv(o: CooperationOverview): string {
  const lines = [csvLine(OVERVIEW_CSV_COLUMNS)];
  const itemCount = new Map(o.itemsPerMonth.map((r) => [`${r.month}:${r.type}`, r.count]));
  for (const month of o.months) {
    for (const type of BOARD_ITEM_TYPES) {
      lines.push(
        csvLine([
          'items_per_month',
          month,
          o.area ?? '',
          type,
          '',
          '',
          itemCount.get(`${month}:${type}`) ?? 0,
        ]),
      );
    }
  }
  for (const r of o.itemsPerArea)
    lines.push(csvLine(['items_per_area', '', r.areaId, r.type, '', '', r.count]));
  const bookings = new Map(o.bookingsPerMonth.map((r) => [r.month, r.count]));
  const talk = new Map(o.conversationsPerMonth.map((r) => [r.month, r]));
  for (const month of o.months) {
    lines.push(csvLine(['bookings_per_month', month, o.area ?? '', '', '', '', bookings.get(month) ?? 0]));
    lines.push(
      csvLine([
        'conversations_per_month',
        month,
        o.area ?? '',
        '',
        '',
        '',
        talk.get(month)?.conversations ?? 0,
      ]),
    );
    lines.push(
      csvLine([
        'partnerships_per_month',
        month,
        o.area ?? '',
        '',
        '',
        '',
        talk.get(month)?.partnerships ?? 0,
      ]),
    );
  }
  for (const r of o.conversationsPerArea) {
    lines.push(csvLine(['conversations_per_area', '', r.areaId, '', '', '', r.conversations]));
    lines.push(csvLine(['partnerships_per_area', '', r.areaId, '', '', '', r.partnerships]));
  }
  for (const m of o.activeMembers) {
    lines.push(csvLine(['active_member', '', o.area ?? '', '', m.nameBg, '', m.total]));
  }
  for (const r of o.unansweredRequests) {
    lines.push(
      csvLine([
        'unanswered_request',
        monthInSofia(new Date(r.publishedAt)),
        o.area ?? '',
        '',
        r.organizationNameBg,
        r.titleBg || r.titleEn,
        1,
      ]),
    );
  }
  return lines.join('');
}
