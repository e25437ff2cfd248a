import { sql } from '@portal/db';
import { expect } from 'vitest';
import { insertUser, logIn } from '../testing.ts';
import {
  ANON,
  allow,
  app,
  bodyOf,
  type Expectations,
  editors,
  everySignedIn,
  fresh,
  h,
  INACTIVE_INVITATION,
  ORG_NOT_FOUND,
  type Outcome,
  type Row,
  signedIn,
} from './matrix.ts';

// ---------- representatives and invitations (issue 5): fixtures and expectations ----------

/** The invitee of the row that accepts an invitation to X: one for every call (each is refused). */
let xInvitee: { token: string; cookie: string } | undefined;

/** Managing an organisation's representatives: its own (A: `representative`; B: 404) and administrators. */
const representativeManagers = (status: number, representative: Outcome = allow(status)): Expectations => ({
  ...editors(representative),
  admin: allow(status),
});

/** An open invitation of `org` to `email`, inserted as the API stores it (the token's SHA-256); its id and token. */
async function openInvitation(org: string, email = fresh('invitee')): Promise<{ id: string; token: string }> {
  const token = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  const [row] = await h.query<{ id: string }>(
    sql`insert into representative_invitations (organization_id, email, token_hash, expires_at)
        values (${org}, ${email}, encode(sha256(convert_to(${token}, 'UTF8')), 'hex'), now() + interval '7 days')
        returning id`,
  );
  return { id: row!.id, token };
}

/** A further representative of `org` (a fresh user), for the removal rows. */
async function extraRepresentative(org: string): Promise<string> {
  return (
    await insertUser(h, { email: fresh('colleague'), roles: ['representative'], organizationIds: [org] })
  ).id;
}

