/**
 * The authorisation matrix: every registered API route × every kind of user, with the expected answer
 * written out per row. A route the table does not list fails the coverage test, so a new route cannot
 * ship without saying who may call it. Allowed calls use real ids and valid bodies and must reach the
 * handler (their exact success status); denied calls must answer 401 (anonymous), 403 or a record-level
 * 404, leak none of the protected data and change nothing in the database.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { type Action, can, type Principal, type Role } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from './auth/rate-limit.ts';
import { createSession } from './auth/sessions.ts';
import { type RoutePermission, sessionCookieName } from './plugins/auth.ts';
import { issueToken } from './routes/auth/auth.service.ts';
import { buildTestApp, insertOrganization, insertUser, logIn, TEST_PASSWORD } from './testing.ts';

const ACTOR_NAMES = [
  'anonymous',
  'no_role',
  'applicant',
  'representative',
  'committee_member',
  'committee_chair',
  'admin',
] as const;
type ActorName = (typeof ACTOR_NAMES)[number];

/** Roles of each signed-in actor; the representative is linked to organisation A only. */
const ACTOR_ROLES: Record<Exclude<ActorName, 'anonymous'>, Role[]> = {
  no_role: [],
  applicant: ['applicant'],
  representative: ['representative'],
  committee_member: ['committee_member'],
  committee_chair: ['committee_chair'],
  admin: ['admin'],
};

interface Actor {
  name: ActorName;
  user: { id: string; email: string } | null;
  cookie: string | null;
  principal: Principal | null;
}

interface Fixtures {
  orgA: { id: string; eik: string };
  orgB: { id: string; eik: string };
  /** The user administrators act on (roles, disable, links). */
  target: { id: string; email: string };
  /** Another user with a live session, whose data nobody else may see or end. */
  victim: { id: string; email: string; sessionId: string; cookie: string };
  actors: Record<ActorName, Actor>;
}

/** What one actor gets from one row: allowed with this exact status, or denied with status and code. */
type Outcome = { allow: number } | { deny: 401 | 403 | 404; code: string };
type Expectations = Record<ActorName, Outcome>;

const allow = (status: number): Outcome => ({ allow: status });
const ANON: Outcome = { deny: 401, code: 'auth.required' };
const FORBIDDEN: Outcome = { deny: 403, code: 'auth.forbidden' };

const everyone = (status: number): Expectations => ({
  anonymous: allow(status),
  no_role: allow(status),
  applicant: allow(status),
  representative: allow(status),
  committee_member: allow(status),
  committee_chair: allow(status),
  admin: allow(status),
});
const signedIn = (status: number): Expectations => ({ ...everyone(status), anonymous: ANON });
const adminOnly = (status: number): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  representative: FORBIDDEN,
  committee_member: FORBIDDEN,
  committee_chair: FORBIDDEN,
  admin: allow(status),
});

interface Request {
  url: string;
  payload?: object;
  /** Overrides the actor's own session cookie (null: none). */
  cookie?: string | null;
}

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route pattern exactly as registered. */
  url: string;
  permission: RoutePermission;
  label: string;
  /** Record-level rows: expectations are written by hand, not checked against `can()` without a resource. */
  record?: boolean;
  expect: Expectations;
  build: (f: Fixtures, actor: Actor) => Request | Promise<Request>;
  /** Further checks of an allowed answer. */
  check?: (body: unknown, f: Fixtures, actor: Actor) => void;
}

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let f: Fixtures;
let seq = 0;
const fresh = (what: string) => `${what}-${++seq}-${Math.random().toString(36).slice(2, 8)}@example.bg`;
const cookieName = sessionCookieName(false);

/** A further session of the actor (for calls that end the session they come with). */
async function spareCookie(actor: Actor): Promise<string | null> {
  if (!actor.user) return null;
  const { token } = await createSession(
    h.db,
    actor.user.id,
    { idleMs: app.config.sessionIdleMs, absoluteMs: app.config.sessionAbsoluteMs },
    'spare',
  );
  return `${cookieName}=${token}`;
}

/** A fresh single-use token for a fresh user, as the emailed link would carry it. */
async function freshToken(
  purpose: 'verify_email' | 'reset_password' | 'change_email',
  userOptions: { verified?: boolean } = {},
): Promise<string> {
  const user = await insertUser(h, userOptions);
  const link = await issueToken(
    h.db,
    app.config.publicUrl,
    user.id,
    purpose,
    purpose === 'change_email' ? fresh('moved') : undefined,
  );
  return new URL(link).searchParams.get('token')!;
}

