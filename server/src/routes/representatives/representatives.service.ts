import { type Db, sql } from '@portal/db';
import {
  type AcceptInvitationResponse,
  EMAILED_PAGES,
  INVITATION_LIFETIME_DAYS,
  type Invitation,
  type InvitationPreview,
  type InviteResponse,
  type Language,
  type MemberStanding,
  type OrganizationRef,
  type RepresentativesResponse,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { newToken, tokenHash } from '../../auth/tokens.ts';
import { execute, isoTimestamp, MEMBER_STANDING } from '../../db.ts';
import { enqueueEmail } from '../../email/outbox.ts';
import { AppError } from '../../errors.ts';

/**
 * Issue 5: an organisation's representatives invite colleagues by email and remove representatives; an
 * organisation always keeps at least one. Every change to an organisation's representatives and
 * invitations first locks the organisation's row (`select … for update`), so concurrent changes of one
 * organisation run one after the other and each sees what the previous one committed: two
 * representatives removing each other at once cannot leave none.
 */

type SignedInActor = Actor & { userId: string };

const notFound = () => new AppError('organization.not_found', 404);

interface OrgRow extends Record<string, unknown> {
  id: string;
  name_bg: string;
  name_en: string;
}

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
): Promise<OrgRow> {
  const [org] = await execute<OrgRow>(
    tx,
    sql`select id, name_bg, name_en from organizations where id = ${organizationId} for update`,
  );
  if (!org) throw notFound();
  if (!anyOrganization) {
    const linked = await execute(
      tx,
      sql`select 1 from user_organizations where organization_id = ${organizationId} and user_id = ${actor.userId}`,
    );
    if (linked.length === 0) throw notFound();
  }
  return org;
}

/**
 * Refuses an invitation (sending or accepting) to an organisation that is not an active member now
 * (suspended, withdrawn, excluded, a candidate or none): a new representative would gain nothing but the
 * members-only access the organisation no longer has (decision 012). Read under the organisation's lock.
 */
async function requireActiveMember(tx: Db, organizationId: string): Promise<void> {
  const [row] = await execute<{ standing: MemberStanding }>(
    tx,
    sql`select ${MEMBER_STANDING} as standing from organizations o
        left join memberships m on m.organization_id = o.id where o.id = ${organizationId}`,
  );
  const standing = row?.standing ?? 'none';
  if (standing !== 'active') {
    throw new AppError('invitation.membership_inactive', 409);
  }
}

interface InvitationRow extends Record<string, unknown> {
  id: string;
  email: string;
  invited_by: string | null;
  inviter_name: string | null;
  created_at: string;
  expires_at: string;
  expired: boolean;
}

const INVITATION_SELECT = sql`select i.id, i.email, i.invited_by, inviter.display_name as inviter_name,
    ${isoTimestamp('i.created_at')} as created_at, ${isoTimestamp('i.expires_at')} as expires_at,
    i.expires_at <= now() as expired
  from representative_invitations i left join users inviter on inviter.id = i.invited_by`;

const toInvitation = (r: InvitationRow): Invitation => ({
  id: r.id,
  email: r.email,
  invitedBy:
    r.invited_by && r.inviter_name !== null ? { id: r.invited_by, displayName: r.inviter_name } : null,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  expired: Boolean(r.expired),
});

