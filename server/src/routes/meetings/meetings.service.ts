import { createHash } from 'node:crypto';
import {
  and,
  applications,
  areas,
  asc,
  boardItems,
  count,
  type Db,
  desc,
  eq,
  governingBodies,
  gte,
  inArray,
  isNull,
  lt,
  meetingAgendaItems,
  meetingDocuments,
  meetingMinutes,
  meetingParticipants,
  meetings,
  memberships,
  ne,
  organizations,
  sql,
} from '@portal/db';
import {
  type AgendaItem,
  type AgendaItemBody,
  type AgendaItemUpdateBody,
  addDays,
  agendaOpen,
  can,
  type Meeting,
  type MeetingCancelBody,
  type MeetingCreateBody,
  type MeetingDocument,
  type MeetingFields,
  type MeetingListQuery,
  type MeetingListResponse,
  type MeetingUpdateBody,
  type MembershipProposal,
  type Principal,
  type RsvpBody,
  sofiaInstant,
  sofiaWallClock,
  todayInSofia,
} from '@portal/shared';
import { recordAudit, type SignedInActor } from '../../audit.ts';
import { AppError, type FieldIssue, fieldError } from '../../errors.ts';
import { recordEvent } from '../../events/events.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { findMemberOrganizations, findPositions } from '../bodies/bodies.repository.ts';
import { bodyMembersOn } from '../bodies/bodies.service.ts';
import { mayRunMeetingsOf, seatsOf } from './access.ts';

/**
 * Meetings of the governing bodies (issue 15 §2, decision 041): planning, the agenda and its documents,
 * invitations, RSVPs and the day-before reminder. Attendance, quorum and votes are the conduct's
 * (server/src/routes/meeting-conduct/). Every change is one transaction with its audit event and the
 * event that becomes the emails (invitation, update, cancellation: each with the .ics, same uid).
 */

type MeetingRow = typeof meetings.$inferSelect;
type ItemRow = typeof meetingAgendaItems.$inferSelect;
type ParticipantRow = typeof meetingParticipants.$inferSelect;

const notFound = () => new AppError('meeting.not_found', 404);
const stale = () => new AppError('meeting.stale', 409);

/** Application states an agenda may take up: submitted and not yet decided. */
const OPEN_APPLICATION_STATES = ['submitted', 'under_review', 'changes_requested', 'in_vote'] as const;

// ---------- reading ----------

