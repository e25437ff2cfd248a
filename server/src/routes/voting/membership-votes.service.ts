import type { Db } from '@portal/db';
import {
  type MembershipProposal,
  type MembershipVote,
  type MembershipVoteOpenBody,
  membershipDecisionText,
  type Tally,
  type VoteChoice,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { AppError } from '../../errors.ts';
import { allocateDecisionNumber } from '../decisions/numbers.ts';
import { applyChange, checkChange, loadMember, type MemberRow } from '../memberships/memberships.service.ts';
import {
  castBallot,
  closeSession,
  everyoneVoted,
  latestSession,
  openSession,
  type VoteSession,
  votePanelOf,
} from './vote-sessions.ts';
import {
  findDecisionNumber,
  insertDecision,
  isRepresentative,
  membershipCommitteeOf,
} from './voting.repository.ts';

/**
 * Votes of the committee on a change of an existing membership (issue 11 B1, decision 021): the chair
 * opens a vote on a proposal (action, category, reason, effective date); the committee votes as on
 * admissions, in a vote session (vote-sessions.ts: the rules are copied from the cluster's settings at
 * the opening, a secret ballot keeps its choices in `secret_tallies` without names — decision 013); the
 * vote closes when every eligible member has voted or the chair closes it. The server computes the
 * outcome; an adopted change is recorded as a numbered decision and applied in the closing transaction,
 * a rejected one is recorded and changes nothing, a vote without quorum records no decision. Everything
 * runs under the membership's row lock. A representative of the organisation on the committee is
 * recused (not eligible, may not act).
 */

async function assertNoConflict(db: Db, organizationId: string, userId: string): Promise<void> {
  if (await isRepresentative(db, userId, organizationId)) {
    throw new AppError('membership.conflict_of_interest', 403);
  }
}

/** The open vote on the membership (else the latest closed one) as `viewerId` sees it. */
export async function loadMembershipVote(
  db: Db,
  organizationId: string,
  viewerId: string | null,
): Promise<MembershipVote | null> {
  const session = await latestSession(db, { organizationId });
  if (!session) return null;
  const panel = await votePanelOf(db, session, membershipCommitteeOf(organizationId), viewerId);
  // A representative of the organisation is recused whatever `votes` holds.
  const conflict = viewerId ? await isRepresentative(db, viewerId, organizationId) : false;
  return {
    ...panel,
    myVoted: panel.myVoted && !conflict,
    myRecused: panel.myRecused || conflict,
    proposal: session.proposal!,
    decisionNumber: await findDecisionNumber(db, session.id),
    myConflict: conflict,
  };
}

/** The chair opens a vote on a proposed change (checked now as if it were taken now). */
export async function openMembershipVote(
  tx: Db,
  actor: Actor & { userId: string },
  organizationId: string,
  body: MembershipVoteOpenBody,
): Promise<void> {
  const row = await loadMember(tx, organizationId, true);
  await assertNoConflict(tx, organizationId, actor.userId);
  const proposal: MembershipProposal = {
    action: body.action,
    category: body.action === 'change_category' ? (body.category ?? null) : null,
    reason: body.reason,
    effectiveOn: body.effectiveOn,
  };
  await checkChange(tx, row, proposal, body.version);
  const opened = await openSession(tx, { organizationId }, actor.userId, proposal);
  await recordAudit(tx, actor, {
    action: 'membership.vote_opened',
    entityType: 'organization',
    entityId: organizationId,
    after: { round: opened!.round, ...proposal },
  });
}

async function openSessionOf(tx: Db, organizationId: string): Promise<VoteSession> {
  const session = await latestSession(tx, { organizationId }, true);
  if (!session) throw new AppError('membership.no_open_vote', 409);
  return session;
}

/** A committee member votes (under the membership's row lock); the last eligible vote closes it. */
export async function castMembershipVote(
  tx: Db,
  actor: Actor & { userId: string },
  organizationId: string,
  choice: VoteChoice,
): Promise<void> {
  const row = await loadMember(tx, organizationId, true);
  const session = await openSessionOf(tx, organizationId);
  await assertNoConflict(tx, organizationId, actor.userId);
  // As on admissions (decision 013).
  await castBallot(tx, session, actor.userId, choice);
  await recordAudit(tx, actor, {
    action: 'vote.cast',
    entityType: 'membership_vote',
    entityId: session.id,
    after:
      session.ballot === 'secret' ? { round: session.round, voted: true } : { round: session.round, choice },
  });
  if (await everyoneVoted(tx, session, membershipCommitteeOf(organizationId))) {
    await decide(tx, actor, row, session, true);
  }
}

/** The chair closes the open vote. */
export async function closeMembershipVote(
  tx: Db,
  actor: Actor & { userId: string },
  organizationId: string,
): Promise<void> {
  const row = await loadMember(tx, organizationId, true);
  const session = await openSessionOf(tx, organizationId);
  await assertNoConflict(tx, organizationId, actor.userId);
  await decide(tx, actor, row, session, false);
}

async function decide(
  tx: Db,
  actor: Actor & { userId: string },
  row: MemberRow,
  session: VoteSession,
  automatic: boolean,
): Promise<void> {
  // The conditional close and the unique decision per session make a second close a no-op.
  const closed = await closeSession(
    tx,
    session,
    membershipCommitteeOf(row.id),
    automatic ? null : actor.userId,
  );
  if (!closed) return;
  const { outcome, tally } = closed;
  const proposal = session.proposal!;
  await recordAudit(tx, actor, {
    action: 'membership.vote_closed',
    entityType: 'organization',
    entityId: row.id,
    after: { round: session.round, outcome, tally, automatic, ...proposal },
  });
  if (outcome === 'no_quorum') return;
  await decideMembership(tx, actor, row, proposal, outcome, tally, { voteSessionId: session.id });
}

/** Where a membership change was decided: the committee's vote session or a meeting's agenda item. */
export type MembershipVenue =
  | { voteSessionId: string }
  | { meetingId: string; agendaItemId: string; bodyNameBg: string; bodyNameEn: string };

/**
 * The one way a membership change put to a vote is decided (decisions 021 and 046): the committee's
 * vote close and a body's vote on a membership item at a meeting both call it, under the membership's
 * row lock. It numbers the decision in the register (subject `membership` for the committee, `meeting`
 * linked to the meeting and its item for a meeting) and, when adopted, checks the change again and applies
 * it resting on that decision (history, audit, the representatives' e-mails). A rejected proposal is
 * recorded and changes nothing.
 */
export async function decideMembership(
  tx: Db,
  actor: Actor,
  row: MemberRow,
  proposal: MembershipProposal,
  outcome: 'approved' | 'rejected',
  tally: Tally,
  venue: MembershipVenue,
): Promise<{ number: string }> {
  const counter = await allocateDecisionNumber(tx);
  const organization = { nameBg: row.name_bg, nameEn: row.name_en, eik: row.eik };
  const atMeeting = 'meetingId' in venue ? venue : null;
  const { textBg, textEn } = membershipDecisionText(
    outcome,
    proposal,
    organization,
    tally,
    atMeeting ? { bg: atMeeting.bodyNameBg, en: atMeeting.bodyNameEn } : undefined,
  );
  const subject = atMeeting ? 'meeting' : 'membership';
  const decision = await insertDecision(tx, {
    year: counter.year,
    sequence: counter.sequence,
    number: counter.number,
    decidedOn: counter.today,
    subject,
    outcome,
    ...(atMeeting
      ? { meetingId: atMeeting.meetingId, agendaItemId: atMeeting.agendaItemId }
      : { voteSessionId: (venue as { voteSessionId: string }).voteSessionId }),
    organizationId: row.id,
    organizationNameBg: row.name_bg,
    organizationNameEn: row.name_en,
    textBg,
    textEn,
    tally,
  });
  await recordAudit(tx, actor, {
    action: 'decision.created',
    entityType: 'decision',
    entityId: counter.number,
    after: {
      number: counter.number,
      subject,
      outcome,
      membershipAction: proposal.action,
      organizationId: row.id,
      ...(atMeeting ? { meetingId: atMeeting.meetingId, agendaItemId: atMeeting.agendaItemId } : {}),
      tally,
    },
  });
  if (outcome !== 'approved') return { number: counter.number };
  // The proposal was checked at the opening, and nothing changed the membership while the vote was open.
  const { toStatus, toCategory } = await checkChange(
    tx,
    row,
    proposal,
    null,
    atMeeting ? null : (venue as { voteSessionId: string }).voteSessionId,
  );
  await applyChange(tx, actor, row, proposal, toStatus, toCategory, {
    id: decision.id,
    number: counter.number,
  });
  return { number: counter.number };
}

/**
 * Checks a membership item's proposal as the meeting's vote on it opens (decision 046): under the
 * membership's row lock, as the committee's opening does — no other vote open on the membership (the
 * committee's or another meeting's), the transition rules, a real category change.
 */
export async function checkMembershipItem(
  tx: Db,
  organizationId: string,
  proposal: MembershipProposal,
): Promise<void> {
  const row = await loadMember(tx, organizationId, true);
  await checkChange(tx, row, proposal, null);
}
