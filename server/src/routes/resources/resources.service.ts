import { constraintViolation, type Db } from '@portal/db';
import {
  type AuditAction,
  type Booking,
  type BookingRequestBody,
  type BookingStatus,
  bookingIssues,
  type CalendarEntry,
  type OrganizationBookingsQuery,
  type Principal,
  type ResourceCreateBody,
  type ResourceListQuery,
  type ResourceUpdateBody,
  type SharedResource,
  seesResourcesAsCandidate,
  sofiaDateTime,
} from '@portal/shared';
import { recordAudit, type SignedInActor } from '../../audit.ts';
import { AppError } from '../../errors.ts';
import {
  findBooking,
  findCalendar,
  findConfirmedClash,
  findMembership,
  findOrganizationBookings,
  findResource,
  findResources,
  insertBooking,
  insertResource,
  setBookingStatus,
  updateResource as writeResource,
} from './resources.repository.ts';

/**
 * Shared resources with booking (issue 14 §3, decision 034). A representative of an active member shares
 * its resources; a representative asks for a booking for their organisation; the owner's representatives
 * confirm or decline it; either side cancels. Two confirmed bookings of one resource never overlap: the
 * database's exclusion constraint `resource_bookings_no_overlap` refuses the second, however the requests
 * interleave, and the service answers 409 naming the confirmed booking it clashes with.
 */

const NO_OVERLAP = 'resource_bookings_no_overlap';
export const resourceNotFound = () => new AppError('resource.not_found', 404);
export const bookingNotFound = () => new AppError('booking.not_found', 404);

// ---------- resources ----------

/**
 * The resources `principal` may see: every active one (and, with `includeInactive`, their own withdrawn
 * ones); a candidate for membership only those open to applicants, and its own (decision 034).
 */
export async function listResources(
  db: Db,
  principal: Principal,
  query: ResourceListQuery,
): Promise<{ items: SharedResource[] }> {
  const items = await findResources(db, {
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.organizationId ? { organizationId: query.organizationId } : {}),
    ownOrganizationIds: query.includeInactive ? principal.organizationIds : [],
  });
  return { items: items.filter((r) => candidateMaySee(principal, r)) };
}

/** Members, the committee and admins see every resource; a candidate those open to applicants and its own. */
const candidateMaySee = (principal: Principal, r: SharedResource) =>
  !seesResourcesAsCandidate(principal) ||
  r.whoMayBook === 'members_and_applicants' ||
  principal.organizationIds.includes(r.organizationId);

/**
 * A resource to read (its page, calendar, photos): as `getResource`, and a candidate for membership is told
 * (403 `resource.members_only`, in its language) that a members-only resource is not for it.
 */
export async function viewResource(db: Db, principal: Principal, id: string): Promise<SharedResource> {
  const resource = await getResource(db, principal, id);
  if (!candidateMaySee(principal, resource)) throw new AppError('resource.members_only', 403);
  return resource;
}

/** A resource as `principal` may see it: an inactive one only to its own organisation's representatives. */
export async function getResource(db: Db, principal: Principal, id: string): Promise<SharedResource> {
  const resource = await findResource(db, id);
  if (!resource || (!resource.active && !principal.organizationIds.includes(resource.organizationId))) {
    throw resourceNotFound();
  }
  return resource;
}

const auditable = ({
  organizationNameBg: _bg,
  organizationNameEn: _en,
  updatedAt: _u,
  ...r
}: SharedResource) => r;

export async function createResource(
  db: Db,
  actor: SignedInActor,
  body: ResourceCreateBody,
): Promise<SharedResource> {
  return db.transaction(async (tx) => {
    const id = await insertResource(tx, body);
    const created = (await findResource(tx, id))!;
    await recordAudit(tx, actor, {
      action: 'resource.created',
      entityType: 'shared_resource',
      entityId: id,
      after: auditable(created),
    });
    return created;
  });
}

