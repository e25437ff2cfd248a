import { and, bodyPositions, type Db, eq, userRoles } from '@portal/db';
import {
  type Body,
  type BodyCreateBody,
  type BodyListResponse,
  type BodyUpdateBody,
  type Position,
  type PositionCreateBody,
  type PositionEndBody,
  type PositionKind,
  type PositionUpdateBody,
  type Role,
  termHeldOn,
  termsOverlap,
  todayInSofia,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { AppError, fieldError } from '../../errors.ts';
import {
  type BodyRow,
  COMMITTEE_ROLES,
  countNamedHolders,
  findBodies,
  findBody,
  findCommitteeRoles,
  findMemberOrganizations,
  findPosition,
  findPositions,
  findPositionsOfUser,
  findReviewingBody,
  findUsersOfBody,
  forgetNameInAudit,
  insertBody,
  insertPosition,
  lockHolder,
  type PositionRow,
  type PositionWithName,
  writeBody,
  writePosition,
} from './bodies.repository.ts';

/**
 * Governing bodies and positions (issue 15 §1, decision 039). The committee roles in `user_roles` stay what
 * the application review checks; for the body that reviews applications they follow its positions, in the
 * same transaction as every change on either side (`syncCommitteeRoles`, `committeeRoleChanged`).
 */

// ---------- reading ----------

export type Scope = 'public' | 'history' | 'admin';

function toPosition(p: PositionWithName, scope: Scope): Position {
  const erased = p.holderErasedAt !== null || p.userErased;
  return {
    id: p.id,
    bodyId: p.bodyId,
    position: p.position,
    name: erased ? null : p.userId ? p.userName : p.personName,
    userId: scope === 'admin' ? p.userId : null,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    version: p.version,
  };
}

const POSITION_ORDER: Record<PositionKind, number> = { chair: 0, deputy_chair: 1, secretary: 2, member: 3 };

/**
 * The bodies as `scope` may see them: the public page has the bodies in existence today (not dissolved)
 * and the positions held today, chair first; the members' history and the administration every body and
 * every term. The general assembly lists the member organisations in every scope.
 */
export async function listBodies(db: Db, scope: Scope, today = todayInSofia()): Promise<BodyListResponse> {
  let bodies = await findBodies(db);
  if (scope === 'public') bodies = bodies.filter((b) => b.dissolvedOn === null || today < b.dissolvedOn);
  const positions = await findPositions(
    db,
    bodies.map((b) => b.id),
  );
  const needsMembers = bodies.some((b) => b.kind === 'general_assembly');
  const memberOrganizations = needsMembers ? await findMemberOrganizations(db) : [];
  return {
    items: bodies.map((b) => {
      let own = positions.filter((p) => p.bodyId === b.id);
      if (scope === 'public') {
        own = own
          .filter((p) => termHeldOn(p, today))
          .sort((x, y) => POSITION_ORDER[x.position] - POSITION_ORDER[y.position]);
      }
      return toBody(b, own, scope, b.kind === 'general_assembly' ? memberOrganizations : []);
    }),
  };
}

function toBody(
  b: BodyRow,
  positions: PositionWithName[],
  scope: Scope,
  memberOrganizations: Body['memberOrganizations'],
): Body {
  return {
    id: b.id,
    kind: b.kind,
    nameBg: b.nameBg,
    nameEn: b.nameEn,
    descriptionBg: b.descriptionBg,
    descriptionEn: b.descriptionEn,
    quorum: b.quorum,
    majority: b.majority,
    allowsProxy: b.allowsProxy,
    reviewsApplications: b.reviewsApplications,
    foundedOn: b.foundedOn,
    dissolvedOn: b.dissolvedOn,
    sortOrder: b.sortOrder,
    version: b.version,
    positions: positions.map((p) => toPosition(p, scope)),
    memberOrganizations,
  };
}

export async function getBody(db: Db, id: string): Promise<Body> {
  const body = await findBody(db, id);
  if (!body) throw new AppError('body.not_found', 404);
  const positions = await findPositions(db, [id]);
  const members = body.kind === 'general_assembly' ? await findMemberOrganizations(db) : [];
  return toBody(body, positions, 'admin', members);
}

/**
 * Who belongs to a body on a day, for meetings (issue 15 §2): the position holders then, or for the
 * general assembly every member organisation now (one vote each, cast by its representative).
 */
export async function bodyMembersOn(
  db: Db,
  bodyId: string,
  day = todayInSofia(),
): Promise<
  | { kind: 'people'; holders: { positionId: string; userId: string | null; position: PositionKind }[] }
  | { kind: 'organizations'; organizationIds: string[] }
> {
  const body = await findBody(db, bodyId);
  if (!body) throw new AppError('body.not_found', 404);
  if (body.kind === 'general_assembly') {
    return { kind: 'organizations', organizationIds: (await findMemberOrganizations(db)).map((o) => o.id) };
  }
  const positions = (await findPositions(db, [bodyId])).filter((p) => termHeldOn(p, day));
  return {
    kind: 'people',
    holders: positions.map((p) => ({ positionId: p.id, userId: p.userId, position: p.position })),
  };
}

// ---------- the committee roles follow the reviewing body's positions ----------

/**
 * Makes the user's committee roles what their positions in the reviewing body say today: a position held →
 * `committee_member`; the chair → `committee_chair` too; none (or no reviewing body) → neither. Grants and
 * revocations are audited on the user unless the caller audits the user change itself.
 */
export async function syncCommitteeRoles(
  tx: Db,
  actor: Actor,
  userId: string,
  options: { today?: string; audit?: boolean } = {},
): Promise<boolean> {
  const today = options.today ?? todayInSofia();
  const reviewing = await findReviewingBody(tx);
  const held = reviewing
    ? (await findPositionsOfUser(tx, reviewing.id, userId)).filter(
        (p) => p.holderErasedAt === null && termHeldOn(p, today),
      )
    : [];
  const want = new Set<Role>();
  if (held.length > 0) want.add('committee_member');
  if (held.some((p) => p.position === 'chair')) want.add('committee_chair');
  const has = new Set((await findCommitteeRoles(tx, [userId])).map((r) => r.role));
  const grant = COMMITTEE_ROLES.filter((r) => want.has(r) && !has.has(r));
  const revoke = COMMITTEE_ROLES.filter((r) => !want.has(r) && has.has(r));
  if (grant.length === 0 && revoke.length === 0) return false;
  for (const role of grant) {
    await tx.insert(userRoles).values({ userId, role, grantedBy: actor.userId }).onConflictDoNothing();
  }
  for (const role of revoke) {
    await tx.delete(userRoles).where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)));
  }
  if (options.audit !== false) {
    const before = { roles: COMMITTEE_ROLES.filter((r) => has.has(r)), reason: 'body_position' };
    const after = { roles: COMMITTEE_ROLES.filter((r) => want.has(r)), reason: 'body_position' };
    for (const role of grant) {
      await recordAudit(tx, actor, {
        action: 'user.role_granted',
        entityType: 'user',
        entityId: userId,
        before,
        after: { ...after, role },
      });
    }
    for (const role of revoke) {
      await recordAudit(tx, actor, {
        action: 'user.role_revoked',
        entityType: 'user',
        entityId: userId,
        before,
        after: { ...after, role },
      });
    }
  }
  return true;
}

