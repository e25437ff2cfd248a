import type { Db, SQL } from '@portal/db';
import {
  type Ballot,
  computeOutcome,
  hasQuorum,
  type MembershipProposal,
  type Tally,
  type VoteChoice,
  type VoteOutcome,
  type VotePanel,
} from '@portal/shared';
import { AppError } from '../../errors.ts';
import {
  addToSecretTally,
  closeSessionIfOpen,
  countSession,
  findVote,
  findVoters,
  findVotingRules,
  insertSecretVoter,
  insertSession,
  upsertOpenVote,
  upsertRecusal,
  type VoteSession,
  type VoteSubject,
} from './voting.repository.ts';

export type { VoteSession, VoteSubject } from './voting.repository.ts';

/**
 * A vote of the committee, whatever it is on: an application (admission) or a change of a membership
 * (issue 11 B1, decision 021). A session opens with the cluster's rules as they are then, members cast
 * ballots (open, or secret with the choices kept apart from the names — decision 013), and it closes with
 * the outcome the server computes from the count. Each subject's service gives the committee (a subquery
 * with each member's conflict of interest), runs these in its transaction under its own row lock, and
 * does what the outcome means for the subject.
 */

/** The latest round on a subject (only an open one when `openOnly`). */
export { findLatestSession as latestSession } from './voting.repository.ts';

/**
 * Opens the next round on a subject with the cluster's voting rules as they are now (changing them later
 * never changes a running vote); nothing when the settings row is missing.
 */
export async function openSession(
  tx: Db,
  subject: VoteSubject,
  openedBy: string,
  proposal: MembershipProposal | null = null,
): Promise<{ id: string; round: number } | undefined> {
  const rules = await findVotingRules(tx);
  if (!rules) return undefined;
  return insertSession(tx, subject, rules, openedBy, proposal);
}

export interface Counted {
  tally: Tally;
  /** Members (of the current committee, not recused) who have voted. */
  voted: number;
}

/**
 * The tally of a session over the committee as it is now (recused members are not eligible). An open
 * ballot counts the choices beside the names; a secret ballot counts them from `secret_tallies`, which
 * holds no names (decision 013), and who voted from `votes`.
 */
export async function countVotes(
  db: Db,
  session: Pick<VoteSession, 'id' | 'ballot'>,
  committee: SQL,
): Promise<Counted> {
  const r = await countSession(db, session, committee);
  return {
    tally: {
      eligible: r.members - r.recused,
      recused: r.recused,
      for: r.for,
      against: r.against,
      abstain: r.abstain,
    },
    voted: r.voted,
  };
}

/** Has every eligible member voted (then the vote closes by itself)? */
export async function everyoneVoted(
  db: Db,
  session: Pick<VoteSession, 'id' | 'ballot'>,
  committee: SQL,
): Promise<boolean> {
  const { tally, voted } = await countVotes(db, session, committee);
  return tally.eligible > 0 && voted >= tally.eligible;
}

/**
 * Casts a member's ballot, or changes it in an open ballot; refused after a recusal. The caller has
 * checked the member may vote on the subject.
 */
export async function castBallot(
  tx: Db,
  session: Pick<VoteSession, 'id' | 'ballot'>,
  memberId: string,
  choice: VoteChoice,
): Promise<void> {
  const existing = await findVote(tx, session.id, memberId);
  if (existing?.recused) throw new AppError('application.recused', 409);
  await recordBallot(tx, session, memberId, choice, existing !== undefined);
}

/**
 * Records one member's ballot (admissions and membership votes alike). In a secret ballot the choice goes to
 * the nameless count and the name to `votes` without a choice: no statement, row or log line holds both, so
 * a secret ballot is final (the old choice is not known to undo it). An open ballot can be changed.
 */
export async function recordBallot(
  tx: Db,
  session: { id: string; ballot: Ballot },
  memberId: string,
  choice: VoteChoice,
  hasVoted: boolean,
): Promise<void> {
  if (session.ballot === 'secret') {
    if (hasVoted) throw new AppError('application.secret_vote_final', 409);
    await insertSecretVoter(tx, session.id, memberId);
    await addToSecretTally(tx, session.id, choice);
  } else {
    await upsertOpenVote(tx, session.id, memberId, choice);
  }
}

/** A member declares a conflict of interest: no vote, not counted for quorum. */
export async function recordRecusal(
  tx: Db,
  session: Pick<VoteSession, 'id' | 'ballot'>,
  memberId: string,
  reason: string,
): Promise<void> {
  if (session.ballot === 'secret') {
    const existing = await findVote(tx, session.id, memberId);
    // A secret ballot once cast cannot be taken back out of the nameless count.
    if (existing && !existing.recused) throw new AppError('application.secret_vote_final', 409);
  }
  await upsertRecusal(tx, session.id, memberId, reason);
}

/**
 * Closes a session with the outcome its count gives under its rules; `closedBy` is null when it closed by
 * itself. The conditional update makes a second close a no-op (null), even if two ever raced past the
 * subject's row lock.
 */
export async function closeSession(
  tx: Db,
  session: Pick<VoteSession, 'id' | 'ballot' | 'majority' | 'quorum'>,
  committee: SQL,
  closedBy: string | null,
): Promise<{ outcome: VoteOutcome; tally: Tally } | null> {
  const { tally } = await countVotes(tx, session, committee);
  const outcome = computeOutcome(tally, session.majority, session.quorum);
  const closed = await closeSessionIfOpen(tx, session.id, { closedBy, outcome, tally });
  return closed ? { outcome, tally } : null;
}

/**
 * The voting panel of a session as `viewerId` sees it. An open ballot shows who voted how; a secret
 * ballot shows only who has voted and, once closed, the totals — to everyone, the chair and
 * administrators included. The viewer's own vote and recusal are what `votes` holds for them.
 */
export async function votePanelOf(
  db: Db,
  session: VoteSession,
  committee: SQL,
  viewerId: string | null,
): Promise<VotePanel> {
  const secret = session.ballot === 'secret';
  const closed = session.closedAt !== null;
  const counted = await countVotes(db, session, committee);
  const tally: Tally = closed && session.tally ? session.tally : counted.tally;
  const voted =
    closed && session.tally && !secret ? tally.for + tally.against + tally.abstain : counted.voted;
  const hidden = secret && !closed;
  const voters = await findVoters(db, session.id, committee);
  const mine = viewerId ? await findVote(db, session.id, viewerId) : undefined;
  return {
    sessionId: session.id,
    round: session.round,
    ballot: session.ballot,
    majority: session.majority,
    quorum: session.quorum,
    openedAt: session.openedAt,
    closedAt: session.closedAt,
    tally: {
      eligible: tally.eligible,
      recused: tally.recused,
      for: hidden ? null : tally.for,
      against: hidden ? null : tally.against,
      abstain: hidden ? null : tally.abstain,
      voted,
    },
    quorumReached: hasQuorum({ ...tally, for: voted, against: 0, abstain: 0 }, session.quorum),
    voters: voters.map((v) => ({
      name: v.name,
      voted: Boolean(v.voted),
      choice: secret ? null : v.choice,
      recused: Boolean(v.recused),
    })),
    myVote: secret ? null : (mine?.choice ?? null),
    myVoted: mine !== undefined && !mine.recused,
    myRecused: Boolean(mine?.recused),
    outcome: session.outcome,
  };
}
