import {
  and,
  asc,
  auditEvents,
  count,
  type Db,
  desc,
  eq,
  exists,
  gte,
  isNotNull,
  isNull,
  like,
  lt,
  or,
  organizations,
  outboxMessages,
  rowsOf,
  type SQL,
  sql,
  toIso,
  userOrganizations,
  userRoles,
  users,
} from '@portal/db';
import {
  type AdminUserListQuery,
  type AuditQuery,
  type MailboxQuery,
  PRIVATE_EMAIL_TEMPLATES,
  type Role,
} from '@portal/shared';
import { containsPattern } from '../../db.ts';

export { organizationExists } from '../directory/directory.repository.ts';

/** What administrators read and change: users, roles, links, the audit log, the mailbox (decision 029). */

export interface Page {
  limit: number;
  offset: number;
}

export const pageOf = (q: { page: number; pageSize: number }): Page => ({
  limit: q.pageSize,
  offset: (q.page - 1) * q.pageSize,
});

// ---------- users ----------

/** The users the administrators' list filters to. */
export function userFilter(db: Db, query: AdminUserListQuery): SQL | undefined {
  const p = query.q ? containsPattern(query.q.toLowerCase()) : undefined;
  return and(
    p === undefined ? undefined : or(like(users.email, p), like(sql`lower(${users.displayName})`, p)),
    query.role
      ? exists(
          db
            .select({ one: sql`1` })
            .from(userRoles)
            .where(and(eq(userRoles.userId, users.id), eq(userRoles.role, query.role))),
        )
      : undefined,
    query.status === 'disabled' ? isNotNull(users.disabledAt) : undefined,
    query.status === 'unverified' ? and(isNull(users.disabledAt), isNull(users.emailVerifiedAt)) : undefined,
    query.status === 'active' ? and(isNull(users.disabledAt), isNotNull(users.emailVerifiedAt)) : undefined,
  );
}

export async function countUsers(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ total: count() }).from(users).where(where);
  return row?.total ?? 0;
}

/** Locks a user's row for the transaction; false when there is no such user. */
export async function lockUser(db: Db, userId: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
  return rows.length > 0;
}

/** Marks a user changed: a new version for optimistic locking. */
export async function bumpUserVersion(db: Db, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ updatedAt: sql`now()`, version: sql`${users.version} + 1` })
    .where(eq(users.id, userId));
}

export async function insertRole(
  db: Db,
  userId: string,
  role: Role,
  grantedBy: string | null,
): Promise<void> {
  await db.insert(userRoles).values({ userId, role, grantedBy }).onConflictDoNothing();
}

export async function deleteRole(db: Db, userId: string, role: Role): Promise<void> {
  await db.delete(userRoles).where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)));
}

/** Disabled from now, or since earlier when already disabled; `false` enables. */
export async function setUserDisabled(db: Db, userId: string, disabled: boolean): Promise<void> {
  await db
    .update(users)
    .set({ disabledAt: disabled ? sql`coalesce(${users.disabledAt}, now())` : null })
    .where(eq(users.id, userId));
}

export async function insertUserOrganization(db: Db, userId: string, organizationId: string): Promise<void> {
  await db.insert(userOrganizations).values({ userId, organizationId }).onConflictDoNothing();
}

export async function deleteUserOrganization(db: Db, userId: string, organizationId: string): Promise<void> {
  await db
    .delete(userOrganizations)
    .where(and(eq(userOrganizations.userId, userId), eq(userOrganizations.organizationId, organizationId)));
}

/** Every organisation (listed or not) matching a name part or the exact ЕИК, by name, at most 20. */
export async function findOrganizationRefs(db: Db, q: string | undefined) {
  const p = q ? containsPattern(q.toLowerCase()) : undefined;
  return db
    .select({ id: organizations.id, nameBg: organizations.nameBg, nameEn: organizations.nameEn })
    .from(organizations)
    .where(
      q === undefined || p === undefined
        ? undefined
        : or(
            like(sql`lower(${organizations.nameBg})`, p),
            like(sql`lower(${organizations.nameEn})`, p),
            eq(organizations.eik, q),
          ),
    )
    .orderBy(asc(organizations.nameBg))
    .limit(20);
}