/** Changes every field of a resource if `body.version` is still current (409 `resource.stale` if not). */
export async function updateResource(
  db: Db,
  actor: SignedInActor,
  id: string,
  { version, ...values }: ResourceUpdateBody,
): Promise<SharedResource> {
  return db.transaction(async (tx) => {
    const before = await findResource(tx, id, true);
    if (!before) throw resourceNotFound();
    if (!(await writeResource(tx, id, version, values))) throw new AppError('resource.stale', 409);
    const after = (await findResource(tx, id))!;
    await recordAudit(tx, actor, {
      action: 'resource.updated',
      entityType: 'shared_resource',
      entityId: id,
      before: auditable(before),
      after: auditable(after),
    });
    return after;
  });
}

export async function resourceCalendar(
  db: Db,
  principal: Principal,
  id: string,
  range: { from: string; to: string },
): Promise<{ items: CalendarEntry[] }> {
  await viewResource(db, principal, id);
  return { items: await findCalendar(db, id, new Date(range.from), new Date(range.to)) };
}

// ---------- bookings ----------

function clashError(clash: { startsAt: string; endsAt: string }): AppError {
  return new AppError('booking.clash', 409, {
    values: { startsAt: sofiaDateTime(clash.startsAt), endsAt: sofiaDateTime(clash.endsAt) },
  });
}

/**
 * May `organizationId` book `resource`? An active member may; a candidate for membership (an admitted
 * organisation in the `candidate` category, not yet a full member) only where the owner allows applicants.
 */
async function mayBook(db: Db, principal: Principal, organizationId: string, resource: SharedResource) {
  if (principal.memberOrganizationIds.includes(organizationId)) return true;
  if (resource.whoMayBook !== 'members_and_applicants') return false;
  const membership = await findMembership(db, organizationId);
  return membership?.status === 'active' && membership.category === 'candidate';
}

/**
 * Asks for a booking. Bad ranges are field errors (ends before it starts, in the past, too little notice,
 * too long, outside the opening hours in Sofia); a range that overlaps a confirmed booking is refused at
 * once with 409 naming it (the constraint still decides at confirmation).
 */
export async function requestBooking(
  db: Db,
  actor: SignedInActor,
  principal: Principal,
  resourceId: string,
  body: BookingRequestBody,
  now = new Date(),
): Promise<Booking> {
  const resource = await findResource(db, resourceId);
  if (!resource?.active) throw resourceNotFound();
  if (!(await mayBook(db, principal, body.organizationId, resource))) {
    throw new AppError('booking.not_allowed', 403);
  }
  const issues = bookingIssues(body, resource, now);
  if (issues.length) {
    throw new AppError('validation.failed', 400, {
      fields: issues.map((i) => ({ path: i.path, code: i.code, ...(i.values ? { values: i.values } : {}) })),
    });
  }
  const startsAt = new Date(body.startsAt);
  const endsAt = new Date(body.endsAt);
  const clash = await findConfirmedClash(db, resourceId, startsAt, endsAt);
  if (clash) throw clashError(clash);
  return db.transaction(async (tx) => {
    const id = await insertBooking(tx, {
      resourceId,
      organizationId: body.organizationId,
      requestedBy: actor.userId,
      startsAt,
      endsAt,
    });
    const booking = (await findBooking(tx, id))!;
    await recordAudit(tx, actor, {
      action: 'booking.requested',
      entityType: 'resource_booking',
      entityId: id,
      after: snapshot(booking),
    });
    return booking;
  });
}

const snapshot = (b: Booking) => ({
  resourceId: b.resourceId,
  organizationId: b.organizationId,
  startsAt: b.startsAt,
  endsAt: b.endsAt,
  status: b.status,
  reason: b.reason,
});

/** A booking as one of its two sides sees it; anyone else is told it does not exist. */
export async function getBooking(db: Db, principal: Principal, id: string): Promise<Booking> {
  const booking = await findBooking(db, id);
  if (!booking || !isParty(principal, booking)) throw bookingNotFound();
  return booking;
}