/** The organisation's representatives (oldest link first) and its open invitations (newest first). */
export async function listRepresentatives(
  db: Db,
  organizationId: string,
  meId: string,
): Promise<RepresentativesResponse | null> {
  const org = await execute(db, sql`select 1 from organizations where id = ${organizationId}`);
  if (org.length === 0) return null;
  const reps = await execute<{ id: string; display_name: string; email: string; linked_at: string }>(
    db,
    sql`select u.id, u.display_name, u.email, ${isoTimestamp('uo.linked_at')} as linked_at
        from user_organizations uo join users u on u.id = uo.user_id
        where uo.organization_id = ${organizationId}
        order by uo.linked_at, u.display_name, u.id`,
  );
  const invitations = await execute<InvitationRow>(
    db,
    sql`${INVITATION_SELECT}
        where i.organization_id = ${organizationId} and i.accepted_at is null and i.revoked_at is null
        order by i.created_at desc, i.id`,
  );
  return {
    representatives: reps.map((r) => ({
      userId: r.id,
      displayName: r.display_name,
      email: r.email,
      linkedSince: r.linked_at,
      isMe: r.id === meId,
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
    const [invitee] = await execute<{ id: string; language: Language; linked: boolean }>(
      tx,
      sql`select u.id, u.language, exists (select 1 from user_organizations uo
            where uo.user_id = u.id and uo.organization_id = ${organizationId}) as linked
          from users u where lower(u.email) = ${email}`,
    );
    if (invitee?.linked) {
      throw new AppError('representative.already', 409, {
        fields: [{ path: 'body.email', code: 'invitation.already_representative' }],
      });
    }
    const [inviter] = await execute<{ display_name: string; language: Language }>(
      tx,
      sql`select display_name, language from users where id = ${actor.userId}`,
    );
    const token = newToken();
    const hash = tokenHash(token);
    const lifetime = sql`now() + make_interval(days => ${INVITATION_LIFETIME_DAYS})`;
    const [resent] = await execute<{ id: string }>(
      tx,
      sql`update representative_invitations
          set token_hash = ${hash}, expires_at = ${lifetime}, invited_by = ${actor.userId}
          where organization_id = ${organizationId} and email = ${email}
            and accepted_at is null and revoked_at is null
          returning id`,
    );
    const id =
      resent?.id ??
      (
        await execute<{ id: string }>(
          tx,
          sql`insert into representative_invitations (organization_id, email, token_hash, invited_by, expires_at)
              values (${organizationId}, ${email}, ${hash}, ${actor.userId}, ${lifetime})
              returning id`,
        )
      )[0]!.id;
    const [row] = await execute<InvitationRow>(tx, sql`${INVITATION_SELECT} where i.id = ${id}`);
    const invitation = toInvitation(row!);

    const language = invitee?.language ?? inviter?.language ?? 'bg';
    await enqueueEmail(tx, {
      to: email,
      language,
      template: 'representative_invitation',
      values: {
        inviter: inviter?.display_name ?? '',
        organization: language === 'en' ? org.name_en : org.name_bg,
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
    const [revoked] = await execute<{ email: string }>(
      tx,
      sql`update representative_invitations set revoked_at = now()
          where id = ${input.invitationId} and organization_id = ${input.organizationId}
            and accepted_at is null and revoked_at is null
          returning email`,
    );
    if (!revoked) throw new AppError('invitation.not_found', 404);
    await recordAudit(tx, actor, {
      action: 'organization.invitation_revoked',
      entityType: 'organization',
      entityId: input.organizationId,
      before: { invitationId: input.invitationId, email: revoked.email },
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
    const reps = await execute<{ user_id: string; display_name: string; email: string }>(
      tx,
      sql`select uo.user_id, u.display_name, u.email from user_organizations uo join users u on u.id = uo.user_id
          where uo.organization_id = ${organizationId}`,
    );
    const removed = reps.find((r) => r.user_id === userId);
    if (!removed) throw new AppError('representative.not_found', 404);
    if (reps.length <= 1) throw new AppError('representative.last', 409);
    await execute(
      tx,
      sql`delete from user_organizations where organization_id = ${organizationId} and user_id = ${userId}`,
    );
    const revoked = await execute(
      tx,
      sql`delete from user_roles where user_id = ${userId} and role = 'representative'
            and not exists (select 1 from user_organizations where user_id = ${userId})
          returning user_id`,
    );
    await recordAudit(tx, actor, {
      action: 'organization.representative_removed',
      entityType: 'organization',
      entityId: organizationId,
      before: { userId, displayName: removed.display_name, email: removed.email },
      after: { roleRevoked: revoked.length > 0 },
    });
  });
}

interface TokenRow extends Record<string, unknown> {
  id: string;
  organization_id: string;
  name_bg: string;
  name_en: string;
  email: string;
  inviter_name: string | null;
  invited_by: string | null;
  expires_at: string;
  expired: boolean;
  accepted_by: string | null;
  accepted: boolean;
  revoked: boolean;
}

async function findByToken(db: Db, token: string): Promise<TokenRow | undefined> {
  const [row] = await execute<TokenRow>(
    db,
    sql`select i.id, i.organization_id, o.name_bg, o.name_en, i.email, inviter.display_name as inviter_name,
          i.invited_by, ${isoTimestamp('i.expires_at')} as expires_at, i.expires_at <= now() as expired,
          i.accepted_by, i.accepted_at is not null as accepted, i.revoked_at is not null as revoked
        from representative_invitations i
        join organizations o on o.id = i.organization_id
        left join users inviter on inviter.id = i.invited_by
        where i.token_hash = ${tokenHash(token)}`,
  );
  return row;
}

/** Why an invitation can no longer be accepted, or null when it can. */
function closedReason(row: TokenRow): AppError | null {
  if (row.revoked) return new AppError('invitation.revoked', 410);
  if (row.accepted) return new AppError('invitation.used', 410);
  if (row.expired) return new AppError('invitation.expired', 410);
  return null;
}

const orgOf = (row: TokenRow): OrganizationRef => ({
  id: row.organization_id,
  nameBg: row.name_bg,
  nameEn: row.name_en,
});

async function emailOf(db: Db, userId: string): Promise<string> {
  const [me] = await execute<{ email: string }>(db, sql`select email from users where id = ${userId}`);
  return me?.email ?? '';
}

/** What the accept page shows: whose invitation, to what organisation; or why it no longer works. */
export async function previewInvitation(db: Db, userId: string, token: string): Promise<InvitationPreview> {
  const row = await findByToken(db, token);
  if (!row) throw new AppError('invitation.not_found', 404);
  const acceptedByMe = row.accepted && row.accepted_by === userId;
  if (!acceptedByMe) {
    const closed = closedReason(row);
    if (closed) throw closed;
    await requireActiveMember(db, row.organization_id);
  }
  return {
    organization: orgOf(row),
    email: row.email,
    invitedBy: row.inviter_name,
    expiresAt: row.expires_at,
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
    if (row.accepted && row.accepted_by === actor.userId) return again;
    const closed = closedReason(row);
    if (closed) throw closed;
    if ((await emailOf(tx, actor.userId)) !== row.email) {
      throw new AppError('invitation.email_mismatch', 403, { values: { email: row.email } });
    }
    // The same order of locks as every other change of the organisation's representatives.
    await execute(tx, sql`select id from organizations where id = ${row.organization_id} for update`);
    await requireActiveMember(tx, row.organization_id);
    const [won] = await execute<{ id: string }>(
      tx,
      sql`update representative_invitations set accepted_at = now(), accepted_by = ${actor.userId}
          where id = ${row.id} and accepted_at is null and revoked_at is null and expires_at > now()
          returning id`,
    );
    if (!won) {
      // Something happened since it was read: a concurrent acceptance (ours: harmless) or a revocation.
      const now = await findByToken(tx, token);
      if (now?.accepted && now.accepted_by === actor.userId) return again;
      throw (now && closedReason(now)) ?? new AppError('invitation.not_found', 404);
    }
    await execute(
      tx,
      sql`insert into user_organizations (user_id, organization_id) values (${actor.userId}, ${row.organization_id})
          on conflict do nothing`,
    );
    await execute(
      tx,
      sql`insert into user_roles (user_id, role, granted_by) values (${actor.userId}, 'representative', ${row.invited_by})
          on conflict do nothing`,
    );
    await recordAudit(tx, actor, {
      action: 'organization.representative_added',
      entityType: 'organization',
      entityId: row.organization_id,
      after: { userId: actor.userId, email: row.email, invitationId: row.id },
    });
    return { organization: orgOf(row), alreadyAccepted: false };
  });
}
