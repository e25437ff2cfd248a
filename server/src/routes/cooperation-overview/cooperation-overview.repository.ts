import {
  and,
  areas,
  asc,
  boardItemAreas,
  boardItems,
  conversations,
  type Db,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  memberships,
  ne,
  notInArray,
  organizationAreas,
  organizations,
  resourceBookings,
  type SQLWrapper,
  sharedResources,
  sql,
  toIso,
} from '@portal/db';
import type { AreaRef, BoardItemType, UnansweredRequest } from '@portal/shared';

/**
 * Read-only aggregates over the board and the bookings for the committee's overview (issue 14 §5, decision
 * 037). Months are Sofia calendar months; a period is `[start, end)` as instants (Sofia midnights).
 */

export interface Period {
  /** The first month (`YYYY-MM`). */
  from: string;
  /** The month after the last one: the period ends at its first instant. */
  after: string;
}

/** Sofia's midnight at the start of `month` (`YYYY-MM`), as an instant (the database knows the DST rules). */
export const sofiaMidnight = (month: string) =>
  sql`((${month} || '-01')::timestamp at time zone 'Europe/Sofia')`;

/** `YYYY-MM` of an instant in Sofia. */
export const sofiaMonth = (column: SQLWrapper) =>
  sql<string>`to_char(${column} at time zone 'Europe/Sofia', 'YYYY-MM')`;

/** The theme (top-level area) of an area row. */
export const theme = sql<string>`coalesce(${areas.parentId}, ${areas.id})`;

export const countDistinct = (column: SQLWrapper) => sql<number>`count(distinct ${column})::int`;

/** The themes (top-level areas) in taxonomy order. */
export function themes(db: Db): Promise<AreaRef[]> {
  return db
    .select({ id: areas.id, nameBg: areas.nameBg, nameEn: areas.nameEn })
    .from(areas)
    .where(isNull(areas.parentId))
    .orderBy(asc(areas.position), asc(areas.id));
}

/** Ids of the board items tagged with an area of `area` (a theme). */
export const itemsInTheme = (db: Db, area: string) =>
  db
    .select({ id: boardItemAreas.itemId })
    .from(boardItemAreas)
    .innerJoin(areas, eq(areas.id, boardItemAreas.areaId))
    .where(eq(theme, area));

/** Ids of the organisations with an area of `area` (a theme) on their profile. */
export const organizationsInTheme = (db: Db, area: string) =>
  db
    .select({ id: organizationAreas.organizationId })
    .from(organizationAreas)
    .innerJoin(areas, eq(areas.id, organizationAreas.areaId))
    .where(eq(theme, area));

const publishedIn = (p: Period) =>
  and(
    isNotNull(boardItems.publishedAt),
    gte(boardItems.publishedAt, sofiaMidnight(p.from)),
    lt(boardItems.publishedAt, sofiaMidnight(p.after)),
  );

/** Items published per Sofia month and type (each item once). */
export function itemsPerMonth(
  db: Db,
  p: Period,
  area: string | null,
): Promise<{ month: string; type: BoardItemType; count: number }[]> {
  const month = sofiaMonth(boardItems.publishedAt);
  return db
    .select({ month, type: boardItems.type, count: countDistinct(boardItems.id) })
    .from(boardItems)
    .where(and(publishedIn(p), area ? inArray(boardItems.id, itemsInTheme(db, area)) : undefined))
    .groupBy(month, boardItems.type)
    .orderBy(month, boardItems.type);
}

/** Items published in the period per theme and type (an item in two themes counts in each). */
export function itemsPerArea(
  db: Db,
  p: Period,
  area: string | null,
): Promise<{ areaId: string; type: BoardItemType; count: number }[]> {
  return db
    .select({ areaId: theme, type: boardItems.type, count: countDistinct(boardItems.id) })
    .from(boardItems)
    .innerJoin(boardItemAreas, eq(boardItemAreas.itemId, boardItems.id))
    .innerJoin(areas, eq(areas.id, boardItemAreas.areaId))
    .where(and(publishedIn(p), area ? eq(theme, area) : undefined))
    .groupBy(theme, boardItems.type)
    .orderBy(theme, boardItems.type);
}

/** Items published in the period per organisation. */
export function itemsPerOrganization(
  db: Db,
  p: Period,
  area: string | null,
): Promise<{ organizationId: string; count: number }[]> {
  return db
    .select({ organizationId: boardItems.organizationId, count: countDistinct(boardItems.id) })
    .from(boardItems)
    .where(and(publishedIn(p), area ? inArray(boardItems.id, itemsInTheme(db, area)) : undefined))
    .groupBy(boardItems.organizationId);
}

