import type { Db } from '@portal/db';
import type { Principal, VoteChoice, VotePanel } from '@portal/shared';
import { type Actor, recordAudit, type SignedInActor } from '../../audit.ts';
import { AppError } from '../../errors.ts';
import { type AppRow, assertCanView, loadRow } from '../applications/application-row.ts';
import { assertNoConflict, committeeOf } from '../applications/conflicts.ts';
import { decideAdmission } from './admission-decision.ts';
import {
  castBallot,
  closeSession,
  everyoneVoted,
  latestSession,
  recordRecusal,
  type VoteSession,
  votePanelOf,
} from './vote-sessions.ts';

/**
 * The vote on an application for admission: the committee (with each member's conflict of interest on
 * the application, conflicts.ts) votes in a vote session (vote-sessions.ts); the close records the
 * numbered decision and, on approval, admits the organisation.
 */

/** The voting panel of an application's latest vote for a committee member (see `votePanelOf`). */
export async function loadVotePanel(
  db: Db,
  applicationId: string,
  viewerId: string,
): Promise<VotePanel | null> {
  const session = await latestSession(db, { applicationId });
  if (!session) return null;
  return votePanelOf(db, session, committeeOf(applicationId), viewerId);
}

async function openSessionFor(tx: Db, row: AppRow): Promise<VoteSession> {
  if (row.state !== 'in_vote') throw new AppError('application.no_open_vote', 409);
  const session = await latestSession(tx, { applicationId: row.id }, true);
  if (!session) throw new AppError('application.no_open_vote', 409);
  return session;
}

/** What a committee member does on an application's open vote. */
export type VoteAct =
  | { kind: 'cast'; choice: VoteChoice }
  | { kind: 'recuse'; reason: string }
  | { kind: 'close' };

/**
 * One act on the open vote of an application the caller may see, in one transaction under the
 * application's row lock, which serialises every vote, recusal and close of one application.
 */
export async function actOnVote(
  db: Db,
  context: { actor: SignedInActor; principal: Principal },
  applicationId: string,
  act: VoteAct,
): Promise<void> {
  const { actor, principal } = context;
  await db.transaction(async (tx) => {
    const row = await loadRow(tx, applicationId, true);
    assertCanView(principal, row);
    if (act.kind === 'cast') await castVote(tx, actor, row, act.choice);
    else if (act.kind === 'recuse') await recuse(tx, actor, row, act.reason);
    else await closeVote(tx, actor, row);
  });
}

/**
 * Casts or changes a vote (under the application's row lock, held by the caller's transaction). When
 * every eligible member has voted, the vote closes by itself.
 */
async function castVote(
  tx: Db,
  actor: Actor & { userId: string },
  row: AppRow,
  choice: VoteChoice,
): Promise<void> {
  const session = await openSessionFor(tx, row);
  await assertNoConflict(tx, row.id, actor.userId);
  await castBallot(tx, session, actor.userId, choice);
  // A secret ballot's audit trail records that a member voted, never how.
  await recordAudit(tx, actor, {
    action: 'vote.cast',
    entityType: 'application',
    entityId: row.id,
    after:
      session.ballot === 'secret' ? { round: session.round, voted: true } : { round: session.round, choice },
  });
  await closeIfComplete(tx, actor, row, session);
}

async function recuse(tx: Db, actor: Actor & { userId: string }, row: AppRow, reason: string): Promise<void> {
  const session = await openSessionFor(tx, row);
  await assertNoConflict(tx, row.id, actor.userId);
  await recordRecusal(tx, session, actor.userId, reason);
  await recordAudit(tx, actor, {
    action: 'vote.recused',
    entityType: 'application',
    entityId: row.id,
    after: { round: session.round, reason },
  });
  await closeIfComplete(tx, actor, row, session);
}

async function closeIfComplete(
  tx: Db,
  actor: Actor & { userId: string },
  row: AppRow,
  session: VoteSession,
): Promise<void> {
  if (await everyoneVoted(tx, session, committeeOf(row.id))) {
    await decide(tx, actor, row, session, true);
  }
}

/** The chair closes the open vote. */
async function closeVote(tx: Db, actor: Actor & { userId: string }, row: AppRow): Promise<void> {
  const session = await openSessionFor(tx, row);
  await assertNoConflict(tx, row.id, actor.userId);
  await decide(tx, actor, row, session, false);
}

/**
 * Closes a vote: the outcome is computed from the votes, and the application is decided through the one
 * shared path (`decideAdmission`: the state machine, the numbered decision, admission on approval). The
 * conditional close and the unique decision per session make a second close a no-op even if two ever
 * raced past the row lock.
 */
async function decide(
  tx: Db,
  actor: Actor & { userId: string },
  row: AppRow,
  session: VoteSession,
  automatic: boolean,
): Promise<void> {
  const actorId = automatic ? null : actor.userId;
  const closed = await closeSession(tx, session, committeeOf(row.id), actorId);
  if (!closed) return;
  const { outcome, tally } = closed;
  await recordAudit(tx, actor, {
    action: 'vote.closed',
    entityType: 'application',
    entityId: row.id,
    after: { round: session.round, outcome, tally, automatic },
  });
  await decideAdmission(tx, actor, row, {
    outcome,
    tally,
    actorId,
    voteSessionId: session.id,
    meeting: null,
  });
}
