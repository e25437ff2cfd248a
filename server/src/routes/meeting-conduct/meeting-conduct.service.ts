import type { Db } from '@portal/db';
import {
  type AttendanceBody,
  type AttendanceKind,
  type ConductView,
  can,
  type ItemTally,
  meetingHasQuorum,
  meetingItemOutcome,
  nextState,
  type OpenItemVoteBody,
  type Principal,
  quorumThreshold,
  type VoteChoice,
} from '@portal/shared';
import { recordAudit, type SignedInActor } from '../../audit.ts';
import { AppError, type FieldIssue, fieldError } from '../../errors.ts';
import { loadRow } from '../applications/application-row.ts';
import { insertEvent, updateState } from '../applications/applications.repository.ts';
import { allocateDecisionNumber } from '../decisions/numbers.ts';
import { mayRunMeetingsOf, seatsOf } from '../meetings/access.ts';
import { loadMember } from '../memberships/memberships.service.ts';
import { approveRevision, draftOnTheTable } from '../minutes/minutes.service.ts';
import { decideAdmission } from '../voting/admission-decision.ts';
import { checkMembershipItem, decideMembership } from '../voting/membership-votes.service.ts';
import { insertDecision } from '../voting/voting.repository.ts';
import {
  closeItemVote as closeItemVoteRow,
  countBallots,
  findAgendaItem,
  findAgendaItems,
  findBallots,
  findBodyName,
  findItemVote,
  findItemVotes,
  findMeeting,
  findSeatNames,
  findSeats,
  insertItemVote,
  type MeetingRow,
  markHeld,
  representativesAmong,
  type SeatRow,
  updateAttendance,
  upsertBallot,
} from './meeting-conduct.repository.ts';

/**
 * What happens at a meeting (issue 15 §2, decision 043). Every act takes the meeting's row lock first,
 * which serialises the attendance, the votes and the closes of one meeting: a second close finds the vote
 * closed, two ballots of one seat leave one (the seat is the ballot's key).
 */

export interface Context {
  actor: SignedInActor;
  principal: Principal;
}

const notFound = () => new AppError('conduct.meeting_not_found', 404);

/** The attendance counts of the seats. */
function attendanceOf(seats: Pick<SeatRow, 'attendance'>[]) {
  const n = (k: AttendanceKind) => seats.filter((s) => s.attendance === k).length;
  return { seats: seats.length, present: n('present'), represented: n('proxy'), absent: n('absent') };
}

/** The seats present or represented by a proxy held by a present seat: those whose votes count. */
function votingSeatIds(seats: SeatRow[]): string[] {
  const present = new Set(seats.filter((s) => s.attendance === 'present').map((s) => s.id));
  return seats
    .filter(
      (s) => present.has(s.id) || (s.attendance === 'proxy' && s.proxyId !== null && present.has(s.proxyId)),
    )
    .map((s) => s.id);
}

/** The seats `principal` may cast a ballot for: their own present seats and the seats those hold by proxy. */
function ballotSeatsOf(seats: SeatRow[], mine: string[]): string[] {
  const own = new Set(
    seats.filter((s) => mine.includes(s.id) && s.attendance === 'present').map((s) => s.id),
  );
  return seats
    .filter((s) => own.has(s.id) || (s.attendance === 'proxy' && s.proxyId !== null && own.has(s.proxyId)))
    .map((s) => s.id);
}

/**
 * The seats that do not vote on `item` (decision 046, as the committee's conflict-of-interest rule): on a
 * membership change, the organisation's own seat and the seats of people who represent it.
 */
async function recusedSeatIds(
  db: Db,
  seats: SeatRow[],
  item: { kind: string; organizationId: string | null },
): Promise<string[]> {
  if (item.kind !== 'membership' || !item.organizationId) return [];
  const organizationId = item.organizationId;
  const people = seats.filter((s) => s.userId !== null).map((s) => s.userId!);
  const representatives = new Set(await representativesAmong(db, organizationId, people));
  return seats
    .filter(
      (s) => s.organizationId === organizationId || (s.userId !== null && representatives.has(s.userId)),
    )
    .map((s) => s.id);
}