/** Confirmed bookings starting in the period between two different organisations, optionally in a theme. */
function confirmedBookings(db: Db, p: Period, area: string | null) {
  return and(
    eq(resourceBookings.status, 'confirmed'),
    gte(resourceBookings.startsAt, sofiaMidnight(p.from)),
    lt(resourceBookings.startsAt, sofiaMidnight(p.after)),
    area
      ? sql`(${inArray(resourceBookings.organizationId, organizationsInTheme(db, area))} or ${inArray(
          sharedResources.organizationId,
          organizationsInTheme(db, area),
        )})`
      : undefined,
  );
}

/** Confirmed bookings between two organisations per Sofia month of their start. */
export function bookingsPerMonth(
  db: Db,
  p: Period,
  area: string | null,
): Promise<{ month: string; count: number }[]> {
  const month = sofiaMonth(resourceBookings.startsAt);
  return db
    .select({ month, count: countDistinct(resourceBookings.id) })
    .from(resourceBookings)
    .innerJoin(sharedResources, eq(sharedResources.id, resourceBookings.resourceId))
    .where(
      and(
        confirmedBookings(db, p, area),
        ne(resourceBookings.organizationId, sharedResources.organizationId),
      ),
    )
    .groupBy(month)
    .orderBy(month);
}

/**
 * Confirmed bookings in the period per pair (booking organisation, owner of the resource), bookings of
 * one's own resources left out: the links of the network and the members' booking counts.
 */
export function bookingPairs(
  db: Db,
  p: Period,
  area: string | null,
): Promise<{ bookerId: string; ownerId: string; count: number }[]> {
  return db
    .select({
      bookerId: resourceBookings.organizationId,
      ownerId: sharedResources.organizationId,
      count: countDistinct(resourceBookings.id),
    })
    .from(resourceBookings)
    .innerJoin(sharedResources, eq(sharedResources.id, resourceBookings.resourceId))
    .where(
      and(
        confirmedBookings(db, p, area),
        ne(resourceBookings.organizationId, sharedResources.organizationId),
      ),
    )
    .groupBy(resourceBookings.organizationId, sharedResources.organizationId);
}

/** Names of organisations by id (one statement). */
export function organizationNames(
  db: Db,
  ids: string[],
): Promise<{ id: string; nameBg: string; nameEn: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: organizations.id, nameBg: organizations.nameBg, nameEn: organizations.nameEn })
    .from(organizations)
    .where(inArray(organizations.id, ids));
}

/**
 * Requests on the board now (published, valid today in Sofia) that no one has answered: no conversation
 * is about them. Optionally in a theme; the oldest first.
 */
export async function openRequests(
  db: Db,
  today: string,
  area: string | null,
  limit: number,
): Promise<UnansweredRequest[]> {
  const rows = await db
    .select({
      id: boardItems.id,
      titleBg: boardItems.titleBg,
      titleEn: boardItems.titleEn,
      organizationId: boardItems.organizationId,
      organizationNameBg: organizations.nameBg,
      organizationNameEn: organizations.nameEn,
      publishedAt: boardItems.publishedAt,
      validUntil: boardItems.validUntil,
    })
    .from(boardItems)
    .innerJoin(organizations, eq(organizations.id, boardItems.organizationId))
    .where(
      and(
        eq(boardItems.kind, 'request'),
        eq(boardItems.status, 'published'),
        gte(boardItems.validUntil, today),
        notInArray(boardItems.id, db.select({ id: conversations.itemId }).from(conversations)),
        area ? inArray(boardItems.id, itemsInTheme(db, area)) : undefined,
      ),
    )
    .orderBy(asc(boardItems.publishedAt), asc(boardItems.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt ? toIso(r.publishedAt) : '' }));
}

/** Organisations that are active members now, optionally only those in a theme: the network's nodes. */
export function activeMembers(
  db: Db,
  area: string | null,
): Promise<{ id: string; nameBg: string; nameEn: string; kind: string }[]> {
  return db
    .select({
      id: organizations.id,
      nameBg: organizations.nameBg,
      nameEn: organizations.nameEn,
      kind: organizations.kind,
    })
    .from(organizations)
    .innerJoin(memberships, eq(memberships.organizationId, organizations.id))
    .where(
      and(
        eq(memberships.status, 'active'),
        ne(memberships.category, 'candidate'),
        area ? inArray(organizations.id, organizationsInTheme(db, area)) : undefined,
      ),
    )
    .orderBy(asc(organizations.nameBg), asc(organizations.id));
}

/** Each organisation's themes in taxonomy order (for the colour of its node). */
export function organizationThemes(
  db: Db,
  ids: string[],
): Promise<{ organizationId: string; areaId: string; position: number }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  const parent = sql<number>`coalesce((select p.position from areas p where p.id = ${areas.parentId}), ${areas.position})`;
  return db
    .selectDistinct({ organizationId: organizationAreas.organizationId, areaId: theme, position: parent })
    .from(organizationAreas)
    .innerJoin(areas, eq(areas.id, organizationAreas.areaId))
    .where(inArray(organizationAreas.organizationId, ids))
    .orderBy(asc(organizationAreas.organizationId), asc(parent), asc(theme));
}
