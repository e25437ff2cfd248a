/**
 * Issue 5: a representative invites colleagues by email to represent the same organisation, revokes
 * invitations and removes representatives; an organisation always keeps at least one. The invitee accepts
 * through the emailed link, signed in with the invited address. (Concurrency: representatives.races.test.ts.)
 */
import { createHash } from 'node:crypto';
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import {
  AcceptInvitationResponseSchema,
  InvitationPreviewSchema,
  InviteResponseSchema,
  type Problem,
  ProblemSchema,
  type RepresentativesResponse,
  RepresentativesResponseSchema,
} from '@portal/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import {
  buildTestApp,
  insertOrganization,
  insertUser,
  lastEmail,
  lastEmailLink,
  logIn,
} from '../../testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let orgA: string;
let orgB: string;
const users = {} as Record<
  'repA' | 'repA2' | 'repB' | 'admin' | 'noRole' | 'english',
  { id: string; email: string; cookie: string }
>;

const generous = Object.fromEntries(
  Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
) as RateLimits;

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h, {}, { rateLimits: generous });
  orgA = await insertOrganization(h, { nameBg: 'Дигитални Мостове', nameEn: 'Digital Bridges' });
  orgB = await insertOrganization(h, { nameBg: 'Чужда Фирма', nameEn: 'Someone Else Ltd' });
  const fixtures = {
    repA: { roles: ['representative'], organizationIds: [orgA], displayName: 'Мария Петрова' },
    repA2: { roles: ['representative'], organizationIds: [orgA], displayName: 'Иван Колев' },
    repB: { roles: ['representative'], organizationIds: [orgB] },
    admin: { roles: ['admin'] },
    noRole: {},
    english: { language: 'en', displayName: 'Jane Smith' },
  } as const;
  for (const [name, fixture] of Object.entries(fixtures)) {
    const user = await insertUser(h, {
      ...fixture,
      roles: 'roles' in fixture ? [...fixture.roles] : [],
      organizationIds: 'organizationIds' in fixture ? [...fixture.organizationIds] : [],
    });
    users[name as keyof typeof users] = { ...user, cookie: await logIn(app, user.email) };
  }
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

type Method = 'GET' | 'POST' | 'DELETE';
function call(cookie: string | null, method: Method, url: string, payload?: object, lang = 'bg') {
  return app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), 'accept-language': lang },
    ...(payload !== undefined ? { payload } : {}),
  });
}

const reps = (org: string) => `/api/account/organizations/${org}/representatives`;
const invitations = (org: string) => `/api/account/organizations/${org}/invitations`;

const list = (cookie: string, org = orgA) => call(cookie, 'GET', reps(org));
const invite = (cookie: string, email: string, org = orgA, lang = 'bg') =>
  call(cookie, 'POST', invitations(org), { email }, lang);
const revoke = (cookie: string, invitationId: string, org = orgA) =>
  call(cookie, 'DELETE', `${invitations(org)}/${invitationId}`);
const remove = (cookie: string, userId: string, org = orgA, lang = 'bg') =>
  call(cookie, 'DELETE', `${reps(org)}/${userId}`, undefined, lang);
const preview = (cookie: string, token: string, lang = 'bg') =>
  call(cookie, 'POST', '/api/invitations/preview', { token }, lang);
const accept = (cookie: string, token: string, lang = 'bg') =>
  call(cookie, 'POST', '/api/invitations/accept', { token }, lang);

function problemOf(res: LightMyRequestResponse, status: number, code: string): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const problem = ProblemSchema.parse(res.json());
  expect(problem.code).toBe(code);
  return problem;
}

async function listed(cookie: string, org = orgA): Promise<RepresentativesResponse> {
  const res = await list(cookie, org);
  expect(res.statusCode, res.body).toBe(200);
  return RepresentativesResponseSchema.parse(res.json());
}

async function audits(action: string, entityId: string) {
  return h.query<{ actor_id: string | null; before: unknown; after: unknown }>(
    sql`select actor_id, before, after from audit_events where action = ${action} and entity_id = ${entityId}
        order by id`,
  );
}

