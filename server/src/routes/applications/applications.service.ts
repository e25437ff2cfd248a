import { type Db, isUniqueViolation } from '@portal/db';
import {
  type Application,
  type ApplicationData,
  type ApplicationQueueQuery,
  type ApplicationQueueResponse,
  type ApplicationSummary,
  can,
  DECLARATION_TEXTS,
  DECLARATION_VERSION,
  isEditableByApplicant,
  MAX_DOCUMENTS,
  missingSections,
  nextState,
  OPEN_STATES,
  type Principal,
  type SectionSave,
  TRANSITIONS,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordEvent } from '../../events/events.ts';
import { openSession } from '../voting/vote-sessions.ts';
import { loadVotePanel } from '../voting/votes.service.ts';
import { type AppRow, assertApplicant, assertCanView, loadRow } from './application-row.ts';
import {
  closeOpenVoteSession,
  countApplications,
  countByState,
  deleteApplication,
  findAreaIds,
  findConflict,
  findDocuments,
  findLatestDecision,
  findOrganizationIdByEik,
  findQueuePage,
  findSummariesOfApplicant,
  findTimeline,
  findUntouchedDraft,
  grantApplicantRole,
  insertApplication,
  insertEvent,
  isEikTaken,
  lockUser,
  queueFilter,
  updateSection,
  updateState,
  withState,
} from './applications.repository.ts';
import { assertNoConflict } from './conflicts.ts';

const isCommittee = (p: Principal | null) => can(p, 'application.review');

/** The application as `viewer` may see it (the applicant: no internal notes, no vote panel). */
export async function presentApplication(
  db: Db,
  row: AppRow,
  viewer: Principal | null,
): Promise<Application> {
  const committee = isCommittee(viewer);
  const conflict = committee && viewer ? await findConflict(db, row.id, viewer.id) : null;
  const data = row.data;
  const documents = await findDocuments(db, row.id);
  const decision = await findLatestDecision(db, row.id);
  return {
    id: row.id,
    state: row.state,
    applicant: { id: row.applicant_id, name: row.applicant_name, email: row.applicant_email },
    data: data as Application['data'],
    missing: missingSections(data, documents),
    documents,
    // A member recused for a conflict of interest does not read the committee's internal notes.
    timeline: await findTimeline(db, row.id, committee && !conflict),
    vote: committee && viewer ? await loadVotePanel(db, row.id, viewer.id) : null,
    conflict,
    decision: decision
      ? { number: decision.number, date: decision.decidedOn, outcome: decision.outcome }
      : null,
    organizationId: row.organization_id,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/**
 * Starts a draft; the user becomes an applicant. Starting again while the user still has an untouched
 * draft (no section saved, no document) returns that draft (`created: false`): a double click, a second
 * tab or a retried request makes one draft (issue 11 C3). The user's row is locked first, so two
 * simultaneous starts are serialised and the second sees the first's draft.
 */
export async function createApplication(
  db: Db,
  actor: Actor & { userId: string },
): Promise<{ id: string; created: boolean }> {
  return db.transaction(async (tx) => {
    await lockUser(tx, actor.userId);
    const untouched = await findUntouchedDraft(tx, actor.userId);
    if (untouched) return { id: untouched.id, created: false };
    const id = await insertApplication(tx, actor.userId);
    await grantApplicantRole(tx, actor.userId);
    await insertEvent(tx, id, actor.userId, {
      kind: 'transition',
      action: 'create',
      to: 'draft',
      audience: 'applicant',
    });
    await recordAudit(tx, actor, {
      action: 'application.created',
      entityType: 'application',
      entityId: id,
      after: { state: 'draft' },
    });
    return { id, created: true };
  });
}

/**
 * Deletes a draft of its applicant (issue 11 C3), with its documents and timeline (cascade). Anything
 * submitted stays: the committee's record of it is kept (withdraw instead).
 */
export async function deleteDraft(
  db: Db,
  actor: Actor & { userId: string },
  principal: Principal,
  id: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadRow(tx, id, true);
    assertApplicant(principal, row);
    if (row.state !== 'draft')
      throw new AppError('application.transition_invalid', 409, { values: { state: row.state } });
    await deleteApplication(tx, id);
    await recordAudit(tx, actor, {
      action: 'application.deleted',
      entityType: 'application',
      entityId: id,
      before: { state: row.state },
    });
  });
}

