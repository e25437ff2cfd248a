import type { AuthTokenPurpose, Db } from '@portal/db';
import { type AuditAction, EMAILED_PAGES, type LogInBody, type Me, type SignUpBody } from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { burnPasswordCheck, hashPassword, passwordProblem, verifyPassword } from '../../auth/passwords.ts';
import { clearRateLimit, hitRateLimit, type RateLimits } from '../../auth/rate-limit.ts';
import { createSession, deleteUserSessions, type SessionTimeouts } from '../../auth/sessions.ts';
import { newToken, tokenHash } from '../../auth/tokens.ts';
import { enqueueEmail } from '../../email/outbox.ts';
import { AppError, fieldError } from '../../errors.ts';
import { auditSnapshot, loadAdminUser, loadMe } from '../../users.ts';
import {
  type Credentials,
  changeEmailUnlessTaken,
  deleteSessionById,
  findCredentialsByEmail,
  findResetTokenOwner,
  insertAuthToken,
  insertUserUnlessTaken,
  markEmailVerified,
  setPasswordAndVerify,
  useAuthToken,
  useResetTokensOf,
} from './auth.repository.ts';

export const TOKEN_LIFETIME_MS: Record<AuthTokenPurpose, number> = {
  verify_email: 24 * 3_600_000,
  reset_password: 3_600_000,
  change_email: 3_600_000,
};

export interface AuthContext {
  db: Db;
  actor: Actor;
  publicUrl: string;
  limits: RateLimits;
  /** The client address, for per-IP rate limits. */
  ip: string;
}

/** The page each token's emailed link opens. */
const LINK_PAGES: Record<AuthTokenPurpose, { href: (token: string) => string }> = {
  verify_email: EMAILED_PAGES.verifyEmail,
  reset_password: EMAILED_PAGES.resetPassword,
  change_email: EMAILED_PAGES.confirmEmail,
};

/** Rate-limit keys never hold an email in clear. */
const accountKey = (kind: string, email: string) => `${kind}:account:${tokenHash(email)}`;

/**
 * Refuses a new password that is easy to guess or holds the user's own email or name (issue 11 A10),
 * as a field error on `field`.
 */
export function assertStrongPassword(
  password: string,
  field: string,
  user: { email?: string | undefined; displayName?: string | undefined },
): void {
  const problem = passwordProblem(password, user);
  if (problem) throw fieldError(field, problem);
}

/** Issues a single-use token of `purpose` for the user and returns the link to email. */
export async function issueToken(
  db: Db,
  publicUrl: string,
  userId: string,
  purpose: AuthTokenPurpose,
  newEmail?: string,
): Promise<string> {
  const token = newToken();
  await insertAuthToken(db, {
    tokenHash: tokenHash(token),
    userId,
    purpose,
    newEmail: newEmail ?? null,
    expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
  });
  return `${publicUrl}${LINK_PAGES[purpose].href(token)}`;
}

/**
 * Uses a token once: the conditional UPDATE marks it used only if it is unused and unexpired, so two
 * concurrent uses cannot both succeed (the second re-checks `used_at` after the first commits).
 */
export async function consumeToken(
  db: Db,
  token: string,
  purpose: AuthTokenPurpose,
): Promise<{ userId: string; newEmail: string | null }> {
  const row = await useAuthToken(db, tokenHash(token), purpose);
  if (!row) throw fieldError('body.token', 'token.invalid');
  return row;
}

/**
 * Sign-up. The answer is the same whether or not the email is registered (an existing owner gets an
 * email instead), and the password is hashed either way so timing does not tell them apart.
 */
export async function signUp(ctx: AuthContext, body: SignUpBody): Promise<void> {
  await hitRateLimit(ctx.db, `sign-up:ip:${ctx.ip}`, ctx.limits.signUpPerIp);
  // Per address too: nobody can flood someone's mailbox with sign-up emails.
  await hitRateLimit(ctx.db, accountKey('sign-up', body.email), ctx.limits.signUpPerAccount);
  assertStrongPassword(body.password, 'body.password', body);
  const passwordHash = await hashPassword(body.password);
  await ctx.db.transaction(async (tx) => {
    const existing = await findCredentialsByEmail(tx, body.email);
    if (existing) {
      await enqueueEmail(tx, {
        to: body.email,
        language: existing.language,
        template: 'sign_up_existing',
        values: { link: `${ctx.publicUrl}${EMAILED_PAGES.forgotPassword.href()}` },
      });
      return;
    }
    const id = await insertUserUnlessTaken(tx, {
      email: body.email,
      passwordHash,
      displayName: body.displayName,
      language: body.language,
    });
    if (!id) return; // registered concurrently by someone else: same answer
    const tokenLink = await issueToken(tx, ctx.publicUrl, id, 'verify_email');
    // The page the user was going to (already checked to be a path of this site) rides along, so the
    // verification page can offer "log in to continue" there (issue 11 C4).
    const link = body.next ? `${tokenLink}&${new URLSearchParams({ next: body.next })}` : tokenLink;
    await enqueueEmail(tx, {
      to: body.email,
      language: body.language,
      template: 'verify_email',
      values: { name: body.displayName, link },
    });
    const user = await loadAdminUser(tx, id);
    await recordAudit(
      tx,
      { ...ctx.actor, userId: ctx.actor.userId ?? id },
      {
        action: 'user.signed_up',
        entityType: 'user',
        entityId: id,
        after: user ? auditSnapshot(user) : null,
      },
    );
  });
}

