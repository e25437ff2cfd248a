import {
  and,
  asc,
  type Db,
  desc,
  eq,
  gt,
  memberships,
  organizations,
  sessions,
  sql,
  toIso,
  userOrganizations,
  users,
} from '@portal/db';
import type { Language, MyOrganization } from '@portal/shared';

/** What the signed-in user reads and changes of their own account (decision 029). */

// ---------- the user ----------

export async function findPasswordHash(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash;
}

/** Marks a user changed: a new version for optimistic locking. */
const changed = { updatedAt: sql`now()`, version: sql`${users.version} + 1` };

/** Changes the display name and the language given (an absent one stays). */
export async function updateUserSettings(
  db: Db,
  userId: string,
  settings: { displayName?: string | undefined; language?: Language | undefined },
): Promise<void> {
  await db
    .update(users)
    .set({ displayName: settings.displayName, language: settings.language, ...changed })
    .where(eq(users.id, userId));
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, ...changed })
    .where(eq(users.id, userId));
}

/** The language of the account with this (lower-cased) email, or undefined when there is none. */
export async function findLanguageByEmail(db: Db, email: string): Promise<Language | undefined> {
  const [row] = await db
    .select({ language: users.language })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  return row?.language;
}

// ---------- sessions ----------

/** The user's unexpired sessions, the most recently active first. */
export async function findActiveSessions(db: Db, userId: string) {
  const rows = await db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((r) => ({
    ...r,
    createdAt: toIso(r.createdAt),
    lastSeenAt: toIso(r.lastSeenAt),
    expiresAt: toIso(r.expiresAt),
  }));
}

/** Deletes one of the user's sessions; false when the user has no session with this id. */
export async function deleteSessionOfUser(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

// ---------- organisations ----------

/** An organisation and its membership (null fields: none on file), as its representatives see it. */
const organizationColumns = {
  id: organizations.id,
  nameBg: organizations.nameBg,
  nameEn: organizations.nameEn,
  eik: organizations.eik,
  kind: organizations.kind,
  category: memberships.category,
  status: memberships.status,
  memberSince: memberships.memberSince,
};

/** The organisations the user represents, by Bulgarian name. */
export async function findOrganizationsOfUser(db: Db, userId: string): Promise<MyOrganization[]> {
  return db
    .select(organizationColumns)
    .from(organizations)
    .leftJoin(memberships, eq(memberships.organizationId, organizations.id))
    .innerJoin(userOrganizations, eq(userOrganizations.organizationId, organizations.id))
    .where(eq(userOrganizations.userId, userId))
    .orderBy(asc(organizations.nameBg));
}

export async function findOrganization(db: Db, id: string): Promise<MyOrganization | undefined> {
  const [row] = await db
    .select(organizationColumns)
    .from(organizations)
    .leftJoin(memberships, eq(memberships.organizationId, organizations.id))
    .where(eq(organizations.id, id));
  return row;
}
