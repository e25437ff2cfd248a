import {
  and,
  type Db,
  eq,
  ne,
  type SQL,
  sessions,
  sql,
  textArray,
  userOrganizations,
  userRoles,
  users,
} from '@portal/db';
import type { Role } from '@portal/shared';
import { ACTIVE_MEMBERSHIP } from '../db.ts';

/** Sessions in the database (decision 029): typed reads and writes; the rules are in sessions.ts. */

export async function insertSession(
  db: Db,
  values: { tokenHash: string; userId: string; expiresAt: Date; userAgent: string | null },
): Promise<string> {
  const [row] = await db.insert(sessions).values(values).returning({ id: sessions.id });
  return row!.id;
}

/** A text[] of the ids a subquery selects, the same array on both engines. */
const ids = (subquery: SQL) => sql`array(${subquery})`.mapWith(textArray);

/**
 * The session with this token's hash and its user, in one statement: roles, organisations, the active
 * members and the candidates among them (decisions 012, 034), whether it is still valid after `idleSeconds` of inactivity, and
 * whether its activity is more than a minute old.
 */
export async function findSessionUser(db: Db, tokenHash: string, idleSeconds: number) {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      language: users.language,
      roles: sql`array(select ${userRoles.role} from ${userRoles} where ${userRoles.userId} = ${users.id}
                 order by ${userRoles.role})`.mapWith((v: string[] | string) => textArray(v) as Role[]),
      organizationIds: ids(
        sql`select ${userOrganizations.organizationId}::text from ${userOrganizations}
            where ${userOrganizations.userId} = ${users.id} order by ${userOrganizations.organizationId}`,
      ),
      memberOrganizationIds: ids(
        sql`select uo.organization_id::text from user_organizations uo
            join memberships m on m.organization_id = uo.organization_id
            where uo.user_id = ${users.id} and ${ACTIVE_MEMBERSHIP}
            order by uo.organization_id`,
      ),
      candidateOrganizationIds: ids(
        sql`select uo.organization_id::text from user_organizations uo
            join memberships m on m.organization_id = uo.organization_id
            where uo.user_id = ${users.id} and m.status = 'active' and m.category = 'candidate'
            order by uo.organization_id`,
      ),
      valid: sql<boolean>`(${sessions.expiresAt} > now()
        and ${sessions.lastSeenAt} > now() - make_interval(secs => ${idleSeconds})
        and ${users.disabledAt} is null and ${users.emailVerifiedAt} is not null)`,
      stale: sql<boolean>`${sessions.lastSeenAt} < now() - interval '1 minute'`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  return row;
}

export async function touchSession(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, sessionId));
}

/** Deletes a session; false when there was none with this id. */
export async function deleteSessionById(db: Db, sessionId: string): Promise<boolean> {
  const rows = await db.delete(sessions).where(eq(sessions.id, sessionId)).returning({ id: sessions.id });
  return rows.length > 0;
}

/** Deletes a user's sessions, all or all but one; returns how many. */
export async function deleteSessionsOfUser(db: Db, userId: string, keepSessionId?: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(
      keepSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
        : eq(sessions.userId, userId),
    )
    .returning({ id: sessions.id });
  return rows.length;
}
