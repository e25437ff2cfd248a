import {
  and,
  areas,
  boardItemAreas,
  conversations,
  type Db,
  eq,
  gte,
  inArray,
  lt,
  partnershipAreas,
  partnerships,
  type SQLWrapper,
} from '@portal/db';
import {
  countDistinct,
  itemsInTheme,
  type Period,
  sofiaMidnight,
  sofiaMonth,
  theme,
} from './cooperation-overview.repository.ts';

/**
 * Conversations and partnerships in the overview and the network (issue 14 §2 builds them, decision 036).
 * A conversation counts in the Sofia month it was opened and in the themes of the board item it is about;
 * a partnership in the month it was agreed and in the themes recorded with it (the item's areas then).
 */
export interface ConversationActivity {
  perMonth: { month: string; conversations: number; partnerships: number }[];
  perArea: { areaId: string; conversations: number; partnerships: number }[];
  perOrganization: { organizationId: string; conversations: number; partnerships: number }[];
  /** Partnerships agreed in the period per pair of organisations (owner of the item, partner). */
  partnershipPairs: { a: string; b: string; count: number }[];
}

type Counts = { conversations: number; partnerships: number };

/** Counts of conversations and partnerships keyed by `key` (a month, a theme, an organisation). */
function tally<K extends string>(key: K) {
  const map = new Map<string, Record<K, string> & Counts>();
  return {
    at(id: string): Counts {
      const found = map.get(id);
      if (found) return found;
      const fresh = { [key]: id, conversations: 0, partnerships: 0 } as Record<K, string> & Counts;
      map.set(id, fresh);
      return fresh;
    },
    rows: () => [...map.values()],
  };
}

const within = (column: SQLWrapper, p: Period) =>
  and(gte(column, sofiaMidnight(p.from)), lt(column, sofiaMidnight(p.after)));

/** Ids of the partnerships recorded in a theme. */
const partnershipsInTheme = (db: Db, area: string) =>
  db
    .select({ id: partnershipAreas.partnershipId })
    .from(partnershipAreas)
    .innerJoin(areas, eq(areas.id, partnershipAreas.areaId))
    .where(eq(theme, area));

function conversationsIn(db: Db, p: Period, area: string | null) {
  return and(
    within(conversations.createdAt, p),
    area ? inArray(conversations.itemId, itemsInTheme(db, area)) : undefined,
  );
}

function partnershipsIn(db: Db, p: Period, area: string | null) {
  return and(
    within(partnerships.agreedAt, p),
    area ? inArray(partnerships.id, partnershipsInTheme(db, area)) : undefined,
  );
}

/** Conversations opened per Sofia month (also the dashboard's, decision 048). */
export function conversationsPerMonth(db: Db, p: Period, area: string | null) {
  const openedMonth = sofiaMonth(conversations.createdAt);
  return db
    .select({ month: openedMonth, count: countDistinct(conversations.id) })
    .from(conversations)
    .where(conversationsIn(db, p, area))
    .groupBy(openedMonth);
}

/** Partnerships agreed per Sofia month (also the dashboard's, decision 048). */
export function partnershipsPerMonth(db: Db, p: Period, area: string | null) {
  const agreedMonth = sofiaMonth(partnerships.agreedAt);
  return db
    .select({ month: agreedMonth, count: countDistinct(partnerships.id) })
    .from(partnerships)
    .where(partnershipsIn(db, p, area))
    .groupBy(agreedMonth);
}

/** Conversations opened and partnerships agreed per month, per theme, per organisation and per pair. */
export async function conversationActivity(
  db: Db,
  p: Period,
  area: string | null,
): Promise<ConversationActivity> {
  const [opened, agreed, openedPerArea, agreedPerArea, owners, interested, pairs] = await Promise.all([
    conversationsPerMonth(db, p, area),
    partnershipsPerMonth(db, p, area),
    db
      .select({ areaId: theme, count: countDistinct(conversations.id) })
      .from(conversations)
      .innerJoin(boardItemAreas, eq(boardItemAreas.itemId, conversations.itemId))
      .innerJoin(areas, eq(areas.id, boardItemAreas.areaId))
      .where(and(within(conversations.createdAt, p), area ? eq(theme, area) : undefined))
      .groupBy(theme),
    db
      .select({ areaId: theme, count: countDistinct(partnerships.id) })
      .from(partnerships)
      .innerJoin(partnershipAreas, eq(partnershipAreas.partnershipId, partnerships.id))
      .innerJoin(areas, eq(areas.id, partnershipAreas.areaId))
      .where(and(within(partnerships.agreedAt, p), area ? eq(theme, area) : undefined))
      .groupBy(theme),
    db
      .select({ organizationId: conversations.ownerOrganizationId, count: countDistinct(conversations.id) })
      .from(conversations)
      .where(conversationsIn(db, p, area))
      .groupBy(conversations.ownerOrganizationId),
    db
      .select({
        organizationId: conversations.interestedOrganizationId,
        count: countDistinct(conversations.id),
      })
      .from(conversations)
      .where(conversationsIn(db, p, area))
      .groupBy(conversations.interestedOrganizationId),
    db
      .select({
        a: partnerships.ownerOrganizationId,
        b: partnerships.partnerOrganizationId,
        count: countDistinct(partnerships.id),
      })
      .from(partnerships)
      .where(partnershipsIn(db, p, area))
      .groupBy(partnerships.ownerOrganizationId, partnerships.partnerOrganizationId),
  ]);

  const months = tally<'month'>('month');
  for (const r of opened) months.at(r.month).conversations += r.count;
  for (const r of agreed) months.at(r.month).partnerships += r.count;

  const themes = tally<'areaId'>('areaId');
  for (const r of openedPerArea) themes.at(r.areaId).conversations += r.count;
  for (const r of agreedPerArea) themes.at(r.areaId).partnerships += r.count;

  const orgs = tally<'organizationId'>('organizationId');
  for (const r of [...owners, ...interested]) orgs.at(r.organizationId).conversations += r.count;
  for (const r of pairs) {
    orgs.at(r.a).partnerships += r.count;
    orgs.at(r.b).partnerships += r.count;
  }

  const byKey =
    <T>(key: (x: T) => string) =>
    (x: T, y: T) =>
      key(x).localeCompare(key(y));
  return {
    perMonth: months.rows().sort(byKey((r) => r.month)),
    perArea: themes.rows().sort(byKey((r) => r.areaId)),
    perOrganization: orgs.rows(),
    partnershipPairs: pairs,
  };
}
