/**
 * The authorisation matrix's shared harness: the kinds of user (actors), their fixtures, the expected
 * outcomes and the runner. Each resource's rows live in `<resource>.rows.ts` and run in
 * `<resource>.matrix.test.ts` (one database and app per file); `coverage.matrix.test.ts` gathers the rows
 * of every file (`index.ts`) and checks that every registered route has one.
 *
 * Every registered API route × every kind of user, with the expected answer written out per row. Allowed
 * calls use real ids and valid bodies and must reach the handler (their exact success status); denied calls
 * must answer 401 (anonymous), 403 or a record-level 404, leak none of the protected data and change nothing
 * in the database.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { DECLARATION_VERSION, type Principal, type Role } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../auth/rate-limit.ts';
import { createSession } from '../auth/sessions.ts';
import { type RoutePermission, sessionCookieName } from '../plugins/auth.ts';
import { issueToken } from '../routes/auth/auth.service.ts';
import { buildTestApp, insertOrganization, insertUser, logIn, nextEik, TEST_PDF } from '../testing.ts';

export const ACTOR_NAMES = [
  'anonymous',
  'no_role',
  'applicant',
  'other_applicant',
  'representative',
  'committee_member',
  'committee_chair',
  'admin',
] as const;
export type ActorName = (typeof ACTOR_NAMES)[number];

/**
 * Roles of each signed-in actor; the representative is linked to organisation A only. The applicant owns
 * every application of the fixtures; the other applicant has a draft of its own.
 */
export const ACTOR_ROLES: Record<Exclude<ActorName, 'anonymous'>, Role[]> = {
  no_role: [],
  applicant: ['applicant'],
  other_applicant: ['applicant'],
  representative: ['representative'],
  committee_member: ['committee_member'],
  committee_chair: ['committee_chair'],
  admin: ['admin'],
};

export interface Actor {
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

export interface Fixtures {
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

export interface AppFixture {
  id: string;
  eik: string;
  documentId: string;
}

/** What one actor gets from one row: allowed with this exact status, or denied with status and code. */
export type Outcome = { allow: number } | { deny: 401 | 403 | 404 | 409; code: string };
export type Expectations = Record<ActorName, Outcome>;

export const allow = (status: number): Outcome => ({ allow: status });
export const ANON: Outcome = { deny: 401, code: 'auth.required' };
export const FORBIDDEN: Outcome = { deny: 403, code: 'auth.forbidden' };

export const everyone = (status: number): Expectations => ({
  anonymous: allow(status),
  no_role: allow(status),
  applicant: allow(status),
  other_applicant: allow(status),
  representative: allow(status),
  committee_member: allow(status),
  committee_chair: allow(status),
  admin: allow(status),
});
export const signedIn = (status: number): Expectations => ({ ...everyone(status), anonymous: ANON });
/** The same outcome for every signed-in actor; the anonymous must sign in. */
export const everySignedIn = (outcome: Outcome): Expectations => ({
  anonymous: ANON,
  no_role: outcome,
  applicant: outcome,
  other_applicant: outcome,
  representative: outcome,
  committee_member: outcome,
  committee_chair: outcome,
  admin: outcome,
});
export const adminOnly = (status: number): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative: FORBIDDEN,
  committee_member: FORBIDDEN,
  committee_chair: FORBIDDEN,
  admin: allow(status),
});

export interface Request {
  url: string;
  /** JSON, or the raw bytes of a document upload. */
  payload?: object | Buffer;
  contentType?: string;
  /** Overrides the actor's own session cookie (null: none). */
  cookie?: string | null;
  /** Further request headers (e.g. If-Match). */
  headers?: Record<string, string>;
}

export interface Row {
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
  /**
   * What the representative gets while A is a candidate for membership, when it differs from `lapsed` (the
   * shared resources open to applicants: decision 034).
   */
  candidate?: Outcome;
}

export let h: DbHandle;
export let app: Awaited<ReturnType<typeof buildTestApp>>;
export let f: Fixtures;
let seq = 0;
/** A number no other call of this file has had (decision numbers, e-mail addresses). */
export const nextSeq = () => ++seq;
export const fresh = (what: string) =>
  `${what}-${++seq}-${Math.random().toString(36).slice(2, 8)}@example.bg`;