export async function verifyEmail(ctx: AuthContext, token: string): Promise<void> {
  await hitRateLimit(ctx.db, `token:ip:${ctx.ip}`, ctx.limits.tokenPerIp);
  await ctx.db.transaction(async (tx) => {
    const { userId } = await consumeToken(tx, token, 'verify_email');
    const before = await loadAdminUser(tx, userId);
    await markEmailVerified(tx, userId);
    const after = await loadAdminUser(tx, userId);
    await recordAudit(
      tx,
      { ...ctx.actor, userId: ctx.actor.userId ?? userId },
      {
        action: 'user.email_verified',
        entityType: 'user',
        entityId: userId,
        before: before ? auditSnapshot(before) : null,
        after: after ? auditSnapshot(after) : null,
      },
    );
  });
}

/** Work left to do after answering (issue 11 A12): the route hands it to `request.defer`. */
export type AfterReply = () => Promise<void>;

/**
 * Emails a single-use link (verification or reset) to the account behind `email` when `eligible`;
 * otherwise does nothing. Rate-limited per address and per IP either way, and answered the same way
 * either way, so nobody learns whether an address is registered. The limits are checked before the
 * answer (a 429 must be said); looking the account up, issuing the token and queueing the email are
 * returned as work for after the answer, so its timing does not tell a registered address either
 * (decision 024).
 */
async function emailTokenLink(
  ctx: AuthContext,
  email: string,
  link: {
    purpose: 'verify_email' | 'reset_password';
    action: AuditAction;
    eligible: (user: Credentials) => boolean;
  },
): Promise<AfterReply> {
  await hitRateLimit(ctx.db, `reset:ip:${ctx.ip}`, ctx.limits.resetPerIp);
  await hitRateLimit(ctx.db, accountKey('reset', email), ctx.limits.resetPerAccount);
  return () =>
    ctx.db.transaction(async (tx) => {
      const user = await findCredentialsByEmail(tx, email);
      if (!user || !link.eligible(user)) return;
      const url = await issueToken(tx, ctx.publicUrl, user.id, link.purpose);
      await enqueueEmail(tx, {
        to: email,
        language: user.language,
        template: link.purpose,
        values: { name: user.displayName, link: url },
      });
      await recordAudit(tx, ctx.actor, { action: link.action, entityType: 'user', entityId: user.id });
    });
}

/** Sends a new verification link to an unverified account; silent otherwise (no enumeration). */
export function resendVerification(ctx: AuthContext, email: string): Promise<AfterReply> {
  return emailTokenLink(ctx, email, {
    purpose: 'verify_email',
    action: 'user.verification_sent',
    eligible: (u) => !u.verified && !u.disabled,
  });
}

export interface LogInResult {
  token: string;
  sessionId: string;
  user: Me;
}

/**
 * Log-in. Every attempt counts against the account and the address before the password is checked
 * (one atomic upsert each, so parallel guesses cannot slip past the limit); success clears the
 * account's count. Unknown emails cost one argon2 verification too.
 */
