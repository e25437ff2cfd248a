import { type Db, sql } from '@portal/db';
import {
  type ChangeEmailBody,
  type ChangePasswordBody,
  EMAILED_PAGES,
  type Me,
  type MembershipCategory,
  type MembershipStatus,
  type MyOrganization,
  type OrganizationKind,
  type SessionInfo,
  type UpdateAccountBody,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { hashPassword, verifyPassword } from '../../auth/passwords.ts';
import { clearRateLimit, hitRateLimit, type RateLimits } from '../../auth/rate-limit.ts';
import { deleteUserSessions } from '../../auth/sessions.ts';
import { tokenHash } from '../../auth/tokens.ts';
import { execute, isoTimestamp } from '../../db.ts';
import { enqueueEmail } from '../../email/outbox.ts';
import { AppError, fieldError } from '../../errors.ts';
import { auditSnapshot, loadAdminUser, loadMe } from '../../users.ts';
import { assertStrongPassword, issueToken } from '../auth/auth.service.ts';

/**
 * Checks the signed-in user's current password. Like log-in, the attempt counts before the argon2 check
 * (one atomic upsert, so parallel guesses cannot slip past) and a right password clears the count; the
 * sixth wrong one within the window is a 429 with Retry-After (issue 11 A7).
 */
async function checkCurrentPassword(
  db: Db,
  userId: string,
  password: string,
  limits: RateLimits,
): Promise<void> {
  const key = `password-check:user:${userId}`;
  await hitRateLimit(db, key, limits.passwordCheckPerUser);
  const [row] = await execute<{ password_hash: string }>(
    db,
    sql`select password_hash from users where id = ${userId}`,
  );
  if (!row || !(await verifyPassword(row.password_hash, password))) {
    throw fieldError('body.currentPassword', 'password.wrong');
  }
  await clearRateLimit(db, key);
}

export async function updateAccount(
  db: Db,
  actor: Actor & { userId: string },
  body: UpdateAccountBody,
): Promise<Me> {
  return db.transaction(async (tx) => {
    const before = await loadAdminUser(tx, actor.userId);
    await execute(
      tx,
      sql`update users set display_name = coalesce(${body.displayName ?? null}, display_name),
            language = coalesce(${body.language ?? null}, language), updated_at = now(), version = version + 1
          where id = ${actor.userId}`,
    );
    const after = await loadAdminUser(tx, actor.userId);
    await recordAudit(tx, actor, {
      action: 'user.updated',
      entityType: 'user',
      entityId: actor.userId,
      before: before ? auditSnapshot(before) : null,
      after: after ? auditSnapshot(after) : null,
    });
    return (await loadMe(tx, actor.userId))!;
  });
}

/** Changes the password (current one required) and ends the user's other sessions. */
export async function changePassword(
  db: Db,
  actor: Actor & { userId: string },
  sessionId: string,
  body: ChangePasswordBody,
  publicUrl: string,
  limits: RateLimits,
): Promise<void> {
  await checkCurrentPassword(db, actor.userId, body.currentPassword, limits);
  const me = await loadAdminUser(db, actor.userId);
  assertStrongPassword(body.newPassword, 'body.newPassword', {
    email: me?.email,
    displayName: me?.displayName,
  });
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    await execute(
      tx,
      sql`update users set password_hash = ${passwordHash}, updated_at = now(), version = version + 1
          where id = ${actor.userId}`,
    );
    const ended = await deleteUserSessions(tx, actor.userId, sessionId);
    const user = await loadAdminUser(tx, actor.userId);
    await recordAudit(tx, actor, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: actor.userId,
      after: { sessionsEnded: ended },
    });
    if (user) {
      await enqueueEmail(tx, {
        to: user.email,
        language: user.language,
        template: 'password_changed',
        values: { name: user.displayName, link: `${publicUrl}${EMAILED_PAGES.forgotPassword.href()}` },
      });
    }
  });
}

/**
 * Starts an email change (current password required): a link goes to the new address, a notice to the
 * old one, and the user's other sessions end. If the new address belongs to another account, that
 * address is told instead, and the answer is the same (no enumeration).
 */
