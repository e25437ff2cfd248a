import type { Db } from '@portal/db';
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
import { AppError } from '../../errors.ts';
import { auditSnapshot, findUsers, loadAdminUser, toAdminUser } from '../../users.ts';
import { committeeRoleChanged } from '../bodies/bodies.service.ts';
import {
  auditFilter,
  bumpUserVersion,
  countAuditEvents,
  countMessages,
  countUsers,
  deleteRole,
  deleteUserOrganization,
  findAuditEvents,
  findMessages,
  findOrganizationRefs,
  findRecordNames,
  insertRole,
  insertUserOrganization,
  lockUser,
  mailboxFilter,
  organizationExists,
  pageOf,
  setUserDisabled,
  userFilter,
} from './admin.repository.ts';

export async function listUsers(db: Db, query: AdminUserListQuery): Promise<AdminUserListResponse> {
  const where = userFilter(db, query);
  const [total, rows] = await Promise.all([countUsers(db, where), findUsers(db, where, pageOf(query))]);
  return { items: rows.map(toAdminUser), total, page: query.page, pageSize: query.pageSize };
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
    if (!(await lockUser(tx, userId))) throw new AppError('user.not_found', 404);
    const before = await getUser(tx, userId);
    await change(tx, before);
    await bumpUserVersion(tx, userId);
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

const isCommitteeRole = (role: Role): role is 'committee_member' | 'committee_chair' =>
  role === 'committee_member' || role === 'committee_chair';

/**
 * A committee role follows the positions in the body that reviews applications, when there is one
 * (decision 039): granting or revoking it here changes the positions in the same transaction.
 */
export function grantRole(db: Db, actor: Actor, userId: string, role: Role): Promise<AdminUser> {
  return changeUser(db, actor, userId, 'user.role_granted', async (tx) => {
    if (isCommitteeRole(role) && (await committeeRoleChanged(tx, actor, userId, role, 'granted'))) return;
    await insertRole(tx, userId, role, actor.userId);
  });
}

export function revokeRole(db: Db, actor: Actor, userId: string, role: Role): Promise<AdminUser> {
  if (role === 'admin' && userId === actor.userId) throw new AppError('user.self_lockout', 409);
  return changeUser(db, actor, userId, 'user.role_revoked', async (tx) => {
    if (isCommitteeRole(role) && (await committeeRoleChanged(tx, actor, userId, role, 'revoked'))) return;
    await deleteRole(tx, userId, role);
  });
}

/** Disabling ends every session of the user at once. */
export function disableUser(db: Db, actor: Actor, userId: string): Promise<AdminUser> {
  if (userId === actor.userId) throw new AppError('user.self_lockout', 409);
  return changeUser(db, actor, userId, 'user.disabled', async (tx) => {
    await setUserDisabled(tx, userId, true);
    await deleteUserSessions(tx, userId);
  });
}

export function enableUser(db: Db, actor: Actor, userId: string): Promise<AdminUser> {
  return changeUser(db, actor, userId, 'user.enabled', async (tx) => {
    await setUserDisabled(tx, userId, false);
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
    if (!(await organizationExists(tx, organizationId))) throw new AppError('organization.not_found', 404);
    await insertUserOrganization(tx, userId, organizationId);
    await insertRole(tx, userId, 'representative', actor.userId);
  });
}

export function unlinkOrganization(
  db: Db,
  actor: Actor,
  userId: string,
  organizationId: string,
): Promise<AdminUser> {
  return changeUser(db, actor, userId, 'user.organization_unlinked', async (tx) => {
    await deleteUserOrganization(tx, userId, organizationId);
  });
}

/** Every organisation (listed or not), by name, for the "link to organisation" picker. */
export function searchOrganizations(db: Db, q: string | undefined): Promise<OrganizationRef[]> {
  return findOrganizationRefs(db, q);
}

export async function listAudit(db: Db, query: AuditQuery): Promise<AuditListResponse> {
  const where = auditFilter(query);
  const [total, items] = await Promise.all([
    countAuditEvents(db, where),
    findAuditEvents(db, where, pageOf(query)),
  ]);
  const names = await recordNames(db, items);
  return { items, total, page: query.page, pageSize: query.pageSize, names };
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
  const rows = await findRecordNames(db, [...ids]);
  const names: Record<string, string> = {};
  for (const r of rows) if (r.name) names[r.id] = r.name;
  return names;
}

export async function listMailbox(db: Db, query: MailboxQuery): Promise<MailboxListResponse> {
  const where = mailboxFilter(query);
  const [total, items] = await Promise.all([
    countMessages(db, where),
    findMessages(db, where, pageOf(query)),
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize };
}