const bodyOf = (body: unknown) => body as Record<string, unknown>;

const ROWS: Row[] = [
  // ---------- public ----------
  {
    method: 'GET',
    url: '/api/openapi.json',
    permission: 'public',
    label: 'the OpenAPI document',
    expect: everyone(200),
    build: () => ({ url: '/api/openapi.json' }),
  },
  {
    method: 'GET',
    url: '/api/health',
    permission: 'public',
    label: 'health',
    expect: everyone(200),
    build: () => ({ url: '/api/health' }),
  },
  {
    method: 'GET',
    url: '/api/cluster',
    permission: 'public',
    label: 'the cluster',
    expect: everyone(200),
    build: () => ({ url: '/api/cluster' }),
  },
  {
    method: 'GET',
    url: '/api/areas',
    permission: 'public',
    label: 'areas',
    expect: everyone(200),
    build: () => ({ url: '/api/areas' }),
  },
  {
    method: 'GET',
    url: '/api/organizations',
    permission: 'public',
    label: 'the public directory',
    expect: everyone(200),
    build: () => ({ url: '/api/organizations' }),
  },
  {
    method: 'GET',
    url: '/api/organizations/:id',
    permission: 'public',
    label: 'a public profile',
    expect: everyone(200),
    build: (f) => ({ url: `/api/organizations/${f.orgB.id}` }),
  },
  {
    method: 'GET',
    url: '/api/auth/session',
    permission: 'public',
    label: 'the current session',
    expect: everyone(200),
    build: () => ({ url: '/api/auth/session' }),
    check: (body, _f, actor) => {
      const user = bodyOf(body).user as { id: string } | null;
      expect(user?.id ?? null).toBe(actor.user?.id ?? null);
    },
  },
  {
    method: 'POST',
    url: '/api/auth/sign-up',
    permission: 'public',
    label: 'sign-up',
    expect: everyone(202),
    build: () => ({
      url: '/api/auth/sign-up',
      payload: { email: fresh('signup'), password: 'a long enough password', displayName: 'New' },
    }),
  },
  {
    method: 'POST',
    url: '/api/auth/verify-email',
    permission: 'public',
    label: 'email verification',
    expect: everyone(204),
    build: async () => ({
      url: '/api/auth/verify-email',
      payload: { token: await freshToken('verify_email', { verified: false }) },
    }),
  },
  {
    method: 'POST',
    url: '/api/auth/resend-verification',
    permission: 'public',
    label: 'resending the verification link',
    expect: everyone(202),
    build: async () => ({
      url: '/api/auth/resend-verification',
      payload: { email: (await insertUser(h, { verified: false })).email },
    }),
  },
  {
    method: 'POST',
    url: '/api/auth/log-in',
    permission: 'public',
    label: 'log-in',
    expect: everyone(200),
    // Log-in ends the session the browser came with: send a spare one, not the actor's own.
    build: async (_f, actor) => ({
      url: '/api/auth/log-in',
      payload: { email: (await insertUser(h)).email, password: TEST_PASSWORD },
      cookie: await spareCookie(actor),
    }),
  },
  {
    method: 'POST',
    url: '/api/auth/log-out',
    permission: 'public',
    label: 'log-out',
    expect: everyone(204),
    build: async (_f, actor) => ({ url: '/api/auth/log-out', cookie: await spareCookie(actor) }),
  },
  {
    method: 'POST',
    url: '/api/auth/forgot-password',
    permission: 'public',
    label: 'forgotten password',
    expect: everyone(202),
    build: async () => ({
      url: '/api/auth/forgot-password',
      payload: { email: (await insertUser(h)).email },
    }),
  },
  {
    method: 'POST',
    url: '/api/auth/reset-password',
    permission: 'public',
    label: 'password reset',
    expect: everyone(204),
    build: async () => ({
      url: '/api/auth/reset-password',
      payload: { token: await freshToken('reset_password'), password: 'a brand new passphrase' },
    }),
  },
  {
    method: 'POST',
    url: '/api/auth/confirm-email-change',
    permission: 'public',
    label: 'confirming an email change',
    expect: everyone(204),
    build: async () => ({
      url: '/api/auth/confirm-email-change',
      payload: { token: await freshToken('change_email') },
    }),
  },

  // ---------- my account ----------
  {
    method: 'GET',
    url: '/api/account',
    permission: 'account.manage',
    label: 'my account',
    expect: signedIn(200),
    build: () => ({ url: '/api/account' }),
    check: (body, _f, actor) => expect(bodyOf(body).id).toBe(actor.user?.id),
  },
  {
    method: 'PATCH',
    url: '/api/account',
    permission: 'account.manage',
    label: 'renaming myself',
    expect: signedIn(200),
    build: (_f, actor) => ({ url: '/api/account', payload: { displayName: `Renamed ${actor.name}` } }),
    check: (body, _f, actor) => expect(bodyOf(body)).toMatchObject({ id: actor.user?.id }),
  },
  {
    method: 'POST',
    url: '/api/account/password',
    permission: 'account.manage',
    label: 'changing my password',
    expect: signedIn(204),
    // The same password again: a real change, and later rows can still use TEST_PASSWORD.
    build: () => ({
      url: '/api/account/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
    }),
  },
  {
    method: 'POST',
    url: '/api/account/email',
    permission: 'account.manage',
    label: 'changing my email',
    expect: signedIn(202),
    build: () => ({
      url: '/api/account/email',
      payload: { currentPassword: TEST_PASSWORD, newEmail: fresh('new-address') },
    }),
  },
  {
    method: 'GET',
    url: '/api/account/sessions',
    permission: 'account.manage',
    label: 'my sessions',
    expect: signedIn(200),
    build: () => ({ url: '/api/account/sessions' }),
    check: (body, f) => {
      const items = bodyOf(body).items as { id: string; current: boolean }[];
      expect(items.some((s) => s.current)).toBe(true);
      expect(items.map((s) => s.id)).not.toContain(f.victim.sessionId);
    },
  },
  {
    method: 'DELETE',
    url: '/api/account/sessions/:id',
    permission: 'account.manage',
    label: 'ending one of my own sessions',
    expect: signedIn(204),
    build: async (f, actor) => {
      if (!actor.user) return { url: `/api/account/sessions/${f.victim.sessionId}` };
      const { sessionId } = await createSession(
        h.db,
        actor.user.id,
        { idleMs: app.config.sessionIdleMs, absoluteMs: app.config.sessionAbsoluteMs },
        'spare',
      );
      return { url: `/api/account/sessions/${sessionId}` };
    },
  },
  {
    method: 'DELETE',
    url: '/api/account/sessions/:id',
    permission: 'account.manage',
    label: "ending somebody else's session",
    record: true,
    // Nobody, administrators included, ends another user's session here: it is "not found".
    expect: {
      anonymous: ANON,
      no_role: { deny: 404, code: 'session.not_found' },
      applicant: { deny: 404, code: 'session.not_found' },
      representative: { deny: 404, code: 'session.not_found' },
      committee_member: { deny: 404, code: 'session.not_found' },
      committee_chair: { deny: 404, code: 'session.not_found' },
      admin: { deny: 404, code: 'session.not_found' },
    },
    build: (f) => ({ url: `/api/account/sessions/${f.victim.sessionId}` }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations',
    permission: 'account.manage',
    label: 'the organisations I represent',
    expect: signedIn(200),
    build: () => ({ url: '/api/account/organizations' }),
    check: (body, f, actor) => {
      const items = bodyOf(body).items as { id: string; eik: string }[];
      expect(items).toEqual(
        actor.name === 'representative' ? [expect.objectContaining({ id: f.orgA.id, eik: f.orgA.eik })] : [],
      );
    },
  },

  // ---------- private view of an organisation (record-level) ----------
  {
    method: 'GET',
    url: '/api/account/organizations/:id',
    permission: 'organization.view_private',
    label: "the private view of the representative's own organisation A",
    record: true,
    expect: {
      anonymous: ANON,
      no_role: FORBIDDEN,
      applicant: FORBIDDEN,
      representative: allow(200),
      committee_member: FORBIDDEN,
      committee_chair: FORBIDDEN,
      admin: allow(200),
    },
    build: (f) => ({ url: `/api/account/organizations/${f.orgA.id}` }),
    check: (body, f) => expect(body).toMatchObject({ id: f.orgA.id, eik: f.orgA.eik }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id',
    permission: 'organization.view_private',
    label: 'the private view of another organisation B',
    record: true,
    expect: {
      anonymous: ANON,
      no_role: FORBIDDEN,
      applicant: FORBIDDEN,
      representative: { deny: 404, code: 'organization.not_found' },
      committee_member: FORBIDDEN,
      committee_chair: FORBIDDEN,
      admin: allow(200),
    },
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}` }),
    check: (body, f) => expect(body).toMatchObject({ id: f.orgB.id, eik: f.orgB.eik }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id',
    permission: 'organization.view_private',
    label: 'the private view of an organisation that does not exist',
    record: true,
    expect: {
      anonymous: ANON,
      no_role: FORBIDDEN,
      applicant: FORBIDDEN,
      representative: { deny: 404, code: 'organization.not_found' },
      committee_member: FORBIDDEN,
      committee_chair: FORBIDDEN,
      admin: { deny: 404, code: 'organization.not_found' },
    },
    build: () => ({ url: '/api/account/organizations/00000000-0000-4000-8000-000000000000' }),
  },

  // ---------- administration ----------
  {
    method: 'GET',
    url: '/api/admin/users',
    permission: 'users.manage',
    label: 'the user list',
    expect: adminOnly(200),
    build: () => ({ url: '/api/admin/users?pageSize=100' }),
    check: (body, f) => {
      const emails = (bodyOf(body).items as { email: string }[]).map((u) => u.email);
      expect(emails).toEqual(expect.arrayContaining([f.target.email, f.victim.email]));
    },
  },
  {
    method: 'GET',
    url: '/api/admin/users/:id',
    permission: 'users.manage',
    label: 'one user',
    expect: adminOnly(200),
    build: (f) => ({ url: `/api/admin/users/${f.target.id}` }),
    check: (body, f) => expect(body).toMatchObject({ id: f.target.id, email: f.target.email }),
  },
  {
    method: 'PUT',
    url: '/api/admin/users/:id/roles/:role',
    permission: 'users.manage',
    label: 'granting a role to another user',
    expect: adminOnly(200),
    build: (f) => ({ url: `/api/admin/users/${f.target.id}/roles/committee_member` }),
    check: (body) => expect(bodyOf(body).roles).toContain('committee_member'),
  },
  {
    method: 'PUT',
    url: '/api/admin/users/:id/roles/:role',
    permission: 'users.manage',
    label: 'granting myself the admin role',
    expect: adminOnly(200),
    build: (f, actor) => ({ url: `/api/admin/users/${actor.user?.id ?? f.target.id}/roles/admin` }),
  },
  {
    method: 'DELETE',
    url: '/api/admin/users/:id/roles/:role',
    permission: 'users.manage',
    label: 'revoking a role',
    expect: adminOnly(200),
    build: (f) => ({ url: `/api/admin/users/${f.target.id}/roles/committee_member` }),
    check: (body) => expect(bodyOf(body).roles).not.toContain('committee_member'),
  },
  {
    method: 'POST',
    url: '/api/admin/users/:id/disable',
    permission: 'users.manage',
    label: 'disabling a user',
    expect: adminOnly(200),
    build: (f) => ({ url: `/api/admin/users/${f.target.id}/disable` }),
    check: (body) => expect(bodyOf(body).status).toBe('disabled'),
  },
  {
    method: 'POST',
    url: '/api/admin/users/:id/enable',
    permission: 'users.manage',
    label: 'enabling a user',
    expect: adminOnly(200),
    build: (f) => ({ url: `/api/admin/users/${f.target.id}/enable` }),
    check: (body) => expect(bodyOf(body).status).toBe('active'),
  },
  {
    method: 'PUT',
    url: '/api/admin/users/:id/organizations/:organizationId',
    permission: 'users.manage',
    label: 'linking a representative to an organisation',
    expect: adminOnly(200),
    build: (f) => ({ url: `/api/admin/users/${f.target.id}/organizations/${f.orgB.id}` }),
    check: (body, f) =>
      expect((bodyOf(body).organizations as { id: string }[]).map((o) => o.id)).toEqual([f.orgB.id]),
  },
  {
    method: 'DELETE',
    url: '/api/admin/users/:id/organizations/:organizationId',
    permission: 'users.manage',
    label: 'unlinking a representative',
    expect: adminOnly(200),
    build: (f) => ({ url: `/api/admin/users/${f.target.id}/organizations/${f.orgB.id}` }),
    check: (body) => expect(bodyOf(body).organizations).toEqual([]),
  },
  {
    method: 'GET',
    url: '/api/admin/organizations',
    permission: 'users.manage',
    label: 'finding any organisation',
    expect: adminOnly(200),
    build: (f) => ({ url: `/api/admin/organizations?q=${f.orgB.eik}` }),
    check: (body, f) => expect(bodyOf(body).items).toEqual([expect.objectContaining({ id: f.orgB.id })]),
  },
  {
    method: 'GET',
    url: '/api/admin/audit',
    permission: 'audit.read',
    label: 'the audit log',
    expect: adminOnly(200),
    build: () => ({ url: '/api/admin/audit' }),
    check: (body) => expect(bodyOf(body).total).toBeGreaterThan(0),
  },
  {
    method: 'GET',
    url: '/api/admin/mailbox',
    permission: 'mailbox.read',
    label: 'the mailbox',
    expect: adminOnly(200),
    build: () => ({ url: '/api/admin/mailbox' }),
    check: (body) => expect(bodyOf(body).total).toBeGreaterThan(0),
  },
];

/** Everything a caller could change; a denied call must leave all of it as it was. */
async function fingerprint(): Promise<Record<string, number>> {
  const [row] = await h.query<Record<string, number>>(
    sql`select
          (select count(*)::int from audit_events) as audit_events,
          (select count(*)::int from sessions) as sessions,
          (select coalesce(sum(version), 0)::int from users) as user_versions,
          (select count(*)::int from users where disabled_at is not null) as disabled_users,
          (select count(*)::int from user_roles) as user_roles,
          (select count(*)::int from user_organizations) as user_organizations,
          (select count(*)::int from outbox_messages) as outbox_messages,
          (select count(*)::int from auth_tokens where used_at is not null) as used_tokens`,
  );
  return row!;
}

/** Data no denied answer may carry: both organisations' ЕИК and every other user's email. */
function secretsFor(actor: Actor): string[] {
  const emails = [
    f.target.email,
    f.victim.email,
    ...ACTOR_NAMES.map((n) => f.actors[n].user?.email).filter((e): e is string => !!e),
  ].filter((e) => e !== actor.user?.email);
  return [f.orgA.eik, f.orgB.eik, ...emails];
}

const patternOf = (url: string) =>
  new RegExp(`^${url.replace(/:[A-Za-z]+/g, '[^/?]+').replace(/\./g, '\\.')}(\\?.*)?$`);

beforeAll(async () => {
  h = await createTestDb();
  // The limits have their own tests; here every row must reach its route.
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });

  const orgA = await insertOrganization(h, { nameBg: 'Организация А', nameEn: 'Organisation A' });
  const orgB = await insertOrganization(h, { nameBg: 'Организация Б', nameEn: 'Organisation B' });
  const eiks = await h.query<{ id: string; eik: string }>(
    sql`select id, eik from organizations where id in (${orgA}, ${orgB})`,
  );
  const eikOf = (id: string) => eiks.find((r) => r.id === id)!.eik;

  const actors = { anonymous: { name: 'anonymous', user: null, cookie: null, principal: null } } as Record<
    ActorName,
    Actor
  >;
  for (const name of ACTOR_NAMES) {
    if (name === 'anonymous') continue;
    const roles = ACTOR_ROLES[name];
    const organizationIds = name === 'representative' ? [orgA] : [];
    const user = await insertUser(h, { email: fresh(name), roles, organizationIds });
    actors[name] = {
      name,
      user: { id: user.id, email: user.email },
      cookie: await logIn(app, user.email),
      principal: { id: user.id, roles, organizationIds },
    };
  }
  const target = await insertUser(h, { email: fresh('target') });
  const victim = await insertUser(h, { email: fresh('victim') });
  const victimCookie = await logIn(app, victim.email);
  const [victimSession] = await h.query<{ id: string }>(
    sql`select id from sessions where user_id = ${victim.id}`,
  );
  f = {
    orgA: { id: orgA, eik: eikOf(orgA) },
    orgB: { id: orgB, eik: eikOf(orgB) },
    target: { id: target.id, email: target.email },
    victim: { id: victim.id, email: victim.email, sessionId: victimSession!.id, cookie: victimCookie },
    actors,
  };
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('the authorisation matrix covers the API', () => {
  const isDocs = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

  it('lists every registered API route (so a new route cannot escape it), and no route that is gone', () => {
    const api = app.registeredRoutes.filter((r) => r.url.startsWith('/api'));
    const routes = api
      .filter((r) => r.method !== 'HEAD' && !isDocs(r.url))
      .map((r) => `${r.method} ${r.url}`);
    const listed = new Set(ROWS.map((r) => `${r.method} ${r.url}`));
    expect(routes.length).toBeGreaterThan(30);
    expect(
      routes.filter((k) => !listed.has(k)),
      'routes missing from the matrix',
    ).toEqual([]);
    expect(
      [...listed].filter((k) => !routes.includes(k)),
      'matrix rows for routes that do not exist',
    ).toEqual([]);
  });

  it('declares for each row the permission its route really has', () => {
    const permissionOf = new Map(app.registeredRoutes.map((r) => [`${r.method} ${r.url}`, r.permission]));
    const mismatches = ROWS.filter((row) => permissionOf.get(`${row.method} ${row.url}`) !== row.permission);
    expect(
      mismatches.map((r) => `${r.method} ${r.url}: ${permissionOf.get(`${r.method} ${r.url}`)}`),
    ).toEqual([]);
  });

  it('skips only HEAD twins of GET routes (same permission) and the public, read-only docs UI', () => {
    const api = app.registeredRoutes.filter((r) => r.url.startsWith('/api'));
    const getPermission = new Map(api.filter((r) => r.method === 'GET').map((r) => [r.url, r.permission]));
    const strayHeads = api.filter(
      (r) => r.method === 'HEAD' && (!getPermission.has(r.url) || getPermission.get(r.url) !== r.permission),
    );
    expect(strayHeads).toEqual([]);
    const docs = api.filter((r) => isDocs(r.url));
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.filter((r) => !['GET', 'HEAD'].includes(r.method) || r.permission !== 'public')).toEqual([]);
  });

  it('agrees with the shared policy can() on every row that is not record-level', () => {
    const disagreements: string[] = [];
    for (const row of ROWS.filter((r) => !r.record)) {
      for (const name of ACTOR_NAMES) {
        const principal = f.actors[name].principal;
        const policy = row.permission === 'public' || can(principal, row.permission as Action);
        if (policy !== 'allow' in row.expect[name]) disagreements.push(`${row.method} ${row.url} × ${name}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('expects every signed-in kind of user to be denied somewhere and allowed somewhere else', () => {
    // Guards the table itself: a row set to "everyone" by mistake would show up here.
    for (const name of ACTOR_NAMES) {
      const outcomes = ROWS.map((row) => row.expect[name]);
      expect(
        outcomes.some((o) => 'allow' in o),
        name,
      ).toBe(true);
      expect(
        outcomes.some((o) => 'deny' in o),
        name,
      ).toBe(true);
    }
  });
});

for (const row of ROWS) {
  describe(`${row.method} ${row.url} — ${row.label}`, () => {
    it.each(ACTOR_NAMES)('%s', async (name) => {
      const actor = f.actors[name];
      const outcome = row.expect[name];
      const request = await row.build(f, actor);
      expect(request.url).toMatch(patternOf(row.url));
      const cookie = request.cookie === undefined ? actor.cookie : request.cookie;
      const before = 'deny' in outcome ? await fingerprint() : undefined;

      const res = await app.inject({
        method: row.method,
        url: request.url,
        ...(request.payload ? { payload: request.payload } : {}),
        headers: cookie ? { cookie } : {},
      });

      if ('allow' in outcome) {
        expect(res.statusCode, res.body).toBe(outcome.allow);
        row.check?.(res.statusCode === 204 ? null : res.json(), f, actor);
        return;
      }
      expect(res.statusCode, res.body).toBe(outcome.deny);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: outcome.deny, code: outcome.code });
      for (const secret of secretsFor(actor)) expect(res.body).not.toContain(secret);
      expect(await fingerprint(), 'a denied call changed the database').toEqual(before);
    });
  });
}

describe('record-level answers reveal nothing', () => {
  it('answers a representative asking for another organisation exactly like for one that does not exist', async () => {
    const { cookie } = f.actors.representative;
    const other = await app.inject({
      url: `/api/account/organizations/${f.orgB.id}`,
      headers: { cookie: cookie! },
    });
    const missing = await app.inject({
      url: '/api/account/organizations/00000000-0000-4000-8000-000000000000',
      headers: { cookie: cookie! },
    });
    expect(other.statusCode).toBe(404);
    expect(other.body).toBe(missing.body);
    expect(other.body).not.toContain(f.orgB.eik);
    expect(other.body).not.toContain('Организация Б');
  });

  it("keeps the victim's session alive after everyone tried to end it", async () => {
    const res = await app.inject({ url: '/api/account', headers: { cookie: f.victim.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(f.victim.id);
  });

  it('leaves no user but the administrator holding the admin role', async () => {
    const admins = await h.query<{ user_id: string }>(
      sql`select user_id from user_roles where role = 'admin'`,
    );
    expect(admins.map((r) => r.user_id)).toEqual([f.actors.admin.user!.id]);
  });
});