/** The daily run (housekeeping): terms of the reviewing body that started or ended since yesterday. */
export async function syncAllCommitteeRoles(tx: Db, actor: Actor, today = todayInSofia()): Promise<number> {
  const reviewing = await findReviewingBody(tx);
  const users = new Set((await findCommitteeRoles(tx)).map((r) => r.userId));
  if (reviewing) for (const id of await findUsersOfBody(tx, reviewing.id)) users.add(id);
  // Without a reviewing body the roles are managed on their own (the administration's users page).
  if (!reviewing) return 0;
  let changed = 0;
  for (const userId of users) if (await syncCommitteeRoles(tx, actor, userId, { today })) changed++;
  return changed;
}

/**
 * An administrator granted or revoked a committee role on the users page (inside that change's
 * transaction, the user row locked): with a reviewing body, its positions change to match — granting the
 * member role opens a member position from today, granting the chair makes them the chair from today
 * (refused while someone else is), revoking the member role ends every position they hold, revoking the
 * chair ends the chair and opens a member position from today. Without a reviewing body the role alone
 * changes. Returns false when there is no reviewing body (the caller changes the role itself).
 */
export async function committeeRoleChanged(
  tx: Db,
  actor: Actor,
  userId: string,
  role: 'committee_member' | 'committee_chair',
  change: 'granted' | 'revoked',
): Promise<boolean> {
  const reviewing = await findReviewingBody(tx, true);
  if (!reviewing) return false;
  const today = todayInSofia();
  const all = await findPositions(tx, [reviewing.id]);
  const mine = all.filter((p) => p.userId === userId && p.holderErasedAt === null);
  const held = mine.filter((p) => termHeldOn(p, today));
  const upcoming = mine.filter((p) => p.startsOn > today);
  const end = async (p: PositionRow, endsOn: string) => {
    const after = await writePosition(tx, p.id, null, { endsOn });
    await recordAudit(tx, actor, {
      action: 'body.position_ended',
      entityType: 'governing_body',
      entityId: reviewing.id,
      before: positionSnapshot(p),
      after: positionSnapshot(after!),
    });
  };
  const open = async (position: PositionKind) => {
    const row = await insertPosition(tx, {
      bodyId: reviewing.id,
      position,
      userId,
      personName: null,
      startsOn: today,
      endsOn: null,
    });
    await recordAudit(tx, actor, {
      action: 'body.position_added',
      entityType: 'governing_body',
      entityId: reviewing.id,
      after: positionSnapshot(row),
    });
  };
  if (change === 'granted' && role === 'committee_member') {
    if (held.length === 0) {
      if (upcoming.length > 0) throw new AppError('body.position_conflict', 409);
      await open('member');
    }
  } else if (change === 'granted') {
    if (!held.some((p) => p.position === 'chair')) {
      const otherChair = all.some(
        (p) =>
          p.position === 'chair' && p.userId !== userId && termsOverlap(p, { startsOn: today, endsOn: null }),
      );
      if (otherChair || upcoming.length > 0) throw new AppError('body.position_conflict', 409);
      for (const p of held) await end(p, today);
      await open('chair');
    }
  } else if (role === 'committee_member') {
    for (const p of held) await end(p, today);
    // A term that has not started yet is cancelled: it ends the day it would have started.
    for (const p of upcoming) await end(p, p.startsOn);
  } else {
    const chairs = held.filter((p) => p.position === 'chair');
    if (chairs.length > 0) {
      for (const p of chairs) await end(p, today);
      if (held.length === chairs.length) await open('member');
    }
  }
  await syncCommitteeRoles(tx, actor, userId, { today, audit: false });
  return true;
}

