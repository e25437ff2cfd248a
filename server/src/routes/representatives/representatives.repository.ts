import {
  and,
  asc,
  type Db,
  desc,
  eq,
  exists,
  gt,
  isNull,
  memberships,
  not,
  organizations,
  representativeInvitations,
  type SQL,
  sql,
  toIso,
  userOrganizations,
  userRoles,
  users,
} from '@portal/db';
import { type MemberStanding, memberStanding } from '@portal/shared';

export { insertRole, insertUserOrganization } from '../admin/admin.repository.ts';
export { organizationExists } from '../directory/directory.repository.ts';

/** Representatives and their invitations in the database (decision 029). */

// ---------- organisations and representatives ----------

/** The organisation's row, locked for the rest of the transaction; undefined when there is none. */
export async function lockOrganization(db: Db, organizationId: string) {
  const [row] = await db
    .select({ id: organizations.id, nameBg: organizations.nameBg, nameEn: organizations.nameEn })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for('update');
  return row;
}

export async function isRepresentative(db: Db, organizationId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: userOrganizations.userId })
    .from(userOrganizations)
    .where(and(eq(userOrganizations.organizationId, organizationId), eq(userOrganizations.userId, userId)));
  return rows.length > 0;
}

/** The organisation's standing as a member now (`none` without a membership on file, decision 012). */
export async function findMemberStanding(db: Db, organizationId: string): Promise<MemberStanding> {
  const [row] = await db
    .select({ status: memberships.status, category: memberships.category })
    .from(memberships)
    .where(eq(memberships.organizationId, organizationId));
  return memberStanding(row);
}

/** The organisation's representatives, oldest link first. */
export async function findRepresentatives(db: Db, organizationId: string) {
  const rows = await db
    .select({
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      linkedAt: userOrganizations.linkedAt,
    })
    .from(userOrganizations)
    .innerJoin(users, eq(users.id, userOrganizations.userId))
    .where(eq(userOrganizations.organizationId, organizationId))
    .orderBy(asc(userOrganizations.linkedAt), asc(users.displayName), asc(users.id));
  return rows.map((r) => ({ ...r, linkedAt: toIso(r.linkedAt) }));
}

export async function deleteRepresentative(db: Db, organizationId: string, userId: string): Promise<void> {
  await db
    .delete(userOrganizations)
    .where(and(eq(userOrganizations.organizationId, organizationId), eq(userOrganizations.userId, userId)));
}

/** Revokes the `representative` role of a user left representing no organisation; true when revoked. */
export async function revokeRoleUnlessRepresenting(db: Db, userId: string): Promise<boolean> {
  const rows = await db
    .delete(userRoles)
    .where(
      and(
        eq(userRoles.userId, userId),
        eq(userRoles.role, 'representative'),
        not(
          exists(
            db.select({ one: sql`1` }).from(userOrganizations).where(eq(userOrganizations.userId, userId)),
          ),
        ),
      ),
    )
    .returning({ userId: userRoles.userId });
  return rows.length > 0;
}

// ---------- users ----------