export async function logIn(
  ctx: AuthContext,
  body: LogInBody,
  timeouts: SessionTimeouts,
  userAgent: string | undefined,
  log: { info(o: object, m: string): void; warn(o: object, m: string): void },
): Promise<LogInResult> {
  const key = accountKey('log-in', body.email);
  try {
    await hitRateLimit(ctx.db, `log-in:ip:${ctx.ip}`, ctx.limits.logInPerIp);
    await hitRateLimit(ctx.db, key, ctx.limits.logInPerAccount);
  } catch (error) {
    // A refused attempt is a failed log-in too (brute force shows in the logs).
    if (error instanceof AppError && error.code === 'rate_limited') {
      const user = await findCredentialsByEmail(ctx.db, body.email);
      log.warn(
        { event: 'auth.log_in_failed', userId: user?.id ?? null, reason: 'rate_limited' },
        'log-in failed',
      );
    }
    throw error;
  }
  const user = await findCredentialsByEmail(ctx.db, body.email);
  let ok = false;
  if (user) ok = await verifyPassword(user.passwordHash, body.password);
  else await burnPasswordCheck(body.password);
  if (!user || !ok || user.disabled) {
    log.warn(
      {
        event: 'auth.log_in_failed',
        userId: user?.id ?? null,
        reason: !user ? 'unknown' : !ok ? 'password' : 'disabled',
      },
      'log-in failed',
    );
    throw new AppError('auth.invalid_credentials', 401);
  }
  if (!user.verified) {
    log.warn({ event: 'auth.log_in_failed', userId: user.id, reason: 'unverified' }, 'log-in failed');
    throw new AppError('auth.email_unverified', 403);
  }
  await clearRateLimit(ctx.db, key);
  const result = await ctx.db.transaction(async (tx) => {
    const session = await createSession(tx, user.id, timeouts, userAgent);
    await recordAudit(
      tx,
      { ...ctx.actor, userId: user.id },
      {
        action: 'session.created',
        entityType: 'user',
        entityId: user.id,
        after: { sessionId: session.sessionId },
      },
    );
    return session;
  });
  log.info({ event: 'auth.logged_in', userId: user.id }, 'logged in');
  const me = await loadMe(ctx.db, user.id);
  return { ...result, user: me! };
}

export async function logOut(db: Db, actor: Actor, sessionId: string, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await deleteSessionById(tx, sessionId))) return;
    await recordAudit(tx, actor, {
      action: 'session.ended',
      entityType: 'user',
      entityId: userId,
      before: { sessionId },
    });
  });
}

/** Emails a reset link if the account exists; the answer never says whether it does (nor its timing). */
export function forgotPassword(ctx: AuthContext, email: string): Promise<AfterReply> {
  return emailTokenLink(ctx, email, {
    purpose: 'reset_password',
    action: 'user.password_reset_requested',
    eligible: (u) => !u.disabled,
  });
}

/** Sets a new password with a reset token (once), confirms the email and ends every session. */
export async function resetPassword(ctx: AuthContext, token: string, password: string): Promise<void> {
  await hitRateLimit(ctx.db, `token:ip:${ctx.ip}`, ctx.limits.tokenPerIp);
  // The token's owner, to refuse their own email or name (an unusable token fails below either way).
  const owner = await findResetTokenOwner(ctx.db, tokenHash(token));
  assertStrongPassword(password, 'body.password', { email: owner?.email, displayName: owner?.displayName });
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const { userId } = await consumeToken(tx, token, 'reset_password');
    const before = await loadAdminUser(tx, userId);
    await setPasswordAndVerify(tx, userId, passwordHash);
    // Other reset links of this user die with the password they were meant to replace.
    await useResetTokensOf(tx, userId);
    const ended = await deleteUserSessions(tx, userId);
    const after = await loadAdminUser(tx, userId);
    await recordAudit(
      tx,
      { ...ctx.actor, userId: ctx.actor.userId ?? userId },
      {
        action: 'user.password_reset',
        entityType: 'user',
        entityId: userId,
        before: before ? auditSnapshot(before) : null,
        after: after ? { ...auditSnapshot(after), sessionsEnded: ended } : null,
      },
    );
  });
}

/** Confirms a new email address from the link sent to it; ends the user's other sessions. */
export async function confirmEmailChange(
  ctx: AuthContext,
  token: string,
  currentSessionId: string | undefined,
): Promise<void> {
  await hitRateLimit(ctx.db, `token:ip:${ctx.ip}`, ctx.limits.tokenPerIp);
  await ctx.db.transaction(async (tx) => {
    const { userId, newEmail } = await consumeToken(tx, token, 'change_email');
    if (!newEmail) throw fieldError('body.token', 'token.invalid');
    const before = await loadAdminUser(tx, userId);
    if (!(await changeEmailUnlessTaken(tx, userId, newEmail)))
      throw fieldError('body.token', 'token.invalid');
    await deleteUserSessions(tx, userId, currentSessionId);
    const after = await loadAdminUser(tx, userId);
    await recordAudit(
      tx,
      { ...ctx.actor, userId: ctx.actor.userId ?? userId },
      {
        action: 'user.email_changed',
        entityType: 'user',
        entityId: userId,
        before: before ? auditSnapshot(before) : null,
        after: after ? auditSnapshot(after) : null,
      },
    );
  });
}
