import {
  and,
  asc,
  auditEvents,
  bodyPositions,
  type Db,
  desc,
  eq,
  governingBodies,
  inArray,
  memberships,
  ne,
  organizations,
  sql,
  userRoles,
  users,
} from '@portal/db';
import type { BodyCreateBody, PositionKind, Role } from '@portal/shared';

export type BodyRow = typeof governingBodies.$inferSelect;
export type PositionRow = typeof bodyPositions.$inferSelect;
export type PositionWithName = PositionRow & { userName: string | null; userErased: boolean };

export async function findBodies(db: Db): Promise<BodyRow[]> {
  return db
    .select()
    .from(governingBodies)
    .orderBy(asc(governingBodies.sortOrder), asc(governingBodies.nameBg));
}

export async function findBody(db: Db, id: string, lock = false): Promise<BodyRow | undefined> {
  const query = db.select().from(governingBodies).where(eq(governingBodies.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The body whose holders are the committee that reviews applications, if any (locked when asked). */
export async function findReviewingBody(db: Db, lock = false): Promise<BodyRow | undefined> {
  const query = db.select().from(governingBodies).where(eq(governingBodies.reviewsApplications, true));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Every position of the given bodies with the user's name, newest term first. */
export async function findPositions(db: Db, bodyIds: string[]): Promise<PositionWithName[]> {
  if (bodyIds.length === 0) return [];
  const rows = await db
    .select({
      position: bodyPositions,
      userName: users.displayName,
      userErasedAt: users.erasedAt,
    })
    .from(bodyPositions)
    .leftJoin(users, eq(users.id, bodyPositions.userId))
    .where(inArray(bodyPositions.bodyId, bodyIds))
    .orderBy(desc(bodyPositions.startsOn), asc(bodyPositions.createdAt));
  return rows.map((r) => ({ ...r.position, userName: r.userName, userErased: r.userErasedAt !== null }));
}

export async function findPosition(db: Db, bodyId: string, id: string): Promise<PositionRow | undefined> {
  const [row] = await db
    .select()
    .from(bodyPositions)
    .where(and(eq(bodyPositions.id, id), eq(bodyPositions.bodyId, bodyId)));
  return row;
}

/** The member organisations now (active, candidates excluded): the general assembly's voters. */
export async function findMemberOrganizations(
  db: Db,
): Promise<{ id: string; nameBg: string; nameEn: string }[]> {
  return db
    .select({ id: organizations.id, nameBg: organizations.nameBg, nameEn: organizations.nameEn })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.status, 'active'), ne(memberships.category, 'candidate')))
    .orderBy(asc(organizations.nameBg));
}

/** A user who may hold a position: exists, not disabled, not erased (locked for the change). */
export async function lockHolder(
  db: Db,
  userId: string,
): Promise<{ id: string; usable: boolean } | undefined> {
  const [row] = await db
    .select({ id: users.id, disabledAt: users.disabledAt, erasedAt: users.erasedAt })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  return row && { id: row.id, usable: row.disabledAt === null && row.erasedAt === null };
}

export async function insertBody(db: Db, values: BodyCreateBody): Promise<BodyRow> {
  const [row] = await db.insert(governingBodies).values(values).returning();
  return row!;
}

export async function writeBody(
  db: Db,
  id: string,
  version: number,
  values: BodyCreateBody,
): Promise<BodyRow | undefined> {
  const [row] = await db
    .update(governingBodies)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${governingBodies.version} + 1` })
    .where(and(eq(governingBodies.id, id), eq(governingBodies.version, version)))
    .returning();
  return row;
}

export async function insertPosition(
  db: Db,
  values: {
    bodyId: string;
    position: PositionKind;
    userId: string | null;
    personName: string | null;
    startsOn: string;
    endsOn: string | null;
  },
): Promise<PositionRow> {
  const [row] = await db.insert(bodyPositions).values(values).returning();
  return row!;
}

export async function writePosition(
  db: Db,
  id: string,
  version: number | null,
  values: Partial<
    Pick<PositionRow, 'position' | 'userId' | 'personName' | 'startsOn' | 'endsOn' | 'holderErasedAt'>
  >,
): Promise<PositionRow | undefined> {
  const [row] = await db
    .update(bodyPositions)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${bodyPositions.version} + 1` })
    .where(
      version === null
        ? eq(bodyPositions.id, id)
        : and(eq(bodyPositions.id, id), eq(bodyPositions.version, version)),
    )
    .returning();
  return row;
}

/** The user's positions in a body (every term). */
export async function findPositionsOfUser(db: Db, bodyId: string, userId: string): Promise<PositionRow[]> {
  return db
    .select()
    .from(bodyPositions)
    .where(and(eq(bodyPositions.bodyId, bodyId), eq(bodyPositions.userId, userId)));
}

/** Every position of a user, in every body (their personal-data export; the erasure ends them). */
export async function findAllPositionsOfUser(
  db: Db,
  userId: string,
): Promise<(PositionRow & { bodyNameBg: string; bodyNameEn: string })[]> {
  const rows = await db
    .select({
      position: bodyPositions,
      bodyNameBg: governingBodies.nameBg,
      bodyNameEn: governingBodies.nameEn,
    })
    .from(bodyPositions)
    .innerJoin(governingBodies, eq(governingBodies.id, bodyPositions.bodyId))
    .where(eq(bodyPositions.userId, userId))
    .orderBy(asc(bodyPositions.startsOn));
  return rows.map((r) => ({ ...r.position, bodyNameBg: r.bodyNameBg, bodyNameEn: r.bodyNameEn }));
}

/** The users holding a position in the body at some time. */
export async function findUsersOfBody(db: Db, bodyId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: bodyPositions.userId })
    .from(bodyPositions)
    .where(and(eq(bodyPositions.bodyId, bodyId), sql`${bodyPositions.userId} is not null`));
  return rows.map((r) => r.userId!);
}

export const COMMITTEE_ROLES = ['committee_member', 'committee_chair'] as const satisfies readonly Role[];

/** The committee roles users hold now. */
export async function findCommitteeRoles(
  db: Db,
  userIds?: string[],
): Promise<{ userId: string; role: Role }[]> {
  const where = inArray(userRoles.role, [...COMMITTEE_ROLES]);
  return db
    .select({ userId: userRoles.userId, role: userRoles.role })
    .from(userRoles)
    .where(userIds ? and(where, inArray(userRoles.userId, userIds)) : where);
}

export async function countNamedHolders(db: Db, bodyId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bodyPositions)
    .where(
      and(
        eq(bodyPositions.bodyId, bodyId),
        sql`${bodyPositions.userId} is null`,
        sql`${bodyPositions.holderErasedAt} is null`,
      ),
    );
  return row?.n ?? 0;
}

/** Removes a position's holder name from the audit snapshots of that position (GDPR, decision 039). */
export async function forgetNameInAudit(db: Db, positionId: string): Promise<void> {
  const scrub = (column: typeof auditEvents.before | typeof auditEvents.after) =>
    sql`case when ${column}->>'id' = ${positionId} and ${column} ? 'personName' then jsonb_set(${column}, '{personName}', 'null'::jsonb) else ${column} end`;
  await db
    .update(auditEvents)
    .set({ before: scrub(auditEvents.before), after: scrub(auditEvents.after) })
    .where(
      and(
        eq(auditEvents.entityType, 'governing_body'),
        sql`(${auditEvents.before}->>'id' = ${positionId} or ${auditEvents.after}->>'id' = ${positionId})`,
      ),
    );
}