/** The account with this (lower-cased) email, and whether it already represents the organisation. */
export async function findInvitee(db: Db, email: string, organizationId: string) {
  const [row] = await db
    .select({
      id: users.id,
      language: users.language,
      linked: sql<boolean>`exists (select 1 from ${userOrganizations}
        where ${userOrganizations.userId} = ${users.id} and ${userOrganizations.organizationId} = ${organizationId})`,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  return row;
}

export async function findUserNameAndLanguage(db: Db, userId: string) {
  const [row] = await db
    .select({ displayName: users.displayName, language: users.language })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

export async function findUserEmail(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email;
}

// ---------- invitations ----------

const i = representativeInvitations;

/** An invitation still open: neither accepted nor revoked (expired or not). */
const open = and(isNull(i.acceptedAt), isNull(i.revokedAt));

/** Invitations matching `where` with their inviter, newest first. */
export async function findInvitations(db: Db, where: SQL | undefined) {
  const rows = await db
    .select({
      id: i.id,
      email: i.email,
      invitedBy: i.invitedBy,
      inviterName: users.displayName,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      expired: sql<boolean>`${i.expiresAt} <= now()`,
    })
    .from(i)
    .leftJoin(users, eq(users.id, i.invitedBy))
    .where(where)
    .orderBy(desc(i.createdAt), asc(i.id));
  return rows.map((r) => ({ ...r, createdAt: toIso(r.createdAt), expiresAt: toIso(r.expiresAt) }));
}

export type InvitationRecord = Awaited<ReturnType<typeof findInvitations>>[number];

export const openInvitationsOf = (organizationId: string) => and(eq(i.organizationId, organizationId), open);

export const invitationById = (id: string) => eq(i.id, id);

/** The expiry of an invitation sent now. */
const expiryIn = (days: number) => sql`now() + make_interval(days => ${days})`;

/**
 * Re-sends the open invitation of the organisation to this email with a new token and expiry; returns its
 * id, or undefined when there is none.
 */
export async function renewOpenInvitation(
  db: Db,
  invitation: { organizationId: string; email: string; tokenHash: string; invitedBy: string; days: number },
): Promise<string | undefined> {
  const [row] = await db
    .update(i)
    .set({
      tokenHash: invitation.tokenHash,
      expiresAt: expiryIn(invitation.days),
      invitedBy: invitation.invitedBy,
    })
    .where(and(eq(i.organizationId, invitation.organizationId), eq(i.email, invitation.email), open))
    .returning({ id: i.id });
  return row?.id;
}

export async function insertInvitation(
  db: Db,
  invitation: { organizationId: string; email: string; tokenHash: string; invitedBy: string; days: number },
): Promise<string> {
  const [row] = await db
    .insert(i)
    .values({
      organizationId: invitation.organizationId,
      email: invitation.email,
      tokenHash: invitation.tokenHash,
      invitedBy: invitation.invitedBy,
      expiresAt: expiryIn(invitation.days),
    })
    .returning({ id: i.id });
  return row!.id;
}

/** Revokes an open invitation of the organisation; returns its email, or undefined when none was open. */
export async function revokeOpenInvitation(
  db: Db,
  organizationId: string,
  invitationId: string,
): Promise<string | undefined> {
  const [row] = await db
    .update(i)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(i.id, invitationId), eq(i.organizationId, organizationId), open))
    .returning({ email: i.email });
  return row?.email;
}

/** The invitation with this token's hash, its organisation and inviter, and whether it is still open. */
export async function findInvitationByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      id: i.id,
      organizationId: i.organizationId,
      nameBg: organizations.nameBg,
      nameEn: organizations.nameEn,
      email: i.email,
      inviterName: users.displayName,
      invitedBy: i.invitedBy,
      expiresAt: i.expiresAt,
      expired: sql<boolean>`${i.expiresAt} <= now()`,
      acceptedBy: i.acceptedBy,
      acceptedAt: i.acceptedAt,
      revokedAt: i.revokedAt,
    })
    .from(i)
    .innerJoin(organizations, eq(organizations.id, i.organizationId))
    .leftJoin(users, eq(users.id, i.invitedBy))
    .where(eq(i.tokenHash, tokenHash));
  if (!row) return undefined;
  const { acceptedAt, revokedAt, ...rest } = row;
  return {
    ...rest,
    expiresAt: toIso(row.expiresAt),
    expired: Boolean(row.expired),
    accepted: acceptedAt !== null,
    revoked: revokedAt !== null,
  };
}

export type InvitationByToken = NonNullable<Awaited<ReturnType<typeof findInvitationByTokenHash>>>;

/** Marks an open, unexpired invitation accepted by the user; false when it no longer was. */
export async function markInvitationAccepted(db: Db, invitationId: string, userId: string): Promise<boolean> {
  const rows = await db
    .update(i)
    .set({ acceptedAt: sql`now()`, acceptedBy: userId })
    .where(and(eq(i.id, invitationId), open, gt(i.expiresAt, sql`now()`)))
    .returning({ id: i.id });
  return rows.length > 0;
}