async function assertRuns(db: Db, principal: Principal, meeting: MeetingRow): Promise<void> {
  if (!(await mayRunMeetingsOf(db, principal, meeting.bodyId))) throw new AppError('auth.forbidden', 403);
}

/** The meeting's attendance, quorum and votes as `principal` sees them (officers, members, its seats). */
export async function getConduct(db: Db, principal: Principal, meetingId: string): Promise<ConductView> {
  const meeting = await findMeeting(db, meetingId);
  if (!meeting) throw notFound();
  const canManage = await mayRunMeetingsOf(db, principal, meeting.bodyId);
  const mine = await seatsOf(db, principal, meetingId);
  if (!canManage && mine.length === 0 && !can(principal, 'meetings.view')) throw notFound();
  const [seats, items, votes, ballots] = await Promise.all([
    findSeats(db, meetingId),
    findAgendaItems(db, meetingId),
    findItemVotes(db, meetingId),
    findBallots(db, meetingId),
  ]);
  const counts = attendanceOf(seats);
  const recused = new Map(
    await Promise.all(items.map(async (i) => [i.id, await recusedSeatIds(db, seats, i)] as const)),
  );
  const voting = votingSeatIds(seats);
  return {
    meetingId,
    status: meeting.status,
    quorum: meeting.quorum,
    majority: meeting.majority,
    allowsProxy: meeting.allowsProxy,
    canManage,
    myVotingSeats: ballotSeatsOf(seats, mine),
    seats: seats.map((s) => ({ id: s.id, name: s.name, attendance: s.attendance, proxyId: s.proxyId })),
    attendance: { ...counts, needed: quorumThreshold(counts.seats, meeting.quorum) },
    quorumMet: meetingHasQuorum(counts, meeting.quorum),
    items: items.map((item) => {
      const vote = votes.find((v) => v.agendaItemId === item.id);
      return {
        id: item.id,
        position: item.position,
        kind: item.kind,
        titleBg: item.titleBg,
        titleEn: item.titleEn,
        vote: vote
          ? {
              mode: vote.mode,
              motionBg: vote.motionBg,
              motionEn: vote.motionEn,
              for: vote.for,
              against: vote.against,
              abstain: vote.abstain,
              eligible: vote.closedAt
                ? vote.eligible
                : voting.filter((id) => !recused.get(item.id)?.includes(id)).length,
              outcome: vote.outcome,
              openedAt: vote.openedAt,
              closedAt: vote.closedAt,
              ballots: ballots
                .filter((b) => b.agendaItemId === item.id)
                .map((b) => ({ participantId: b.participantId, name: b.name, choice: b.choice })),
              recusedSeatIds: recused.get(item.id) ?? [],
              decisionNumber: vote.decisionNumber,
            }
          : null,
      };
    }),
  };
}

/** The meeting locked, run by the caller, in one of `statuses` (else 409 `problem`). */
async function lockRun(
  tx: Db,
  context: Context,
  meetingId: string,
  statuses: readonly string[],
  problem: 'conduct.not_running' | 'conduct.not_held',
): Promise<MeetingRow> {
  const meeting = await findMeeting(tx, meetingId, true);
  if (!meeting) throw notFound();
  await assertRuns(tx, context.principal, meeting);
  if (!statuses.includes(meeting.status)) throw new AppError(problem, 409);
  return meeting;
}

/**
 * Records attendance for seats of the meeting (all or nothing): present, absent, or by proxy to a seat
 * present at the same meeting (where the body allows proxies). The first record moves an invited meeting
 * to held (decision 043).
 */