// ---------- changing bodies ----------

function bodySnapshot(b: BodyRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = b;
  return rest;
}

function positionSnapshot(p: PositionRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = p;
  return rest;
}

export async function createBody(db: Db, actor: Actor, input: BodyCreateBody): Promise<Body> {
  const id = await db.transaction(async (tx) => {
    if (input.reviewsApplications) await assertMayReview(tx, null);
    const row = await insertBody(tx, input);
    await recordAudit(tx, actor, {
      action: 'body.created',
      entityType: 'governing_body',
      entityId: row.id,
      after: bodySnapshot(row),
    });
    if (input.reviewsApplications) await becameReviewing(tx, actor, row.id);
    return row.id;
  });
  return getBody(db, id);
}

export async function updateBody(
  db: Db,
  actor: Actor,
  id: string,
  { version, ...input }: BodyUpdateBody,
): Promise<Body> {
  await db.transaction(async (tx) => {
    // The reviewing body first (the users page locks the user, then it): one order for every change.
    await findReviewingBody(tx, true);
    const before = await findBody(tx, id, true);
    if (!before) throw new AppError('body.not_found', 404);
    if (input.reviewsApplications && !before.reviewsApplications) await assertMayReview(tx, id);
    const after = await writeBody(tx, id, version, input);
    if (!after) throw new AppError('body.stale', 409);
    await recordAudit(tx, actor, {
      action: 'body.updated',
      entityType: 'governing_body',
      entityId: id,
      before: bodySnapshot(before),
      after: bodySnapshot(after),
    });
    if (after.reviewsApplications !== before.reviewsApplications) {
      if (after.reviewsApplications) await becameReviewing(tx, actor, id);
      // No longer the reviewing body: its holders' committee roles go (no reviewing body → none wanted).
      else for (const userId of await findUsersOfBody(tx, id)) await syncCommitteeRoles(tx, actor, userId);
    }
  });
  return getBody(db, id);
}

/** Only one reviewing body; it holds portal users only. */
async function assertMayReview(tx: Db, bodyId: string | null): Promise<void> {
  const other = await findReviewingBody(tx, true);
  if (other && other.id !== bodyId) throw fieldError('body.reviewsApplications', 'bodies.reviewing_taken');
  if (bodyId && (await countNamedHolders(tx, bodyId)) > 0) {
    throw fieldError('body.reviewsApplications', 'bodies.reviewing_users_only');
  }
}