export async function requestEmailChange(
  db: Db,
  actor: Actor & { userId: string },
  sessionId: string,
  body: ChangeEmailBody,
  publicUrl: string,
  limits: RateLimits,
): Promise<void> {
  await checkCurrentPassword(db, actor.userId, body.currentPassword, limits);
  // Every request past the password check sends mail: limited per user and per new address, whether or
  // not that address is registered (the answer stays the same either way).
  await hitRateLimit(db, `email-change:user:${actor.userId}`, limits.emailChangePerUser);
  await hitRateLimit(db, `email-change:to:${tokenHash(body.newEmail)}`, limits.emailChangePerAddress);
  await db.transaction(async (tx) => {
    const user = await loadAdminUser(tx, actor.userId);
    if (!user) throw new AppError('user.not_found', 404);
    const [taken] = await execute<{ language: 'bg' | 'en' }>(
      tx,
      sql`select language from users where lower(email) = ${body.newEmail}`,
    );
    if (taken) {
      if (body.newEmail !== user.email) {
        await enqueueEmail(tx, {
          to: body.newEmail,
          language: taken.language,
          template: 'email_in_use',
          values: {},
        });
      }
      return;
    }
    const link = await issueToken(tx, publicUrl, actor.userId, 'change_email', body.newEmail);
    await enqueueEmail(tx, {
      to: body.newEmail,
      language: user.language,
      template: 'change_email',
      values: { name: user.displayName, link },
    });
    await enqueueEmail(tx, {
      to: user.email,
      language: user.language,
      template: 'email_change_requested',
      values: {
        name: user.displayName,
        newEmail: body.newEmail,
        link: `${publicUrl}${EMAILED_PAGES.forgotPassword.href()}`,
      },
    });
    const ended = await deleteUserSessions(tx, actor.userId, sessionId);
    await recordAudit(tx, actor, {
      action: 'user.email_change_requested',
      entityType: 'user',
      entityId: actor.userId,
      after: { newEmail: body.newEmail, sessionsEnded: ended },
    });
  });
}

interface SessionRow extends Record<string, unknown> {
  id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
}

export async function listSessions(db: Db, userId: string, currentSessionId: string): Promise<SessionInfo[]> {
  const rows = await execute<SessionRow>(
    db,
    sql`select id, ${isoTimestamp('created_at')} as created_at, ${isoTimestamp('last_seen_at')} as last_seen_at,
          ${isoTimestamp('expires_at')} as expires_at, user_agent
        from sessions where user_id = ${userId} and expires_at > now()
        order by last_seen_at desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    userAgent: r.user_agent,
    current: r.id === currentSessionId,
  }));
}

/** Ends one of the user's own sessions; another user's session id is "not found". */
export async function endOwnSession(
  db: Db,
  actor: Actor & { userId: string },
  sessionId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const gone = await execute(
      tx,
      sql`delete from sessions where id = ${sessionId} and user_id = ${actor.userId} returning id`,
    );
    if (gone.length === 0) throw new AppError('session.not_found', 404);
    await recordAudit(tx, actor, {
      action: 'session.ended',
      entityType: 'user',
      entityId: actor.userId,
      before: { sessionId },
    });
  });
}

interface OrgRow extends Record<string, unknown> {
  id: string;
  name_bg: string;
  name_en: string;
  eik: string;
  kind: OrganizationKind;
  category: MembershipCategory | null;
  status: MembershipStatus | null;
  member_since: string | null;
}

const ORG_VIEW = sql`select o.id, o.name_bg, o.name_en, o.eik, o.kind, m.category, m.status,
    m.member_since::text as member_since
  from organizations o left join memberships m on m.organization_id = o.id`;

const toMyOrganization = (r: OrgRow): MyOrganization => ({
  id: r.id,
  nameBg: r.name_bg,
  nameEn: r.name_en,
  eik: r.eik,
  kind: r.kind,
  category: r.category,
  status: r.status,
  memberSince: r.member_since,
});

export async function myOrganizations(db: Db, userId: string): Promise<MyOrganization[]> {
  const rows = await execute<OrgRow>(
    db,
    sql`${ORG_VIEW} join user_organizations uo on uo.organization_id = o.id
        where uo.user_id = ${userId} order by o.name_bg`,
  );
  return rows.map(toMyOrganization);
}

export async function organizationPrivateView(db: Db, id: string): Promise<MyOrganization | null> {
  const [row] = await execute<OrgRow>(db, sql`${ORG_VIEW} where o.id = ${id}`);
  return row ? toMyOrganization(row) : null;
}