export const isParty = (principal: Principal, b: Booking) =>
  principal.organizationIds.includes(b.organizationId) ||
  principal.organizationIds.includes(b.ownerOrganizationId);

/**
 * A request is confirmed days after it was asked for; what held then may not hold now. Confirming checks
 * again that the resource is still shared, that its owner and the booking organisation may still take part
 * (active members; a candidate where the owner allows applicants) and that the booking has not begun.
 * Each refusal is a 409 saying which.
 */
async function confirmable(db: Db, booking: Booking, now: Date): Promise<void> {
  const resource = await findResource(db, booking.resourceId);
  if (!resource?.active) throw new AppError('booking.resource_inactive', 409);
  const owner = await findMembership(db, resource.organizationId);
  if (owner?.status !== 'active' || owner.category === 'candidate') {
    throw new AppError('booking.owner_inactive', 409);
  }
  const requester = await findMembership(db, booking.organizationId);
  const requesterMay =
    requester?.status === 'active' &&
    (requester.category !== 'candidate' || resource.whoMayBook === 'members_and_applicants');
  if (!requesterMay) throw new AppError('booking.requester_inactive', 409);
  if (Date.parse(booking.startsAt) < now.getTime()) {
    throw new AppError('booking.in_past', 409, { values: { startsAt: sofiaDateTime(booking.startsAt) } });
  }
}

type Move = 'confirm' | 'decline' | 'cancel';
const MOVES: Record<Move, { from: BookingStatus[]; to: BookingStatus; action: AuditAction }> = {
  confirm: { from: ['requested'], to: 'confirmed', action: 'booking.confirmed' },
  decline: { from: ['requested'], to: 'declined', action: 'booking.declined' },
  cancel: { from: ['requested', 'confirmed'], to: 'cancelled', action: 'booking.cancelled' },
};

/**
 * Moves a booking (the route has checked who may): the owner confirms or declines a request; either side
 * cancels a request or a confirmed booking. A confirmation that would overlap a confirmed booking is
 * refused by the exclusion constraint; the transaction rolls back and the answer is 409 naming the booking
 * that holds the time (committed by then: PostgreSQL made this one wait for it).
 */
export async function moveBooking(
  db: Db,
  actor: SignedInActor,
  id: string,
  move: Move,
  reason: string | null,
  now = new Date(),
): Promise<Booking> {
  const { from, to } = MOVES[move];
  try {
    return await db.transaction(async (tx) => {
      const before = await findBooking(tx, id, true);
      if (!before) throw bookingNotFound();
      if (!from.includes(before.status)) {
        throw new AppError('booking.transition_invalid', 409, { values: { status: before.status } });
      }
      if (move === 'confirm') await confirmable(tx, before, now);
      await setBookingStatus(tx, id, to, reason, actor.userId);
      const after = (await findBooking(tx, id))!;
      await recordAudit(tx, actor, {
        action: MOVES[move].action,
        entityType: 'resource_booking',
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  } catch (error) {
    const violation = constraintViolation(error);
    if (violation?.kind !== 'exclusion' || violation.constraint !== NO_OVERLAP) throw error;
    const booking = await findBooking(db, id);
    const clash =
      booking &&
      (await findConfirmedClash(
        db,
        booking.resourceId,
        new Date(booking.startsAt),
        new Date(booking.endsAt),
        id,
      ));
    throw clash
      ? clashError(clash)
      : new AppError('booking.clash', 409, { values: { startsAt: '?', endsAt: '?' } });
  }
}

export async function organizationBookings(
  db: Db,
  organizationId: string,
  query: OrganizationBookingsQuery,
): Promise<{ items: Booking[] }> {
  return {
    items: await findOrganizationBookings(
      db,
      organizationId,
      new Date(query.from),
      new Date(query.to),
      query.status,
    ),
  };
}