/** A fresh user (not representing anything) with a session, and the address to invite. */
async function newcomer(options: { language?: 'bg' | 'en' } = {}) {
  const user = await insertUser(h, options);
  return { ...user, cookie: await logIn(app, user.email) };
}

/** Invites `email` to A as repA and returns the token of the emailed link. */
async function invitedToken(email: string, org = orgA, cookie = users.repA.cookie): Promise<string> {
  const res = await invite(cookie, email, org);
  expect([200, 201], res.body).toContain(res.statusCode);
  return (await lastEmailLink(h, email)).token;
}

async function isRepresentative(userId: string) {
  const rows = await h.query(
    sql`select 1 from user_roles where user_id = ${userId} and role = 'representative'`,
  );
  return rows.length > 0;
}
async function linksOf(userId: string): Promise<string[]> {
  const rows = await h.query<{ organization_id: string }>(
    sql`select organization_id from user_organizations where user_id = ${userId} order by organization_id`,
  );
  return rows.map((r) => r.organization_id);
}

describe('the list of representatives', () => {
  it('shows the representatives (me marked) and the open invitations', async () => {
    const email = `colleague-${Date.now()}@example.bg`;
    await invitedToken(email);
    const body = await listed(users.repA.cookie);
    const mine = body.representatives.find((r) => r.userId === users.repA.id);
    expect(mine).toMatchObject({ displayName: 'Мария Петрова', email: users.repA.email, isMe: true });
    expect(mine?.linkedSince).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(body.representatives.find((r) => r.userId === users.repA2.id)).toMatchObject({
      displayName: 'Иван Колев',
      isMe: false,
    });
    expect(body.representatives.map((r) => r.userId)).not.toContain(users.repB.id);
    const invitation = body.invitations.find((i) => i.email === email);
    expect(invitation).toMatchObject({
      invitedBy: { id: users.repA.id, displayName: 'Мария Петрова' },
      expired: false,
    });
    const days = (Date.parse(invitation!.expiresAt) - Date.parse(invitation!.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(7, 1);
  });

  it('answers a representative of another organisation exactly like for one that does not exist', async () => {
    const other = await list(users.repB.cookie, orgA);
    const missing = await list(users.repB.cookie, '00000000-0000-4000-8000-000000000000');
    problemOf(other, 404, 'organization.not_found');
    expect(other.body).toBe(missing.body);
    expect(other.body).not.toContain(users.repA.email);
    problemOf(await list(users.noRole.cookie), 403, 'auth.forbidden');
    problemOf(await call(null, 'GET', reps(orgA)), 401, 'auth.required');
    // Administrators see any organisation's.
    expect((await listed(users.admin.cookie, orgB)).representatives.map((r) => r.userId)).toEqual([
      users.repB.id,
    ]);
  });
});

describe('inviting a colleague', () => {
  it('emails a working link in the inviter’s language to an address without an account; only the token’s hash is stored', async () => {
    const email = `New.Person-${Date.now()}@Example.BG`;
    const res = await invite(users.repA.cookie, email);
    expect(res.statusCode, res.body).toBe(201);
    const { invitation, resent } = InviteResponseSchema.parse(res.json());
    expect(resent).toBe(false);
    expect(invitation.email).toBe(email.toLowerCase());

    const mail = await lastEmailLink(h, email);
    expect(mail.path).toBe('/invitations/accept');
    expect(mail.subject).toBe('Покана да представлявате Дигитални Мостове в портала на клъстера');
    expect(mail.text).toContain('Мария Петрова ви кани');
    expect(mail.text).toContain('7 дни');
    expect(mail.text).toContain(`${app.config.publicUrl}/invitations/accept?token=${mail.token}`);

    const [row] = await h.query<{ token_hash: string; invited_by: string }>(
      sql`select token_hash, invited_by from representative_invitations where id = ${invitation.id}`,
    );
    expect(row!.token_hash).toBe(createHash('sha256').update(mail.token).digest('hex'));
    expect(row!.token_hash).not.toContain(mail.token);
    expect(row!.invited_by).toBe(users.repA.id);

    const [event] = await audits('organization.representative_invited', orgA).then((e) => e.slice(-1));
    expect(event).toMatchObject({
      actor_id: users.repA.id,
      after: { invitationId: invitation.id, email: email.toLowerCase(), resent: false },
    });
    expect(JSON.stringify(event)).not.toContain(mail.token);

    // The link works: the preview names the organisation and the address.
    const shown = await preview(users.noRole.cookie, mail.token);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(InvitationPreviewSchema.parse(shown.json())).toMatchObject({
      organization: { id: orgA, nameBg: 'Дигитални Мостове', nameEn: 'Digital Bridges' },
      email: email.toLowerCase(),
      invitedBy: 'Мария Петрова',
      emailMatches: false,
      accepted: false,
    });
  });

  it('writes to an address with an account in that account’s language', async () => {
    const { email } = users.english;
    await invitedToken(email);
    const mail = await lastEmail(h, email);
    expect(mail.subject).toBe('Invitation to represent Digital Bridges on the cluster portal');
    expect(mail.text).toContain('Мария Петрова invites you');
  });

  it('re-sends an open invitation to the same address with a new link instead of a duplicate', async () => {
    const email = `twice-${Date.now()}@example.bg`;
    const first = InviteResponseSchema.parse((await invite(users.repA.cookie, email)).json());
    const oldToken = (await lastEmailLink(h, email)).token;
    // Even when it has expired meanwhile.
    await h.query(
      sql`update representative_invitations set expires_at = now() - interval '1 day' where id = ${first.invitation.id}`,
    );
    expect((await listed(users.repA.cookie)).invitations.find((i) => i.email === email)?.expired).toBe(true);
    const again = await invite(users.repA2.cookie, email);
    expect(again.statusCode, again.body).toBe(200);
    const second = InviteResponseSchema.parse(again.json());
    expect(second).toMatchObject({ resent: true, invitation: { id: first.invitation.id, expired: false } });
    expect(second.invitation.invitedBy?.id).toBe(users.repA2.id);
    const newToken = (await lastEmailLink(h, email)).token;
    expect(newToken).not.toBe(oldToken);

    const rows = await h.query(sql`select 1 from representative_invitations where email = ${email}`);
    expect(rows).toHaveLength(1);
    problemOf(await preview(users.noRole.cookie, oldToken), 404, 'invitation.not_found');
    expect((await preview(users.noRole.cookie, newToken)).statusCode).toBe(200);
    const events = await audits('organization.representative_invited', orgA);
    expect(events.at(-1)).toMatchObject({ actor_id: users.repA2.id, after: { resent: true } });
  });

  it('refuses an address that already represents the organisation: 409 with a field error in bg and en', async () => {
    const outbox = () => h.query(sql`select 1 from outbox_messages where to_email = ${users.repA2.email}`);
    const before = (await outbox()).length;
    const bg = problemOf(
      await invite(users.repA.cookie, users.repA2.email.toUpperCase()),
      409,
      'representative.already',
    );
    expect(bg.errors).toEqual([
      {
        path: 'body.email',
        message: 'Потребителят с този имейл вече е представител на организацията.',
      },
    ]);
    const en = problemOf(
      await invite(users.repA.cookie, users.repA2.email, orgA, 'en'),
      409,
      'representative.already',
    );
    expect(en.errors?.[0]?.message).toBe(
      'The user with this email is already a representative of the organisation.',
    );
    expect((await outbox()).length).toBe(before);
    // A representative of another organisation may be invited to this one.
    expect((await invite(users.repA.cookie, users.repB.email)).statusCode).toBe(201);
  });

  it('refuses an invalid address with a field error and no email', async () => {
    const res = problemOf(await invite(users.repA.cookie, 'not an email'), 400, 'validation.failed');
    expect(res.errors?.[0]?.path).toBe('body.email');
    problemOf(await call(users.repA.cookie, 'POST', invitations(orgA), {}), 400, 'validation.failed');
  });

  it('does not let a representative invite to another organisation', async () => {
    const email = `sneaky-${Date.now()}@example.bg`;
    problemOf(await invite(users.repB.cookie, email, orgA), 404, 'organization.not_found');
    expect(await h.query(sql`select 1 from representative_invitations where email = ${email}`)).toEqual([]);
    expect(await h.query(sql`select 1 from outbox_messages where to_email = ${email}`)).toEqual([]);
  });

  it('limits how many invitations one user sends', async () => {
    const limited = await buildTestApp(
      h,
      {},
      { rateLimits: { ...generous, invitePerUser: { max: 2, windowSeconds: 3600 } } },
    );
    try {
      const rep = await insertUser(h, { roles: ['representative'], organizationIds: [orgA] });
      const cookie = await logIn(limited, rep.email);
      const send = (i: number) =>
        limited.inject({
          method: 'POST',
          url: invitations(orgA),
          headers: { cookie },
          payload: { email: `limit-${i}-${Date.now()}@example.bg` },
        });
      expect((await send(1)).statusCode).toBe(201);
      expect((await send(2)).statusCode).toBe(201);
      const refused = await send(3);
      problemOf(refused, 429, 'rate_limited');
      expect(refused.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});

describe('revoking an invitation', () => {
  it('stops the link working, once, with an audit event', async () => {
    const email = `revoked-${Date.now()}@example.bg`;
    const token = await invitedToken(email);
    const id = (await listed(users.repA.cookie)).invitations.find((i) => i.email === email)!.id;

    problemOf(await revoke(users.repB.cookie, id, orgA), 404, 'organization.not_found');
    // An invitation of A through B's address is not B's.
    problemOf(await revoke(users.repB.cookie, id, orgB), 404, 'invitation.not_found');

    const res = await revoke(users.repA2.cookie, id);
    expect(res.statusCode, res.body).toBe(204);
    expect((await listed(users.repA.cookie)).invitations.map((i) => i.id)).not.toContain(id);
    expect((await audits('organization.invitation_revoked', orgA)).at(-1)).toMatchObject({
      actor_id: users.repA2.id,
      before: { invitationId: id, email },
    });
    problemOf(await revoke(users.repA.cookie, id), 404, 'invitation.not_found');

    const invitee = await newcomer();
    await h.query(sql`update users set email = ${email} where id = ${invitee.id}`);
    const bg = problemOf(await preview(invitee.cookie, token), 410, 'invitation.revoked');
    expect(bg.title).toBe('Поканата е оттеглена');
    problemOf(await accept(invitee.cookie, token, 'en'), 410, 'invitation.revoked');
    expect(await linksOf(invitee.id)).toEqual([]);

    // A new invitation to the same address can follow.
    expect((await invite(users.repA.cookie, email)).statusCode).toBe(201);
  });
});

describe('accepting an invitation', () => {
  it('links the invited user, grants the role and marks it accepted; accepting again changes nothing', async () => {
    const invitee = await newcomer({ language: 'en' });
    const token = await invitedToken(invitee.email);
    const before = await preview(invitee.cookie, token);
    expect(InvitationPreviewSchema.parse(before.json())).toMatchObject({
      emailMatches: true,
      accepted: false,
    });
    // Not a representative yet.
    problemOf(await list(invitee.cookie), 403, 'auth.forbidden');

    const res = await accept(invitee.cookie, token);
    expect(res.statusCode, res.body).toBe(200);
    expect(AcceptInvitationResponseSchema.parse(res.json())).toEqual({
      organization: { id: orgA, nameBg: 'Дигитални Мостове', nameEn: 'Digital Bridges' },
      alreadyAccepted: false,
    });
    expect(await linksOf(invitee.id)).toEqual([orgA]);
    expect(await isRepresentative(invitee.id)).toBe(true);
    const [row] = await h.query<{ accepted_by: string; accepted: boolean }>(
      sql`select accepted_by, accepted_at is not null as accepted from representative_invitations
          where email = ${invitee.email}`,
    );
    expect(row).toMatchObject({ accepted_by: invitee.id, accepted: true });
    expect((await audits('organization.representative_added', orgA)).at(-1)).toMatchObject({
      actor_id: invitee.id,
      after: { userId: invitee.id, email: invitee.email },
    });

    // The same session now acts as a representative of A.
    const body = await listed(invitee.cookie);
    expect(body.representatives.find((r) => r.isMe)?.userId).toBe(invitee.id);
    expect(body.invitations.map((i) => i.email)).not.toContain(invitee.email);

    // Again: harmless.
    const twice = await accept(invitee.cookie, token);
    expect(twice.statusCode).toBe(200);
    expect(twice.json()).toMatchObject({ alreadyAccepted: true });
    expect((await preview(invitee.cookie, token)).json()).toMatchObject({ accepted: true });
    const added = await h.query(
      sql`select 1 from audit_events where action = 'organization.representative_added'
            and after->>'userId' = ${invitee.id}`,
    );
    expect(added).toHaveLength(1);
    // Anyone else holding the link learns it is used.
    problemOf(await preview(users.noRole.cookie, token), 410, 'invitation.used');
    problemOf(await accept(users.noRole.cookie, token, 'en'), 410, 'invitation.used');
  });

  it('refuses an account with another email: 403 naming the invited address, in bg and en', async () => {
    const email = `only-for-me-${Date.now()}@example.bg`;
    const token = await invitedToken(email);
    const bg = problemOf(await accept(users.noRole.cookie, token), 403, 'invitation.email_mismatch');
    expect(bg.detail).toBe(
      `Поканата е изпратена до ${email}. Влезте с профила с този имейл, за да я приемете.`,
    );
    const en = problemOf(await accept(users.noRole.cookie, token, 'en'), 403, 'invitation.email_mismatch');
    expect(en.detail).toBe(
      `The invitation was sent to ${email}. Log in with the account of that email to accept it.`,
    );
    expect(await linksOf(users.noRole.id)).toEqual([]);
    expect(await isRepresentative(users.noRole.id)).toBe(false);
    const [row] = await h.query<{ open: boolean }>(
      sql`select accepted_at is null as open from representative_invitations where email = ${email}`,
    );
    expect(row!.open).toBe(true);
  });

  it('refuses an expired or unknown link, and anonymous callers', async () => {
    const invitee = await newcomer();
    const token = await invitedToken(invitee.email);
    await h.query(
      sql`update representative_invitations set expires_at = now() - interval '1 second' where email = ${invitee.email}`,
    );
    const expired = problemOf(await preview(invitee.cookie, token), 410, 'invitation.expired');
    expect(expired.title).toBe('Поканата е изтекла');
    const en = problemOf(await accept(invitee.cookie, token, 'en'), 410, 'invitation.expired');
    expect(en.detail).toBe('This invitation has expired. Ask your colleague to send you a new one.');
    expect(await linksOf(invitee.id)).toEqual([]);

    const unknown = 'A'.repeat(43);
    problemOf(await preview(invitee.cookie, unknown), 404, 'invitation.not_found');
    problemOf(await accept(invitee.cookie, unknown), 404, 'invitation.not_found');
    problemOf(await accept(invitee.cookie, 'short'), 400, 'validation.failed');
    problemOf(await call(null, 'POST', '/api/invitations/accept', { token }), 401, 'auth.required');
    problemOf(await call(null, 'POST', '/api/invitations/preview', { token }), 401, 'auth.required');
  });

  it('adds a second organisation to a representative of another', async () => {
    const token = await invitedToken(users.repB.email);
    expect((await accept(users.repB.cookie, token)).statusCode).toBe(200);
    expect(await linksOf(users.repB.id)).toEqual([orgA, orgB].sort());
    // And removing them from A leaves them a representative of B.
    expect((await remove(users.repA.cookie, users.repB.id)).statusCode).toBe(204);
    expect(await linksOf(users.repB.id)).toEqual([orgB]);
    expect(await isRepresentative(users.repB.id)).toBe(true);
    expect((await audits('organization.representative_removed', orgA)).at(-1)).toMatchObject({
      actor_id: users.repA.id,
      before: { userId: users.repB.id },
      after: { roleRevoked: false },
    });
  });
});

describe('removing a representative', () => {
  it('removes a colleague, who loses the role with their last organisation and can act on it no more', async () => {
    const org = await insertOrganization(h, { nameBg: 'Двама', nameEn: 'Two' });
    const a = await insertUser(h, { roles: ['representative'], organizationIds: [org] });
    const b = await insertUser(h, {
      roles: ['representative'],
      organizationIds: [org],
      displayName: 'Бойко',
    });
    const [cookieA, cookieB] = [await logIn(app, a.email), await logIn(app, b.email)];

    const res = await remove(cookieA, b.id, org);
    expect(res.statusCode, res.body).toBe(204);
    expect(await linksOf(b.id)).toEqual([]);
    expect(await isRepresentative(b.id)).toBe(false);
    expect((await audits('organization.representative_removed', org)).at(-1)).toMatchObject({
      actor_id: a.id,
      before: { userId: b.id, displayName: 'Бойко', email: b.email },
      after: { roleRevoked: true },
    });
    problemOf(await list(cookieB, org), 403, 'auth.forbidden');
    problemOf(await remove(cookieB, a.id, org), 403, 'auth.forbidden');
    expect(await linksOf(a.id)).toEqual([org]);
  });

  it('never removes the last representative: 409 in bg and en, also for administrators and oneself', async () => {
    const org = await insertOrganization(h, { nameBg: 'Сам', nameEn: 'Alone' });
    const a = await insertUser(h, { roles: ['representative'], organizationIds: [org] });
    const cookieA = await logIn(app, a.email);
    const bg = problemOf(await remove(cookieA, a.id, org), 409, 'representative.last');
    expect(bg.title).toBe('Последният представител');
    expect(bg.detail).toContain('поне един представител');
    const en = problemOf(await remove(users.admin.cookie, a.id, org, 'en'), 409, 'representative.last');
    expect(en.detail).toContain('at least one representative');
    expect(await linksOf(a.id)).toEqual([org]);
    expect(await isRepresentative(a.id)).toBe(true);
    expect(await audits('organization.representative_removed', org)).toEqual([]);
  });

  it('lets a representative leave when a colleague remains', async () => {
    const org = await insertOrganization(h, { nameBg: 'Напускане', nameEn: 'Leaving' });
    const a = await insertUser(h, { roles: ['representative'], organizationIds: [org] });
    const b = await insertUser(h, { roles: ['representative'], organizationIds: [org] });
    const cookieB = await logIn(app, b.email);
    expect((await remove(cookieB, b.id, org)).statusCode).toBe(204);
    expect(await linksOf(b.id)).toEqual([]);
    expect(await linksOf(a.id)).toEqual([org]);
    // Administrators may remove any but the last.
    const c = await insertUser(h, { roles: ['representative'], organizationIds: [org] });
    expect((await remove(users.admin.cookie, c.id, org)).statusCode).toBe(204);
    problemOf(await remove(users.admin.cookie, a.id, org), 409, 'representative.last');
  });

  it('answers 404 for a user who is not a representative of it, and for another organisation', async () => {
    problemOf(await remove(users.repA.cookie, users.noRole.id), 404, 'representative.not_found');
    problemOf(await remove(users.repA.cookie, users.repB.id, orgB), 404, 'organization.not_found');
    expect(await linksOf(users.repB.id)).toEqual([orgB]);
    problemOf(await remove(users.noRole.cookie, users.repA.id), 403, 'auth.forbidden');
    problemOf(await call(null, 'DELETE', `${reps(orgA)}/${users.repA.id}`), 401, 'auth.required');
    problemOf(await call(users.repA.cookie, 'DELETE', `${reps(orgA)}/nope`), 400, 'validation.failed');
  });
});
