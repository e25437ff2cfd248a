import { type Db, sql } from '@portal/db';
import {
  type Application,
  type ApplicationData,
  type ApplicationQueueQuery,
  type ApplicationQueueResponse,
  type ApplicationState,
  type ApplicationSummary,
  can,
  DECLARATION_TEXTS,
  DECLARATION_VERSION,
  type DocumentInfo,
  type DocumentKind,
  isEditableByApplicant,
  MAX_DOCUMENTS,
  missingSections,
  nextState,
  OPEN_STATES,
  type Principal,
  type SectionSave,
  type TimelineEntry,
  TRANSITIONS,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { execute, isoTimestamp, parseJson } from '../../db.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordEvent } from '../../events/events.ts';
import { loadVotePanel } from '../voting/votes.service.ts';
import { type AppRow, assertApplicant, assertCanView, loadRow } from './application-row.ts';
import { assertNoConflict, conflictOf } from './conflicts.ts';

const isCommittee = (p: Principal | null) => can(p, 'application.review');

async function documentsOf(db: Db, id: string): Promise<(DocumentInfo & { kind: DocumentKind })[]> {
  const rows = await execute<{
    id: string;
    kind: DocumentKind;
    filename: string;
    size: number;
    uploaded_at: string;
  }>(
    db,
    sql`select id, kind, filename, size, ${isoTimestamp('uploaded_at')} as uploaded_at
        from application_documents where application_id = ${id} order by uploaded_at, id`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    filename: r.filename,
    size: r.size,
    uploadedAt: r.uploaded_at,
  }));
}

