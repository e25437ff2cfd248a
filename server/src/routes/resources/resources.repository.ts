import {
  alias,
  and,
  asc,
  calendarFeeds,
  type Db,
  eq,
  gt,
  inArray,
  lt,
  memberships,
  ne,
  or,
  organizations,
  resourceBookings,
  resourcePhotos,
  type SQL,
  sharedResources,
  toIso,
} from '@portal/db';
import type {
  Booking,
  BookingStatus,
  CalendarEntry,
  ResourceCreateBody,
  ResourcePhoto,
  SharedResource,
} from '@portal/shared';

/** Shared resources and their bookings in the database (decision 029; decision 034). */

// ---------- resources ----------

/** A resource's own columns (also the organisation export's, so the two cannot drift apart). */
export const resourceTableColumns = {
  id: sharedResources.id,
  organizationId: sharedResources.organizationId,
  kind: sharedResources.kind,
  nameBg: sharedResources.nameBg,
  nameEn: sharedResources.nameEn,
  descriptionBg: sharedResources.descriptionBg,
  descriptionEn: sharedResources.descriptionEn,
  location: sharedResources.location,
  capacity: sharedResources.capacity,
  conditions: sharedResources.conditions,
  feeCents: sharedResources.feeCents,
  feeUnit: sharedResources.feeUnit,
  whoMayBook: sharedResources.whoMayBook,
  minNoticeHours: sharedResources.minNoticeHours,
  maxBookingHours: sharedResources.maxBookingHours,
  openingHours: sharedResources.openingHours,
  active: sharedResources.active,
  version: sharedResources.version,
  updatedAt: sharedResources.updatedAt,
};

/** A resource with its owner's names, as the API gives it. */
export const resourceColumns = {
  ...resourceTableColumns,
  organizationNameBg: organizations.nameBg,
  organizationNameEn: organizations.nameEn,
};

type ResourceRow = Omit<SharedResource, 'updatedAt'> & { updatedAt: Date };
const toResource = (r: ResourceRow): SharedResource => ({ ...r, updatedAt: toIso(r.updatedAt) });

/**
 * Resources in name order: active ones, and also the inactive ones of `ownOrganizationIds` (a
 * representative sees their own organisation's withdrawn resources). One statement.
 */
export async function findResources(
  db: Db,
  filter: { kind?: SharedResource['kind']; organizationId?: string; ownOrganizationIds: readonly string[] },
): Promise<SharedResource[]> {
  const visible = filter.ownOrganizationIds.length
    ? or(
        eq(sharedResources.active, true),
        inArray(sharedResources.organizationId, [...filter.ownOrganizationIds]),
      )
    : eq(sharedResources.active, true);
  const conditions: (SQL | undefined)[] = [visible];
  if (filter.kind) conditions.push(eq(sharedResources.kind, filter.kind));
  if (filter.organizationId) conditions.push(eq(sharedResources.organizationId, filter.organizationId));
  const rows = await db
    .select(resourceColumns)
    .from(sharedResources)
    .innerJoin(organizations, eq(organizations.id, sharedResources.organizationId))
    .where(and(...conditions))
    .orderBy(asc(sharedResources.nameBg), asc(sharedResources.id));
  return rows.map(toResource);
}

/** One resource; `lock` holds its row for the transaction (an update's exact "before"). */
export async function findResource(db: Db, id: string, lock = false): Promise<SharedResource | null> {
  const query = db
    .select(resourceColumns)
    .from(sharedResources)
    .innerJoin(organizations, eq(organizations.id, sharedResources.organizationId))
    .where(eq(sharedResources.id, id));
  const [row] = lock ? await query.for('update', { of: sharedResources }) : await query;
  return row ? toResource(row) : null;
}

export async function insertResource(db: Db, body: ResourceCreateBody): Promise<string> {
  const [row] = await db.insert(sharedResources).values(body).returning({ id: sharedResources.id });
  return row!.id;
}

/** Writes every field if the version is still `version`; false when someone else changed it first. */
export async function updateResource(
  db: Db,
  id: string,
  version: number,
  values: Omit<ResourceCreateBody, 'organizationId'>,
): Promise<boolean> {
  const rows = await db
    .update(sharedResources)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(sharedResources.id, id), eq(sharedResources.version, version)))
    .returning({ id: sharedResources.id });
  return rows.length === 1;
}

/** An organisation's membership now (status and category), or null when it has none. */
export async function findMembership(
  db: Db,
  organizationId: string,
): Promise<{ status: string; category: string } | null> {
  const [row] = await db
    .select({ status: memberships.status, category: memberships.category })
    .from(memberships)
    .where(eq(memberships.organizationId, organizationId));
  return row ?? null;
}

// ---------- bookings ----------

const bookingColumns = {
  id: resourceBookings.id,
  resourceId: resourceBookings.resourceId,
  resourceNameBg: sharedResources.nameBg,
  resourceNameEn: sharedResources.nameEn,
  ownerOrganizationId: sharedResources.organizationId,
  organizationId: resourceBookings.organizationId,
  organizationNameBg: organizations.nameBg,
  organizationNameEn: organizations.nameEn,
  startsAt: resourceBookings.startsAt,
  endsAt: resourceBookings.endsAt,
  status: resourceBookings.status,
  reason: resourceBookings.reason,
  createdAt: resourceBookings.createdAt,
  updatedAt: resourceBookings.updatedAt,
};

