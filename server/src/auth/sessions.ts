import type { Db } from '@portal/db';
import type { Language, Role } from '@portal/shared';
import {
  deleteSessionById,
  deleteSessionsOfUser,
  findSessionUser,
  insertSession,
  touchSession,
} from './sessions.repository.ts';
import { newToken, tokenHash } from './tokens.ts';

export interface SessionTimeouts {
  idleMs: number;
  absoluteMs: number;
}

/** The signed-in user a valid session resolves to. */
export interface SessionUser {
  sessionId: string;
  id: string;
  email: string;
  displayName: string;
  language: Language;
  roles: Role[];
  organizationIds: string[];
  /** Of `organizationIds`, those that are active members now (read on every request: decision 012). */
  memberOrganizationIds: string[];
  /** Of `organizationIds`, the candidates for membership now (resources open to applicants: decision 034). */
  candidateOrganizationIds: string[];
}

/** Creates a session for `userId` and returns the cookie token (only its hash is stored). */
export async function createSession(
  db: Db,
  userId: string,
  timeouts: SessionTimeouts,
  userAgent: string | undefined,
): Promise<{ token: string; sessionId: string }> {
  const token = newToken();
  const sessionId = await insertSession(db, {
    tokenHash: tokenHash(token),
    userId,
    expiresAt: new Date(Date.now() + timeouts.absoluteMs),
    userAgent: userAgent ? userAgent.slice(0, 300) : null,
  });
  return { token, sessionId };
}

/**
 * Resolves a cookie token to its user, in one statement. A session past its idle or absolute timeout,
 * or of a disabled or unverified user, is deleted and resolves to null. Activity is written at most once
 * a minute per session.
 */
export async function resolveSession(
  db: Db,
  token: string,
  timeouts: SessionTimeouts,
): Promise<SessionUser | null> {
  const row = await findSessionUser(db, tokenHash(token), Math.floor(timeouts.idleMs / 1000));
  if (!row) return null;
  if (!row.valid) {
    await deleteSessionById(db, row.sessionId);
    return null;
  }
  if (row.stale) await touchSession(db, row.sessionId);
  const { valid: _valid, stale: _stale, ...user } = row;
  return user;
}

/** Ends one session (log-out). */
export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await deleteSessionById(db, sessionId);
}

/** Ends every session of a user except `keepSessionId` (password/email change, disabling). */
export async function deleteUserSessions(db: Db, userId: string, keepSessionId?: string): Promise<number> {
  return deleteSessionsOfUser(db, userId, keepSessionId);
}
