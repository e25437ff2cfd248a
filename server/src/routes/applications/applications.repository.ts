import {
  and,
  applicationDocuments,
  applicationEvents,
  applications,
  areas,
  asc,
  count,
  type Db,
  decisions,
  desc,
  eq,
  exists,
  gte,
  inArray,
  isNull,
  lt,
  memberships,
  ne,
  not,
  organizations,
  type SQL,
  sql,
  toIso,
  userRoles,
  users,
  voteSessions,
} from '@portal/db';
import {
  type ApplicationQueueQuery,
  type ApplicationState,
  type ConflictOfInterest,
  type DocumentKind,
  OPEN_STATES,
  type TimelineEntry,
} from '@portal/shared';

/** Applications, their documents, timeline and conflicts of interest in the database (decision 029). */

// ---------- the application ----------

/**
 * The application with its applicant (locked for update when `lock`), or undefined. The keys are the
 * row's column names: the voting services and the notifications read them so (`AppRow`).
 */
export async function findApplication(db: Db, id: string, lock = false) {
  const query = db
    .select({
      id: applications.id,
      applicant_id: applications.applicantId,
      applicant_name: users.displayName,
      applicant_email: users.email,
      state: applications.state,
      data: applications.data,
      eik: applications.eik,
      kind: applications.kind,
      organization_id: applications.organizationId,
      submitted_at: applications.submittedAt,
      updated_at: applications.updatedAt,
      version: applications.version,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.applicantId))
    .where(eq(applications.id, id));
  const [row] = lock ? await query.for('update', { of: applications }) : await query;
  return row && { ...row, submitted_at: toIso(row.submitted_at), updated_at: toIso(row.updated_at) };
}

export type AppRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

/** Locks the user's row (a key-preserving lock: sessions and roles referencing it are not blocked). */
export async function lockUser(db: Db, userId: string): Promise<void> {
  await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('no key update');
}

/** The user's newest draft with nothing in it yet (no section saved, no document), if any. */
export async function findUntouchedDraft(db: Db, applicantId: string) {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.applicantId, applicantId),
        eq(applications.state, 'draft'),
        sql`${applications.data} = '{}'::jsonb`,
        not(
          exists(
            db
              .select({ one: sql`1` })
              .from(applicationDocuments)
              .where(eq(applicationDocuments.applicationId, applications.id)),
          ),
        ),
      ),
    )
    .orderBy(desc(applications.createdAt))
    .limit(1);
  return row;
}

/** A new draft of `applicantId`; returns its id. */
export async function insertApplication(db: Db, applicantId: string): Promise<string> {
  const [row] = await db.insert(applications).values({ applicantId }).returning({ id: applications.id });
  return row!.id;
}

export async function grantApplicantRole(db: Db, userId: string): Promise<void> {
  await db.insert(userRoles).values({ userId, role: 'applicant' }).onConflictDoNothing();
}

export async function deleteApplication(db: Db, id: string): Promise<void> {
  await db.delete(applications).where(eq(applications.id, id));
}

/** Is `eik` a member's, or another open application's? (One statement.) */
export async function isEikTaken(db: Db, eik: string, applicationId: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(organizations)
    .innerJoin(memberships, eq(memberships.organizationId, organizations.id))
    .where(
      and(
        eq(organizations.eik, eik),
        ne(memberships.category, 'candidate'),
        inArray(memberships.status, ['active', 'suspended']),
      ),
    )
    .unionAll(
      db
        .select({ one: sql<number>`1` })
        .from(applications)
        .where(
          and(
            eq(applications.eik, eik),
            ne(applications.id, applicationId),
            inArray(applications.state, [...OPEN_STATES]),
          ),
        ),
    )
    .limit(1);
  return rows.length > 0;
}

/** The organisation on file with this ЕИК, if any. */
export async function findOrganizationIdByEik(db: Db, eik: string): Promise<string | null> {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.eik, eik));
  return row?.id ?? null;
}

/** Which of `ids` are areas of the taxonomy. */
export async function findAreaIds(db: Db, ids: string[]): Promise<string[]> {
  const rows = await db.select({ id: areas.id }).from(areas).where(inArray(areas.id, ids));
  return rows.map((r) => r.id);
}

/**
 * Stores one section of the form (`value` under the key `section` of `data`) with the columns copied out
 * of it; a new version. Breaks `applications_open_eik_key` when another open application has the ЕИК.
 */
export async function updateSection(
  db: Db,
  id: string,
  section: string,
  value: unknown,
  columns: { eik: string | null; kind: string | null; organizationId: string | null },
): Promise<void> {
  await db
    .update(applications)
    .set({
      data: sql`${applications.data} || jsonb_build_object(${section}::text, ${JSON.stringify(value)}::jsonb)`,
      ...columns,
      updatedAt: sql`now()`,
      version: sql`${applications.version} + 1`,
    })
    .where(eq(applications.id, id));
}