type BookingRow = Omit<Booking, 'startsAt' | 'endsAt' | 'createdAt' | 'updatedAt'> & {
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  updatedAt: Date;
};
const toBooking = (r: BookingRow): Booking => ({
  ...r,
  startsAt: toIso(r.startsAt),
  endsAt: toIso(r.endsAt),
  createdAt: toIso(r.createdAt),
  updatedAt: toIso(r.updatedAt),
});

const bookingsQuery = (db: Db) =>
  db
    .select(bookingColumns)
    .from(resourceBookings)
    .innerJoin(sharedResources, eq(sharedResources.id, resourceBookings.resourceId))
    .innerJoin(organizations, eq(organizations.id, resourceBookings.organizationId));

/** One booking with its resource's owner; `lock` holds the booking's row for the transaction. */
export async function findBooking(db: Db, id: string, lock = false): Promise<Booking | null> {
  const query = bookingsQuery(db).where(eq(resourceBookings.id, id));
  const [row] = lock ? await query.for('update', { of: resourceBookings }) : await query;
  return row ? toBooking(row) : null;
}

export async function insertBooking(
  db: Db,
  values: { resourceId: string; organizationId: string; requestedBy: string; startsAt: Date; endsAt: Date },
): Promise<string> {
  const [row] = await db.insert(resourceBookings).values(values).returning({ id: resourceBookings.id });
  return row!.id;
}

/** Moves a booking to `status`; the exclusion constraint refuses a confirmation that would overlap. */
export async function setBookingStatus(
  db: Db,
  id: string,
  status: BookingStatus,
  reason: string | null,
  decidedBy: string,
): Promise<void> {
  await db
    .update(resourceBookings)
    .set({ status, reason, decidedBy, updatedAt: new Date() })
    .where(eq(resourceBookings.id, id));
}

const overlaps = (from: Date, to: Date) =>
  and(lt(resourceBookings.startsAt, to), gt(resourceBookings.endsAt, from));