/**
 * Is `error` the partial unique index on open applications' ЕИК (`applications_open_eik_key`)? Two
 * applications that checked the ЕИК at the same moment both pass `isEikTaken`; the index stops the second.
 */
const isOpenEikConflict = (error: unknown) => isUniqueViolation(error, 'applications_open_eik_key');

/** Saves one section of the form (validated by its schema in the route) into a draft. */
export async function saveSection(
  db: Db,
  actor: Actor & { userId: string },
  principal: Principal,
  id: string,
  save: SectionSave,
): Promise<AppRow> {
  const { section } = save;
  return db.transaction(async (tx) => {
    const row = await loadRow(tx, id, true);
    assertApplicant(principal, row);
    if (!isEditableByApplicant(row.state))
      throw new AppError('application.transition_invalid', 409, { values: { state: row.state } });
    // What is stored: the body as sent; the declarations with what was accepted and when.
    let stored: SectionSave['value'] | ApplicationData['declarations'] = save.value;
    let eik = row.eik;
    let kind = row.kind;
    let organizationId = row.organization_id;
    if (save.section === 'organization') {
      eik = save.value.eik;
      kind = save.value.kind;
      if (await isEikTaken(tx, eik, id)) throw fieldError('body.eik', 'eik.taken', { eik });
      // An organisation on file that is not a member (e.g. a candidate) is the one applying.
      organizationId = await findOrganizationIdByEik(tx, eik);
    }
    if (save.section === 'areas') {
      // Unknown areas would be refused at admission (a foreign key); refuse them here, on the field.
      const wanted = save.value.areaIds;
      const known = await findAreaIds(tx, wanted);
      const unknown = wanted.find((a) => !known.includes(a));
      if (unknown) throw fieldError('body.areaIds', 'area.unknown', { value: unknown });
    }
    if (save.section === 'declarations') {
      stored = {
        ...save.value,
        version: DECLARATION_VERSION,
        acceptedAt: new Date().toISOString(),
        texts: DECLARATION_TEXTS,
      };
    }
    const before = row.data[section] ?? null;
    await updateSection(tx, id, section, stored, { eik, kind, organizationId }).catch((error: unknown) => {
      if (isOpenEikConflict(error)) throw fieldError('body.eik', 'eik.taken', { eik: eik ?? '' });
      throw error;
    });
    // Edits made after the committee asked for changes show on the timeline, before and after.
    if (row.state === 'changes_requested') {
      await insertEvent(tx, id, actor.userId, {
        kind: 'change',
        action: section,
        audience: 'applicant',
        changes: { section, before, after: stored },
      });
    }
    await recordAudit(tx, actor, {
      action: 'application.section_saved',
      entityType: 'application',
      entityId: id,
      before: { [section]: before },
      after: { [section]: stored },
    });
    return loadRow(tx, id);
  });
}

export interface TransitionContext {
  actor: Actor & { userId: string };
  principal: Principal;
}

/**
 * Moves the application by `action`, enforcing the shared state machine under a row lock. Submitting
 * (or resubmitting) an application that is already in the target state is the same submission again
 * (a double click): answered with the application, nothing changes.
 */
