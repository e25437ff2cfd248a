/**
 * The authorisation matrix: every registered API route × every kind of user, with the expected answer
 * written out per row. A route the table does not list fails the coverage test, so a new route cannot
 * ship without saying who may call it. Allowed calls use real ids and valid bodies and must reach the
 * handler (their exact success status); denied calls must answer 401 (anonymous), 403 or a record-level
 * 404, leak none of the protected data and change nothing in the database.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import {
  type Action,
  CONTACT_FIELD_DEFAULTS,
  can,
  DECLARATION_VERSION,
  type Principal,
  type Role,
} from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from './auth/rate-limit.ts';
import { createSession } from './auth/sessions.ts';
import { type RoutePermission, sessionCookieName } from './plugins/auth.ts';
import { issueToken } from './routes/auth/auth.service.ts';
import {
  buildTestApp,
  insertOrganization,
  insertUser,
  logIn,
  nextEik,
  TEST_PASSWORD,
  TEST_PDF,
} from './testing.ts';

const ACTOR_NAMES = [
  'anonymous',
  'no_role',
  'applicant',
  'other_applicant',
  'representative',
  'committee_member',
  'committee_chair',
  'admin',
] as const;
type ActorName = (typeof ACTOR_NAMES)[number];

/**
 * Roles of each signed-in actor; the representative is linked to organisation A only. The applicant owns
 * every application of the fixtures; the other applicant has a draft of its own.
 */
const ACTOR_ROLES: Record<Exclude<ActorName, 'anonymous'>, Role[]> = {
  no_role: [],
  applicant: ['applicant'],
  other_applicant: ['applicant'],
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
  /**
   * Set while the representative's organisation A is not an active member (the membership-status runs at
   * the end): its standing then. Checks that depend on members-only access read it.
   */
  standing?: LapsedStanding;
}

interface Fixtures {
  orgA: { id: string; eik: string };
  orgB: { id: string; eik: string };
  /** An excluded member: no one may be invited to represent it (decision 012). */
  orgX: { id: string; eik: string };
  /** The user administrators act on (roles, disable, links). */
  target: { id: string; email: string };
  /** Another user with a live session, whose data nobody else may see or end. */
  victim: { id: string; email: string; sessionId: string; cookie: string };
  actors: Record<ActorName, Actor>;
  /** The applicant's applications that rows read or write in place (rows that move one make their own). */
  apps: {
    draft: AppFixture;
    submitted: AppFixture;
    changesRequested: AppFixture;
    otherDraft: AppFixture;
    approved: AppFixture;
    rejected: AppFixture;
  };
}

interface AppFixture {
  id: string;
  eik: string;
  documentId: string;
}

/** What one actor gets from one row: allowed with this exact status, or denied with status and code. */
type Outcome = { allow: number } | { deny: 401 | 403 | 404 | 409; code: string };
type Expectations = Record<ActorName, Outcome>;

const allow = (status: number): Outcome => ({ allow: status });
const ANON: Outcome = { deny: 401, code: 'auth.required' };
const FORBIDDEN: Outcome = { deny: 403, code: 'auth.forbidden' };

const everyone = (status: number): Expectations => ({
  anonymous: allow(status),
  no_role: allow(status),
  applicant: allow(status),
  other_applicant: allow(status),
  representative: allow(status),
  committee_member: allow(status),
  committee_chair: allow(status),
  admin: allow(status),
});
const signedIn = (status: number): Expectations => ({ ...everyone(status), anonymous: ANON });
/** The same outcome for every signed-in actor; the anonymous must sign in. */
const everySignedIn = (outcome: Outcome): Expectations => ({
  anonymous: ANON,
  no_role: outcome,
  applicant: outcome,
  other_applicant: outcome,
  representative: outcome,
  committee_member: outcome,
  committee_chair: outcome,
  admin: outcome,
});
const adminOnly = (status: number): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative: FORBIDDEN,
  committee_member: FORBIDDEN,
  committee_chair: FORBIDDEN,
  admin: allow(status),
});

interface Request {
  url: string;
  /** JSON, or the raw bytes of a document upload. */
  payload?: object | Buffer;
  contentType?: string;
  /** Overrides the actor's own session cookie (null: none). */
  cookie?: string | null;
  /** Further request headers (e.g. If-Match). */
  headers?: Record<string, string>;
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
  /** Further checks of an allowed answer (its JSON, or its raw bytes when it is not JSON). */
  check?: (body: unknown, f: Fixtures, actor: Actor) => void;
  /**
   * What the representative gets while their organisation A is not an active member, when it differs from
   * the default: denied with `membership.inactive` on members-only permissions, else as when A is active.
   */
  lapsed?: Outcome;
}

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let f: Fixtures;
let seq = 0;
let xInvitee: { token: string; cookie: string } | undefined;
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

// ---------- organisation profiles: expectations and requests ----------

const ORG_NOT_FOUND: Outcome = { deny: 404, code: 'organization.not_found' };
/** An invitation to an organisation that is not an active member, refused to everyone (decision 012). */
const INACTIVE_INVITATION: Outcome = { deny: 409, code: 'invitation.membership_inactive' };
/** Members-only access refused because the representative's organisation is not an active member. */
const INACTIVE_MEMBER: Outcome = { deny: 403, code: 'membership.inactive' };
/** Profile editing: the representative gets `representative` (their own A: allowed; B: 404), admins any. */
const editors = (representative: Outcome): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative,
  committee_member: FORBIDDEN,
  committee_chair: FORBIDDEN,
  admin: allow(200),
});
/** Fee payments and the fee list: the committee and administrators. */
const feeRecorders = (status: number): Expectations => ({
  ...adminOnly(status),
  committee_member: allow(status),
  committee_chair: allow(status),
});
/** An organisation's history: members of the cluster may ask; a representative only of their own. */
const historyReaders = (representative: Outcome): Expectations => ({
  ...editors(representative),
  committee_member: allow(200),
  committee_chair: allow(200),
});

/** A valid profile save of `id` at its current version (If-Match), changing only the English description. */
async function profileEdit(id: string, actor: Actor): Promise<Request> {
  const [row] = await h.query<{ version: number; name_bg: string; name_en: string }>(
    sql`select version, name_bg, name_en from organizations where id = ${id}`,
  );
  return {
    url: `/api/account/organizations/${id}/profile`,
    headers: { 'if-match': `"${row!.version}"` },
    payload: {
      nameBg: row!.name_bg,
      nameEn: row!.name_en,
      descriptionBg: '',
      descriptionEn: `Edited by ${actor.name}`,
      areaIds: ['ict-software'],
      naceCodes: [],
      employees: 12,
      city: null,
      address: null,
      website: null,
      publicEmail: null,
      publicPhone: null,
      contactName: null,
      contactPosition: null,
      contactEmail: null,
      contactPhone: null,
      offers: {},
      seeks: {},
      visibility: CONTACT_FIELD_DEFAULTS,
    },
  };
}

// ---------- logos: fixtures ----------

/** A genuine 2×2 PNG (the upload rows' body). */
const LOGO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWMwTjtjnHaGAUIBACS2BZUFBQd/AAAAAElFTkSuQmCC',
  'base64',
);

/** Gives `id` a stored logo unless it has one (rows that read a logo must find one); returns its version. */
async function ensureLogo(id: string): Promise<number> {
  const [row] = await h.query<{ logo_version: number | null }>(
    sql`select logo_version from organizations where id = ${id}`,
  );
  if (row?.logo_version != null) return Number(row.logo_version);
  const [org] = await h.query<{ version: number }>(
    sql`update organizations set version = version + 1, logo_version = version + 1 where id = ${id}
        returning version`,
  );
  await h.query(
    sql`insert into organization_logos (organization_id, version, source_type, large, small, width, height)
        values (${id}, ${org!.version}, 'image/png', ${LOGO_PNG}, ${LOGO_PNG}, 2, 2)
        on conflict (organization_id) do update set version = excluded.version`,
  );
  return Number(org!.version);
}

