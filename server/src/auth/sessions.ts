import { type Db, sessions, sql } from '@portal/db';
import type { Language, Role } from '@portal/shared';
import { ACTIVE_MEMBERSHIP, execute } from '../db.ts';
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
}

/** Creates a session for `userId` and returns the cookie token (only its hash is stored). */
export async function createSession(
  db: Db,
  userId: string,
  timeouts: SessionTimeouts,
  userAgent: string | undefined,
): Promise<{ token: string; sessionId: string }> {
  const token = newToken();
  const [row] = await db
    .insert(sessions)
    .values({
      tokenHash: tokenHash(token),
      userId,
      expiresAt: new Date(Date.now() + timeouts.absoluteMs),
      userAgent: userAgent ? userAgent.slice(0, 300) : null,
    })
    .returning({ id: sessions.id });
  return { token, sessionId: row!.id };
}

interface SessionRow extends Record<string, unknown> {
  session_id: string;
  id: string;
  email: string;
  display_name: string;
  language: Language;
  roles: Role[] | string;
  organization_ids: string[] | string;
  member_organization_ids: string[] | string;
  valid: boolean;
  stale: boolean;
}

const pgArray = (v: string[] | string): string[] =>
  Array.isArray(v)
    ? v
    : v
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean);

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
  const idleSeconds = Math.floor(timeouts.idleMs / 1000);
  const [row] = await execute<SessionRow>(
    db,
    sql`select s.id as session_id, u.id, u.email, u.display_name, u.language,
          array(select r.role from user_roles r where r.user_id = u.id order by r.role) as roles,
          array(select uo.organization_id::text from user_organizations uo where uo.user_id = u.id
                order by uo.organization_id) as organization_ids,
          array(select uo.organization_id::text from user_organizations uo
                join memberships m on m.organization_id = uo.organization_id
                where uo.user_id = u.id and ${ACTIVE_MEMBERSHIP}
                order by uo.organization_id) as member_organization_ids,
          (s.expires_at > now() and s.last_seen_at > now() - make_interval(secs => ${idleSeconds})
            and u.disabled_at is null and u.email_verified_at is not null) as valid,
          s.last_seen_at < now() - interval '1 minute' as stale
        from sessions s join users u on u.id = s.user_id
        where s.token_hash = ${tokenHash(token)}`,
  );
  if (!row) return null;
  if (!row.valid) {
    await execute(db, sql`delete from sessions where id = ${row.session_id}`);
    return null;
  }
  if (row.stale)
    await execute(db, sql`update sessions set last_seen_at = now() where id = ${row.session_id}`);
  return {
    sessionId: row.session_id,
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    language: row.language,
    roles: pgArray(row.roles) as Role[],
    organizationIds: pgArray(row.organization_ids),
    memberOrganizationIds: pgArray(row.member_organization_ids),
  };
}

/** Ends one session (log-out). */
export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await execute(db, sql`delete from sessions where id = ${sessionId}`);
}

/** Ends every session of a user except `keepSessionId` (password/email change, disabling). */
export async function deleteUserSessions(db: Db, userId: string, keepSessionId?: string): Promise<number> {
  const rows = await execute<{ id: string }>(
    db,
    keepSessionId
      ? sql`delete from sessions where user_id = ${userId} and id <> ${keepSessionId} returning id`
      : sql`delete from sessions where user_id = ${userId} returning id`,
  );
  return rows.length;
}