export const ROWS: Row[] = [
  // ---------- representatives and invitations (issue 5; record-level: the organisation's representatives) ----------
  {
    method: 'GET',
    url: '/api/account/organizations/:id/representatives',
    permission: 'organization.manage_representatives',
    label: "the representatives of the representative's own organisation A",
    record: true,
    expect: representativeManagers(200),
    build: (f) => ({ url: `/api/account/organizations/${f.orgA.id}/representatives` }),
    check: (body, f, actor) => {
      const reps = bodyOf(body).representatives as { userId: string; isMe: boolean }[];
      expect(reps.map((r) => r.userId)).toContain(f.actors.representative.user!.id);
      expect(reps.filter((r) => r.isMe).map((r) => r.userId)).toEqual(
        actor.name === 'representative' ? [actor.user!.id] : [],
      );
    },
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/representatives',
    permission: 'organization.manage_representatives',
    label: 'the representatives of another organisation B',
    record: true,
    expect: representativeManagers(200, ORG_NOT_FOUND),
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}/representatives` }),
    check: (body) => expect(Array.isArray(bodyOf(body).invitations)).toBe(true),
  },
  {
    method: 'POST',
    url: '/api/account/organizations/:id/invitations',
    permission: 'organization.manage_representatives',
    label: 'inviting a colleague to represent A',
    lapsed: INACTIVE_INVITATION,
    record: true,
    expect: representativeManagers(201),
    build: (f) => ({
      url: `/api/account/organizations/${f.orgA.id}/invitations`,
      payload: { email: fresh('invitee') },
    }),
    check: (body) => expect(body).toMatchObject({ resent: false }),
  },
  {
    method: 'POST',
    url: '/api/account/organizations/:id/invitations',
    permission: 'organization.manage_representatives',
    label: 'inviting a colleague to represent B',
    record: true,
    expect: representativeManagers(201, ORG_NOT_FOUND),
    build: (f) => ({
      url: `/api/account/organizations/${f.orgB.id}/invitations`,
      payload: { email: fresh('invitee') },
    }),
    check: (body) => expect(body).toMatchObject({ resent: false }),
  },
  {
    method: 'DELETE',
    url: '/api/account/organizations/:id/invitations/:invitationId',
    permission: 'organization.manage_representatives',
    label: 'revoking an invitation of A',
    record: true,
    expect: representativeManagers(204),
    build: async (f) => ({
      url: `/api/account/organizations/${f.orgA.id}/invitations/${(await openInvitation(f.orgA.id)).id}`,
    }),
  },
  {
    method: 'DELETE',
    url: '/api/account/organizations/:id/invitations/:invitationId',
    permission: 'organization.manage_representatives',
    label: 'revoking an invitation of B',
    record: true,
    expect: representativeManagers(204, ORG_NOT_FOUND),
    build: async (f) => ({
      url: `/api/account/organizations/${f.orgB.id}/invitations/${(await openInvitation(f.orgB.id)).id}`,
    }),
  },
  {
    method: 'DELETE',
    url: '/api/account/organizations/:id/representatives/:userId',
    permission: 'organization.manage_representatives',
    label: 'removing a further representative of A',
    record: true,
    expect: representativeManagers(204),
    build: async (f) => ({
      url: `/api/account/organizations/${f.orgA.id}/representatives/${await extraRepresentative(f.orgA.id)}`,
    }),
  },
  {
    method: 'DELETE',
    url: '/api/account/organizations/:id/representatives/:userId',
    permission: 'organization.manage_representatives',
    label: 'removing one of two representatives of B',
    record: true,
    expect: representativeManagers(204, ORG_NOT_FOUND),
    build: async (f) => {
      await extraRepresentative(f.orgB.id);
      return {
        url: `/api/account/organizations/${f.orgB.id}/representatives/${await extraRepresentative(f.orgB.id)}`,
      };
    },
  },
  {
    method: 'POST',
    url: '/api/invitations/preview',
    permission: 'account.manage',
    label: 'what an emailed invitation is for (anyone signed in holding its link)',
    lapsed: INACTIVE_INVITATION,
    expect: signedIn(200),
    build: async (f) => ({
      url: '/api/invitations/preview',
      payload: { token: (await openInvitation(f.orgA.id)).token },
    }),
    check: (body, f) => expect(body).toMatchObject({ organization: { id: f.orgA.id }, emailMatches: false }),
  },
  {
    method: 'POST',
    url: '/api/invitations/accept',
    permission: 'account.manage',
    label: 'accepting an invitation sent to another address',
    record: true,
    expect: {
      anonymous: ANON,
      no_role: { deny: 403, code: 'invitation.email_mismatch' },
      applicant: { deny: 403, code: 'invitation.email_mismatch' },
      other_applicant: { deny: 403, code: 'invitation.email_mismatch' },
      representative: { deny: 403, code: 'invitation.email_mismatch' },
      committee_member: { deny: 403, code: 'invitation.email_mismatch' },
      committee_chair: { deny: 403, code: 'invitation.email_mismatch' },
      admin: { deny: 403, code: 'invitation.email_mismatch' },
    },
    build: async (f) => ({
      url: '/api/invitations/accept',
      payload: { token: (await openInvitation(f.orgB.id)).token },
    }),
  },
  {
    method: 'POST',
    url: '/api/invitations/accept',
    permission: 'account.manage',
    label:
      'accepting an invitation to B with the invited account (a fresh invitee signed in in place of the actor)',
    expect: signedIn(200),
    build: async (f, actor) => {
      const email = fresh('accepting');
      const { token } = await openInvitation(f.orgB.id, email);
      if (!actor.user) return { url: '/api/invitations/accept', payload: { token } };
      await insertUser(h, { email });
      return { url: '/api/invitations/accept', payload: { token }, cookie: await logIn(app, email) };
    },
    check: (body, f) =>
      expect(body).toMatchObject({ organization: { id: f.orgB.id }, alreadyAccepted: false }),
  },
  // An organisation that is not an active member takes no new representatives (issue 11 A1, decision 012).
  {
    method: 'POST',
    url: '/api/account/organizations/:id/invitations',
    permission: 'organization.manage_representatives',
    label: 'inviting a colleague to represent X, an excluded member (administrators too are refused)',
    record: true,
    expect: { ...editors(ORG_NOT_FOUND), admin: INACTIVE_INVITATION },
    build: (f) => ({
      url: `/api/account/organizations/${f.orgX.id}/invitations`,
      payload: { email: fresh('invitee') },
    }),
  },
  {
    method: 'POST',
    url: '/api/invitations/preview',
    permission: 'account.manage',
    label: 'what an invitation to X is for, sent before X was excluded',
    record: true,
    expect: everySignedIn(INACTIVE_INVITATION),
    build: async (f) => ({
      url: '/api/invitations/preview',
      payload: { token: (await openInvitation(f.orgX.id)).token },
    }),
  },
  {
    method: 'POST',
    url: '/api/invitations/accept',
    permission: 'account.manage',
    label: 'accepting an invitation to X, sent before X was excluded, with the invited account',
    record: true,
    expect: everySignedIn(INACTIVE_INVITATION),
    build: async (f, actor) => {
      // One invitee (signed in in place of the actor) for every call: each is refused, so it stays fresh.
      if (!xInvitee) {
        const u = await insertUser(h, { email: fresh('x-invitee') });
        xInvitee = {
          token: (await openInvitation(f.orgX.id, u.email)).token,
          cookie: await logIn(app, u.email),
        };
      }
      const invitee: { token: string; cookie: string } = xInvitee;
      const { token } = invitee;
      if (!actor.user) return { url: '/api/invitations/accept', payload: { token } };
      return { url: '/api/invitations/accept', payload: { token }, cookie: invitee.cookie };
    },
  },
];