async function loadMeeting(db: Db, id: string, lock = false): Promise<MeetingRow> {
  const q = db.select().from(meetings).where(eq(meetings.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound();
  return row;
}

/** May `user` see a meeting: members, committee and administrators (meetings.view), or its own seats. */
async function mayView(db: Db, user: Principal, meeting: MeetingRow): Promise<boolean> {
  if (canViewAll(user)) return true;
  if ((await seatsOf(db, user, meeting.id)).length > 0) return true;
  return mayRunMeetingsOf(db, user, meeting.bodyId);
}

/** Every meeting is open to the members, the committee and administrators (`meetings.view`). */
function canViewAll(user: Principal): boolean {
  return can(user, 'meetings.view');
}

export async function listMeetings(
  db: Db,
  user: Principal,
  query: MeetingListQuery,
  now = new Date(),
): Promise<MeetingListResponse> {
  const conditions = [
    query.when === 'upcoming' ? gte(meetings.endsAt, now) : lt(meetings.endsAt, now),
    ...(query.bodyId ? [eq(meetings.bodyId, query.bodyId)] : []),
  ];
  if (!canViewAll(user)) {
    // Only the meetings the caller has a seat at (a named person's account without a membership).
    conditions.push(
      sql`exists (select 1 from ${meetingParticipants} p where p.meeting_id = ${meetings.id}
        and (p.user_id = ${user.id} or p.organization_id in ${user.memberOrganizationIds.length ? user.memberOrganizationIds : ['00000000-0000-0000-0000-000000000000']}))`,
    );
  }
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(meetings).where(where);
  const rows = await db
    .select({ m: meetings, nameBg: governingBodies.nameBg, nameEn: governingBodies.nameEn })
    .from(meetings)
    .innerJoin(governingBodies, eq(governingBodies.id, meetings.bodyId))
    .where(where)
    .orderBy(query.when === 'upcoming' ? asc(meetings.startsAt) : desc(meetings.startsAt), asc(meetings.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const bodies = await db.select({ id: governingBodies.id }).from(governingBodies);
  const manageable: string[] = [];
  for (const b of bodies) if (await mayRunMeetingsOf(db, user, b.id)) manageable.push(b.id);
  return {
    items: rows.map((r) => ({ ...summary(r.m), bodyNameBg: r.nameBg, bodyNameEn: r.nameEn })),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    manageableBodyIds: manageable,
  };
}

function summary(m: MeetingRow) {
  return {
    id: m.id,
    bodyId: m.bodyId,
    titleBg: m.titleBg,
    titleEn: m.titleEn,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    place: m.place,
    onlineUrl: m.onlineUrl,
    status: m.status,
  };
}

export async function getMeeting(db: Db, user: Principal, id: string): Promise<Meeting> {
  const m = await loadMeeting(db, id);
  if (!(await mayView(db, user, m))) throw notFound();
  const manage = await mayRunMeetingsOf(db, user, m.bodyId);
  const mySeats = await seatsOf(db, user, id);
  const [body] = await db.select().from(governingBodies).where(eq(governingBodies.id, m.bodyId));
  const items = await db
    .select({ i: meetingAgendaItems, nameBg: organizations.nameBg, nameEn: organizations.nameEn })
    .from(meetingAgendaItems)
    .leftJoin(organizations, eq(organizations.id, meetingAgendaItems.organizationId))
    .where(eq(meetingAgendaItems.meetingId, id))
    .orderBy(asc(meetingAgendaItems.position));
  const docs = await db
    .select({
      id: meetingDocuments.id,
      agendaItemId: meetingDocuments.agendaItemId,
      filename: meetingDocuments.filename,
      size: meetingDocuments.size,
      uploadedAt: meetingDocuments.uploadedAt,
    })
    .from(meetingDocuments)
    .where(eq(meetingDocuments.meetingId, id))
    .orderBy(asc(meetingDocuments.uploadedAt));
  const seats = await db
    .select()
    .from(meetingParticipants)
    .where(eq(meetingParticipants.meetingId, id))
    .orderBy(asc(meetingParticipants.name));
  return {
    ...summary(m),
    bodyNameBg: body?.nameBg ?? '',
    bodyNameEn: body?.nameEn ?? '',
    quorum: m.quorum,
    majority: m.majority,
    allowsProxy: m.allowsProxy,
    minutesVisibility: m.minutesVisibility,
    sequence: m.sequence,
    invitedAt: m.invitedAt?.toISOString() ?? null,
    heldAt: m.heldAt?.toISOString() ?? null,
    cancelledAt: m.cancelledAt?.toISOString() ?? null,
    cancelReason: m.cancelReason,
    version: m.version,
    agenda: items.map((r) => toItem(r.i, r.nameBg, r.nameEn)),
    documents: docs.map(toDocument),
    participants: seats.map((p) => {
      // Answers are the officers' and each seat's own; the others see who is invited.
      const open = manage || mySeats.includes(p.id);
      return {
        id: p.id,
        name: p.name,
        positionId: p.positionId,
        organizationId: p.organizationId,
        invitedAt: p.invitedAt?.toISOString() ?? null,
        rsvp: open ? p.rsvp : null,
        rsvpProxyId: open ? p.rsvpProxyId : null,
        rsvpAt: open ? (p.rsvpAt?.toISOString() ?? null) : null,
        attendance: p.attendance,
        attendanceProxyId: p.attendanceProxyId,
      };
    }),
    mySeats,
    mayManage: manage,
  };
}

function toItem(i: ItemRow, nameBg: string | null = null, nameEn: string | null = null): AgendaItem {
  return {
    id: i.id,
    position: i.position,
    kind: i.kind,
    titleBg: i.titleBg,
    titleEn: i.titleEn,
    notesBg: i.notesBg,
    notesEn: i.notesEn,
    applicationId: i.applicationId,
    organizationId: i.organizationId,
    organizationNameBg: nameBg,
    organizationNameEn: nameEn,
    proposal: i.proposal ?? null,
    boardItemId: i.boardItemId,
    minutesMeetingId: i.minutesMeetingId,
    areaId: i.areaId,
    version: i.version,
  };
}

function toDocument(d: {
  id: string;
  agendaItemId: string | null;
  filename: string;
  size: number;
  uploadedAt: Date;
}): MeetingDocument {
  return { ...d, uploadedAt: d.uploadedAt.toISOString() };
}

// ---------- planning ----------

/** The instants of the fields' Sofia day and times; the end after the start (field errors). */
export function meetingTimes(input: Pick<MeetingFields, 'date' | 'startTime' | 'endTime'>): {
  startsAt: Date;
  endsAt: Date;
} {
  const startsAt = new Date(sofiaInstant(input.date, input.startTime));
  const endsAt = new Date(sofiaInstant(input.date, input.endTime));
  if (endsAt.getTime() <= startsAt.getTime()) throw fieldError('body.endTime', 'meetings.end_before_start');
  return { startsAt, endsAt };
}

function snapshot(m: MeetingRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = m;
  return rest;
}

async function assertManager(db: Db, user: Principal, bodyId: string): Promise<void> {
  if (!(await mayRunMeetingsOf(db, user, bodyId))) throw new AppError('auth.forbidden', 403);
}

export async function createMeeting(
  db: Db,
  actor: SignedInActor,
  user: Principal,
  input: MeetingCreateBody,
): Promise<string> {
  const { startsAt, endsAt } = meetingTimes(input);
  return db.transaction(async (tx) => {
    const [body] = await tx.select().from(governingBodies).where(eq(governingBodies.id, input.bodyId));
    if (!body) throw fieldError('body.bodyId', 'meetings.body_unknown');
    await assertManager(tx, user, body.id);
    const [row] = await tx
      .insert(meetings)
      .values({
        bodyId: body.id,
        titleBg: input.titleBg,
        titleEn: input.titleEn,
        startsAt,
        endsAt,
        place: input.place,
        onlineUrl: input.onlineUrl,
        minutesVisibility: input.minutesVisibility,
        quorum: body.quorum,
        majority: body.majority,
        allowsProxy: body.allowsProxy,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'meeting.created',
      entityType: 'meeting',
      entityId: row!.id,
      after: snapshot(row!),
    });
    return row!.id;
  });
}

/** The meeting, locked, for an officer's change while it is still planned or invited. */
async function openForChange(tx: Db, user: Principal, id: string): Promise<MeetingRow> {
  const m = await loadMeeting(tx, id, true);
  await assertManager(tx, user, m.bodyId);
  if (!agendaOpen(m.status)) {
    throw new AppError('meeting.transition_invalid', 409, { values: { status: m.status } });
  }
  return m;
}

export async function updateMeeting(
  db: Db,
  actor: SignedInActor,
  user: Principal,
  id: string,
  { version, ...input }: MeetingUpdateBody,
): Promise<void> {
  const { startsAt, endsAt } = meetingTimes(input);
  await db.transaction(async (tx) => {
    const before = await openForChange(tx, user, id);
    const moved =
      before.startsAt.getTime() !== startsAt.getTime() ||
      before.endsAt.getTime() !== endsAt.getTime() ||
      before.place !== input.place ||
      before.onlineUrl !== input.onlineUrl;
    const [after] = await tx
      .update(meetings)
      .set({
        titleBg: input.titleBg,
        titleEn: input.titleEn,
        startsAt,
        endsAt,
        place: input.place,
        onlineUrl: input.onlineUrl,
        minutesVisibility: input.minutesVisibility,
        sequence: moved ? before.sequence + 1 : before.sequence,
        // A meeting moved to another day gets its reminder again.
        remindedAt: moved ? null : before.remindedAt,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(meetings.id, id), eq(meetings.version, version)))
      .returning();
    if (!after) throw stale();
    await recordAudit(tx, actor, {
      action: 'meeting.updated',
      entityType: 'meeting',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    if (moved && after.invitedAt) {
      await recordEvent(tx, {
        type: 'meeting.changed',
        payload: { meetingId: id, sequence: after.sequence },
      });
    }
  });
}

export async function cancelMeeting(
  db: Db,
  actor: SignedInActor,
  user: Principal,
  id: string,
  input: MeetingCancelBody,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await openForChange(tx, user, id);
    const [after] = await tx
      .update(meetings)
      .set({
        status: 'cancelled',
        cancelledAt: new Date(),
        cancelReason: input.reason,
        sequence: before.sequence + 1,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(meetings.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'meeting.cancelled',
      entityType: 'meeting',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after!),
    });
    if (before.invitedAt) {
      await recordEvent(tx, { type: 'meeting.cancelled', payload: { meetingId: id } });
    }
  });
}

// ---------- agenda ----------

/** Checks what an item links to (field errors, nothing saved) and returns the columns to write. */
async function agendaColumns(tx: Db, meeting: MeetingRow, input: AgendaItemBody) {
  const base = {
    kind: input.kind,
    titleBg: input.titleBg,
    titleEn: input.titleEn,
    notesBg: input.notesBg,
    notesEn: input.notesEn,
    applicationId: null as string | null,
    organizationId: null as string | null,
    proposal: null as MembershipProposal | null,
    boardItemId: null as string | null,
    minutesMeetingId: null as string | null,
    areaId: null as string | null,
  };
  const issues: FieldIssue[] = [];
  if (input.kind !== 'strategy' && input.areaId) {
    issues.push({ path: 'body.areaId', code: 'meetings.area_not_allowed' });
  }
  if (input.kind !== 'minutes' && input.minutesMeetingId) {
    issues.push({ path: 'body.minutesMeetingId', code: 'meetings.minutes_not_allowed' });
  }
  if (input.kind === 'application') {
    if (!input.applicationId) {
      issues.push({ path: 'body.applicationId', code: 'meetings.link_required' });
    } else {
      const [app] = await tx
        .select({ state: applications.state })
        .from(applications)
        .where(eq(applications.id, input.applicationId));
      if (!app) issues.push({ path: 'body.applicationId', code: 'meetings.application_unknown' });
      else if (!(OPEN_APPLICATION_STATES as readonly string[]).includes(app.state))
        issues.push({ path: 'body.applicationId', code: 'meetings.application_not_open' });
      else base.applicationId = input.applicationId;
    }
  } else if (input.kind === 'membership') {
    if (!input.organizationId) {
      issues.push({ path: 'body.organizationId', code: 'meetings.link_required' });
    } else {
      const [member] = await tx
        .select({ id: memberships.organizationId })
        .from(memberships)
        .where(
          and(
            eq(memberships.organizationId, input.organizationId),
            ne(memberships.category, 'candidate'),
            inArray(memberships.status, ['active', 'suspended']),
          ),
        );
      if (!member) issues.push({ path: 'body.organizationId', code: 'meetings.organization_not_member' });
      else base.organizationId = input.organizationId;
    }
    if (!input.proposal) issues.push({ path: 'body.proposal', code: 'meetings.proposal_invalid' });
    else base.proposal = input.proposal;
  } else if (input.kind === 'board_item') {
    if (!input.boardItemId) {
      issues.push({ path: 'body.boardItemId', code: 'meetings.link_required' });
    } else {
      const [item] = await tx
        .select({ id: boardItems.id })
        .from(boardItems)
        .where(eq(boardItems.id, input.boardItemId));
      if (!item) issues.push({ path: 'body.boardItemId', code: 'meetings.board_item_unknown' });
      else base.boardItemId = input.boardItemId;
    }
  } else if (input.kind === 'minutes') {
    const code = input.minutesMeetingId
      ? await minutesMeetingProblem(tx, meeting, input.minutesMeetingId)
      : 'meetings.link_required';
    if (code) issues.push({ path: 'body.minutesMeetingId', code });
    else base.minutesMeetingId = input.minutesMeetingId;
  } else if (input.kind === 'strategy') {
    if (!input.areaId) {
      issues.push({ path: 'body.areaId', code: 'meetings.link_required' });
    } else {
      const [area] = await tx.select({ id: areas.id }).from(areas).where(eq(areas.id, input.areaId));
      if (!area) issues.push({ path: 'body.areaId', code: 'meetings.area_unknown' });
      else base.areaId = input.areaId;
    }
  }
  if (issues.length > 0) throw new AppError('validation.failed', 400, { fields: issues });
  return base;
}

/**
 * Why `minutesMeetingId` cannot be a minutes item of `meeting` (decision 046), or null: it must be an
 * earlier meeting (starting before this one) of the same body, not cancelled, whose latest revision of the
 * minutes is a draft.
 */
async function minutesMeetingProblem(
  tx: Db,
  meeting: MeetingRow,
  minutesMeetingId: string,
): Promise<MessageKey | null> {
  const [earlier] = await tx
    .select({ bodyId: meetings.bodyId, startsAt: meetings.startsAt, status: meetings.status })
    .from(meetings)
    .where(eq(meetings.id, minutesMeetingId));
  if (!earlier || earlier.bodyId !== meeting.bodyId) return 'meetings.minutes_meeting_unknown';
  if (earlier.startsAt.getTime() >= meeting.startsAt.getTime()) return 'meetings.minutes_meeting_not_earlier';
  if (earlier.status === 'cancelled') return 'meetings.minutes_meeting_cancelled';
  const [latest] = await tx
    .select({ status: meetingMinutes.status })
    .from(meetingMinutes)
    .where(eq(meetingMinutes.meetingId, minutesMeetingId))
    .orderBy(desc(meetingMinutes.revision))
    .limit(1);
  if (latest?.status !== 'draft') return 'meetings.minutes_no_draft';
  return null;
}

export async function addAgendaItem(
  db: Db,
  actor: SignedInActor,
  user: Principal,
  meetingId: string,
  input: AgendaItemBody,
): Promise<void> {
  await db.transaction(async (tx) => {
    const meeting = await openForChange(tx, user, meetingId);
    const columns = await agendaColumns(tx, meeting, input);
    const [last] = await tx
      .select({ n: sql<number>`coalesce(max(${meetingAgendaItems.position}), 0)::int` })
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, meetingId));
    const [row] = await tx
      .insert(meetingAgendaItems)
      .values({ meetingId, position: (last?.n ?? 0) + 1, ...columns })
      .returning();
    await recordAudit(tx, actor, {
      action: 'meeting.agenda_item_added',
      entityType: 'meeting',
      entityId: meetingId,
      after: itemSnapshot(row!),
    });
  });
}

function itemSnapshot(i: ItemRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = i;
  return rest;
}

async function loadItem(tx: Db, meetingId: string, itemId: string): Promise<ItemRow> {
  const [row] = await tx
    .select()
    .from(meetingAgendaItems)
    .where(and(eq(meetingAgendaItems.id, itemId), eq(meetingAgendaItems.meetingId, meetingId)));
  if (!row) throw new AppError('meeting.item_not_found', 404);
  return row;
}

export async function updateAgendaItem(
  db: Db,
  actor: SignedInActor,
  user: Principal,
  meetingId: string,
  itemId: string,
  { version, ...input }: AgendaItemUpdateBody,
): Promise<void> {
  await db.transaction(async (tx) => {
    const meeting = await openForChange(tx, user, meetingId);
    const before = await loadItem(tx, meetingId, itemId);
    const columns = await agendaColumns(tx, meeting, input);
    const [after] = await tx
      .update(meetingAgendaItems)
      .set({ ...columns, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(meetingAgendaItems.id, itemId), eq(meetingAgendaItems.version, version)))
      .returning();
    if (!after) throw stale();
    await recordAudit(tx, actor, {
      action: 'meeting.agenda_item_updated',
      entityType: 'meeting',
      entityId: meetingId,
      before: itemSnapshot(before),
      after: itemSnapshot(after),
    });
  });
}

export async function removeAgendaItem(
  db: Db,
  actor: SignedInActor,
  user: Principal,
  meetingId: string,
  itemId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await openForChange(tx, user, meetingId);
    const before = await loadItem(tx, meetingId, itemId);
    await tx.delete(meetingAgendaItems).where(eq(meetingAgendaItems.id, itemId));
    // Close the gap: positions stay 1..n.
    await tx
      .update(meetingAgendaItems)
      .set({ position: sql`${meetingAgendaItems.position} - 1` })
      .where(
        and(
          eq(meetingAgendaItems.meetingId, meetingId),
          sql`${meetingAgendaItems.position} > ${before.position}`,
        ),
      );
    await recordAudit(tx, actor, {
      action: 'meeting.agenda_item_removed',
      entityType: 'meeting',
      entityId: meetingId,
      before: itemSnapshot(before),
    });
  });
}