const isImage = (body: unknown) => expect(Buffer.isBuffer(body) && body.length > 0).toBe(true);

// ---------- representatives and invitations (issue 5): fixtures and expectations ----------

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

// ---------- applications: fixtures and expectations ----------

const PDF = TEST_PDF;
const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const NOT_FOUND: Outcome = { deny: 404, code: 'application.not_found' };
const INTERNAL_NOTE = 'Вътрешна бележка на комитета';
const SECTIONS = [
  'organization',
  'contact',
  'areas',
  'offers',
  'motivation',
  'declarations',
  'accession',
] as const;
const year = new Date().getFullYear();
const APPROVED_NO = `${year}-901`;
const REJECTED_NO = `${year}-902`;
/** Every fixture application's ЕИК: no denied answer may carry one. */
const applicationEiks: string[] = [];

/** Those who may not know the application exists: 401 for the anonymous, 404 for the others. */
const strangers = {
  anonymous: ANON,
  no_role: NOT_FOUND,
  other_applicant: NOT_FOUND,
  representative: NOT_FOUND,
} as const;
/** The applicant, the committee and administrators read it. */
const readers = (status: number): Expectations => ({
  ...strangers,
  applicant: allow(status),
  committee_member: allow(status),
  committee_chair: allow(status),
  admin: allow(status),
});
/** The applicant alone; the committee and administrators get `seers` (403 when they can read it, 404 for a draft). */
const ownerAlone = (status: number, seers: Outcome): Expectations => ({
  ...strangers,
  applicant: allow(status),
  committee_member: seers,
  committee_chair: seers,
  admin: seers,
});
/**
 * The committee alone. With `everyoneElse` the route itself refuses all others alike; without it the
 * refusal is record-level: strangers 404, the applicant and administrators (who can read it) 403.
 */
const committeeOnly = (status: number, everyoneElse?: Outcome): Expectations => ({
  anonymous: ANON,
  no_role: everyoneElse ?? NOT_FOUND,
  applicant: everyoneElse ?? FORBIDDEN,
  other_applicant: everyoneElse ?? NOT_FOUND,
  representative: everyoneElse ?? NOT_FOUND,
  committee_member: allow(status),
  committee_chair: allow(status),
  admin: everyoneElse ?? FORBIDDEN,
});

function sectionBodies(eik: string) {
  return {
    organization: {
      nameBg: 'Тайно заявление ООД',
      nameEn: 'Secret Application Ltd',
      eik,
      kind: 'company',
      employees: 3,
      foundedYear: 2019,
      city: 'София',
      address: 'ул. Скрита 7',
      naceCodes: ['62.01'],
    },
    contact: { name: 'Лице', position: 'Управител', email: 'contact@example.bg', phone: '+359 2 000 0000' },
    areas: { areaIds: ['ict-software'] },
    offers: { offers: { people: 'Ментори' }, seeks: {} },
    motivation: {
      motivation: 'Сътрудничество с другите членове на клъстера в общи проекти.',
      category: 'regular',
    },
    declarations: { acceptsStatute: true, consentsToDataProcessing: true },
    accession: {
      councilDecisionNumber: '1',
      councilDecisionDate: '2026-01-01',
      representativeName: 'Име',
      representativePosition: 'Длъжност',
    },
  };
}

type FixtureState =
  | 'draft'
  | 'submitted'
  | 'under_review'
  | 'changes_requested'
  | 'in_vote'
  | 'approved'
  | 'rejected';

/** A complete application of `owner` (the applicant by default) with one PDF, inserted in `state`. */
async function makeApplication(state: FixtureState, owner: ActorName = 'applicant'): Promise<AppFixture> {
  const eik = nextEik();
  applicationEiks.push(eik);
  const { accession: _accession, declarations, ...rest } = sectionBodies(eik);
  const data = {
    ...rest,
    declarations: { ...declarations, version: DECLARATION_VERSION, acceptedAt: new Date().toISOString() },
  };
  const ownerId = f.actors[owner].user!.id;
  const submittedAt = state === 'draft' ? null : new Date().toISOString();
  const [row] = await h.query<{ id: string }>(
    sql`insert into applications (applicant_id, state, data, eik, kind, submitted_at)
        values (${ownerId}, ${state}, ${JSON.stringify(data)}::jsonb, ${eik}, 'company', ${submittedAt}::timestamptz)
        returning id`,
  );
  const id = row!.id;
  const [doc] = await h.query<{ id: string }>(
    sql`insert into application_documents (application_id, kind, filename, size, sha256, content, uploaded_by)
        values (${id}, 'registration_certificate', 'a.pdf', ${PDF.length}, 'fixture', ${PDF}, ${ownerId})
        returning id`,
  );
  if (state === 'in_vote') {
    await h.query(
      sql`insert into vote_sessions (application_id, round, majority, ballot) values (${id}, 1, 'simple', 'open')`,
    );
  }
  return { id, eik, documentId: doc!.id };
}

/** A move of the state machine, on a fresh application in `from` for every caller. */
function actionRow(action: string, from: FixtureState, to: string, expectations: Expectations): Row {
  return {
    method: 'POST',
    url: '/api/applications/:id/actions/:action',
    permission: 'application.view',
    label: `${action}: ${from} → ${to}`,
    record: true,
    expect: expectations,
    build: async () => ({
      url: `/api/applications/${(await makeApplication(from)).id}/actions/${action}`,
      payload: action === 'request_changes' ? { comment: 'Допълнете, моля.' } : {},
    }),
    check: (body) => expect(body).toMatchObject({ state: to }),
  };
}

/** Membership administration: the committee and administrators. */
const membershipManagers = (status: number): Expectations => ({
  ...committeeOnly(status, FORBIDDEN),
  admin: allow(status),
});