/**
 * Moves the application to `state` (a new version); `submitted` stamps the first submission. Breaks
 * `applications_open_eik_key` when another open application has the ЕИК.
 */
export async function updateState(db: Db, id: string, state: ApplicationState, submitted: boolean) {
  await db
    .update(applications)
    .set({
      state,
      updatedAt: sql`now()`,
      version: sql`${applications.version} + 1`,
      ...(submitted ? { submittedAt: sql`coalesce(${applications.submittedAt}, now())` } : {}),
    })
    .where(eq(applications.id, id));
}

/** A change of the application that is not in its own row (a document): a new version. */
export async function touchApplication(db: Db, id: string): Promise<void> {
  await db
    .update(applications)
    .set({ updatedAt: sql`now()`, version: sql`${applications.version} + 1` })
    .where(eq(applications.id, id));
}

/** The latest decision of the register on the application, if any. */
export async function findLatestDecision(db: Db, applicationId: string) {
  const [row] = await db
    .select({ number: decisions.number, decidedOn: decisions.decidedOn, outcome: decisions.outcome })
    .from(decisions)
    .where(eq(decisions.applicationId, applicationId))
    .orderBy(desc(decisions.createdAt))
    .limit(1);
  return row;
}

// ---------- votes opened and ended by a move ----------

/** Ends the application's open vote, without an outcome. */
export async function closeOpenVoteSession(db: Db, applicationId: string): Promise<void> {
  await db
    .update(voteSessions)
    .set({ closedAt: sql`now()` })
    .where(and(eq(voteSessions.applicationId, applicationId), isNull(voteSessions.closedAt)));
}

// ---------- the timeline ----------

export async function insertEvent(
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
  await db.insert(applicationEvents).values({
    applicationId,
    actorId,
    kind: e.kind,
    action: e.action ?? null,
    fromState: e.from ?? null,
    toState: e.to ?? null,
    audience: e.audience,
    text: e.text ?? null,
    changes: e.changes ?? null,
  });
}

/** The timeline, oldest first; the applicant's audience only unless `committee`. */
export async function findTimeline(
  db: Db,
  applicationId: string,
  committee: boolean,
): Promise<TimelineEntry[]> {
  const rows = await db
    .select({
      id: applicationEvents.id,
      at: applicationEvents.at,
      actorName: users.displayName,
      kind: applicationEvents.kind,
      action: applicationEvents.action,
      fromState: applicationEvents.fromState,
      toState: applicationEvents.toState,
      audience: applicationEvents.audience,
      text: applicationEvents.text,
      changes: applicationEvents.changes,
    })
    .from(applicationEvents)
    .leftJoin(users, eq(users.id, applicationEvents.actorId))
    .where(
      and(
        eq(applicationEvents.applicationId, applicationId),
        committee ? undefined : eq(applicationEvents.audience, 'applicant'),
      ),
    )
    .orderBy(asc(applicationEvents.id));
  return rows.map((r) => ({
    ...r,
    at: toIso(r.at),
    // Written from ApplicationState values only (`insertEvent`); the columns are plain text.
    fromState: r.fromState as ApplicationState | null,
    toState: r.toState as ApplicationState | null,
    changes: (r.changes ?? null) as TimelineEntry['changes'],
  }));
}

// ---------- the summaries (the applicant's list, the committee's queue) ----------

const summaryColumns = {
  id: applications.id,
  state: applications.state,
  nameBg: sql<string | null>`${applications.data}->'organization'->>'nameBg'`,
  nameEn: sql<string | null>`${applications.data}->'organization'->>'nameEn'`,
  eik: applications.eik,
  kind: applications.kind,
  applicantName: users.displayName,
  submittedAt: applications.submittedAt,
  updatedAt: applications.updatedAt,
};

async function findSummaries(
  db: Db,
  where: SQL | undefined,
  orderBy: SQL[],
  page?: { limit: number; offset: number },
) {
  const query = db
    .select(summaryColumns)
    .from(applications)
    .innerJoin(users, eq(users.id, applications.applicantId))
    .where(where)
    .orderBy(...orderBy)
    .$dynamic();
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  return rows.map((r) => ({ ...r, submittedAt: toIso(r.submittedAt), updatedAt: toIso(r.updatedAt) }));
}

export function findSummariesOfApplicant(db: Db, applicantId: string) {
  return findSummaries(db, eq(applications.applicantId, applicantId), [desc(applications.createdAt)]);
}

/** The committee's queue without the state filter (the pipeline's counts are taken over it): never drafts. */
export function queueFilter(q: Omit<ApplicationQueueQuery, 'state' | 'page' | 'pageSize'>): SQL {
  return and(
    ne(applications.state, 'draft'),
    q.kind ? eq(applications.kind, q.kind) : undefined,
    q.area
      ? sql`exists (select 1 from jsonb_array_elements_text(${applications.data}->'areas'->'areaIds') x(area)
              join areas ar on ar.id = x.area where ar.id = ${q.area} or ar.parent_id = ${q.area})`
      : undefined,
    q.from ? gte(applications.submittedAt, sql`${q.from}::date`) : undefined,
    q.to ? lt(applications.submittedAt, sql`${q.to}::date + 1`) : undefined,
  )!;
}