export async function recordAttendance(
  db: Db,
  context: Context,
  meetingId: string,
  body: AttendanceBody,
): Promise<void> {
  await db.transaction(async (tx) => {
    const meeting = await lockRun(tx, context, meetingId, ['invited', 'held'], 'conduct.not_running');
    const seats = await findSeats(tx, meetingId);
    const byId = new Map(seats.map((s) => [s.id, s]));
    const others = await findSeatNames(
      tx,
      body.entries
        .flatMap((e) => [e.participantId, e.proxyId ?? null])
        .filter((id): id is string => id !== null && !byId.has(id)),
    );
    const nameOf = (id: string) => byId.get(id)?.name ?? others.get(id) ?? id;
    const after = new Map(seats.map((s) => [s.id, { attendance: s.attendance, proxyId: s.proxyId }]));
    const issues: FieldIssue[] = [];
    body.entries.forEach((e, i) => {
      if (!byId.has(e.participantId)) {
        issues.push({
          path: `body.entries.${i}.participantId`,
          code: 'conduct.not_a_seat',
          values: { name: nameOf(e.participantId) },
        });
        return;
      }
      after.set(e.participantId, {
        attendance: e.attendance,
        proxyId: e.attendance === 'proxy' ? (e.proxyId ?? null) : null,
      });
    });
    body.entries.forEach((e, i) => {
      if (e.attendance !== 'proxy' || !byId.has(e.participantId)) return;
      if (!meeting.allowsProxy) {
        issues.push({ path: `body.entries.${i}.attendance`, code: 'conduct.proxy_not_allowed' });
      } else if (!e.proxyId) {
        issues.push({ path: `body.entries.${i}.proxyId`, code: 'conduct.proxy_required' });
      } else if (!byId.has(e.proxyId)) {
        issues.push({
          path: `body.entries.${i}.proxyId`,
          code: 'conduct.not_a_seat',
          values: { name: nameOf(e.proxyId) },
        });
      } else if (e.proxyId === e.participantId || after.get(e.proxyId)?.attendance !== 'present') {
        issues.push({
          path: `body.entries.${i}.proxyId`,
          code: 'conduct.proxy_not_present',
          values: { name: nameOf(e.proxyId) },
        });
      }
    });
    // A seat leaving (absent, or itself by proxy) cannot keep holding another's proxy.
    body.entries.forEach((e, i) => {
      if (e.attendance === 'present' || !byId.has(e.participantId)) return;
      const held = [...after.entries()].find(
        ([, a]) => a.attendance === 'proxy' && a.proxyId === e.participantId,
      );
      if (held) {
        issues.push({
          path: `body.entries.${i}.attendance`,
          code: 'conduct.proxy_not_present',
          values: { name: nameOf(e.participantId) },
        });
      }
    });
    if (issues.length > 0) throw new AppError('validation.failed', 400, { fields: issues });

    const changes = body.entries.filter((e) => {
      const before = byId.get(e.participantId)!;
      const next = after.get(e.participantId)!;
      return before.attendance !== next.attendance || before.proxyId !== next.proxyId;
    });
    for (const e of changes) {
      const next = after.get(e.participantId)!;
      await updateAttendance(tx, e.participantId, next.attendance!, next.proxyId);
    }
    await recordAudit(tx, context.actor, {
      action: 'meeting.attendance_recorded',
      entityType: 'meeting',
      entityId: meetingId,
      before: changes.map((e) => ({
        participantId: e.participantId,
        attendance: byId.get(e.participantId)!.attendance,
        proxyId: byId.get(e.participantId)!.proxyId,
      })),
      after: changes.map((e) => ({ participantId: e.participantId, ...after.get(e.participantId)! })),
    });
    if (await markHeld(tx, meetingId)) {
      await recordAudit(tx, context.actor, {
        action: 'meeting.held',
        entityType: 'meeting',
        entityId: meetingId,
        before: { status: 'invited' },
        after: { status: 'held' },
      });
    }
  });
}

/**
 * Opens the vote on an agenda item with its motion. An application's item moves the application to
 * `in_vote` through the state machine (the committee cannot open a second vote on it meanwhile). A
 * membership item's proposal is checked as the committee's membership vote checks it (decision 046), and
 * the membership is frozen while the vote is open; a minutes item puts the earlier meeting's draft, as it
 * is now (its version), to the vote.
 */