export async function reorderAgenda(
  db: Db,
  actor: SignedInActor,
  user: Principal,
  meetingId: string,
  itemIds: string[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await openForChange(tx, user, meetingId);
    const items = await tx
      .select({ id: meetingAgendaItems.id, position: meetingAgendaItems.position })
      .from(meetingAgendaItems)
      .where(eq(meetingAgendaItems.meetingId, meetingId));
    const known = new Set(items.map((i) => i.id));
    if (
      new Set(itemIds).size !== itemIds.length ||
      itemIds.length !== known.size ||
      itemIds.some((x) => !known.has(x))
    )
      throw fieldError('body.itemIds', 'meetings.order_incomplete');
    for (const [index, id] of itemIds.entries()) {
      await tx
        .update(meetingAgendaItems)
        .set({ position: index + 1 })
        .where(eq(meetingAgendaItems.id, id));
    }
    await recordAudit(tx, actor, {
      action: 'meeting.agenda_reordered',
      entityType: 'meeting',
      entityId: meetingId,
      before: { order: [...items].sort((a, b) => a.position - b.position).map((i) => i.id) },
      after: { order: itemIds },
    });
  });
}

// ---------- documents ----------

export const MAX_MEETING_DOCUMENTS = 30;

export async function addMeetingDocument(
  db: Db,
  actor: SignedInActor,
  user: Principal,
  meetingId: string,
  document: { agendaItemId: string | null; filename: string; content: Buffer },
): Promise<MeetingDocument> {
  return db.transaction(async (tx) => {
    await openForChange(tx, user, meetingId);
    if (document.agendaItemId) {
      const [item] = await tx
        .select({ id: meetingAgendaItems.id })
        .from(meetingAgendaItems)
        .where(
          and(eq(meetingAgendaItems.id, document.agendaItemId), eq(meetingAgendaItems.meetingId, meetingId)),
        );
      if (!item) throw fieldError('querystring.agendaItemId', 'meetings.item_unknown');
    }
    const [n] = await tx
      .select({ n: count() })
      .from(meetingDocuments)
      .where(eq(meetingDocuments.meetingId, meetingId));
    if ((n?.n ?? 0) >= MAX_MEETING_DOCUMENTS)
      throw new AppError('meeting.documents_full', 409, { values: { max: MAX_MEETING_DOCUMENTS } });
    const [row] = await tx
      .insert(meetingDocuments)
      .values({
        meetingId,
        agendaItemId: document.agendaItemId,
        filename: document.filename,
        size: document.content.length,
        sha256: createHash('sha256').update(document.content).digest('hex'),
        content: document.content,
        uploadedBy: actor.userId,
      })
      .returning({ id: meetingDocuments.id, uploadedAt: meetingDocuments.uploadedAt });
    const info = {
      id: row!.id,
      agendaItemId: document.agendaItemId,
      filename: document.filename,
      size: document.content.length,
      uploadedAt: row!.uploadedAt,
    };
    await recordAudit(tx, actor, {
      action: 'meeting.document_added',
      entityType: 'meeting',
      entityId: meetingId,
      after: {
        documentId: info.id,
        agendaItemId: info.agendaItemId,
        filename: info.filename,
        size: info.size,
      },
    });
    return toDocument(info);
  });
}

