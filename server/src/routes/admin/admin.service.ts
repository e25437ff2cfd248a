import { type Db, type SQL, sql } from '@portal/db';
import type {
  AdminUser,
  AdminUserListQuery,
  AdminUserListResponse,
  AuditAction,
  AuditEvent,
  AuditListResponse,
  AuditQuery,
  MailboxListResponse,
  MailboxQuery,
  OrganizationRef,
  Role,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { deleteUserSessions } from '../../auth/sessions.ts';
import { containsPattern, execute, isoTimestamp } from '../../db.ts';
import { AppError } from '../../errors.ts';
import { auditSnapshot, findUserRows, loadAdminUser, toAdminUser } from '../../users.ts';

export async function listUsers(db: Db, query: AdminUserListQuery): Promise<AdminUserListResponse> {
  const filters: SQL[] = [sql`true`];
  if (query.q) {
    const p = containsPattern(query.q.toLowerCase());
    filters.push(sql`(u.email like ${p} or lower(u.display_name) like ${p})`);
  }
  if (query.role)
    filters.push(sql`exists (select 1 from user_roles r where r.user_id = u.id and r.role = ${query.role})`);
  if (query.status === 'disabled') filters.push(sql`u.disabled_at is not null`);
  if (query.status === 'unverified') filters.push(sql`u.disabled_at is null and u.email_verified_at is null`);
  if (query.status === 'active') filters.push(sql`u.disabled_at is null and u.email_verified_at is not null`);
  const where = sql.join(filters, sql` and `);
  const [count] = await execute<{ total: number }>(
    db,
    sql`select count(*)::int as total from users u where ${where}`,
  );
  const rows = await findUserRows(
    db,
    where,
    sql`order by u.email limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  return {
    items: rows.map(toAdminUser),
    total: Number(count?.total ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getUser(db: Db, id: string): Promise<AdminUser> {
  const user = await loadAdminUser(db, id);
  if (!user) throw new AppError('user.not_found', 404);
  return user;
}

/**
 * Runs one administrative change on a user in a transaction: the user row is locked first (so two
 * administrators' changes serialise), the change runs, and the audit event records before and after.
 */
async function changeUser(
  db: Db,
  actor: Actor,
  userId: string,
  action: AuditAction,
  change: (tx: Db, before: AdminUser) => Promise<void>,
): Promise<AdminUser> {
  return db.transaction(async (tx) => {
    const locked = await execute(tx, sql`select id from users where id = ${userId} for update`);
    if (locked.length === 0) throw new AppError('user.not_found', 404);
    const before = await getUser(tx, userId);
    await change(tx, before);
    await execute(tx, sql`update users set updated_at = now(), version = version + 1 where id = ${userId}`);
    const after = await getUser(tx, userId);
    await recordAudit(tx, actor, {
      action,
      entityType: 'user',
      entityId: userId,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    return after;
  });
}

export function grantRole(db: Db, actor: Actor, userId: string, role: Role): Promise<AdminUser> {
  return changeUser(db, actor, userId, 'user.role_granted', async (tx) => {
    await execute(
      tx,
      sql`insert into user_roles (user_id, role, granted_by) values (${userId}, ${role}, ${actor.userId})
          on conflict do nothing`,
    );
  });
}

export function revokeRole(db: Db, actor: Actor, userId: string, role: Role): Promise<AdminUser> {
  if (role === 'admin' && userId === actor.userId) throw new AppError('user.self_lockout', 409);
  return changeUser(db, actor, userId, 'user.role_revoked', async (tx) => {
    await execute(tx, sql`delete from user_roles where user_id = ${userId} and role = ${role}`);
  });
}

/** Disabling ends every session of the user at once. */
export function disableUser(db: Db, actor: Actor, userId: string): Promise<AdminUser> {
  if (userId === actor.userId) throw new AppError('user.self_lockout', 409);
  return changeUser(db, actor, userId, 'user.disabled', async (tx) => {
    await execute(tx, sql`update users set disabled_at = coalesce(disabled_at, now()) where id = ${userId}`);
    await deleteUserSessions(tx, userId);
  });
}

export function enableUser(db: Db, actor: Actor, userId: string): Promise<AdminUser> {
  return changeUser(db, actor, userId, 'user.enabled', async (tx) => {
    await execute(tx, sql`update users set disabled_at = null where id = ${userId}`);
  });
}

/** Links a representative to an organisation (granting the representative role with it). */
export function linkOrganization(
  db: Db,
  actor: Actor,
  userId: string,
  organizationId: string,
): Promise<AdminUser> {
  return changeUser(db, actor, userId, 'user.organization_linked', async (tx) => {
    const org = await execute(tx, sql`select id from organizations where id = ${organizationId}`);
    if (org.length === 0) throw new AppError('organization.not_found', 404);
    await execute(
      tx,
      sql`insert into user_organizations (user_id, organization_id) values (${userId}, ${organizationId})
          on conflict do nothing`,
    );
    await execute(
      tx,
      sql`insert into user_roles (user_id, role, granted_by) values (${userId}, 'representative', ${actor.userId})
          on conflict do nothing`,
    );
  });
}

export function unlinkOrganization(
  db: Db,
  actor: Actor,
  userId: string,
  organizationId: string,
): Promise<AdminUser> {
  return changeUser(db, actor, userId, 'user.organization_unlinked', async (tx) => {
    await execute(
      tx,
      sql`delete from user_organizations where user_id = ${userId} and organization_id = ${organizationId}`,
    );
  });
}

/** Every organisation (listed or not), by name, for the "link to organisation" picker. */
export async function searchOrganizations(db: Db, q: string | undefined): Promise<OrganizationRef[]> {
  const filter = q
    ? sql`where lower(o.name_bg) like ${containsPattern(q.toLowerCase())} or lower(o.name_en) like ${containsPattern(q.toLowerCase())} or o.eik = ${q}`
    : sql``;
  const rows = await execute<{ id: string; name_bg: string; name_en: string }>(
    db,
    sql`select o.id, o.name_bg, o.name_en from organizations o ${filter} order by o.name_bg limit 20`,
  );
  return rows.map((r) => ({ id: r.id, nameBg: r.name_bg, nameEn: r.name_en }));
}

export async function listAudit(db: Db, query: AuditQuery): Promise<AuditListResponse> {
  const filters: SQL[] = [sql`true`];
  if (query.actorId) filters.push(sql`e.actor_id = ${query.actorId}`);
  if (query.entityType) filters.push(sql`e.entity_type = ${query.entityType}`);
  if (query.entityId) filters.push(sql`e.entity_id = ${query.entityId}`);
  if (query.action) filters.push(sql`e.action = ${query.action}`);
  if (query.from) filters.push(sql`e.occurred_at >= ${query.from}::date`);
  if (query.to) filters.push(sql`e.occurred_at < ${query.to}::date + 1`);
  const where = sql.join(filters, sql` and `);
  const [count] = await execute<{ total: number }>(
    db,
    sql`select count(*)::int as total from audit_events e where ${where}`,
  );
  const rows = await execute<{
    id: number | string;
    occurred_at: string;
    actor_id: string | null;
    actor_email: string | null;
    action: string;
    entity_type: string;
    entity_id: string;
    before: unknown;
    after: unknown;
    request_id: string | null;
  }>(
    db,
    sql`select e.id, ${isoTimestamp('e.occurred_at')} as occurred_at, e.actor_id, u.email as actor_email, e.action,
          e.entity_type, e.entity_id, e.before, e.after, e.request_id
        from audit_events e left join users u on u.id = e.actor_id
        where ${where} order by e.id desc
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  const items: AuditEvent[] = rows.map((r) => ({
    id: Number(r.id),
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: parse(r.before),
    after: parse(r.after),
    requestId: r.request_id,
  }));
  const names = await recordNames(db, items);
  return { items, total: Number(count?.total ?? 0), page: query.page, pageSize: query.pageSize, names };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function collectIds(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (UUID.test(value)) into.add(value.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const v of value) collectIds(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) collectIds(v, into);
  }
}

/**
 * Names for the ids audit events carry (issue 11 C10: records were shown as UUIDs): users by display name,
 * organisations by their Bulgarian name, applications by the applying organisation's name.
 */
async function recordNames(db: Db, events: AuditEvent[]): Promise<Record<string, string>> {
  const ids = new Set<string>();
  for (const e of events) collectIds([e.entityId, e.before, e.after], ids);
  if (ids.size === 0) return {};
  const list = sql.join(
    [...ids].map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await execute<{ id: string; name: string | null }>(
    db,
    sql`select id::text, display_name as name from users where id in (${list})
        union all
        select id::text, name_bg from organizations where id in (${list})
        union all
        select a.id::text, coalesce(o.name_bg, a.data->'organization'->>'nameBg')
          from applications a left join organizations o on o.id = a.organization_id
          where a.id in (${list})`,
  );
  const names: Record<string, string> = {};
  for (const r of rows) if (r.name) names[r.id] = r.name;
  return names;
}

export async function listMailbox(db: Db, query: MailboxQuery): Promise<MailboxListResponse> {
  const where = query.to ? sql`lower(m.to_email) like ${containsPattern(query.to.toLowerCase())}` : sql`true`;
  const [count] = await execute<{ total: number }>(
    db,
    sql`select count(*)::int as total from outbox_messages m where ${where}`,
  );
  const rows = await execute<{
    id: string;
    to_email: string;
    language: 'bg' | 'en';
    template: string;
    subject: string;
    text: string;
    status: 'pending' | 'sent' | 'failed';
    attempts: number;
    created_at: string;
    sent_at: string | null;
  }>(
    db,
    sql`select m.id, m.to_email, m.language, m.template, m.subject, m.text, m.status, m.attempts,
          ${isoTimestamp('m.created_at')} as created_at,
          case when m.sent_at is null then null else ${isoTimestamp('m.sent_at')} end as sent_at
        from outbox_messages m where ${where}
        order by m.created_at desc, m.id
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      to: r.to_email,
      language: r.language,
      template: r.template,
      subject: r.subject,
      text: r.text,
      status: r.status,
      attempts: r.attempts,
      createdAt: r.created_at,
      sentAt: r.sent_at,
    })),
    total: Number(count?.total ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}