export async function openItemVote(
  db: Db,
  context: Context,
  meetingId: string,
  itemId: string,
  body: OpenItemVoteBody,
): Promise<void> {
  await db.transaction(async (tx) => {
    const meeting = await lockRun(tx, context, meetingId, ['held'], 'conduct.not_held');
    const item = await findAgendaItem(tx, meetingId, itemId);
    if (!item) throw new AppError('conduct.item_not_found', 404);
    if (await findItemVote(tx, itemId)) throw new AppError('conduct.vote_exists', 409);
    if (item.kind === 'membership' && item.organizationId && item.proposal) {
      await checkMembershipItem(tx, item.organizationId, item.proposal);
    }
    const minutes =
      item.kind === 'minutes' && item.minutesMeetingId
        ? await draftOnTheTable(tx, item.minutesMeetingId)
        : undefined;
    if (item.applicationId) {
      const row = await loadRow(tx, item.applicationId, true);
      const to = nextState(row.state, 'open_vote');
      if (!to) throw new AppError('application.transition_invalid', 409, { values: { state: row.state } });
      await updateState(tx, row.id, to, false);
      await insertEvent(tx, row.id, context.actor.userId, {
        kind: 'transition',
        action: 'open_vote',
        from: row.state,
        to,
        audience: 'applicant',
        text: meeting.titleBg,
      });
      await recordAudit(tx, context.actor, {
        action: 'application.open_vote',
        entityType: 'application',
        entityId: row.id,
        before: { state: row.state },
        after: { state: to, meetingId, agendaItemId: itemId },
      });
    }
    const opened = await insertItemVote(tx, {
      agendaItemId: itemId,
      meetingId,
      mode: body.mode,
      motionBg: body.motionBg,
      motionEn: body.motionEn,
      recordedBy: context.actor.userId,
      ...(minutes ? { minutesId: minutes.id, minutesVersion: minutes.version } : {}),
    });
    if (!opened) throw new AppError('conduct.vote_exists', 409);
    await recordAudit(tx, context.actor, {
      action: 'meeting.vote_opened',
      entityType: 'meeting',
      entityId: meetingId,
      after: {
        agendaItemId: itemId,
        mode: body.mode,
        motionBg: body.motionBg,
        motionEn: body.motionEn,
        ...(minutes ? { minutesRevision: minutes.revision, minutesVersion: minutes.version } : {}),
      },
    });
  });
}

/** A seat's ballot (open ballot: recorded with the seat), cast by its present holder or the proxy's holder. */
export async function castItemBallot(
  db: Db,
  context: Context,
  meetingId: string,
  itemId: string,
  ballot: { participantId: string; choice: VoteChoice },
): Promise<void> {
  await db.transaction(async (tx) => {
    const meeting = await findMeeting(tx, meetingId, true);
    if (!meeting) throw notFound();
    const mine = await seatsOf(tx, context.principal, meetingId);
    const seats = await findSeats(tx, meetingId);
    if (mine.length === 0 && !can(context.principal, 'meetings.view')) throw notFound();
    const item = await findAgendaItem(tx, meetingId, itemId);
    if (!item) throw new AppError('conduct.item_not_found', 404);
    const vote = await findItemVote(tx, itemId);
    if (!vote || vote.closedAt) throw new AppError('conduct.no_open_vote', 409);
    if (vote.mode !== 'ballots') throw new AppError('conduct.not_ballots', 409);
    const mayCast = ballotSeatsOf(seats, mine);
    // Without any seat to vote for (an officer or member looking on): not theirs to vote.
    if (mayCast.length === 0) throw new AppError('auth.forbidden', 403);
    if (!mayCast.includes(ballot.participantId)) {
      throw fieldError('body.participantId', 'conduct.not_your_seat');
    }
    if ((await recusedSeatIds(tx, seats, item)).includes(ballot.participantId)) {
      throw new AppError('membership.conflict_of_interest', 403);
    }
    await upsertBallot(tx, { agendaItemId: itemId, ...ballot, castBy: context.actor.userId });
    await recordAudit(tx, context.actor, {
      action: 'meeting.ballot_cast',
      entityType: 'meeting',
      entityId: meetingId,
      after: { agendaItemId: itemId, participantId: ballot.participantId, choice: ballot.choice },
    });
  });
}

/**
 * Closes an item's vote: the count (entered for a `tally` vote, the ballots of the seats present or
 * represented for a `ballots` vote) and the outcome by the meeting's rules. Without quorum nothing is
 * decided (consultation). A carried or rejected motion is numbered in the register (subject `meeting`);
 * an application's item is decided through the one admission path (`decideAdmission`).
 */
