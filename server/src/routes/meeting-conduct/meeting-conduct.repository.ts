import {
  and,
  asc,
  type Db,
  decisions,
  eq,
  governingBodies,
  inArray,
  isNull,
  meetingAgendaItems,
  meetingBallots,
  meetingItemVotes,
  meetingParticipants,
  meetings,
  sql,
  toIso,
  userOrganizations,
} from '@portal/db';
import type { AttendanceKind, ItemTally, ItemVoteMode, VoteChoice } from '@portal/shared';

/** What happens at a meeting, in the database (decision 043): attendance, item votes and ballots. */

/** The meeting with its rules and body (locked for update when `lock`: every act at a meeting takes it). */
export async function findMeeting(db: Db, meetingId: string, lock = false) {
  const q = db
    .select({
      id: meetings.id,
      bodyId: meetings.bodyId,
      titleBg: meetings.titleBg,
      titleEn: meetings.titleEn,
      status: meetings.status,
      quorum: meetings.quorum,
      majority: meetings.majority,
      allowsProxy: meetings.allowsProxy,
      heldAt: meetings.heldAt,
    })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export async function findBodyName(db: Db, bodyId: string) {
  const [row] = await db
    .select({ nameBg: governingBodies.nameBg, nameEn: governingBodies.nameEn })
    .from(governingBodies)
    .where(eq(governingBodies.id, bodyId));
  return row ?? { nameBg: '', nameEn: '' };
}

/** The seats of the meeting by name. */
export async function findSeats(db: Db, meetingId: string) {
  return db
    .select({
      id: meetingParticipants.id,
      name: meetingParticipants.name,
      userId: meetingParticipants.userId,
      organizationId: meetingParticipants.organizationId,
      attendance: meetingParticipants.attendance,
      proxyId: meetingParticipants.attendanceProxyId,
    })
    .from(meetingParticipants)
    .where(eq(meetingParticipants.meetingId, meetingId))
    .orderBy(asc(meetingParticipants.name), asc(meetingParticipants.id));
}
export type SeatRow = Awaited<ReturnType<typeof findSeats>>[number];

/** The names of seats of other meetings (to name a seat given to the wrong meeting). */
export async function findSeatNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: meetingParticipants.id, name: meetingParticipants.name })
    .from(meetingParticipants)
    .where(inArray(meetingParticipants.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function updateAttendance(
  db: Db,
  participantId: string,
  attendance: AttendanceKind,
  proxyId: string | null,
): Promise<void> {
  await db
    .update(meetingParticipants)
    .set({
      attendance,
      attendanceProxyId: proxyId,
      updatedAt: sql`now()`,
      version: sql`${meetingParticipants.version} + 1`,
    })
    .where(eq(meetingParticipants.id, participantId));
}

/** An invited meeting is held once attendance is recorded (decision 043). */
export async function markHeld(db: Db, meetingId: string): Promise<boolean> {
  const rows = await db
    .update(meetings)
    .set({
      status: 'held',
      heldAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${meetings.version} + 1`,
    })
    .where(and(eq(meetings.id, meetingId), eq(meetings.status, 'invited')))
    .returning({ id: meetings.id });
  return rows.length > 0;
}

export async function findAgendaItems(db: Db, meetingId: string) {
  return db
    .select({
      id: meetingAgendaItems.id,
      position: meetingAgendaItems.position,
      kind: meetingAgendaItems.kind,
      titleBg: meetingAgendaItems.titleBg,
      titleEn: meetingAgendaItems.titleEn,
      applicationId: meetingAgendaItems.applicationId,
      organizationId: meetingAgendaItems.organizationId,
    })
    .from(meetingAgendaItems)
    .where(eq(meetingAgendaItems.meetingId, meetingId))
    .orderBy(asc(meetingAgendaItems.position), asc(meetingAgendaItems.id));
}

export async function findAgendaItem(db: Db, meetingId: string, itemId: string) {
  const items = await db
    .select({
      id: meetingAgendaItems.id,
      kind: meetingAgendaItems.kind,
      titleBg: meetingAgendaItems.titleBg,
      applicationId: meetingAgendaItems.applicationId,
      organizationId: meetingAgendaItems.organizationId,
      proposal: meetingAgendaItems.proposal,
      minutesMeetingId: meetingAgendaItems.minutesMeetingId,
    })
    .from(meetingAgendaItems)
    .where(and(eq(meetingAgendaItems.meetingId, meetingId), eq(meetingAgendaItems.id, itemId)));
  return items[0];
}

/** The votes of a meeting's items, with the decision each ended in. */
export async function findItemVotes(db: Db, meetingId: string) {
  const rows = await db
    .select({
      agendaItemId: meetingItemVotes.agendaItemId,
      mode: meetingItemVotes.mode,
      motionBg: meetingItemVotes.motionBg,
      motionEn: meetingItemVotes.motionEn,
      for: meetingItemVotes.votesFor,
      against: meetingItemVotes.votesAgainst,
      abstain: meetingItemVotes.abstentions,
      eligible: meetingItemVotes.eligible,
      outcome: meetingItemVotes.outcome,
      openedAt: meetingItemVotes.openedAt,
      closedAt: meetingItemVotes.closedAt,
      decisionNumber: decisions.number,
    })
    .from(meetingItemVotes)
    .leftJoin(decisions, eq(decisions.agendaItemId, meetingItemVotes.agendaItemId))
    .where(eq(meetingItemVotes.meetingId, meetingId));
  return rows.map((r) => ({ ...r, openedAt: toIso(r.openedAt)!, closedAt: toIso(r.closedAt) }));
}

export async function findItemVote(db: Db, itemId: string) {
  const [row] = await db
    .select({
      mode: meetingItemVotes.mode,
      motionBg: meetingItemVotes.motionBg,
      motionEn: meetingItemVotes.motionEn,
      closedAt: meetingItemVotes.closedAt,
      minutesId: meetingItemVotes.minutesId,
      minutesVersion: meetingItemVotes.minutesVersion,
    })
    .from(meetingItemVotes)
    .where(eq(meetingItemVotes.agendaItemId, itemId));
  return row;
}

/** Opens an item's vote; false when the item has one already. */
export async function insertItemVote(
  db: Db,
  vote: {
    agendaItemId: string;
    meetingId: string;
    mode: ItemVoteMode;
    motionBg: string;
    motionEn: string;
    recordedBy: string;
    /** A minutes item: the draft put to the vote, as read (decision 046). */
    minutesId?: string;
    minutesVersion?: number;
  },
): Promise<boolean> {
  const rows = await db
    .insert(meetingItemVotes)
    .values(vote)
    .onConflictDoNothing()
    .returning({ id: meetingItemVotes.agendaItemId });
  return rows.length > 0;
}

/** The ballots of a meeting's items with the seat's name. */
export async function findBallots(db: Db, meetingId: string) {
  return db
    .select({
      agendaItemId: meetingBallots.agendaItemId,
      participantId: meetingBallots.participantId,
      name: meetingParticipants.name,
      choice: meetingBallots.choice,
    })
    .from(meetingBallots)
    .innerJoin(meetingParticipants, eq(meetingParticipants.id, meetingBallots.participantId))
    .where(eq(meetingParticipants.meetingId, meetingId))
    .orderBy(asc(meetingParticipants.name));
}

/** A seat's ballot on an item: one per seat (the key), a later one replaces it while the vote is open. */
export async function upsertBallot(
  db: Db,
  ballot: { agendaItemId: string; participantId: string; choice: VoteChoice; castBy: string },
): Promise<void> {
  await db
    .insert(meetingBallots)
    .values(ballot)
    .onConflictDoUpdate({
      target: [meetingBallots.agendaItemId, meetingBallots.participantId],
      set: { choice: sql`excluded.choice`, castBy: sql`excluded.cast_by`, castAt: sql`now()` },
    });
}

/** The count of an item's ballots (only seats present or represented count). */
export async function countBallots(db: Db, itemId: string, seatIds: string[]): Promise<ItemTally> {
  const out: ItemTally = { for: 0, against: 0, abstain: 0 };
  if (seatIds.length === 0) return out;
  const rows = await db
    .select({ choice: meetingBallots.choice, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(meetingBallots)
    .where(and(eq(meetingBallots.agendaItemId, itemId), inArray(meetingBallots.participantId, seatIds)))
    .groupBy(meetingBallots.choice);
  for (const r of rows) out[r.choice] = r.n;
  return out;
}

/** Closes an item's vote unless it is closed (a second close is a no-op); true when this call closed it. */
export async function closeItemVote(
  db: Db,
  itemId: string,
  closing: ItemTally & {
    eligible: number;
    outcome: 'approved' | 'rejected' | 'no_quorum';
    recordedBy: string;
  },
): Promise<boolean> {
  const rows = await db
    .update(meetingItemVotes)
    .set({
      votesFor: closing.for,
      votesAgainst: closing.against,
      abstentions: closing.abstain,
      eligible: closing.eligible,
      outcome: closing.outcome,
      recordedBy: closing.recordedBy,
      closedAt: sql`now()`,
      version: sql`${meetingItemVotes.version} + 1`,
    })
    .where(and(eq(meetingItemVotes.agendaItemId, itemId), isNull(meetingItemVotes.closedAt)))
    .returning({ id: meetingItemVotes.agendaItemId });
  return rows.length > 0;
}

/** Which of `userIds` represent `organizationId` (its representatives' accounts). */
export async function representativesAmong(
  db: Db,
  organizationId: string,
  userIds: string[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: userOrganizations.userId })
    .from(userOrganizations)
    .where(
      and(eq(userOrganizations.organizationId, organizationId), inArray(userOrganizations.userId, userIds)),
    );
  return rows.map((r) => r.userId);
}