export async function transition(
  db: Db,
  ctx: TransitionContext,
  id: string,
  action: 'submit' | 'start_review' | 'request_changes' | 'resubmit' | 'open_vote' | 'withdraw',
  comment: string | undefined,
): Promise<AppRow> {
  return db.transaction(async (tx) => {
    const row = await loadRow(tx, id, true);
    assertCanView(ctx.principal, row);
    const rule = TRANSITIONS[action];
    if (rule.by === 'applicant') assertApplicant(ctx.principal, row);
    if (rule.by === 'committee' && !can(ctx.principal, 'application.review'))
      throw new AppError('auth.forbidden', 403);
    if (rule.by === 'chair' && !can(ctx.principal, 'application.chair'))
      throw new AppError('auth.forbidden', 403);
    if (rule.by === 'committee' || rule.by === 'chair') await assertNoConflict(tx, id, ctx.actor.userId);

    if ((action === 'submit' || action === 'resubmit') && row.state === rule.to) return row;
    const to = nextState(row.state, action);
    if (!to) throw new AppError('application.transition_invalid', 409, { values: { state: row.state } });

    if (action === 'submit' || action === 'resubmit') {
      const missing = missingSections(row.data, await findDocuments(tx, id));
      if (missing.length > 0) {
        throw new AppError('validation.failed', 400, {
          fields: missing.map((m) => ({ path: m, code: 'application.section_missing' as const })),
        });
      }
      if (row.eik && (await isEikTaken(tx, row.eik, id)))
        throw fieldError('organization.eik', 'eik.taken', { eik: row.eik });
    }
    if (action === 'request_changes' && !comment)
      throw fieldError('body.comment', 'application.comment_required');

    await updateState(tx, id, to, action === 'submit').catch((error: unknown) => {
      // Another application with this ЕИК was submitted at the same moment: the same answer as isEikTaken.
      if (isOpenEikConflict(error)) throw fieldError('organization.eik', 'eik.taken', { eik: row.eik ?? '' });
      throw error;
    });
    if (action === 'open_vote') await openSession(tx, { applicationId: id }, ctx.actor.userId);
    // Withdrawn during a vote: the vote ends with it, without an outcome (no decision is taken).
    if (action === 'withdraw' && row.state === 'in_vote') await closeOpenVoteSession(tx, id);
    await insertEvent(tx, id, ctx.actor.userId, {
      kind: 'transition',
      action,
      from: row.state,
      to,
      audience: 'applicant',
      text: comment ?? null,
    });
    await recordAudit(tx, ctx.actor, {
      action: `application.${action}`,
      entityType: 'application',
      entityId: id,
      before: { state: row.state },
      after: { state: to, ...(comment ? { comment } : {}) },
    });
    const updated = await loadRow(tx, id);
    await recordEvent(tx, {
      type: 'application.transitioned',
      payload: { applicationId: id, action, comment: comment ?? null },
    });
    return updated;
  });
}

export async function addComment(
  db: Db,
  actor: Actor & { userId: string },
  principal: Principal,
  id: string,
  text: string,
  audience: 'committee' | 'applicant',
): Promise<AppRow> {
  return db.transaction(async (tx) => {
    const row = await loadRow(tx, id, true);
    assertCanView(principal, row);
    const committee = can(principal, 'application.review');
    const isApplicant = row.applicant_id === principal.id;
    // The applicant writes to the committee through the shared thread; internal notes are the committee's.
    // Administrators (the only others who can see it) read the thread but do not write in it.
    if (!committee && !isApplicant) throw new AppError('auth.forbidden', 403);
    if (audience === 'committee' && !committee) throw new AppError('auth.forbidden', 403);
    // A committee member with a conflict of interest writes only as the applicant, to the committee.
    if (committee && !(isApplicant && audience === 'applicant')) await assertNoConflict(tx, id, actor.userId);
    if (row.state === 'draft')
      throw new AppError('application.transition_invalid', 409, { values: { state: row.state } });
    await insertEvent(tx, id, actor.userId, { kind: 'comment', audience, text });
    await recordAudit(tx, actor, {
      action: 'application.commented',
      entityType: 'application',
      entityId: id,
      after: { audience, text },
    });
    if (audience === 'applicant' && committee && !isApplicant) {
      await recordEvent(tx, { type: 'application.message', payload: { applicationId: id, text } });
    }
    return row;
  });
}

export async function myApplications(db: Db, userId: string): Promise<ApplicationSummary[]> {
  return (await findSummariesOfApplicant(db, userId)).map(toSummary);
}

const toSummary = (r: Awaited<ReturnType<typeof findSummariesOfApplicant>>[number]): ApplicationSummary => ({
  ...r,
  kind: r.kind as ApplicationSummary['kind'],
});

/** The committee's queue: never drafts; filters; the pipeline's counts per state over the other filters. */
export async function queue(db: Db, q: ApplicationQueueQuery): Promise<ApplicationQueueResponse> {
  const base = queueFilter(q);
  const where = withState(base, q.state);
  const counts = await countByState(db, base);
  const total = await countApplications(db, where);
  const rows = await findQueuePage(db, where, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return {
    items: rows.map(toSummary),
    total,
    page: q.page,
    pageSize: q.pageSize,
    counts: Object.fromEntries(counts.map((c) => [c.state, c.n])),
  };
}

export { MAX_DOCUMENTS, OPEN_STATES };