const cookieName = sessionCookieName(false);

/** A further session of the actor (for calls that end the session they come with). */
export async function spareCookie(actor: Actor): Promise<string | null> {
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
export async function freshToken(
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

export const bodyOf = (body: unknown) => body as Record<string, unknown>;
// ---------- organisation profiles: expectations and requests ----------

export const ORG_NOT_FOUND: Outcome = { deny: 404, code: 'organization.not_found' };
/** An invitation to an organisation that is not an active member, refused to everyone (decision 012). */
export const INACTIVE_INVITATION: Outcome = { deny: 409, code: 'invitation.membership_inactive' };
/** Members-only access refused because the representative's organisation is not an active member. */
export const INACTIVE_MEMBER: Outcome = { deny: 403, code: 'membership.inactive' };
/** Profile editing: the representative gets `representative` (their own A: allowed; B: 404), admins any. */
export const editors = (representative: Outcome): Expectations => ({
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
/** An organisation's history: members of the cluster may ask; a representative only of their own. */
export const historyReaders = (representative: Outcome): Expectations => ({
  ...editors(representative),
  committee_member: allow(200),
  committee_chair: allow(200),
});

// ---------- applications: fixtures and expectations ----------

export const PDF = TEST_PDF;
export const MISSING_ID = '00000000-0000-4000-8000-000000000000';
export const NOT_FOUND: Outcome = { deny: 404, code: 'application.not_found' };
export const INTERNAL_NOTE = 'Вътрешна бележка на комитета';
export const year = new Date().getFullYear();
export const APPROVED_NO = `${year}-901`;
export const REJECTED_NO = `${year}-902`;
/** Every fixture application's ЕИК: no denied answer may carry one. */
export const applicationEiks: string[] = [];

/** Those who may not know the application exists: 401 for the anonymous, 404 for the others. */
export const strangers = {
  anonymous: ANON,
  no_role: NOT_FOUND,
  other_applicant: NOT_FOUND,
  representative: NOT_FOUND,
} as const;
/** The applicant, the committee and administrators read it. */
/**
 * The committee alone. With `everyoneElse` the route itself refuses all others alike; without it the
 * refusal is record-level: strangers 404, the applicant and administrators (who can read it) 403.
 */
export const committeeOnly = (status: number, everyoneElse?: Outcome): Expectations => ({
  anonymous: ANON,
  no_role: everyoneElse ?? NOT_FOUND,
  applicant: everyoneElse ?? FORBIDDEN,
  other_applicant: everyoneElse ?? NOT_FOUND,
  representative: everyoneElse ?? NOT_FOUND,
  committee_member: allow(status),
  committee_chair: allow(status),
  admin: everyoneElse ?? FORBIDDEN,
});

export function sectionBodies(eik: string) {
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

export type FixtureState =
  | 'draft'
  | 'submitted'
  | 'under_review'
  | 'changes_requested'
  | 'in_vote'
  | 'approved'
  | 'rejected';

/** A complete application of `owner` (the applicant by default) with one PDF, inserted in `state`. */
export async function makeApplication(
  state: FixtureState,
  owner: ActorName = 'applicant',
): Promise<AppFixture> {
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

/** Everything a caller could change; a denied call must leave all of it as it was. */
export async function fingerprint(): Promise<Record<string, number>> {
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
          (select count(*)::int from organizations) as organizations,
          (select count(*)::int from board_items) as board_items,
          (select coalesce(sum(version), 0)::int from board_items) as board_item_versions,
          (select count(*)::int from board_item_revisions) as board_item_revisions,
          (select count(*)::int from shared_resources) as shared_resources,
          (select coalesce(sum(version), 0)::int from shared_resources) as shared_resource_versions,
          (select count(*)::int from resource_bookings) as resource_bookings,
          (select coalesce(sum(case status when 'requested' then 1 when 'confirmed' then 10
             when 'declined' then 100 else 1000 end), 0)::int from resource_bookings) as booking_states,
          (select count(*)::int from conversations) as conversations,
          (select coalesce(sum(version), 0)::int from conversations) as conversation_versions,
          (select count(*)::int from conversation_messages) as conversation_messages,
          (select count(*)::int from conversation_reads) as conversation_reads,
          (select count(*)::int from conversation_settings) as conversation_settings,
          (select count(*)::int from partnerships) as partnerships,
          (select coalesce(sum(version), 0)::int from partnerships) as partnership_versions,
          (select count(*)::int from projects) as projects,
          (select coalesce(sum(version), 0)::int from projects) as project_versions,
          (select count(*)::int from project_partners) as project_partners,
          (select coalesce(sum(share_cents), 0)::bigint::text from project_partners) as project_shares,
          (select count(*)::int from project_tasks) as project_tasks,
          (select count(*)::int from project_documents) as project_documents,
          (select count(*)::int from project_joins) as project_joins,
          (select count(*)::int from project_joins where status <> 'pending') as answered_project_joins`,
  );
  return row!;
}

/** Data no denied answer may carry: both organisations' ЕИК and every other user's email. */
export function secretsFor(actor: Actor): string[] {
  const emails = [
    f.target.email,
    f.victim.email,
    ...ACTOR_NAMES.map((n) => f.actors[n].user?.email).filter((e): e is string => !!e),
  ].filter((e) => e !== actor.user?.email);
  return [f.orgA.eik, f.orgB.eik, ...applicationEiks, INTERNAL_NOTE, ...emails];
}

export const patternOf = (url: string) =>
  new RegExp(`^${url.replace(/:[A-Za-z]+/g, '[^/?]+').replace(/\./g, '\\.')}(\\?.*)?$`);

/** Creates the database, the app and the fixtures before the file's tests, and closes them after. */
export function useMatrixFixtures(): void {
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
}

/** Calls `row` as `actor` and checks the answer against `outcome` (and, when denied, that nothing changed). */
export async function runRow(row: Row, actor: Actor, outcome: Outcome): Promise<void> {
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

/**
 * Registers the fixtures and, for every row, one test per kind of user, then every row again as the
 * representative of A while A is not an active member (below).
 */
export function runMatrix(rows: readonly Row[]): void {
  useMatrixFixtures();
  for (const row of rows) {
    describe(`${row.method} ${row.url} — ${row.label}`, () => {
      it.each(ACTOR_NAMES)('%s', async (name) => {
        await runRow(row, f.actors[name], row.expect[name]);
      });
    });
  }
  runLapsed(rows);
}

/**
 * Issue 11 A1 (decision 012): members-only access follows the membership status of the representative's
 * organisation at the moment of the request. Every row again, as the representative of A, with A
 * suspended, withdrawn, excluded, a candidate (an applicant not yet admitted) or without any membership —
 * the same session, never signed in again. Members-only permissions answer 403 `membership.inactive`;
 * invitations to A are refused; everything about A itself (its profile, history, fees, data,
 * representatives) stays as when A is active.
 */
export const LAPSED_STANDINGS = ['suspended', 'withdrawn', 'excluded', 'candidate', 'none'] as const;
export type LapsedStanding = (typeof LAPSED_STANDINGS)[number];
export const MEMBERS_ONLY: readonly RoutePermission[] = [
  'members.view',
  'members.export',
  'decisions.read_full',
  'board.view',
  'board.post',
  'suggestions.view',
  'suggestions.dismiss',
  'resources.view',
  'news.propose',
  'projects.view',
  'projects.work',
];

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

function runLapsed(rows: readonly Row[]): void {
  for (const standing of LAPSED_STANDINGS) {
    describe(`the representative of A while A is ${standing}`, () => {
      beforeAll(() => setStandingOfA(standing));
      afterAll(() => setStandingOfA(null));
      it.each(rows.map((row) => [`${row.method} ${row.url} — ${row.label}`, row] as const))(
        '%s',
        async (_label, row) => {
          const outcome =
            (standing === 'candidate' ? row.candidate : undefined) ??
            row.lapsed ??
            (MEMBERS_ONLY.includes(row.permission) ? INACTIVE_MEMBER : row.expect.representative);
          await runRow(row, { ...f.actors.representative, standing }, outcome);
        },
      );
    });
  }
}