/**
 * A body became the reviewing body: the committee as it stands is kept — whoever holds a committee role
 * without a position in it gets one from today (the chair's role the chair, if the chair is free) — and
 * then every holder's roles follow the positions.
 */
async function becameReviewing(tx: Db, actor: Actor, bodyId: string): Promise<void> {
  const today = todayInSofia();
  const roles = await findCommitteeRoles(tx);
  const positions = await findPositions(tx, [bodyId]);
  let chairTaken = positions.some(
    (p) => p.position === 'chair' && termsOverlap(p, { startsOn: today, endsOn: null }),
  );
  const roleHolders = [...new Set(roles.map((r) => r.userId))];
  for (const userId of roleHolders) {
    if (positions.some((p) => p.userId === userId && termHeldOn(p, today))) continue;
    const isChair = roles.some((r) => r.userId === userId && r.role === 'committee_chair');
    const position: PositionKind = isChair && !chairTaken ? 'chair' : 'member';
    if (position === 'chair') chairTaken = true;
    const row = await insertPosition(tx, {
      bodyId,
      position,
      userId,
      personName: null,
      startsOn: today,
      endsOn: null,
    });
    await recordAudit(tx, actor, {
      action: 'body.position_added',
      entityType: 'governing_body',
      entityId: bodyId,
      after: positionSnapshot(row),
    });
  }
  const users = new Set([...roleHolders, ...(await findUsersOfBody(tx, bodyId))]);
  for (const userId of users) await syncCommitteeRoles(tx, actor, userId, { today });
}

// ---------- changing positions ----------

/**
 * The checks of a new or changed term, against the body's other positions (the body row is locked):
 * one chair at a time; one position at a time per person in a body.
 */
function assertFits(
  others: PositionRow[],
  candidate: {
    position: PositionKind;
    userId: string | null;
    personName: string | null;
    startsOn: string;
    endsOn: string | null;
  },
): void {
  const overlapping = others.filter((p) => p.holderErasedAt === null && termsOverlap(p, candidate));
  if (candidate.position === 'chair' && overlapping.some((p) => p.position === 'chair')) {
    throw fieldError('body.position', 'bodies.chair_taken');
  }
  const same = overlapping.some((p) =>
    candidate.userId
      ? p.userId === candidate.userId
      : p.personName !== null &&
        p.personName.trim().toLowerCase() === candidate.personName!.trim().toLowerCase(),
  );
  if (same) throw fieldError(candidate.userId ? 'body.userId' : 'body.personName', 'bodies.holder_overlap');
}

/** Locks the holders' user rows (sorted, before the body: the users page's order) and checks them. */
async function lockHolders(tx: Db, userIds: (string | null)[], checked: string | null): Promise<void> {
  const ids = [...new Set(userIds.filter((x): x is string => x !== null))].sort();
  for (const id of ids) {
    const holder = await lockHolder(tx, id);
    if (id === checked && !holder?.usable) throw fieldError('body.userId', 'bodies.user_unknown');
  }
}

export async function addPosition(
  db: Db,
  actor: Actor,
  bodyId: string,
  input: PositionCreateBody,
): Promise<Body> {
  await db.transaction(async (tx) => {
    await lockHolders(tx, [input.userId], input.userId);
    await findReviewingBody(tx, true);
    const body = await findBody(tx, bodyId, true);
    if (!body) throw new AppError('body.not_found', 404);
    if (body.reviewsApplications && input.userId === null)
      throw fieldError('body.userId', 'bodies.user_required');
    const others = (await findPositions(tx, [bodyId])) as PositionRow[];
    assertFits(others, input);
    const row = await insertPosition(tx, { bodyId, ...input });
    await recordAudit(tx, actor, {
      action: 'body.position_added',
      entityType: 'governing_body',
      entityId: bodyId,
      after: positionSnapshot(row),
    });
    if (body.reviewsApplications && row.userId) await syncCommitteeRoles(tx, actor, row.userId);
  });
  return getBody(db, bodyId);
}

