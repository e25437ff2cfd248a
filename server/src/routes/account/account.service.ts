import type { Db } from '@portal/db';
import {
  type ChangeEmailBody,
  type ChangePasswordBody,
  EMAILED_PAGES,
  type Me,
  type MyOrganization,
  type SessionInfo,
  type UpdateAccountBody,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { hashPassword, verifyPassword } from '../../auth/passwords.ts';
import { clearRateLimit, hitRateLimit, type RateLimits } from '../../auth/rate-limit.ts';
import { deleteUserSessions } from '../../auth/sessions.ts';
import { tokenHash } from '../../auth/tokens.ts';
import { enqueueEmail } from '../../email/outbox.ts';
import { AppError, fieldError } from '../../errors.ts';
import { auditSnapshot, loadAdminUser, loadMe } from '../../users.ts';
import { assertStrongPassword, issueToken } from '../auth/auth.service.ts';
import {
  deleteSessionOfUser,
  findActiveSessions,
  findLanguageByEmail,
  findOrganization,
  findOrganizationsOfUser,
  findPasswordHash,
  updatePasswordHash,
  updateUserSettings,
} from './account.repository.ts';

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
  const passwordHash = await findPasswordHash(db, userId);
  if (passwordHash === undefined || !(await verifyPassword(passwordHash, password))) {
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
    await updateUserSettings(tx, actor.userId, body);
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
    await updatePasswordHash(tx, actor.userId, passwordHash);
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
    const takenLanguage = await findLanguageByEmail(tx, body.newEmail);
    if (takenLanguage !== undefined) {
      if (body.newEmail !== user.email) {
        await enqueueEmail(tx, {
          to: body.newEmail,
          language: takenLanguage,
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

export async function listSessions(db: Db, userId: string, currentSessionId: string): Promise<SessionInfo[]> {
  const rows = await findActiveSessions(db, userId);
  return rows.map((r) => ({ ...r, current: r.id === currentSessionId }));
}

/** Ends one of the user's own sessions; another user's session id is "not found". */
export async function endOwnSession(
  db: Db,
  actor: Actor & { userId: string },
  sessionId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await deleteSessionOfUser(tx, actor.userId, sessionId)))
      throw new AppError('session.not_found', 404);
    await recordAudit(tx, actor, {
      action: 'session.ended',
      entityType: 'user',
      entityId: actor.userId,
      before: { sessionId },
    });
  });
}

export const myOrganizations = (db: Db, userId: string): Promise<MyOrganization[]> =>
  findOrganizationsOfUser(db, userId);

export async function organizationPrivateView(db: Db, id: string): Promise<MyOrganization | null> {
  return (await findOrganization(db, id)) ?? null;
}