// ---------- the audit log ----------

export function auditFilter(query: AuditQuery): SQL | undefined {
  return and(
    query.actorId ? eq(auditEvents.actorId, query.actorId) : undefined,
    query.entityType ? eq(auditEvents.entityType, query.entityType) : undefined,
    query.entityId ? eq(auditEvents.entityId, query.entityId) : undefined,
    query.action ? eq(auditEvents.action, query.action) : undefined,
    query.from ? gte(auditEvents.occurredAt, sql`${query.from}::date`) : undefined,
    query.to ? lt(auditEvents.occurredAt, sql`${query.to}::date + 1`) : undefined,
  );
}

export async function countAuditEvents(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ total: count() }).from(auditEvents).where(where);
  return row?.total ?? 0;
}

/** A page of audit events, newest first, each with its actor's email. */
export async function findAuditEvents(db: Db, where: SQL | undefined, page: Page) {
  const rows = await db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      actorId: auditEvents.actorId,
      actorEmail: users.email,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      before: auditEvents.before,
      after: auditEvents.after,
      requestId: auditEvents.requestId,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((r) => ({ ...r, occurredAt: toIso(r.occurredAt) }));
}

/**
 * The names of the records with these ids: users by display name, organisations by their Bulgarian name,
 * applications by the applying organisation's name (or the name the application gives). Raw SQL: one
 * union over three tables, reading into an application's json.
 */
export async function findRecordNames(db: Db, ids: string[]): Promise<{ id: string; name: string | null }[]> {
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return rowsOf<{ id: string; name: string | null }>(
    db,
    sql`select id::text, display_name as name from users where id in (${list})
        union all
        select id::text, name_bg from organizations where id in (${list})
        union all
        select a.id::text, coalesce(o.name_bg, a.data->'organization'->>'nameBg')
          from applications a left join organizations o on o.id = a.organization_id
          where a.id in (${list})`,
  );
}

// ---------- the mailbox ----------

export function mailboxFilter(query: MailboxQuery): SQL | undefined {
  return query.to
    ? like(sql`lower(${outboxMessages.toEmail})`, containsPattern(query.to.toLowerCase()))
    : undefined;
}

export async function countMessages(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ total: count() }).from(outboxMessages).where(where);
  return row?.total ?? 0;
}

/** A page of queued and sent email, newest first. */
export async function findMessages(db: Db, where: SQL | undefined, page: Page) {
  const rows = await db
    .select({
      id: outboxMessages.id,
      to: outboxMessages.toEmail,
      language: outboxMessages.language,
      template: outboxMessages.template,
      subject: outboxMessages.subject,
      // The text of an email quoting a private conversation never leaves the database here (decision 036).
      text: sql<string>`case when ${outboxMessages.template} in (${sql.join(
        PRIVATE_EMAIL_TEMPLATES.map((t) => sql`${t}`),
        sql`, `,
      )}) then '' else ${outboxMessages.text} end`,
      textHidden: sql<boolean>`${outboxMessages.template} in (${sql.join(
        PRIVATE_EMAIL_TEMPLATES.map((t) => sql`${t}`),
        sql`, `,
      )})`,
      status: outboxMessages.status,
      attempts: outboxMessages.attempts,
      createdAt: outboxMessages.createdAt,
      sentAt: outboxMessages.sentAt,
    })
    .from(outboxMessages)
    .where(where)
    .orderBy(desc(outboxMessages.createdAt), asc(outboxMessages.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((r) => ({ ...r, createdAt: toIso(r.createdAt), sentAt: toIso(r.sentAt) }));
}
