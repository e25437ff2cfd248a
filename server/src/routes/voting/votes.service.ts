import type { Db } from '@portal/db';
import {
  type ApplicationData,
  admissionDecisionText,
  type Principal,
  SHARING_KINDS,
  type Sharing,
  type VoteChoice,
  type VotePanel,
} from '@portal/shared';
import { type Actor, recordAudit, type SignedInActor } from '../../audit.ts';
import { parseJson } from '../../db.ts';
import { AppError } from '../../errors.ts';
import { recordEvent } from '../../events/events.ts';
import { type AppRow, assertCanView, loadRow } from '../applications/application-row.ts';
import { assertNoConflict, committeeOf } from '../applications/conflicts.ts';
import { allocateDecisionNumber } from '../decisions/numbers.ts';
import {
  castBallot,
  closeSession,
  everyoneVoted,
  latestSession,
  recordRecusal,
  type VoteSession,
  votePanelOf,
} from './vote-sessions.ts';
import {
  activateMembership,
  addOrganizationAreas,
  addRepresentative,
  fillSharingIfEmpty,
  insertDecision,
  insertOrFindOrganization,
  insertTransitionEvent,
  setApplicationAfterVote,
} from './voting.repository.ts';

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
 * Closes a vote: the outcome is computed from the votes. A decision gets the next number of the year;
 * approval makes the organisation an active member and the applicant its representative, in this same
 * transaction. The conditional close and the unique decision per session make a second close a no-op
 * even if two ever raced past the row lock.
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

  if (outcome === 'no_quorum') {
    await setApplicationAfterVote(tx, row.id, { state: 'under_review' });
    await insertTransitionEvent(tx, {
      applicationId: row.id,
      actorId,
      action: 'no_quorum',
      from: 'in_vote',
      to: 'under_review',
      text: null,
    });
    await recordEvent(tx, {
      type: 'application.decided',
      payload: { applicationId: row.id, outcome, number: null },
    });
    return;
  }

  const data = parseJson(row.data) as ApplicationData;
  const org = data.organization;
  if (!org) throw new AppError('internal', 500);
  const counter = await allocateDecisionNumber(tx);
  const { number, today } = counter;

  let organizationId = row.organization_id;
  if (outcome === 'approved') {
    organizationId = await admit(tx, row, data, today);
  }
  const { textBg, textEn } = admissionDecisionText(outcome, org, tally);
  await insertDecision(tx, {
    year: counter.year,
    sequence: counter.sequence,
    number,
    decidedOn: today,
    outcome,
    applicationId: row.id,
    voteSessionId: session.id,
    organizationId,
    organizationNameBg: org.nameBg,
    organizationNameEn: org.nameEn,
    textBg,
    textEn,
    tally,
    accession: data.accession ? data.accession : null,
  });
  await setApplicationAfterVote(tx, row.id, { state: outcome, organizationId });
  await insertTransitionEvent(tx, {
    applicationId: row.id,
    actorId,
    action: outcome === 'approved' ? 'approve' : 'reject',
    from: 'in_vote',
    to: outcome,
    text: `№ ${number}`,
  });
  await recordAudit(tx, actor, {
    action: 'decision.created',
    entityType: 'decision',
    entityId: number,
    after: { number, outcome, applicationId: row.id, organizationId, tally },
  });
  await recordEvent(tx, { type: 'application.decided', payload: { applicationId: row.id, outcome, number } });
}

/** The kinds of sharing with some text (an application's section may carry empty strings). */
function sharingOf(section: Sharing | undefined): Sharing {
  const out: Sharing = {};
  for (const kind of SHARING_KINDS) {
    const text = section?.[kind]?.trim();
    if (text) out[kind] = text;
  }
  return out;
}

/** Approval: the organisation (created from the application, or the candidate on file) becomes an active member. */
async function admit(tx: Db, row: AppRow, data: ApplicationData, today: string): Promise<string> {
  const org = data.organization!;
  let organizationId = row.organization_id;
  // What the applicant offers to and seeks from the cluster becomes the member's profile (issue 11 C8).
  const offers = sharingOf(data.offers?.offers);
  const seeks = sharingOf(data.offers?.seeks);
  if (!organizationId) {
    organizationId = await insertOrFindOrganization(tx, {
      eik: org.eik,
      nameBg: org.nameBg,
      nameEn: org.nameEn,
      kind: org.kind,
      employees: org.employees,
      foundedYear: org.foundedYear,
      city: org.city,
      address: org.address,
      website: org.website ?? null,
      naceCodes: org.naceCodes,
      offers,
      seeks,
    });
  }
  if (data.offers) {
    // A candidate on file (or an organisation found by its ЕИК) keeps what it already filled in.
    await fillSharingIfEmpty(tx, organizationId, { offers, seeks });
  }
  if (data.areas?.areaIds.length) {
    await addOrganizationAreas(tx, organizationId, data.areas.areaIds);
  }
  await activateMembership(tx, organizationId, data.motivation?.category ?? 'regular', today);
  await addRepresentative(tx, row.applicant_id, organizationId);
  return organizationId;
}