export async function removeMeetingDocument(
  db: Db,
  actor: SignedInActor,
  user: Principal,
  meetingId: string,
  documentId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await openForChange(tx, user, meetingId);
    const [gone] = await tx
      .delete(meetingDocuments)
      .where(and(eq(meetingDocuments.id, documentId), eq(meetingDocuments.meetingId, meetingId)))
      .returning({ id: meetingDocuments.id, filename: meetingDocuments.filename });
    if (!gone) throw new AppError('meeting.document_not_found', 404);
    await recordAudit(tx, actor, {
      action: 'meeting.document_removed',
      entityType: 'meeting',
      entityId: meetingId,
      before: { documentId, filename: gone.filename },
    });
  });
}

export async function loadMeetingDocument(
  db: Db,
  user: Principal,
  meetingId: string,
  documentId: string,
): Promise<{ filename: string; content: Buffer }> {
  const m = await loadMeeting(db, meetingId);
  if (!(await mayView(db, user, m))) throw notFound();
  const [doc] = await db
    .select({ filename: meetingDocuments.filename, content: meetingDocuments.content })
    .from(meetingDocuments)
    .where(and(eq(meetingDocuments.id, documentId), eq(meetingDocuments.meetingId, meetingId)));
  if (!doc) throw new AppError('meeting.document_not_found', 404);
  return doc;
}

