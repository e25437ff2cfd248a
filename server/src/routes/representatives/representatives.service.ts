import type { Db } from '@portal/db';
import {
  type AcceptInvitationResponse,
  EMAILED_PAGES,
  INVITATION_LIFETIME_DAYS,
  type Invitation,
  type InvitationPreview,
  type InviteResponse,
  type OrganizationRef,
  type RepresentativesResponse,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { newToken, tokenHash } from '../../auth/tokens.ts';
import { enqueueEmail } from '../../email/outbox.ts';
import { AppError } from '../../errors.ts';
import {
  deleteRepresentative,
  findInvitationByTokenHash,
  findInvitations,
  findInvitee,
  findMemberStanding,
  findRepresentatives,
  findUserEmail,
  findUserNameAndLanguage,
  type InvitationByToken,
  type InvitationRecord,
  insertInvitation,
  insertRole,
  insertUserOrganization,
  invitationById,
  isRepresentative,
  lockOrganization as lockOrganizationRow,
  markInvitationAccepted,
  openInvitationsOf,
  organizationExists,
  renewOpenInvitation,
  revokeOpenInvitation,
  revokeRoleUnlessRepresenting,
} from './representatives.repository.ts';

/**
 * Issue 5: an organisation's representatives invite colleagues by email and remove representatives; an
 * organisation always keeps at least one. Every change to an organisation's representatives and
 * invitations first locks the organisation's row (`select … for update`), so concurrent changes of one
 * organisation run one after the other and each sees what the previous one committed: two
 * representatives removing each other at once cannot leave none.
 */

type SignedInActor = Actor & { userId: string };

const notFound = () => new AppError('organization.not_found', 404);

/**
 * Locks the organisation's row for the rest of the transaction. Unless `anyOrganization` (administrators),
 * the actor must still represent it once the lock is held: a representative removed by a colleague a
 * moment ago acts on it no more.
 */
async function lockOrganization(
  tx: Db,
  organizationId: string,
  actor: SignedInActor,
  anyOrganization: boolean,
): Promise<{ id: string; nameBg: string; nameEn: string }> {
  const org = await lockOrganizationRow(tx, organizationId);
  if (!org) throw notFound();
  if (!anyOrganization && !(await isRepresentative(tx, organizationId, actor.userId))) throw notFound();
  return org;
}

/**
 * Refuses an invitation (sending or accepting) to an organisation that is not an active member now
 * (suspended, withdrawn, excluded, a candidate or none): a new representative would gain nothing but the
 * members-only access the organisation no longer has (decision 012). Read under the organisation's lock.
 */
async function requireActiveMember(tx: Db, organizationId: string): Promise<void> {
  if ((await findMemberStanding(tx, organizationId)) !== 'active') {
    throw new AppError('invitation.membership_inactive', 409);
  }
}

const toInvitation = (r: InvitationRecord): Invitation => ({
  id: r.id,
  email: r.email,
  invitedBy: r.invitedBy && r.inviterName !== null ? { id: r.invitedBy, displayName: r.inviterName } : null,
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
  expired: Boolean(r.expired),
});

/** The organisation's representatives (oldest link first) and its open invitations (newest first). */
export async function listRepresentatives(
  db: Db,
  organizationId: string,
  meId: string,
): Promise<RepresentativesResponse | null> {
  if (!(await organizationExists(db, organizationId))) return null;
  const reps = await findRepresentatives(db, organizationId);
  const invitations = await findInvitations(db, openInvitationsOf(organizationId));
  return {
    representatives: reps.map((r) => ({
      userId: r.userId,
      displayName: r.displayName,
      email: r.email,
      linkedSince: r.linkedAt,
      isMe: r.userId === meId,
    })),
    invitations: invitations.map(toInvitation),
  };
}

/**
 * Invites `email` to represent the organisation: a new invitation, or — when one to that address is still
 * open (expired or not) — the same one re-sent with a new token and a new expiry, so there is never a
 * duplicate. Only the token's SHA-256 is stored; the token itself travels only in the email. The email is
 * in the invitee's language when the address has an account, else in the inviter's.
 */
export async function inviteRepresentative(
  db: Db,
  actor: SignedInActor,
  input: { organizationId: string; email: string; anyOrganization: boolean; publicUrl: string },
): Promise<InviteResponse> {
  const { organizationId, email } = input;
  return db.transaction(async (tx) => {
    const org = await lockOrganization(tx, organizationId, actor, input.anyOrganization);
    await requireActiveMember(tx, organizationId);
    const invitee = await findInvitee(tx, email, organizationId);
    if (invitee?.linked) {
      throw new AppError('representative.already', 409, {
        fields: [{ path: 'body.email', code: 'invitation.already_representative' }],
      });
    }
    const inviter = await findUserNameAndLanguage(tx, actor.userId);
    const token = newToken();
    const sent = {
      organizationId,
      email,
      tokenHash: tokenHash(token),
      invitedBy: actor.userId,
      days: INVITATION_LIFETIME_DAYS,
    };
    const resent = await renewOpenInvitation(tx, sent);
    const id = resent ?? (await insertInvitation(tx, sent));
    const [row] = await findInvitations(tx, invitationById(id));
    const invitation = toInvitation(row!);

    const language = invitee?.language ?? inviter?.language ?? 'bg';
    await enqueueEmail(tx, {
      to: email,
      language,
      template: 'representative_invitation',
      values: {
        inviter: inviter?.displayName ?? '',
        organization: language === 'en' ? org.nameEn : org.nameBg,
        email,
        days: String(INVITATION_LIFETIME_DAYS),
        link: `${input.publicUrl}${EMAILED_PAGES.acceptInvitation.href(token)}`,
      },
    });
    await recordAudit(tx, actor, {
      action: 'organization.representative_invited',
      entityType: 'organization',
      entityId: organizationId,
      after: { invitationId: id, email, resent: Boolean(resent), expiresAt: invitation.expiresAt },
    });
    return { invitation, resent: Boolean(resent) };
  });
}

/** Revokes an open invitation of the organisation: its link stops working. */
export async function revokeInvitation(
  db: Db,
  actor: SignedInActor,
  input: { organizationId: string; invitationId: string; anyOrganization: boolean },
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockOrganization(tx, input.organizationId, actor, input.anyOrganization);
    const revokedEmail = await revokeOpenInvitation(tx, input.organizationId, input.invitationId);
    if (revokedEmail === undefined) throw new AppError('invitation.not_found', 404);
    await recordAudit(tx, actor, {
      action: 'organization.invitation_revoked',
      entityType: 'organization',
      entityId: input.organizationId,
      before: { invitationId: input.invitationId, email: revokedEmail },
    });
  });
}