export async function closeItemVote(
  db: Db,
  context: Context,
  meetingId: string,
  itemId: string,
  entered: ItemTally | undefined,
): Promise<void> {
  await db.transaction(async (tx) => {
    const meeting = await lockRun(tx, context, meetingId, ['held'], 'conduct.not_held');
    const item = await findAgendaItem(tx, meetingId, itemId);
    if (!item) throw new AppError('conduct.item_not_found', 404);
    const vote = await findItemVote(tx, itemId);
    if (!vote || vote.closedAt) throw new AppError('conduct.no_open_vote', 409);
    const seats = await findSeats(tx, meetingId);
    const counts = attendanceOf(seats);
    const present = votingSeatIds(seats);
    // The organisation concerned by a membership change does not vote on it (decision 046).
    const recusedIds = await recusedSeatIds(tx, seats, item);
    const voting = present.filter((id) => !recusedIds.includes(id));
    const recused = present.length - voting.length;
    const eligible = voting.length;
    let count: ItemTally;
    if (vote.mode === 'tally') {
      if (!entered) throw fieldError('body.tally', 'conduct.tally_required');
      const total = entered.for + entered.against + entered.abstain;
      if (total > eligible) throw fieldError('body.tally', 'conduct.tally_exceeds', { total, eligible });
      count = entered;
    } else {
      count = await countBallots(tx, itemId, voting);
    }
    // The quorum is the meeting's (who is there), not the item's (who may vote on it).
    const quorate = meetingHasQuorum(
      { ...counts, present: counts.present, represented: present.length - counts.present },
      meeting.quorum,
    );
    const outcome = meetingItemOutcome(quorate, count, meeting.majority);
    const closed = await closeItemVoteRow(tx, itemId, {
      ...count,
      eligible,
      outcome,
      recordedBy: context.actor.userId,
    });
    if (!closed) throw new AppError('conduct.no_open_vote', 409);
    const tally = { eligible, recused, ...count };
    await recordAudit(tx, context.actor, {
      action: 'meeting.vote_closed',
      entityType: 'meeting',
      entityId: meetingId,
      after: { agendaItemId: itemId, outcome, tally, quorate },
    });
    const body = await findBodyName(tx, meeting.bodyId);
    const venue = { meetingId, agendaItemId: itemId, bodyNameBg: body.nameBg, bodyNameEn: body.nameEn };
    if (item.kind === 'membership' && item.organizationId && item.proposal) {
      // Under the membership's row lock (after the meeting's): the one membership decision path.
      const row = await loadMember(tx, item.organizationId, true);
      if (outcome === 'no_quorum') return;
      await decideMembership(tx, context.actor, row, item.proposal, outcome, tally, venue);
      return;
    }
    if (item.applicationId) {
      const row = await loadRow(tx, item.applicationId, true);
      await decideAdmission(tx, context.actor, row, {
        outcome,
        tally,
        actorId: context.actor.userId,
        voteSessionId: null,
        meeting: venue,
      });
      return;
    }
    if (outcome === 'no_quorum') return;
    const counter = await allocateDecisionNumber(tx);
    const { id } = await insertDecision(tx, {
      year: counter.year,
      sequence: counter.sequence,
      number: counter.number,
      decidedOn: counter.today,
      subject: 'meeting',
      outcome,
      meetingId,
      agendaItemId: itemId,
      organizationNameBg: body.nameBg,
      organizationNameEn: body.nameEn,
      textBg: vote.motionBg,
      textEn: vote.motionEn || vote.motionBg,
      tally,
    });
    await recordAudit(tx, context.actor, {
      action: 'decision.created',
      entityType: 'decision',
      entityId: counter.number,
      after: {
        id,
        number: counter.number,
        outcome,
        subject: 'meeting',
        meetingId,
        agendaItemId: itemId,
        tally,
      },
    });
    if (item.kind === 'minutes' && outcome === 'approved' && item.minutesMeetingId) {
      if (!vote.minutesId || vote.minutesVersion === null) throw new AppError('conduct.minutes_changed', 409);
      await approveRevision(tx, context.actor, {
        meetingId: item.minutesMeetingId,
        minutesId: vote.minutesId,
        version: vote.minutesVersion,
        approvedBy: context.actor.userId,
        decision: { id, number: counter.number, meetingId, agendaItemId: itemId },
      });
    }
  });
}