/** The first confirmed booking of the resource overlapping [from, to), other than `exceptId`. */
export async function findConfirmedClash(
  db: Db,
  resourceId: string,
  from: Date,
  to: Date,
  exceptId?: string,
): Promise<{ id: string; startsAt: string; endsAt: string } | null> {
  const [row] = await db
    .select({ id: resourceBookings.id, startsAt: resourceBookings.startsAt, endsAt: resourceBookings.endsAt })
    .from(resourceBookings)
    .where(
      and(
        eq(resourceBookings.resourceId, resourceId),
        eq(resourceBookings.status, 'confirmed'),
        overlaps(from, to),
        exceptId ? ne(resourceBookings.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(resourceBookings.startsAt))
    .limit(1);
  return row ? { id: row.id, startsAt: toIso(row.startsAt), endsAt: toIso(row.endsAt) } : null;
}

/** The confirmed bookings of a resource overlapping [from, to), in time order: when, not who. */
export async function findCalendar(
  db: Db,
  resourceId: string,
  from: Date,
  to: Date,
): Promise<CalendarEntry[]> {
  const rows = await db
    .select({
      id: resourceBookings.id,
      resourceId: resourceBookings.resourceId,
      startsAt: resourceBookings.startsAt,
      endsAt: resourceBookings.endsAt,
    })
    .from(resourceBookings)
    .where(
      and(
        eq(resourceBookings.resourceId, resourceId),
        eq(resourceBookings.status, 'confirmed'),
        overlaps(from, to),
      ),
    )
    .orderBy(asc(resourceBookings.startsAt));
  return rows.map((r) => ({ ...r, startsAt: toIso(r.startsAt), endsAt: toIso(r.endsAt) }));
}

/**
 * An organisation's bookings overlapping [from, to): those it asked for and those of its resources, in
 * time order, optionally of one status. One statement.
 */
export async function findOrganizationBookings(
  db: Db,
  organizationId: string,
  from: Date,
  to: Date,
  status?: BookingStatus,
): Promise<Booking[]> {
  const rows = await bookingsQuery(db)
    .where(
      and(
        or(
          eq(resourceBookings.organizationId, organizationId),
          eq(sharedResources.organizationId, organizationId),
        ),
        overlaps(from, to),
        status ? eq(resourceBookings.status, status) : undefined,
      ),
    )
    .orderBy(asc(resourceBookings.startsAt), asc(resourceBookings.id));
  return rows.map(toBooking);
}

// ---------- iCalendar feeds ----------

export type FeedSubject = { organizationId: string } | { resourceId: string };
const feedWhere = (subject: FeedSubject) =>
  'organizationId' in subject
    ? eq(calendarFeeds.organizationId, subject.organizationId)
    : eq(calendarFeeds.resourceId, subject.resourceId);

/** The feed of an organisation or resource (when it was made), or null when it has none. */
export async function findFeed(db: Db, subject: FeedSubject): Promise<{ createdAt: Date } | null> {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(feedWhere(subject));
  return row ?? null;
}

/** Replaces the subject's feed token (the old hash goes, so its URL stops working). */
export async function replaceFeed(
  db: Db,
  subject: FeedSubject,
  tokenHash: string,
  createdBy: string,
): Promise<{ createdAt: Date }> {
  await db.delete(calendarFeeds).where(feedWhere(subject));
  const [row] = await db
    .insert(calendarFeeds)
    .values({ ...subject, tokenHash, createdBy })
    .returning({ createdAt: calendarFeeds.createdAt });
  return row!;
}

/** Is `tokenHash` the current token of the subject's feed? */
export async function feedTokenMatches(db: Db, subject: FeedSubject, tokenHash: string): Promise<boolean> {
  const [row] = await db
    .select({ id: calendarFeeds.id })
    .from(calendarFeeds)
    .where(and(feedWhere(subject), eq(calendarFeeds.tokenHash, tokenHash)));
  return Boolean(row);
}

export interface FeedBooking {
  id: string;
  resourceId: string;
  resourceNameBg: string;
  resourceNameEn: string;
  location: string;
  ownerOrganizationId: string;
  ownerNameBg: string;
  ownerNameEn: string;
  organizationId: string;
  organizationNameBg: string;
  organizationNameEn: string;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
}

/**
 * The confirmed bookings of a feed's subject overlapping [from, to), in time order: an organisation's
 * (asked for and of its resources) or one resource's. One statement.
 */
export async function findFeedBookings(
  db: Db,
  subject: FeedSubject,
  from: Date,
  to: Date,
): Promise<FeedBooking[]> {
  const owner = alias(organizations, 'owner');
  return db
    .select({
      id: resourceBookings.id,
      resourceId: resourceBookings.resourceId,
      resourceNameBg: sharedResources.nameBg,
      resourceNameEn: sharedResources.nameEn,
      location: sharedResources.location,
      ownerOrganizationId: sharedResources.organizationId,
      ownerNameBg: owner.nameBg,
      ownerNameEn: owner.nameEn,
      organizationId: resourceBookings.organizationId,
      organizationNameBg: organizations.nameBg,
      organizationNameEn: organizations.nameEn,
      startsAt: resourceBookings.startsAt,
      endsAt: resourceBookings.endsAt,
      updatedAt: resourceBookings.updatedAt,
    })
    .from(resourceBookings)
    .innerJoin(sharedResources, eq(sharedResources.id, resourceBookings.resourceId))
    .innerJoin(organizations, eq(organizations.id, resourceBookings.organizationId))
    .innerJoin(owner, eq(owner.id, sharedResources.organizationId))
    .where(
      and(
        eq(resourceBookings.status, 'confirmed'),
        overlaps(from, to),
        'organizationId' in subject
          ? or(
              eq(resourceBookings.organizationId, subject.organizationId),
              eq(sharedResources.organizationId, subject.organizationId),
            )
          : eq(resourceBookings.resourceId, subject.resourceId),
      ),
    )
    .orderBy(asc(resourceBookings.startsAt), asc(resourceBookings.id));
}

// ---------- photos ----------

const photoColumns = {
  id: resourcePhotos.id,
  position: resourcePhotos.position,
  width: resourcePhotos.width,
  height: resourcePhotos.height,
};

/** A resource's photos in their order (no bytes). */
export async function findPhotos(db: Db, resourceId: string): Promise<ResourcePhoto[]> {
  return db
    .select(photoColumns)
    .from(resourcePhotos)
    .where(eq(resourcePhotos.resourceId, resourceId))
    .orderBy(asc(resourcePhotos.position), asc(resourcePhotos.createdAt));
}

/** One rendition's bytes, or null. */
export async function findPhotoBytes(
  db: Db,
  resourceId: string,
  photoId: string,
  size: 'large' | 'small',
): Promise<Buffer | null> {
  const [row] = await db
    .select({ bytes: size === 'large' ? resourcePhotos.large : resourcePhotos.small })
    .from(resourcePhotos)
    .where(and(eq(resourcePhotos.resourceId, resourceId), eq(resourcePhotos.id, photoId)));
  return row ? Buffer.from(row.bytes) : null;
}

export async function insertPhoto(
  db: Db,
  values: {
    resourceId: string;
    position: number;
    sourceType: string;
    large: Buffer;
    small: Buffer;
    width: number;
    height: number;
  },
): Promise<ResourcePhoto> {
  const [row] = await db.insert(resourcePhotos).values(values).returning(photoColumns);
  return row!;
}

export async function deletePhoto(
  db: Db,
  resourceId: string,
  photoId: string,
): Promise<ResourcePhoto | null> {
  const [row] = await db
    .delete(resourcePhotos)
    .where(and(eq(resourcePhotos.resourceId, resourceId), eq(resourcePhotos.id, photoId)))
    .returning(photoColumns);
  return row ?? null;
}

export async function setPhotoPosition(db: Db, photoId: string, position: number): Promise<void> {
  await db.update(resourcePhotos).set({ position }).where(eq(resourcePhotos.id, photoId));
}