export async function updatePosition(
  db: Db,
  actor: Actor,
  bodyId: string,
  positionId: string,
  { version, ...input }: PositionUpdateBody,
): Promise<Body> {
  await db.transaction(async (tx) => {
    const current = await findPosition(tx, bodyId, positionId);
    if (!current) throw new AppError('body.position_not_found', 404);
    await lockHolders(
      tx,
      [current.userId, input.userId],
      input.userId !== current.userId ? input.userId : null,
    );
    await findReviewingBody(tx, true);
    const body = await findBody(tx, bodyId, true);
    if (!body) throw new AppError('body.not_found', 404);
    if (current.holderErasedAt !== null) throw new AppError('body.position_erased', 409);
    if (body.reviewsApplications && input.userId === null)
      throw fieldError('body.userId', 'bodies.user_required');
    const others = ((await findPositions(tx, [bodyId])) as PositionRow[]).filter((p) => p.id !== positionId);
    assertFits(others, input);
    const after = await writePosition(tx, positionId, version, input);
    if (!after) throw new AppError('body.stale', 409);
    await recordAudit(tx, actor, {
      action: 'body.position_updated',
      entityType: 'governing_body',
      entityId: bodyId,
      before: positionSnapshot(current),
      after: positionSnapshot(after),
    });
    if (body.reviewsApplications) {
      for (const userId of new Set([current.userId, after.userId])) {
        if (userId) await syncCommitteeRoles(tx, actor, userId);
      }
    }
  });
  return getBody(db, bodyId);
}

/** Ends a position on a day (today by default); a day before its start is a field error. */
export async function endPosition(
  db: Db,
  actor: Actor,
  bodyId: string,
  positionId: string,
  input: PositionEndBody,
): Promise<Body> {
  const endsOn = input.endsOn ?? todayInSofia();
  await db.transaction(async (tx) => {
    const current = await findPosition(tx, bodyId, positionId);
    if (!current) throw new AppError('body.position_not_found', 404);
    await lockHolders(tx, [current.userId], null);
    await findReviewingBody(tx, true);
    const body = await findBody(tx, bodyId, true);
    if (!body) throw new AppError('body.not_found', 404);
    if (endsOn < current.startsOn) throw fieldError('body.endsOn', 'bodies.term_order');
    const after = await writePosition(tx, positionId, null, { endsOn });
    await recordAudit(tx, actor, {
      action: 'body.position_ended',
      entityType: 'governing_body',
      entityId: bodyId,
      before: positionSnapshot(current),
      after: positionSnapshot(after!),
    });
    if (body.reviewsApplications && current.userId) await syncCommitteeRoles(tx, actor, current.userId);
  });
  return getBody(db, bodyId);
}

/**
 * GDPR for a named person without an account (decision 039): the position stays in the history (the body
 * had a member then) without the name; their term ends today if it was running.
 */
export async function erasePositionHolder(
  db: Db,
  actor: Actor,
  bodyId: string,
  positionId: string,
): Promise<Body> {
  await db.transaction(async (tx) => {
    const body = await findBody(tx, bodyId, true);
    if (!body) throw new AppError('body.not_found', 404);
    const current = await findPosition(tx, bodyId, positionId);
    if (!current) throw new AppError('body.position_not_found', 404);
    if (current.userId !== null) throw new AppError('body.position_has_account', 409);
    if (current.holderErasedAt !== null) throw new AppError('body.position_erased', 409);
    const today = todayInSofia();
    const after = await writePosition(tx, positionId, null, {
      personName: null,
      holderErasedAt: new Date(),
      endsOn:
        current.startsOn > today ? current.startsOn : termHeldOn(current, today) ? today : current.endsOn,
    });
    // The audit snapshots of this position lose the name too; the erasure's own event names nobody.
    await forgetNameInAudit(tx, positionId);
    await recordAudit(tx, actor, {
      action: 'body.holder_erased',
      entityType: 'governing_body',
      entityId: bodyId,
      before: { id: positionId },
      after: { id: positionId, endsOn: after!.endsOn },
    });
  });
  return getBody(db, bodyId);
}

/**
 * A user's account is erased (inside the erasure's transaction): their running and future terms end
 * today; every term stays in the history, the name gone with the account's (decision 039).
 */
export async function endPositionsOfErasedUser(tx: Db, userId: string): Promise<number> {
  const today = todayInSofia();
  const rows = await tx.select().from(bodyPositions).where(eq(bodyPositions.userId, userId));
  let ended = 0;
  for (const p of rows) {
    if (termHeldOn(p, today)) {
      await writePosition(tx, p.id, null, { endsOn: today });
      ended++;
    } else if (p.startsOn > today) {
      await writePosition(tx, p.id, null, { endsOn: p.startsOn });
      ended++;
    }
  }
  return ended;
}
