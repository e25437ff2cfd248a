import type { Db } from '@portal/db';
import {
  type ApplicationAction,
  type ApplicationData,
  admissionDecisionText,
  nextState,
  SHARING_KINDS,
  type Sharing,
  type Tally,
  type VoteOutcome,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { parseJson } from '../../db.ts';
import { AppError } from '../../errors.ts';
import { recordEvent } from '../../events/events.ts';
import type { AppRow } from '../applications/application-row.ts';
import { allocateDecisionNumber } from '../decisions/numbers.ts';
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
 * The one way an application for admission is decided (decision 043): the committee's vote close
 * (votes.service.ts) and a body's vote on the application's agenda item at a meeting
 * (meeting-conduct/) both call `decideAdmission`. It checks the application's state against the
 * state machine (shared/src/applications.ts: approve / reject / no_quorum only from `in_vote`), records
 * the transition in the application's history, numbers the decision in the register, admits the
 * organisation on approval (active membership, the applicant its representative) and queues the
 * applicant's e-mail (the `application.decided` event) — all in the caller's transaction, under the
 * application's row lock the caller holds.
 */

/** How the vote ended and where it was taken. */
export interface AdmissionVerdict {
  outcome: VoteOutcome;
  tally: Tally;
  /** The user who closed the vote (null: it closed by itself). */
  actorId: string | null;
  /** The committee's vote session, or null for a vote at a meeting. */
  voteSessionId: string | null;
  /** The meeting and agenda item the vote was taken at, with the body's name for the decision's text. */
  meeting: { meetingId: string; agendaItemId: string; bodyNameBg: string; bodyNameEn: string } | null;
}

const ACTION_OF: Record<VoteOutcome, ApplicationAction> = {
  approved: 'approve',
  rejected: 'reject',
  no_quorum: 'no_quorum',
};

/**
 * Decides the application `row` (locked by the caller) with `verdict`. Refused (409
 * `application.transition_invalid`) unless the state machine allows the move from the application's
 * current state; returns the decision's number (null without quorum: no decision).
 */
export async function decideAdmission(
  tx: Db,
  actor: Actor,
  row: AppRow,
  verdict: AdmissionVerdict,
): Promise<{ number: string | null }> {
  const { outcome, tally, actorId, meeting } = verdict;
  const action = ACTION_OF[outcome];
  const to = nextState(row.state, action);
  if (!to) throw new AppError('application.transition_invalid', 409, { values: { state: row.state } });

  if (outcome === 'no_quorum') {
    await setApplicationAfterVote(tx, row.id, { state: 'under_review' });
    await insertTransitionEvent(tx, {
      applicationId: row.id,
      actorId,
      action,
      from: row.state,
      to,
      text: null,
    });
    await recordEvent(tx, {
      type: 'application.decided',
      payload: { applicationId: row.id, outcome, number: null },
    });
    return { number: null };
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
  const { textBg, textEn } = admissionDecisionText(
    outcome,
    org,
    tally,
    meeting ? { bg: meeting.bodyNameBg, en: meeting.bodyNameEn } : undefined,
  );
  await insertDecision(tx, {
    year: counter.year,
    sequence: counter.sequence,
    number,
    decidedOn: today,
    outcome,
    applicationId: row.id,
    voteSessionId: verdict.voteSessionId,
    meetingId: meeting?.meetingId ?? null,
    agendaItemId: meeting?.agendaItemId ?? null,
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
    action,
    from: row.state,
    to,
    text: `№ ${number}`,
  });
  await recordAudit(tx, actor, {
    action: 'decision.created',
    entityType: 'decision',
    entityId: number,
    after: {
      number,
      outcome,
      applicationId: row.id,
      organizationId,
      tally,
      ...(meeting ? { meetingId: meeting.meetingId, agendaItemId: meeting.agendaItemId } : {}),
    },
  });
  await recordEvent(tx, { type: 'application.decided', payload: { applicationId: row.id, outcome, number } });
  return { number };
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