// ---------- invitations ----------

/**
 * Sends the invitations: the body's members on the meeting's day become seats (positions: the holder's
 * account or a named person; the general assembly: each member organisation) and each new seat is
 * invited. Sending again adds the seats missing since and invites only them. Returns how many were new.
 */
export async function sendInvitations(
  db: Db,
  actor: SignedInActor,
  user: Principal,
  meetingId: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const m = await openForChange(tx, user, meetingId);
    const day = sofiaWallClock(m.startsAt).date;
    const members = await bodyMembersOn(tx, m.bodyId, day);
    const existing = await tx
      .select({
        positionId: meetingParticipants.positionId,
        organizationId: meetingParticipants.organizationId,
      })
      .from(meetingParticipants)
      .where(eq(meetingParticipants.meetingId, meetingId));
    const now = new Date();
    const seats: (typeof meetingParticipants.$inferInsert)[] = [];
    if (members.kind === 'people') {
      const named = new Map((await findPositions(tx, [m.bodyId])).map((p) => [p.id, p]));
      const have = new Set(existing.map((e) => e.positionId));
      for (const h of members.holders) {
        if (have.has(h.positionId)) continue;
        const p = named.get(h.positionId);
        const erased = p?.holderErasedAt !== null || p?.userErased;
        const name = erased ? '—' : ((p?.userId ? p.userName : p?.personName) ?? '—');
        seats.push({ meetingId, positionId: h.positionId, userId: h.userId, name, invitedAt: now });
      }
    } else {
      const names = new Map((await findMemberOrganizations(tx)).map((o) => [o.id, o.nameBg]));
      const have = new Set(existing.map((e) => e.organizationId));
      for (const id of members.organizationIds) {
        if (have.has(id)) continue;
        seats.push({ meetingId, organizationId: id, name: names.get(id) ?? '—', invitedAt: now });
      }
    }
    const added = seats.length
      ? await tx.insert(meetingParticipants).values(seats).returning({ id: meetingParticipants.id })
      : [];
    const [after] = await tx
      .update(meetings)
      .set({ status: 'invited', invitedAt: m.invitedAt ?? now, version: m.version + 1, updatedAt: now })
      .where(eq(meetings.id, meetingId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'meeting.invitations_sent',
      entityType: 'meeting',
      entityId: meetingId,
      before: { status: m.status, invitedAt: m.invitedAt },
      after: { status: after!.status, invitedAt: after!.invitedAt, seats: added.map((a) => a.id) },
    });
    if (added.length > 0) {
      await recordEvent(tx, {
        type: 'meeting.invited',
        payload: { meetingId, participantIds: added.map((a) => a.id) },
      });
    }
    return added.length;
  });
}