export function withState(where: SQL, state: ApplicationState | undefined): SQL {
  return state ? and(where, eq(applications.state, state))! : where;
}

/** How many applications match `where`, per state. */
export async function countByState(db: Db, where: SQL) {
  return db
    .select({ state: applications.state, n: count() })
    .from(applications)
    .where(where)
    .groupBy(applications.state);
}

export async function countApplications(db: Db, where: SQL): Promise<number> {
  const [row] = await db.select({ n: count() }).from(applications).where(where);
  return row?.n ?? 0;
}

export function findQueuePage(db: Db, where: SQL, page: { limit: number; offset: number }) {
  return findSummaries(
    db,
    where,
    [sql`${applications.submittedAt} desc nulls last`, asc(applications.id)],
    page,
  );
}

// ---------- documents ----------

/** The application's documents (without their bytes), oldest first. */
export async function findDocuments(db: Db, applicationId: string) {
  const rows = await db
    .select({
      id: applicationDocuments.id,
      kind: applicationDocuments.kind,
      filename: applicationDocuments.filename,
      size: applicationDocuments.size,
      uploadedAt: applicationDocuments.uploadedAt,
    })
    .from(applicationDocuments)
    .where(eq(applicationDocuments.applicationId, applicationId))
    .orderBy(asc(applicationDocuments.uploadedAt), asc(applicationDocuments.id));
  return rows.map((r) => ({ ...r, uploadedAt: toIso(r.uploadedAt) }));
}

export async function countDocuments(db: Db, applicationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(applicationDocuments)
    .where(eq(applicationDocuments.applicationId, applicationId));
  return row?.n ?? 0;
}

export async function insertDocument(
  db: Db,
  document: {
    applicationId: string;
    kind: DocumentKind;
    filename: string;
    size: number;
    sha256: string;
    content: Buffer;
    uploadedBy: string;
  },
) {
  const [row] = await db
    .insert(applicationDocuments)
    .values(document)
    .returning({ id: applicationDocuments.id, uploadedAt: applicationDocuments.uploadedAt });
  return { id: row!.id, uploadedAt: toIso(row!.uploadedAt) };
}

/** Deletes a document of the application; false when it has no such document. */
export async function deleteDocument(db: Db, applicationId: string, documentId: string): Promise<boolean> {
  const rows = await db
    .delete(applicationDocuments)
    .where(
      and(eq(applicationDocuments.id, documentId), eq(applicationDocuments.applicationId, applicationId)),
    )
    .returning({ id: applicationDocuments.id });
  return rows.length > 0;
}

/** A document's name and bytes. */
export async function findDocumentContent(db: Db, applicationId: string, documentId: string) {
  const [row] = await db
    .select({ filename: applicationDocuments.filename, content: applicationDocuments.content })
    .from(applicationDocuments)
    .where(
      and(eq(applicationDocuments.id, documentId), eq(applicationDocuments.applicationId, applicationId)),
    );
  return row;
}

// ---------- conflicts of interest (issue 11 A3, decision 013) ----------

/**
 * The conflict of `userId` with the application `application` (an alias or table in the statement), as
 * SQL: the rule of `conflicts.ts`, in one `case`. Raw SQL: it is composed into the voting services' raw
 * statements (`committeeOf`) as well as read here.
 */
const conflictCase = (userId: SQL, application: SQL) => sql`case
    when ${userId} = ${application}.applicant_id then 'applicant'
    when exists (select 1 from user_organizations uo join organizations o on o.id = uo.organization_id
      where uo.user_id = ${userId}
        and (o.id = ${application}.organization_id or o.eik = ${application}.eik)) then 'representative'
    when exists (select 1 from user_organizations uo
      join organization_competitors c on c.organization_id = uo.organization_id
      where uo.user_id = ${userId} and c.competitor_eik = ${application}.eik) then 'competitor'
  end`;

/** The committee (committee roles, not disabled) with each member's conflict on the application, if any. */
export const committeeOf = (applicationId: string) => sql`select u.id, u.display_name,
    ${conflictCase(sql`u.id`, sql`a`)} as conflict
  from users u join applications a on a.id = ${applicationId}
  where u.disabled_at is null and exists (select 1 from user_roles r where r.user_id = u.id
    and r.role in ('committee_member', 'committee_chair'))`;

/** The conflict of interest of `userId` with the application, or null (none, or no such application). */
export async function findConflict(
  db: Db,
  applicationId: string,
  userId: string,
): Promise<ConflictOfInterest | null> {
  const [row] = await db
    .select({
      conflict: sql<ConflictOfInterest | null>`${conflictCase(sql`${userId}::uuid`, sql`${applications}`)}`,
    })
    .from(applications)
    .where(eq(applications.id, applicationId));
  return row?.conflict ?? null;
}