/** A member with an open vote on its suspension (inserted directly, as the chair would open it). */
async function membershipInVote(): Promise<string> {
  const id = await insertOrganization(h, { nameBg: 'В гласуване' });
  await h.query(
    sql`insert into vote_sessions (organization_id, proposal, round, majority, ballot)
        values (${id}, '{"action":"suspend","category":null,"reason":"","effectiveOn":"2026-01-01"}'::jsonb, 1,
          'simple', 'open')`,
  );
  return id;
}

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
    url: '/api/health/live',
    permission: 'public',
    label: 'liveness',
    expect: everyone(200),
    build: () => ({ url: '/api/health/live' }),
  },
  {
    method: 'GET',
    url: '/api/health/ready',
    permission: 'public',
    label: 'readiness',
    expect: everyone(200),
    build: () => ({ url: '/api/health/ready' }),
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
      other_applicant: { deny: 404, code: 'session.not_found' },
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
      other_applicant: FORBIDDEN,
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
      other_applicant: FORBIDDEN,
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
      other_applicant: FORBIDDEN,
      representative: { deny: 404, code: 'organization.not_found' },
      committee_member: FORBIDDEN,
      committee_chair: FORBIDDEN,
      admin: { deny: 404, code: 'organization.not_found' },
    },
    build: () => ({ url: '/api/account/organizations/00000000-0000-4000-8000-000000000000' }),
  },

  // ---------- an organisation's profile and history (record-level: its representatives) ----------
  {
    method: 'GET',
    url: '/api/account/organizations/:id/profile',
    permission: 'organization.edit',
    label: "the editable profile of the representative's own organisation A",
    record: true,
    expect: editors(allow(200)),
    build: (f) => ({ url: `/api/account/organizations/${f.orgA.id}/profile` }),
    check: (body, f) => expect(body).toMatchObject({ id: f.orgA.id, eik: f.orgA.eik }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/profile',
    permission: 'organization.edit',
    label: 'the editable profile of another organisation B',
    record: true,
    expect: editors(ORG_NOT_FOUND),
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}/profile` }),
    check: (body, f) => expect(body).toMatchObject({ id: f.orgB.id, eik: f.orgB.eik }),
  },
  {
    method: 'PUT',
    url: '/api/account/organizations/:id/profile',
    permission: 'organization.edit',
    label: "saving the profile of the representative's own organisation A",
    record: true,
    expect: editors(allow(200)),
    build: (f, actor) => profileEdit(f.orgA.id, actor),
    check: (body, _f, actor) => expect(body).toMatchObject({ descriptionEn: `Edited by ${actor.name}` }),
  },
  {
    method: 'PUT',
    url: '/api/account/organizations/:id/profile',
    permission: 'organization.edit',
    label: 'saving the profile of another organisation B',
    record: true,
    expect: editors(ORG_NOT_FOUND),
    build: (f, actor) => profileEdit(f.orgB.id, actor),
    check: (body, _f, actor) => expect(body).toMatchObject({ descriptionEn: `Edited by ${actor.name}` }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/competitors',
    permission: 'organization.edit',
    label: "the competitors declared by the representative's own organisation A",
    record: true,
    expect: editors(allow(200)),
    build: (f) => ({ url: `/api/account/organizations/${f.orgA.id}/competitors` }),
    check: (body) => expect(Array.isArray(bodyOf(body).eiks)).toBe(true),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/competitors',
    permission: 'organization.edit',
    label: 'the competitors declared by another organisation B',
    record: true,
    expect: editors(ORG_NOT_FOUND),
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}/competitors` }),
    check: (body) => expect(Array.isArray(bodyOf(body).eiks)).toBe(true),
  },
  {
    method: 'PUT',
    url: '/api/account/organizations/:id/competitors',
    permission: 'organization.edit',
    label: "declaring the competitors of the representative's own organisation A",
    record: true,
    expect: editors(allow(200)),
    build: (f) => ({
      url: `/api/account/organizations/${f.orgA.id}/competitors`,
      payload: { eiks: ['131071587'] },
    }),
    check: (body) => expect(bodyOf(body).eiks).toEqual(['131071587']),
  },
  {
    method: 'PUT',
    url: '/api/account/organizations/:id/competitors',
    permission: 'organization.edit',
    label: 'declaring the competitors of another organisation B',
    record: true,
    expect: editors(ORG_NOT_FOUND),
    build: (f) => ({
      url: `/api/account/organizations/${f.orgB.id}/competitors`,
      payload: { eiks: ['131071587'] },
    }),
    check: (body) => expect(bodyOf(body).eiks).toEqual(['131071587']),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/history',
    permission: 'organization.history',
    label: "the history of the representative's own organisation A",
    record: true,
    expect: historyReaders(allow(200)),
    build: (f) => ({ url: `/api/account/organizations/${f.orgA.id}/history` }),
    check: (body) => expect(Array.isArray(bodyOf(body).items)).toBe(true),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/history',
    permission: 'organization.history',
    label: 'the history of another organisation B',
    record: true,
    expect: historyReaders(ORG_NOT_FOUND),
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}/history` }),
    check: (body) => expect(Array.isArray(bodyOf(body).items)).toBe(true),
  },

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

  // ---------- logos (issue 5): upload, remove and the representatives' copy (record-level), public copy ----------
  {
    method: 'GET',
    url: '/api/account/organizations/:id/logo',
    permission: 'organization.edit',
    label: "the logo of the representative's own organisation A",
    record: true,
    expect: editors(allow(200)),
    build: async (f) => {
      await ensureLogo(f.orgA.id);
      return { url: `/api/account/organizations/${f.orgA.id}/logo?size=small` };
    },
    check: isImage,
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/logo',
    permission: 'organization.edit',
    label: "the logo of another organisation B, through the representatives' route",
    record: true,
    expect: editors(ORG_NOT_FOUND),
    build: async (f) => {
      await ensureLogo(f.orgB.id);
      return { url: `/api/account/organizations/${f.orgB.id}/logo` };
    },
    check: isImage,
  },
  {
    method: 'PUT',
    url: '/api/account/organizations/:id/logo',
    permission: 'organization.edit',
    label: "uploading the logo of the representative's own organisation A",
    record: true,
    expect: editors(allow(200)),
    build: (f) => ({
      url: `/api/account/organizations/${f.orgA.id}/logo`,
      payload: LOGO_PNG,
      contentType: 'image/png',
    }),
    check: (body) => expect(body).toMatchObject({ sourceType: 'image/png', width: 2, height: 2 }),
  },
  {
    method: 'PUT',
    url: '/api/account/organizations/:id/logo',
    permission: 'organization.edit',
    label: 'uploading the logo of another organisation B',
    record: true,
    expect: editors(ORG_NOT_FOUND),
    build: (f) => ({
      url: `/api/account/organizations/${f.orgB.id}/logo`,
      payload: LOGO_PNG,
      contentType: 'image/png',
    }),
    check: (body) => expect(body).toMatchObject({ sourceType: 'image/png' }),
  },
  {
    method: 'DELETE',
    url: '/api/account/organizations/:id/logo',
    permission: 'organization.edit',
    label: "removing the logo of the representative's own organisation A",
    record: true,
    expect: { ...editors(allow(204)), admin: allow(204) },
    build: async (f) => {
      await ensureLogo(f.orgA.id);
      return { url: `/api/account/organizations/${f.orgA.id}/logo` };
    },
  },
  {
    method: 'DELETE',
    url: '/api/account/organizations/:id/logo',
    permission: 'organization.edit',
    label: 'removing the logo of another organisation B',
    record: true,
    expect: { ...editors(ORG_NOT_FOUND), admin: allow(204) },
    build: async (f) => {
      await ensureLogo(f.orgB.id);
      return { url: `/api/account/organizations/${f.orgB.id}/logo` };
    },
  },
  {
    method: 'GET',
    url: '/api/organizations/:id/logo',
    permission: 'public',
    label: "a listed member's logo",
    expect: everyone(200),
    build: async (f) => {
      const version = await ensureLogo(f.orgB.id);
      return { url: `/api/organizations/${f.orgB.id}/logo?size=small&v=${version}` };
    },
    check: isImage,
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
  // ---------- personal data (issue 5): exports, erasing one's account, administrators' erasures ----------
  {
    method: 'GET',
    url: '/api/account/export',
    permission: 'account.manage',
    label: 'downloading my own data',
    expect: signedIn(200),
    build: () => ({ url: '/api/account/export' }),
    check: (body, _f, actor) => {
      expect(bodyOf(body).account).toMatchObject({ id: actor.user?.id, email: actor.user?.email });
      expect(JSON.stringify(body)).not.toContain('$argon2');
    },
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/export',
    permission: 'organization.view_private',
    label: "downloading the data of the representative's own organisation A",
    record: true,
    expect: editors(allow(200)),
    build: (f) => ({ url: `/api/account/organizations/${f.orgA.id}/export` }),
    check: (body, f) => expect(bodyOf(body).organization).toMatchObject({ id: f.orgA.id, eik: f.orgA.eik }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/export',
    permission: 'organization.view_private',
    label: 'downloading the data of another organisation B',
    record: true,
    expect: editors(ORG_NOT_FOUND),
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}/export` }),
    check: (body, f) => expect(bodyOf(body).organization).toMatchObject({ id: f.orgB.id, eik: f.orgB.eik }),
  },
  {
    method: 'POST',
    url: '/api/account/erase',
    permission: 'account.manage',
    label: 'erasing my account (a fresh account of the same roles, so the actor stays)',
    expect: signedIn(204),
    build: async (_f, actor) => {
      if (!actor.user) return { url: '/api/account/erase', payload: { password: TEST_PASSWORD } };
      const standIn = await insertUser(h, {
        roles: ACTOR_ROLES[actor.name as Exclude<ActorName, 'anonymous'>],
      });
      return {
        url: '/api/account/erase',
        payload: { password: TEST_PASSWORD },
        cookie: await logIn(app, standIn.email),
      };
    },
  },
  {
    method: 'POST',
    url: '/api/admin/users/:id/erase',
    permission: 'personal_data.erase',
    label: "erasing a former user's personal data",
    expect: adminOnly(200),
    build: async () => ({
      url: `/api/admin/users/${(await insertUser(h, { email: fresh('former') })).id}/erase`,
    }),
    check: (body) => expect(body).toMatchObject({ displayName: '', status: 'disabled', roles: [] }),
  },
  {
    method: 'POST',
    url: '/api/admin/organizations/:id/erase-contact',
    permission: 'personal_data.erase',
    label: "erasing an organisation's former contact person",
    expect: adminOnly(204),
    build: (f) => ({ url: `/api/admin/organizations/${f.orgB.id}/erase-contact` }),
  },
  // ---------- join applications (record-level: the applicant's own; the committee never sees drafts) ----------
  {
    method: 'GET',
    url: '/api/applications/mine',
    permission: 'application.create',
    label: 'my applications',
    expect: signedIn(200),
    build: () => ({ url: '/api/applications/mine' }),
    check: (body, f, actor) => {
      const ids = (bodyOf(body).items as { id: string }[]).map((i) => i.id);
      const applicants = [f.apps.draft.id, f.apps.submitted.id, f.apps.changesRequested.id];
      if (actor.name === 'applicant') expect(ids).toEqual(expect.arrayContaining(applicants));
      else expect(ids.filter((id) => applicants.includes(id))).toEqual([]);
      if (actor.name === 'other_applicant') expect(ids).toEqual([f.apps.otherDraft.id]);
      // (The runs with A lapsed come after the representative started drafts of their own.)
      if (actor.name !== 'applicant' && actor.name !== 'other_applicant' && !actor.standing)
        expect(ids).toEqual([]);
    },
  },
  {
    method: 'GET',
    url: '/api/applications/:id',
    permission: 'application.view',
    label: "the applicant's submitted application",
    record: true,
    expect: readers(200),
    build: (f) => ({ url: `/api/applications/${f.apps.submitted.id}` }),
    check: (body, f, actor) => {
      expect(body).toMatchObject({ id: f.apps.submitted.id, state: 'submitted' });
      // Internal committee notes: the committee's only.
      const committee = actor.name === 'committee_member' || actor.name === 'committee_chair';
      expect(JSON.stringify(body).includes(INTERNAL_NOTE)).toBe(committee);
    },
  },
  {
    method: 'GET',
    url: '/api/applications/:id',
    permission: 'application.view',
    label: "the applicant's draft",
    record: true,
    expect: ownerAlone(200, NOT_FOUND),
    build: (f) => ({ url: `/api/applications/${f.apps.draft.id}` }),
    check: (body, f) => expect(body).toMatchObject({ id: f.apps.draft.id, state: 'draft' }),
  },
  {
    method: 'GET',
    url: '/api/applications/:id',
    permission: 'application.view',
    label: 'an application that does not exist',
    record: true,
    expect: {
      ...strangers,
      applicant: NOT_FOUND,
      committee_member: NOT_FOUND,
      committee_chair: NOT_FOUND,
      admin: NOT_FOUND,
    },
    build: () => ({ url: `/api/applications/${MISSING_ID}` }),
  },
  ...SECTIONS.map(
    (section): Row => ({
      method: 'PUT',
      url: `/api/applications/:id/sections/${section}`,
      permission: 'application.edit',
      label: `saving the "${section}" step of the applicant's draft`,
      record: true,
      expect: ownerAlone(200, NOT_FOUND),
      build: (f) => ({
        url: `/api/applications/${f.apps.draft.id}/sections/${section}`,
        payload: sectionBodies(f.apps.draft.eik)[section],
      }),
      check: (body) => expect(bodyOf(bodyOf(body).data)[section]).toBeTruthy(),
    }),
  ),
  {
    method: 'PUT',
    url: '/api/applications/:id/sections/contact',
    permission: 'application.edit',
    label: 'editing an application returned for changes (the committee reads it but may not write it)',
    record: true,
    expect: ownerAlone(200, FORBIDDEN),
    build: (f) => ({
      url: `/api/applications/${f.apps.changesRequested.id}/sections/contact`,
      payload: sectionBodies(f.apps.changesRequested.eik).contact,
    }),
  },
  {
    method: 'POST',
    url: '/api/applications/:id/documents',
    permission: 'application.edit',
    label: "uploading a PDF to the applicant's draft",
    record: true,
    expect: ownerAlone(201, NOT_FOUND),
    build: (f) => ({
      url: `/api/applications/${f.apps.draft.id}/documents?kind=other&filename=a.pdf`,
      payload: PDF,
      contentType: 'application/pdf',
    }),
    check: (body) => expect(body).toMatchObject({ kind: 'other', size: PDF.length }),
  },
  {
    method: 'POST',
    url: '/api/applications/:id/documents',
    permission: 'application.edit',
    label: 'uploading a PDF to an application returned for changes',
    record: true,
    expect: ownerAlone(201, FORBIDDEN),
    build: (f) => ({
      url: `/api/applications/${f.apps.changesRequested.id}/documents?kind=other&filename=b.pdf`,
      payload: PDF,
      contentType: 'application/pdf',
    }),
  },
  {
    method: 'GET',
    url: '/api/applications/:id/documents/:documentId',
    permission: 'application.view',
    label: "downloading a submitted application's document",
    record: true,
    expect: readers(200),
    build: (f) => ({
      url: `/api/applications/${f.apps.submitted.id}/documents/${f.apps.submitted.documentId}`,
    }),
    check: (body) => expect(Buffer.isBuffer(body) && body.equals(PDF)).toBe(true),
  },
  {
    method: 'GET',
    url: '/api/applications/:id/documents/:documentId',
    permission: 'application.view',
    label: "downloading a draft's document",
    record: true,
    expect: ownerAlone(200, NOT_FOUND),
    build: (f) => ({ url: `/api/applications/${f.apps.draft.id}/documents/${f.apps.draft.documentId}` }),
  },
  {
    method: 'DELETE',
    url: '/api/applications/:id/documents/:documentId',
    permission: 'application.edit',
    label: 'removing a document from a draft',
    record: true,
    expect: ownerAlone(204, NOT_FOUND),
    build: async () => {
      const a = await makeApplication('draft');
      return { url: `/api/applications/${a.id}/documents/${a.documentId}` };
    },
  },
  {
    method: 'DELETE',
    url: '/api/applications/:id/documents/:documentId',
    permission: 'application.edit',
    label: 'removing a document from an application returned for changes',
    record: true,
    expect: ownerAlone(204, FORBIDDEN),
    build: async () => {
      const a = await makeApplication('changes_requested');
      return { url: `/api/applications/${a.id}/documents/${a.documentId}` };
    },
  },
  {
    method: 'DELETE',
    url: '/api/applications/:id',
    permission: 'application.edit',
    label: "deleting the applicant's draft (issue 11 C3; the committee never sees drafts)",
    record: true,
    expect: ownerAlone(204, NOT_FOUND),
    build: async () => ({ url: `/api/applications/${(await makeApplication('draft')).id}` }),
  },
  actionRow('submit', 'draft', 'submitted', ownerAlone(200, NOT_FOUND)),
  actionRow('resubmit', 'changes_requested', 'under_review', ownerAlone(200, FORBIDDEN)),
  actionRow('withdraw', 'submitted', 'withdrawn', ownerAlone(200, FORBIDDEN)),
  actionRow('start_review', 'submitted', 'under_review', committeeOnly(200)),
  actionRow('request_changes', 'under_review', 'changes_requested', committeeOnly(200)),
  actionRow('open_vote', 'under_review', 'in_vote', { ...committeeOnly(200), committee_member: FORBIDDEN }),
  {
    method: 'POST',
    url: '/api/applications/:id/comments',
    permission: 'application.view',
    label: 'a message between the committee and the applicant',
    record: true,
    expect: { ...readers(200), admin: FORBIDDEN },
    build: (f, actor) => ({
      url: `/api/applications/${f.apps.submitted.id}/comments`,
      payload: { text: `Съобщение от ${actor.name}`, audience: 'applicant' },
    }),
    check: (body, _f, actor) =>
      expect(JSON.stringify(bodyOf(body).timeline)).toContain(`Съобщение от ${actor.name}`),
  },
  {
    method: 'POST',
    url: '/api/applications/:id/comments',
    permission: 'application.view',
    label: 'an internal committee note',
    record: true,
    expect: committeeOnly(200),
    build: (f, actor) => ({
      url: `/api/applications/${f.apps.submitted.id}/comments`,
      payload: { text: `Бележка от ${actor.name}`, audience: 'committee' },
    }),
  },
  {
    method: 'PUT',
    url: '/api/applications/:id/vote',
    permission: 'application.vote',
    label: 'voting on an application in vote',
    expect: committeeOnly(200, FORBIDDEN),
    build: async () => ({
      url: `/api/applications/${(await makeApplication('in_vote')).id}/vote`,
      payload: { choice: 'for' },
    }),
    check: (body) => expect(bodyOf(body).vote).toMatchObject({ myVote: 'for' }),
  },
  {
    method: 'PUT',
    url: '/api/applications/:id/vote',
    permission: 'application.vote',
    label: 'voting on a draft',
    record: true,
    expect: { ...committeeOnly(200, FORBIDDEN), committee_member: NOT_FOUND, committee_chair: NOT_FOUND },
    build: (f) => ({ url: `/api/applications/${f.apps.draft.id}/vote`, payload: { choice: 'for' } }),
  },
  {
    method: 'POST',
    url: '/api/applications/:id/vote/recuse',
    permission: 'application.vote',
    label: 'declaring a conflict of interest',
    expect: committeeOnly(200, FORBIDDEN),
    build: async () => ({
      url: `/api/applications/${(await makeApplication('in_vote')).id}/vote/recuse`,
      payload: { reason: 'Консултирам ги.' },
    }),
    check: (body) => expect(bodyOf(body).vote).toMatchObject({ myRecused: true }),
  },
  {
    method: 'POST',
    url: '/api/applications/:id/vote/close',
    permission: 'application.chair',
    label: 'closing a vote',
    expect: { ...committeeOnly(200, FORBIDDEN), committee_member: FORBIDDEN },
    build: async () => ({ url: `/api/applications/${(await makeApplication('in_vote')).id}/vote/close` }),
    // Nobody voted: no quorum, back to review.
    check: (body) => expect(body).toMatchObject({ state: 'under_review', vote: { outcome: 'no_quorum' } }),
  },
  {
    method: 'POST',
    url: '/api/applications/:id/vote/close',
    permission: 'application.chair',
    label: 'closing a vote on a draft',
    record: true,
    expect: { ...committeeOnly(200, FORBIDDEN), committee_member: FORBIDDEN, committee_chair: NOT_FOUND },
    build: (f) => ({ url: `/api/applications/${f.apps.draft.id}/vote/close` }),
  },
  {
    method: 'GET',
    url: '/api/committee/applications',
    permission: 'application.review',
    label: "the committee's queue",
    expect: committeeOnly(200, FORBIDDEN),
    build: () => ({ url: '/api/committee/applications?pageSize=100' }),
    check: (body, f) => {
      const items = bodyOf(body).items as { id: string; state: string }[];
      expect(items.map((i) => i.id)).toEqual(expect.arrayContaining([f.apps.submitted.id]));
      expect(items.filter((i) => i.state === 'draft')).toEqual([]);
    },
  },
  {
    method: 'GET',
    url: '/api/decisions',
    permission: 'public',
    label: 'the decisions register',
    expect: everyone(200),
    build: () => ({ url: '/api/decisions?pageSize=100' }),
    check: (body, _f, actor) => {
      const items = bodyOf(body).items as { number: string; outcome: string; tally: unknown }[];
      // A representative sees the full register only while their organisation is an active member.
      const members =
        ['representative', 'committee_member', 'committee_chair', 'admin'].includes(actor.name) &&
        !actor.standing;
      expect(items.map((d) => d.number).sort()).toEqual(members ? [APPROVED_NO, REJECTED_NO] : [APPROVED_NO]);
      for (const d of items) expect(d.tally === null).toBe(!members);
    },
  },
  {
    method: 'GET',
    url: '/api/decisions/years',
    permission: 'public',
    label: "the register's years",
    expect: everyone(200),
    build: () => ({ url: '/api/decisions/years' }),
    check: (body) => expect(body).toEqual({ years: [year] }),
  },
  {
    method: 'GET',
    url: '/api/admin/settings/voting',
    permission: 'settings.manage',
    label: 'the voting rules',
    expect: adminOnly(200),
    build: () => ({ url: '/api/admin/settings/voting' }),
    check: (body) => expect(body).toEqual({ quorum: 'more_than_half', majority: 'simple', ballot: 'open' }),
  },
  {
    method: 'PUT',
    url: '/api/admin/settings/voting',
    permission: 'settings.manage',
    label: 'changing the voting rules',
    expect: adminOnly(200),
    build: () => ({
      url: '/api/admin/settings/voting',
      payload: { quorum: 'more_than_half', majority: 'simple', ballot: 'open' },
    }),
  },
  // ---------- the cluster's own words (issue 11 C6, C13) ----------
  {
    method: 'GET',
    url: '/api/pages/:slug',
    permission: 'public',
    label: 'an information page',
    expect: everyone(200),
    build: () => ({ url: '/api/pages/statute' }),
    check: (body) => expect(body).toMatchObject({ slug: 'statute', titleEn: 'Statute' }),
  },
  {
    method: 'PUT',
    url: '/api/admin/pages/:slug',
    permission: 'settings.manage',
    label: 'changing an information page',
    expect: adminOnly(200),
    build: async () => {
      const [row] = await h.query<{ version: number }>(
        sql`select version from site_pages where slug = 'contact'`,
      );
      return {
        url: '/api/admin/pages/contact',
        headers: { 'if-match': `"${row!.version}"` },
        payload: { titleBg: 'Контакти', titleEn: 'Contact', bodyBg: 'Телефон', bodyEn: 'Phone' },
      };
    },
  },
  {
    method: 'GET',
    url: '/api/admin/settings/texts',
    permission: 'settings.manage',
    label: "the home page's texts",
    expect: adminOnly(200),
    build: () => ({ url: '/api/admin/settings/texts' }),
    check: (body) => expect(body).toHaveProperty('version'),
  },
  {
    method: 'PUT',
    url: '/api/admin/settings/texts',
    permission: 'settings.manage',
    label: "changing the home page's texts",
    expect: adminOnly(200),
    build: async () => {
      const [row] = await h.query<{ version: number }>(
        sql`select version from cluster_settings where id = 1`,
      );
      return {
        url: '/api/admin/settings/texts',
        headers: { 'if-match': `"${row!.version}"` },
        payload: {
          nameBg: 'Клъстер',
          nameEn: 'Cluster',
          taglineBg: '',
          taglineEn: '',
          missionBg: '',
          missionEn: '',
          strategyBg: '',
          strategyEn: '',
        },
      };
    },
  },
  {
    method: 'DELETE',
    url: '/api/admin/organizations/:id',
    permission: 'organizations.remove',
    label: 'removing an organisation entered by mistake',
    expect: adminOnly(204),
    build: async () => ({
      url: `/api/admin/organizations/${await insertOrganization(h, { nameBg: 'Грешно внесена' })}`,
    }),
  },
  // ---------- privacy: the members-only directory (representatives, the committee, admins) ----------
  // What each role sees in these answers is checked field by field in privacy-matrix.test.ts.
  {
    method: 'GET',
    url: '/api/members/organizations',
    permission: 'members.view',
    label: 'the members-only directory',
    expect: {
      ...signedIn(200),
      no_role: FORBIDDEN,
      applicant: FORBIDDEN,
      other_applicant: FORBIDDEN,
    },
    build: () => ({ url: '/api/members/organizations' }),
    check: (body) => expect(bodyOf(body)).toHaveProperty('level'),
  },
  {
    method: 'GET',
    url: '/api/members/organizations/:id',
    permission: 'members.view',
    label: "a member's profile with the contacts the viewer may see",
    expect: {
      ...signedIn(200),
      no_role: FORBIDDEN,
      applicant: FORBIDDEN,
      other_applicant: FORBIDDEN,
    },
    build: (f) => ({ url: `/api/members/organizations/${f.orgB.id}` }),
    check: (body, f) => expect(bodyOf(body)).toMatchObject({ id: f.orgB.id }),
  },
  // ---------- fees: rates (admins), payments and the list (committee, admins), own status (record-level) ----------
  {
    method: 'GET',
    url: '/api/fees/rates',
    permission: 'public',
    label: 'the annual fee of each category (shown where a category is chosen)',
    expect: everyone(200),
    build: () => ({ url: '/api/fees/rates?year=2026' }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ year: 2026 }),
  },
  {
    method: 'GET',
    url: '/api/admin/fees/rates',
    permission: 'fees.manage',
    label: "a year's fee rates",
    expect: adminOnly(200),
    build: () => ({ url: '/api/admin/fees/rates?year=2026' }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ year: 2026 }),
  },
  {
    method: 'PUT',
    url: '/api/admin/fees/rates/:year',
    permission: 'fees.manage',
    label: "setting a year's fee rates",
    expect: adminOnly(200),
    build: () => ({
      url: '/api/admin/fees/rates/2026',
      payload: { rates: [{ category: 'regular', amountCents: 50_000, dueOn: '2026-03-31' }] },
    }),
    check: (body) => expect(bodyOf(body).rates).toEqual([expect.objectContaining({ amountCents: 50_000 })]),
  },
  {
    method: 'PUT',
    url: '/api/admin/fees/settings',
    permission: 'fees.manage',
    label: 'setting how the year a member joins is charged',
    expect: adminOnly(200),
    build: () => ({ url: '/api/admin/fees/settings', payload: { joinRule: 'full_year' } }),
    check: (body) => expect(bodyOf(body)).toEqual({ joinRule: 'full_year' }),
  },
  {
    method: 'GET',
    url: '/api/committee/fees',
    permission: 'fees.record',
    label: "the members' fee status (who is overdue)",
    expect: feeRecorders(200),
    build: () => ({ url: '/api/committee/fees?year=2026&pageSize=100' }),
    check: (body, f) =>
      expect((bodyOf(body).items as { organizationId: string }[]).map((i) => i.organizationId)).toEqual(
        expect.arrayContaining([f.orgA.id, f.orgB.id]),
      ),
  },
  {
    method: 'POST',
    url: '/api/committee/fees/payments',
    permission: 'fees.record',
    label: 'recording a fee payment',
    expect: feeRecorders(201),
    build: (f) => ({
      url: '/api/committee/fees/payments',
      payload: {
        organizationId: f.orgB.id,
        year: 2026,
        amountCents: 100,
        paidOn: '2026-01-15',
        reference: fresh('payment'),
      },
    }),
    check: (body, f) => expect(body).toMatchObject({ organizationId: f.orgB.id, amountCents: 100 }),
  },
  {
    method: 'DELETE',
    url: '/api/committee/fees/payments/:id',
    permission: 'fees.record',
    label: 'deleting a fee payment recorded by mistake',
    expect: feeRecorders(204),
    build: async (f) => {
      const [row] = await h.query<{ id: string }>(
        sql`insert into fee_payments (organization_id, year, amount_cents, paid_on, reference)
            values (${f.orgB.id}, 2026, 100, '2026-01-15', ${fresh('mistake')}) returning id`,
      );
      return { url: `/api/committee/fees/payments/${row!.id}` };
    },
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/fees',
    permission: 'fees.view',
    label: "the fees of the representative's own organisation A",
    record: true,
    expect: historyReaders(allow(200)),
    build: (f) => ({ url: `/api/account/organizations/${f.orgA.id}/fees` }),
    check: (body, f) => expect(bodyOf(body)).toMatchObject({ organizationId: f.orgA.id }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/fees',
    permission: 'fees.view',
    label: 'the fees of another organisation B',
    record: true,
    expect: historyReaders(ORG_NOT_FOUND),
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}/fees` }),
    check: (body, f) => expect(bodyOf(body)).toMatchObject({ organizationId: f.orgB.id }),
  },
  // ---------- memberships (issue 5): the committee's administration of memberships ----------
  {
    method: 'GET',
    url: '/api/committee/members',
    permission: 'memberships.manage',
    label: 'every organisation with a membership',
    expect: membershipManagers(200),
    build: () => ({ url: '/api/committee/members?pageSize=100' }),
    check: (body, f) => {
      const items = bodyOf(body).items as { id: string }[];
      expect(items.map((i) => i.id)).toEqual(expect.arrayContaining([f.orgA.id, f.orgB.id]));
    },
  },
  {
    method: 'GET',
    url: '/api/committee/members/:id',
    permission: 'memberships.manage',
    label: 'a membership with its history',
    expect: membershipManagers(200),
    build: (f) => ({ url: `/api/committee/members/${f.orgB.id}` }),
    check: (body, f) => expect(bodyOf(body)).toMatchObject({ id: f.orgB.id, status: 'active' }),
  },
  {
    method: 'POST',
    url: '/api/committee/members/:id/actions',
    permission: 'memberships.manage',
    label: "changing a membership's category under a register decision",
    expect: membershipManagers(200),
    build: async (f) => {
      const [m] = await h.query<{ category: string; version: number }>(
        sql`select category, version from memberships where organization_id = ${f.orgB.id}`,
      );
      // A decision of the register about this organisation's membership, not used by any change yet.
      const sequence = 500 + ++seq;
      const number = `2020-${sequence}`;
      await h.query(
        sql`insert into decisions (year, sequence, number, decided_on, subject, outcome, organization_id,
              organization_name_bg, organization_name_en, text_bg, text_en, tally)
            values (2020, ${sequence}, ${number}, '2020-06-01', 'membership', 'approved', ${f.orgB.id},
              'Организация Б', 'Organisation B', 'Промяна на категорията', 'Category change',
              '{"for":3,"against":0,"abstain":0}'::jsonb)`,
      );
      return {
        url: `/api/committee/members/${f.orgB.id}/actions`,
        payload: {
          action: 'change_category',
          category: m!.category === 'regular' ? 'associated' : 'regular',
          effectiveOn: '2026-01-01',
          decision: { number },
          version: Number(m!.version),
        },
      };
    },
    check: (body, f) => expect(bodyOf(body)).toMatchObject({ id: f.orgB.id, status: 'active' }),
  },
  // ---------- membership votes (issue 11 B1): the chair opens and closes, the committee votes ----------
  {
    method: 'POST',
    url: '/api/committee/members/:id/votes',
    permission: 'application.chair',
    label: 'opening a vote on a membership change',
    expect: { ...committeeOnly(200, FORBIDDEN), committee_member: FORBIDDEN },
    build: async () => ({
      url: `/api/committee/members/${await insertOrganization(h, { nameBg: 'Гласувана' })}/votes`,
      payload: { action: 'suspend', effectiveOn: '2026-01-01', version: 1 },
    }),
    check: (body) =>
      expect(bodyOf(body).vote).toMatchObject({ proposal: { action: 'suspend' }, closedAt: null }),
  },
  {
    method: 'POST',
    url: '/api/committee/members/:id/votes/current/ballot',
    permission: 'application.vote',
    label: 'voting on a membership change',
    expect: committeeOnly(200, FORBIDDEN),
    build: async () => ({
      url: `/api/committee/members/${await membershipInVote()}/votes/current/ballot`,
      payload: { choice: 'for' },
    }),
    check: (body) => expect(bodyOf(body).vote).toMatchObject({ myVote: 'for' }),
  },
  {
    method: 'POST',
    url: '/api/committee/members/:id/votes/current/close',
    permission: 'application.chair',
    label: 'closing a vote on a membership change',
    expect: { ...committeeOnly(200, FORBIDDEN), committee_member: FORBIDDEN },
    build: async () => ({ url: `/api/committee/members/${await membershipInVote()}/votes/current/close` }),
    // Nobody voted: no quorum, nothing changes.
    check: (body) => expect(body).toMatchObject({ status: 'active', vote: { outcome: 'no_quorum' } }),
  },
  // Last: starting an application makes the caller an applicant (a role that grants nothing more).
  {
    method: 'POST',
    url: '/api/applications',
    permission: 'application.create',
    label: 'starting an application',
    expect: signedIn(201),
    build: async (_f, actor) => {
      // A second start with an untouched draft answers that draft (200); the runs per membership status
      // repeat this row for the same representative, so each run starts from no untouched draft.
      if (actor.user) {
        await h.query(
          sql`delete from applications a where a.applicant_id = ${actor.user.id} and a.state = 'draft'
                and a.data = '{}'::jsonb
                and not exists (select 1 from application_documents d where d.application_id = a.id)`,
        );
      }
      return { url: '/api/applications' };
    },
    check: (body, _f, actor) =>
      expect(body).toMatchObject({ state: 'draft', applicant: { id: actor.user?.id } }),
  },
  // ---------- CSV (issue 5): the member-list export (representatives, committee, admins) and the import (admins) ----------
  {
    method: 'GET',
    url: '/api/members/export.csv',
    permission: 'members.export',
    label: 'the member list as CSV',
    expect: {
      ...signedIn(200),
      no_role: FORBIDDEN,
      applicant: FORBIDDEN,
      other_applicant: FORBIDDEN,
    },
    build: () => ({ url: '/api/members/export.csv' }),
    check: (body, f, actor) => {
      const csv = (body as Buffer).toString('utf8');
      expect(csv.startsWith('\ufeffeik,')).toBe(true);
      expect(csv).toContain(f.orgA.eik);
      // The membership status is the committee's column.
      expect(csv.split('\r\n')[0]!.split(',').includes('status')).toBe(actor.name !== 'representative');
    },
  },
  {
    method: 'GET',
    url: '/api/admin/organizations/import/template.csv',
    permission: 'organizations.import',
    label: 'the import template',
    expect: adminOnly(200),
    build: () => ({ url: '/api/admin/organizations/import/template.csv' }),
    check: (body) => expect((body as Buffer).toString('utf8')).toContain('eik,name_bg,name_en,kind,areas'),
  },
  {
    method: 'POST',
    url: '/api/admin/organizations/import',
    permission: 'organizations.import',
    label: 'importing organisations from CSV',
    expect: adminOnly(200),
    build: () => ({
      url: '/api/admin/organizations/import',
      contentType: 'text/csv',
      payload: Buffer.from(
        `eik,name_bg,name_en,kind,areas\n${nextEik()},Внесена,Imported,company,ict-software\n`,
      ),
    }),
    check: (body) => expect(body).toEqual({ dryRun: false, rows: 1, imported: 1 }),
  },
];

/** Everything a caller could change; a denied call must leave all of it as it was. */
async function fingerprint(): Promise<Record<string, number>> {
  const [row] = await h.query<Record<string, number>>(
    sql`select
          (select count(*)::int from audit_events) as audit_events,
          (select count(*)::int from sessions) as sessions,
          (select coalesce(sum(version), 0)::int from users) as user_versions,
          (select coalesce(sum(version), 0)::int from organizations) as organization_versions,
          (select count(*)::int from organization_areas) as organization_areas,
          (select count(*)::int from users where disabled_at is not null) as disabled_users,
          (select count(*)::int from user_roles) as user_roles,
          (select count(*)::int from user_organizations) as user_organizations,
          (select count(*)::int from representative_invitations) as representative_invitations,
          (select count(*)::int from representative_invitations where accepted_at is not null or revoked_at is not null)
            as closed_invitations,
          (select count(*)::int from outbox_messages) as outbox_messages,
          (select count(*)::int from auth_tokens where used_at is not null) as used_tokens,
          (select count(*)::int from applications) as applications,
          (select coalesce(sum(version), 0)::int from applications) as application_versions,
          (select count(*)::int from application_events) as application_events,
          (select count(*)::int from application_documents) as application_documents,
          (select count(*)::int from vote_sessions where closed_at is null) as open_votes,
          (select count(*)::int from votes) as votes,
          (select count(*)::int from decisions) as decisions,
          (select count(*)::int from memberships) as memberships,
          (select coalesce(sum(version), 0)::int from memberships) as membership_versions,
          (select count(*)::int from membership_events) as membership_events,
          (select count(*)::int from fee_payments) as fee_payments,
          (select coalesce(sum(version), 0)::int from fee_rates) as fee_rate_versions,
          (select version from cluster_settings where id = 1) as settings_version,
          (select coalesce(sum(version), 0)::int from site_pages) as site_page_versions,
          (select count(*)::int from organizations) as organizations`,
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
  return [f.orgA.eik, f.orgB.eik, ...applicationEiks, INTERNAL_NOTE, ...emails];
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
  const orgX = await insertOrganization(h, {
    nameBg: 'Изключена организация',
    nameEn: 'Excluded Organisation',
    status: 'excluded',
  });
  await insertUser(h, { email: fresh('excluded-rep'), roles: ['representative'], organizationIds: [orgX] });
  const eiks = await h.query<{ id: string; eik: string }>(
    sql`select id, eik from organizations where id in (${orgA}, ${orgB}, ${orgX})`,
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
      principal: { id: user.id, roles, organizationIds, memberOrganizationIds: organizationIds },
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
    orgX: { id: orgX, eik: eikOf(orgX) },
    target: { id: target.id, email: target.email },
    victim: { id: victim.id, email: victim.email, sessionId: victimSession!.id, cookie: victimCookie },
    actors,
    apps: {} as Fixtures['apps'],
  };
  f.apps = {
    draft: await makeApplication('draft'),
    submitted: await makeApplication('submitted'),
    changesRequested: await makeApplication('changes_requested'),
    otherDraft: await makeApplication('draft', 'other_applicant'),
    approved: await makeApplication('approved'),
    rejected: await makeApplication('rejected'),
  };
  await h.query(
    sql`insert into application_events (application_id, actor_id, kind, audience, text)
        values (${f.apps.submitted.id}, ${actors.committee_member.user!.id}, 'comment', 'committee', ${INTERNAL_NOTE})`,
  );
  const decided = [
    [f.apps.approved, APPROVED_NO, 901, 'approved'],
    [f.apps.rejected, REJECTED_NO, 902, 'rejected'],
  ] as const;
  for (const [a, number, sequence, outcome] of decided) {
    await h.query(
      sql`insert into decisions (year, sequence, number, decided_on, outcome, application_id, organization_name_bg,
            organization_name_en, text_bg, text_en, tally)
          values (${year}, ${sequence}, ${number}, current_date, ${outcome}, ${a.id}, 'Тайно заявление ООД',
            'Secret Application Ltd', 'Решение', 'Decision',
            ${JSON.stringify({ for: 3, against: 1, abstain: 0, eligible: 5, recused: 0 })}::jsonb)`,
    );
  }
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

/**
 * Outside /api there are only the operations endpoints (`/metrics`, decision 028): no role opens them, a
 * session counts for nothing there. A caller on this host that came straight to the server reads them;
 * from anywhere else, or through a proxy, every kind of user gets the 404 of a path that does not exist.
 */
describe('the operations endpoints outside /api', () => {
  it('are the only routes outside /api, each declaring `operations`', () => {
    const outside = app.registeredRoutes
      .filter((r) => !r.url.startsWith('/api'))
      .map((r) => `${r.method} ${r.url} ${r.permission}`)
      .sort();
    expect(outside).toEqual(['GET /metrics operations', 'HEAD /metrics operations']);
  });

  it.each(ACTOR_NAMES)('GET /metrics from another host, or through a proxy, as %s: 404', async (name) => {
    const actor = f.actors[name];
    const requests = [
      { remoteAddress: '203.0.113.9', headers: {} },
      { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '127.0.0.1' } },
    ];
    for (const { remoteAddress, headers } of requests) {
      const res = await app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress,
        headers: { ...headers, ...(actor.cookie ? { cookie: actor.cookie } : {}) },
      });
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json()).toMatchObject({ status: 404, code: 'route.not_found' });
      expect(res.body).not.toContain('http_request_duration_seconds');
    }
  });

  it.each(ACTOR_NAMES)('GET /metrics straight from this host as %s: 200', async (name) => {
    const actor = f.actors[name];
    const res = await app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '127.0.0.1',
      headers: actor.cookie ? { cookie: actor.cookie } : {},
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('http_request_duration_seconds');
  });
});

/** Calls `row` as `actor` and checks the answer against `outcome` (and, when denied, that nothing changed). */
async function runRow(row: Row, actor: Actor, outcome: Outcome): Promise<void> {
  const request = await row.build(f, actor);
  expect(request.url).toMatch(patternOf(row.url));
  const cookie = request.cookie === undefined ? actor.cookie : request.cookie;
  const before = 'deny' in outcome ? await fingerprint() : undefined;

  const res = await app.inject({
    method: row.method,
    url: request.url,
    ...(request.payload ? { payload: request.payload } : {}),
    headers: {
      ...request.headers,
      ...(cookie ? { cookie } : {}),
      ...(request.contentType ? { 'content-type': request.contentType } : {}),
    },
  });

  if ('allow' in outcome) {
    expect(res.statusCode, res.body).toBe(outcome.allow);
    const json = String(res.headers['content-type'] ?? '').includes('json');
    row.check?.(res.statusCode === 204 ? null : json ? res.json() : res.rawPayload, f, actor);
    return;
  }
  expect(res.statusCode, res.body).toBe(outcome.deny);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ status: outcome.deny, code: outcome.code });
  for (const secret of secretsFor(actor)) expect(res.body).not.toContain(secret);
  expect(await fingerprint(), 'a denied call changed the database').toEqual(before);
}

for (const row of ROWS) {
  describe(`${row.method} ${row.url} — ${row.label}`, () => {
    it.each(ACTOR_NAMES)('%s', async (name) => {
      await runRow(row, f.actors[name], row.expect[name]);
    });
  });
}

/**
 * Issue 11 A1 (decision 012): members-only access follows the membership status of the representative's
 * organisation at the moment of the request. Every row again, as the representative of A, with A
 * suspended, withdrawn, excluded, a candidate (an applicant not yet admitted) or without any membership —
 * the same session, never signed in again. Members-only permissions answer 403 `membership.inactive`;
 * invitations to A are refused; everything about A itself (its profile, history, fees, data,
 * representatives) stays as when A is active.
 */
const LAPSED_STANDINGS = ['suspended', 'withdrawn', 'excluded', 'candidate', 'none'] as const;
type LapsedStanding = (typeof LAPSED_STANDINGS)[number];
const MEMBERS_ONLY: readonly RoutePermission[] = ['members.view', 'members.export', 'decisions.read_full'];

/** Puts organisation A in `standing` (null: back to an active regular member). */
async function setStandingOfA(standing: LapsedStanding | null): Promise<void> {
  const a = f.orgA.id;
  await h.query(sql`delete from memberships where organization_id = ${a}`);
  if (standing === 'none') return;
  const category = standing === 'candidate' ? 'candidate' : 'regular';
  const status = standing === null || standing === 'candidate' ? 'active' : standing;
  await h.query(
    sql`insert into memberships (organization_id, category, status, member_since)
        values (${a}, ${category}, ${status}, '2024-01-15')`,
  );
}

for (const standing of LAPSED_STANDINGS) {
  describe(`the representative of A while A is ${standing}`, () => {
    beforeAll(() => setStandingOfA(standing));
    afterAll(() => setStandingOfA(null));
    it.each(ROWS.map((row) => [`${row.method} ${row.url} — ${row.label}`, row] as const))(
      '%s',
      async (_label, row) => {
        const outcome =
          row.lapsed ?? (MEMBERS_ONLY.includes(row.permission) ? INACTIVE_MEMBER : row.expect.representative);
        await runRow(row, { ...f.actors.representative, standing }, outcome);
      },
    );
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

  it("answers a stranger asking for another user's application, and the committee asking for a draft, exactly like for one that does not exist", async () => {
    const ask = (name: ActorName, id: string) =>
      app.inject({ url: `/api/applications/${id}`, headers: { cookie: f.actors[name].cookie! } });
    for (const [name, id] of [
      ['other_applicant', f.apps.submitted.id],
      ['representative', f.apps.submitted.id],
      ['committee_member', f.apps.draft.id],
      ['admin', f.apps.draft.id],
    ] as const) {
      const other = await ask(name, id);
      const missing = await ask(name, MISSING_ID);
      expect(other.statusCode, name).toBe(404);
      expect(other.body, name).toBe(missing.body);
    }
  });

  it("leaves the applicant's draft as the applicant saved it after everyone else tried to write it", async () => {
    const [row] = await h.query<{ data: { organization: { eik: string } }; docs: number }>(
      sql`select a.data, (select count(*)::int from application_documents d where d.application_id = a.id) as docs
          from applications a where a.id = ${f.apps.draft.id}`,
    );
    expect(row!.data.organization.eik).toBe(f.apps.draft.eik);
    // The fixture's PDF and the applicant's own upload.
    expect(Number(row!.docs)).toBe(2);
    const votes = await h.query(
      sql`select 1 from votes v join vote_sessions s on s.id = v.session_id where s.application_id = ${f.apps.draft.id}`,
    );
    expect(votes).toEqual([]);
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