async function timelineOf(db: Db, id: string, committee: boolean): Promise<TimelineEntry[]> {
  const rows = await execute<{
    id: number | string;
    at: string;
    actor_name: string | null;
    kind: 'transition' | 'comment' | 'change';
    action: string | null;
    from_state: ApplicationState | null;
    to_state: ApplicationState | null;
    audience: 'applicant' | 'committee';
    text: string | null;
    changes: TimelineEntry['changes'] | string;
  }>(
    db,
    sql`select e.id, ${isoTimestamp('e.at')} as at, u.display_name as actor_name, e.kind, e.action, e.from_state,
          e.to_state, e.audience, e.text, e.changes
        from application_events e left join users u on u.id = e.actor_id
        where e.application_id = ${id} ${committee ? sql`` : sql`and e.audience = 'applicant'`}
        order by e.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actorName: r.actor_name,
    kind: r.kind,
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    audience: r.audience,
    text: r.text,
    changes: r.changes ? parseJson(r.changes) : null,
  }));
}

/** The application as `viewer` may see it (the applicant: no internal notes, no vote panel). */
export async function presentApplication(
  db: Db,
  row: AppRow,
  viewer: Principal | null,
): Promise<Application> {
  const committee = isCommittee(viewer);
  const conflict = committee && viewer ? await conflictOf(db, row.id, viewer.id) : null;
  const data = parseJson(row.data);
  const documents = await documentsOf(db, row.id);
  const [decision] = await execute<{ number: string; decided_on: string; outcome: 'approved' | 'rejected' }>(
    db,
    sql`select number, decided_on::text as decided_on, outcome from decisions
        where application_id = ${row.id} order by created_at desc limit 1`,
  );
  return {
    id: row.id,
    state: row.state,
    applicant: { id: row.applicant_id, name: row.applicant_name, email: row.applicant_email },
    data: data as Application['data'],
    missing: missingSections(data, documents),
    documents,
    // A member recused for a conflict of interest does not read the committee's internal notes.
    timeline: await timelineOf(db, row.id, committee && !conflict),
    vote: committee && viewer ? await loadVotePanel(db, row.id, viewer.id) : null,
    conflict,
    decision: decision
      ? { number: decision.number, date: decision.decided_on, outcome: decision.outcome }
      : null,
    organizationId: row.organization_id,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}

export async function addEvent(
  db: Db,
  applicationId: string,
  actorId: string | null,
  e: {
    kind: 'transition' | 'comment' | 'change';
    action?: string;
    from?: ApplicationState;
    to?: ApplicationState;
    audience: 'applicant' | 'committee';
    text?: string | null;
    changes?: TimelineEntry['changes'];
  },
): Promise<void> {
  await execute(
    db,
    sql`insert into application_events (application_id, actor_id, kind, action, from_state, to_state, audience, text, changes)
        values (${applicationId}, ${actorId}, ${e.kind}, ${e.action ?? null}, ${e.from ?? null}, ${e.to ?? null},
          ${e.audience}, ${e.text ?? null}, ${e.changes ? JSON.stringify(e.changes) : null}::jsonb)`,
  );
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
    await execute(tx, sql`select id from users where id = ${actor.userId} for no key update`);
    const [untouched] = await execute<{ id: string }>(
      tx,
      sql`select a.id from applications a
          where a.applicant_id = ${actor.userId} and a.state = 'draft' and a.data = '{}'::jsonb
            and not exists (select 1 from application_documents d where d.application_id = a.id)
          order by a.created_at desc limit 1`,
    );
    if (untouched) return { id: untouched.id, created: false };
    const [row] = await execute<{ id: string }>(
      tx,
      sql`insert into applications (applicant_id) values (${actor.userId}) returning id`,
    );
    const id = row!.id;
    await execute(
      tx,
      sql`insert into user_roles (user_id, role) values (${actor.userId}, 'applicant') on conflict do nothing`,
    );
    await addEvent(tx, id, actor.userId, {
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
    await execute(tx, sql`delete from applications where id = ${id}`);
    await recordAudit(tx, actor, {
      action: 'application.deleted',
      entityType: 'application',
      entityId: id,
      before: { state: row.state },
    });
  });
}

/** Is `eik` a member's, or another open application's? */
async function eikTaken(db: Db, eik: string, applicationId: string): Promise<boolean> {
  const rows = await execute(
    db,
    sql`select 1 from organizations o join memberships m on m.organization_id = o.id
          where o.eik = ${eik} and m.category <> 'candidate' and m.status in ('active', 'suspended')
        union all
        select 1 from applications a
          where a.eik = ${eik} and a.id <> ${applicationId}
            and a.state in ('submitted', 'under_review', 'changes_requested', 'in_vote')
        limit 1`,
  );
  return rows.length > 0;
}

/**
 * Is `error` the partial unique index on open applications' ЕИК (`applications_open_eik_key`)? Two
 * applications that checked the ЕИК at the same moment both pass `eikTaken`; the index stops the second.
 * Drizzle wraps the driver's error (postgres.js: `constraint_name`, PGlite: `constraint`) in `cause`.
 */
function isOpenEikConflict(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const pg = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };
    if (pg.code === '23505' && (pg.constraint_name ?? pg.constraint) === 'applications_open_eik_key')
      return true;
    e = pg.cause;
  }
  return false;
}

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
      if (await eikTaken(tx, eik, id)) throw fieldError('body.eik', 'eik.taken', { eik });
      // An organisation on file that is not a member (e.g. a candidate) is the one applying.
      const [existing] = await execute<{ id: string }>(
        tx,
        sql`select id from organizations where eik = ${eik}`,
      );
      organizationId = existing?.id ?? null;
    }
    if (save.section === 'areas') {
      // Unknown areas would be refused at admission (a foreign key); refuse them here, on the field.
      const wanted = save.value.areaIds;
      const known = await execute<{ id: string }>(
        tx,
        sql`select id from areas where id in (${sql.join(
          wanted.map((a) => sql`${a}`),
          sql`, `,
        )})`,
      );
      const unknown = wanted.find((a) => !known.some((k) => k.id === a));
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
    const before = parseJson(row.data)[section] ?? null;
    await execute(
      tx,
      sql`update applications set data = data || jsonb_build_object(${section}::text, ${JSON.stringify(stored)}::jsonb),
            eik = ${eik}, kind = ${kind}, organization_id = ${organizationId}, updated_at = now(), version = version + 1
          where id = ${id}`,
    ).catch((error: unknown) => {
      if (isOpenEikConflict(error)) throw fieldError('body.eik', 'eik.taken', { eik: eik ?? '' });
      throw error;
    });
    // Edits made after the committee asked for changes show on the timeline, before and after.
    if (row.state === 'changes_requested') {
      await addEvent(tx, id, actor.userId, {
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
  /** The portal's address, for the links in the emails the move sends. */
  publicUrl: string;
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
      const data = parseJson(row.data);
      const missing = missingSections(data, await documentsOf(tx, id));
      if (missing.length > 0) {
        throw new AppError('validation.failed', 400, {
          fields: missing.map((m) => ({ path: m, code: 'application.section_missing' as const })),
        });
      }
      if (row.eik && (await eikTaken(tx, row.eik, id)))
        throw fieldError('organization.eik', 'eik.taken', { eik: row.eik });
    }
    if (action === 'request_changes' && !comment)
      throw fieldError('body.comment', 'application.comment_required');

    await execute(
      tx,
      sql`update applications set state = ${to}, updated_at = now(), version = version + 1,
            submitted_at = case when ${action} = 'submit' then coalesce(submitted_at, now()) else submitted_at end
          where id = ${id}`,
    ).catch((error: unknown) => {
      // Another application with this ЕИК was submitted at the same moment: the same answer as eikTaken.
      if (isOpenEikConflict(error)) throw fieldError('organization.eik', 'eik.taken', { eik: row.eik ?? '' });
      throw error;
    });
    if (action === 'open_vote') await openVoteSession(tx, id, ctx.actor.userId);
    // Withdrawn during a vote: the vote ends with it, without an outcome (no decision is taken).
    if (action === 'withdraw' && row.state === 'in_vote') {
      await execute(
        tx,
        sql`update vote_sessions set closed_at = now() where application_id = ${id} and closed_at is null`,
      );
    }
    await addEvent(tx, id, ctx.actor.userId, {
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

async function openVoteSession(tx: Db, applicationId: string, openedBy: string): Promise<void> {
  await execute(
    tx,
    sql`insert into vote_sessions (application_id, round, quorum, majority, ballot, opened_by)
        select ${applicationId},
          coalesce((select max(round) from vote_sessions where application_id = ${applicationId}), 0) + 1,
          s.quorum_rule, s.majority_rule, s.ballot, ${openedBy}
        from cluster_settings s where s.id = 1`,
  );
}

export async function addComment(
  db: Db,
  actor: Actor & { userId: string },
  principal: Principal,
  id: string,
  text: string,
  audience: 'committee' | 'applicant',
  _publicUrl: string, // links are built when the event is dispatched (decision 030)
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
    await addEvent(tx, id, actor.userId, { kind: 'comment', audience, text });
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
  const rows = await execute<SummaryRow>(
    db,
    sql`${SUMMARY_SELECT} where a.applicant_id = ${userId} order by a.created_at desc`,
  );
  return rows.map(toSummary);
}

interface SummaryRow extends Record<string, unknown> {
  id: string;
  state: ApplicationState;
  name_bg: string | null;
  name_en: string | null;
  eik: string | null;
  kind: string | null;
  applicant_name: string;
  submitted_at: string | null;
  updated_at: string;
}

const SUMMARY_SELECT = sql`select a.id, a.state, a.data->'organization'->>'nameBg' as name_bg,
    a.data->'organization'->>'nameEn' as name_en, a.eik, a.kind, u.display_name as applicant_name,
    case when a.submitted_at is null then null else ${isoTimestamp('a.submitted_at')} end as submitted_at,
    ${isoTimestamp('a.updated_at')} as updated_at
  from applications a join users u on u.id = a.applicant_id`;

const toSummary = (r: SummaryRow): ApplicationSummary => ({
  id: r.id,
  state: r.state,
  nameBg: r.name_bg,
  nameEn: r.name_en,
  eik: r.eik,
  kind: r.kind as ApplicationSummary['kind'],
  applicantName: r.applicant_name,
  submittedAt: r.submitted_at,
  updatedAt: r.updated_at,
});

/** The committee's queue: never drafts; filters; the pipeline's counts per state over the other filters. */
export async function queue(db: Db, q: ApplicationQueueQuery): Promise<ApplicationQueueResponse> {
  const filters = [sql`a.state <> 'draft'`];
  if (q.kind) filters.push(sql`a.kind = ${q.kind}`);
  if (q.area) {
    filters.push(
      sql`exists (select 1 from jsonb_array_elements_text(a.data->'areas'->'areaIds') x(area)
                  join areas ar on ar.id = x.area where ar.id = ${q.area} or ar.parent_id = ${q.area})`,
    );
  }
  if (q.from) filters.push(sql`a.submitted_at >= ${q.from}::date`);
  if (q.to) filters.push(sql`a.submitted_at < ${q.to}::date + 1`);
  const base = sql.join(filters, sql` and `);
  const where = q.state ? sql`${base} and a.state = ${q.state}` : base;
  const counts = await execute<{ state: string; n: number }>(
    db,
    sql`select a.state, count(*)::int as n from applications a where ${base} group by a.state`,
  );
  const [total] = await execute<{ n: number }>(
    db,
    sql`select count(*)::int as n from applications a where ${where}`,
  );
  const rows = await execute<SummaryRow>(
    db,
    sql`${SUMMARY_SELECT} where ${where} order by a.submitted_at desc nulls last, a.id
        limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  return {
    items: rows.map(toSummary),
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
    counts: Object.fromEntries(counts.map((c) => [c.state, Number(c.n)])),
  };
}

export { MAX_DOCUMENTS, OPEN_STATES };