// ---------- RSVP ----------

/**
 * A seat's answer: yes, no, or a proxy to another seat of the meeting (where the body allows it; not
 * oneself, not a seat whose proxy leads back to this one). Changeable until the meeting starts.
 */
export async function answerRsvp(
  db: Db,
  actor: SignedInActor,
  user: Principal,
  meetingId: string,
  input: RsvpBody,
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const m = await loadMeeting(tx, meetingId, true);
    const mine = await seatsOf(tx, user, meetingId);
    if (!mine.includes(input.participantId)) throw new AppError('auth.forbidden', 403);
    if (m.status !== 'invited' || m.startsAt.getTime() <= now.getTime())
      throw new AppError('meeting.rsvp_closed', 409);
    const seats = await tx
      .select()
      .from(meetingParticipants)
      .where(eq(meetingParticipants.meetingId, meetingId))
      .for('update');
    const before = seats.find((s) => s.id === input.participantId)!;
    let proxyId: string | null = null;
    if (input.answer === 'proxy') {
      if (!m.allowsProxy) throw fieldError('body.answer', 'meetings.proxy_not_allowed');
      if (!input.proxyId) throw fieldError('body.proxyId', 'meetings.proxy_required');
      if (input.proxyId === input.participantId) throw fieldError('body.proxyId', 'meetings.proxy_self');
      const byId = new Map(seats.map((s) => [s.id, s]));
      if (!byId.has(input.proxyId)) throw fieldError('body.proxyId', 'meetings.proxy_unknown');
      // Follow the target's proxies: a chain leading back here would leave no one to vote.
      let next: ParticipantRow | undefined = byId.get(input.proxyId);
      const seen = new Set<string>();
      while (next && next.rsvp === 'proxy' && next.rsvpProxyId && !seen.has(next.id)) {
        seen.add(next.id);
        if (next.rsvpProxyId === input.participantId)
          throw fieldError('body.proxyId', 'meetings.proxy_cycle');
        next = byId.get(next.rsvpProxyId);
      }
      proxyId = input.proxyId;
    } else if (input.proxyId) {
      throw fieldError('body.proxyId', 'meetings.proxy_only_with_proxy');
    }
    const [after] = await tx
      .update(meetingParticipants)
      .set({
        rsvp: input.answer,
        rsvpProxyId: proxyId,
        rsvpAt: now,
        rsvpBy: actor.userId,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(eq(meetingParticipants.id, before.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'meeting.rsvp_answered',
      entityType: 'meeting',
      entityId: meetingId,
      before: { participantId: before.id, rsvp: before.rsvp, proxyId: before.rsvpProxyId },
      after: { participantId: after!.id, rsvp: after!.rsvp, proxyId: after!.rsvpProxyId },
    });
  });
}

// ---------- the day-before reminder ----------

/**
 * Housekeeping: the invited meetings starting tomorrow (Sofia) get their reminder, once (`reminded_at`).
 * Returns how many meetings were reminded of.
 */
export async function remindTomorrowsMeetings(tx: Db, today = todayInSofia()): Promise<number> {
  const due = await tx
    .update(meetings)
    .set({ remindedAt: new Date() })
    .where(
      and(
        eq(meetings.status, 'invited'),
        isNull(meetings.remindedAt),
        gte(meetings.startsAt, new Date(sofiaInstant(addDays(today, 1), '00:00'))),
        lt(meetings.startsAt, new Date(sofiaInstant(addDays(today, 2), '00:00'))),
      ),
    )
    .returning({ id: meetings.id });
  for (const m of due) await recordEvent(tx, { type: 'meeting.reminder', payload: { meetingId: m.id } });
  return due.length;
}