/**
 * Removes a representative (oneself included) unless they are the organisation's last one (409). A user
 * left representing no organisation loses the `representative` role.
 */
export async function removeRepresentative(
  db: Db,
  actor: SignedInActor,
  input: { organizationId: string; userId: string; anyOrganization: boolean },
): Promise<void> {
  const { organizationId, userId } = input;
  await db.transaction(async (tx) => {
    await lockOrganization(tx, organizationId, actor, input.anyOrganization);
    const reps = await findRepresentatives(tx, organizationId);
    const removed = reps.find((r) => r.userId === userId);
    if (!removed) throw new AppError('representative.not_found', 404);
    if (reps.length <= 1) throw new AppError('representative.last', 409);
    await deleteRepresentative(tx, organizationId, userId);
    const roleRevoked = await revokeRoleUnlessRepresenting(tx, userId);
    await recordAudit(tx, actor, {
      action: 'organization.representative_removed',
      entityType: 'organization',
      entityId: organizationId,
      before: { userId, displayName: removed.displayName, email: removed.email },
      after: { roleRevoked },
    });
  });
}

const findByToken = (db: Db, token: string) => findInvitationByTokenHash(db, tokenHash(token));

/** Why an invitation can no longer be accepted, or null when it can. */
function closedReason(row: InvitationByToken): AppError | null {
  if (row.revoked) return new AppError('invitation.revoked', 410);
  if (row.accepted) return new AppError('invitation.used', 410);
  if (row.expired) return new AppError('invitation.expired', 410);
  return null;
}

const orgOf = (row: InvitationByToken): OrganizationRef => ({
  id: row.organizationId,
  nameBg: row.nameBg,
  nameEn: row.nameEn,
});

const emailOf = async (db: Db, userId: string): Promise<string> => (await findUserEmail(db, userId)) ?? '';

/** What the accept page shows: whose invitation, to what organisation; or why it no longer works. */
export async function previewInvitation(db: Db, userId: string, token: string): Promise<InvitationPreview> {
  const row = await findByToken(db, token);
  if (!row) throw new AppError('invitation.not_found', 404);
  const acceptedByMe = row.accepted && row.acceptedBy === userId;
  if (!acceptedByMe) {
    const closed = closedReason(row);
    if (closed) throw closed;
    await requireActiveMember(db, row.organizationId);
  }
  return {
    organization: orgOf(row),
    email: row.email,
    invitedBy: row.inviterName,
    expiresAt: row.expiresAt,
    emailMatches: (await emailOf(db, userId)) === row.email,
    accepted: acceptedByMe,
  };
}

/**
 * Accepts an invitation as the signed-in user, whose email must be the invited one (403 naming it
 * otherwise): links the user to the organisation, grants `representative` and marks the invitation
 * accepted. The conditional update makes one acceptance win; accepting again — one's own invitation,
 * already accepted — changes nothing and answers `alreadyAccepted: true`.
 */
export async function acceptInvitation(
  db: Db,
  actor: SignedInActor,
  token: string,
): Promise<AcceptInvitationResponse> {
  return db.transaction(async (tx) => {
    const row = await findByToken(tx, token);
    if (!row) throw new AppError('invitation.not_found', 404);
    const again = { organization: orgOf(row), alreadyAccepted: true };
    if (row.accepted && row.acceptedBy === actor.userId) return again;
    const closed = closedReason(row);
    if (closed) throw closed;
    if ((await emailOf(tx, actor.userId)) !== row.email) {
      throw new AppError('invitation.email_mismatch', 403, { values: { email: row.email } });
    }
    // The same order of locks as every other change of the organisation's representatives.
    await lockOrganizationRow(tx, row.organizationId);
    await requireActiveMember(tx, row.organizationId);
    if (!(await markInvitationAccepted(tx, row.id, actor.userId))) {
      // Something happened since it was read: a concurrent acceptance (ours: harmless) or a revocation.
      const now = await findByToken(tx, token);
      if (now?.accepted && now.acceptedBy === actor.userId) return again;
      throw (now && closedReason(now)) ?? new AppError('invitation.not_found', 404);
    }
    await insertUserOrganization(tx, actor.userId, row.organizationId);
    await insertRole(tx, actor.userId, 'representative', row.invitedBy);
    await recordAudit(tx, actor, {
      action: 'organization.representative_added',
      entityType: 'organization',
      entityId: row.organizationId,
      after: { userId: actor.userId, email: row.email, invitationId: row.id },
    });
    return { organization: orgOf(row), alreadyAccepted: false };
  });
}
