/**
 * Join applications end to end through the API: the applicant's form, documents, the committee's review,
 * votes under every majority rule, numbered decisions, admission and the decisions register.
 */
import type { DbHandle } from '@portal/db';
import { sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import {
  type ApplicationQueueResponse,
  ApplicationSchema,
  type ApplicationState,
  DECLARATION_TEXTS,
  DECLARATION_VERSION,
  type Decision,
  type MajorityRule,
  type OrganizationKind,
  type Problem,
  type QuorumRule,
} from '@portal/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import {
  buildTestApp,
  dispatchEvents,
  insertOrganization,
  insertUser,
  lastEmail,
  logIn,
  nextEik,
  TEST_PDF,
} from '../../testing.ts';

const PDF = TEST_PDF;

type Who =
  | 'applicant'
  | 'applicant2'
  | 'stranger'
  | 'representative'
  | 'admin'
  | 'chair'
  | 'm1'
  | 'm2'
  | 'm3'
  | 'm4';
interface Person {
  id: string;
  email: string;
  name: string;
  language: 'bg' | 'en';
  cookie: string;
}

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
const people = {} as Record<Who, Person>;
/** The committee: the chair and four members (five eligible voters). */
const MEMBERS = ['m1', 'm2', 'm3', 'm4'] as const;

beforeAll(async () => {
  h = await createTestDb();
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });
  const memberOrg = await insertOrganization(h, { nameBg: 'Членуваща', nameEn: 'Member Org' });
  const spec: Record<
    Who,
    {
      name: string;
      language: 'bg' | 'en';
      roles: ('representative' | 'admin' | 'committee_member' | 'committee_chair')[];
    }
  > = {
    applicant: { name: 'Applicant Ann', language: 'en', roles: [] },
    applicant2: { name: 'Кандидат Втори', language: 'bg', roles: [] },
    stranger: { name: 'Непознат Човек', language: 'bg', roles: [] },
    representative: { name: 'Представител Член', language: 'bg', roles: ['representative'] },
    admin: { name: 'Администратор Главен', language: 'bg', roles: ['admin'] },
    chair: { name: 'Председател Петров', language: 'bg', roles: ['committee_chair'] },
    m1: { name: 'Член Първи', language: 'bg', roles: ['committee_member'] },
    m2: { name: 'Member Second', language: 'en', roles: ['committee_member'] },
    m3: { name: 'Член Трети', language: 'bg', roles: ['committee_member'] },
    m4: { name: 'Член Четвърти', language: 'bg', roles: ['committee_member'] },
  };
  for (const [who, s] of Object.entries(spec) as [Who, (typeof spec)[Who]][]) {
    const u = await insertUser(h, {
      displayName: s.name,
      language: s.language,
      roles: s.roles,
      organizationIds: who === 'representative' ? [memberOrg] : [],
    });
    people[who] = {
      id: u.id,
      email: u.email,
      name: s.name,
      language: s.language,
      cookie: await logIn(app, u.email),
    };
  }
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

// ---------- helpers ----------

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
function call(who: Who | null, method: Method, url: string, payload?: object) {
  return app.inject({
    method,
    url,
    headers: who ? { cookie: people[who].cookie } : {},
    ...(payload !== undefined ? { payload } : {}),
  });
}
function expectStatus(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode, `${res.statusCode} ${res.body}`).toBe(status);
}
async function ok(res: Promise<LightMyRequestResponse> | LightMyRequestResponse, status = 200) {
  const r = await res;
  expectStatus(r, status);
  return ApplicationSchema.parse(r.json());
}
async function problem(res: Promise<LightMyRequestResponse> | LightMyRequestResponse, status: number) {
  const r = await res;
  expectStatus(r, status);
  expect(r.headers['content-type']).toContain('application/problem+json');
  return r.json() as Problem;
}
const view = (who: Who, id: string) => ok(call(who, 'GET', `/api/applications/${id}`));
const act = (who: Who, id: string, action: string, comment?: string) =>
  call(who, 'POST', `/api/applications/${id}/actions/${action}`, comment === undefined ? {} : { comment });
const castVote = (who: Who, id: string, choice: 'for' | 'against' | 'abstain') =>
  call(who, 'PUT', `/api/applications/${id}/vote`, { choice });
const upload = (who: Who, id: string, kind: string, body: Buffer = PDF, filename = 'a.pdf') =>
  app.inject({
    method: 'POST',
    url: `/api/applications/${id}/documents?kind=${kind}&filename=${encodeURIComponent(filename)}`,
    headers: { cookie: people[who].cookie, 'content-type': 'application/pdf' },
    payload: body,
  });

async function one<T extends Record<string, unknown>>(statement: ReturnType<typeof sql>): Promise<T> {
  const rows = await h.query<T>(statement);
  return rows[0]!;
}
const count = async (statement: ReturnType<typeof sql>) => Number((await one<{ n: number }>(statement)).n);
const auditCount = (id: string) =>
  count(sql`select count(*)::int as n from audit_events where entity_id = ${id}`);
const eventCount = (id: string) =>
  count(sql`select count(*)::int as n from application_events where application_id = ${id}`);

interface OrgInput {
  eik?: string;
  kind?: OrganizationKind;
  nameBg?: string;
  nameEn?: string;
  category?: 'regular' | 'associated' | 'engaged';
}
let nameSeq = 0;
function sectionsFor(o: OrgInput = {}) {
  const n = ++nameSeq;
  return {
    organization: {
      nameBg: o.nameBg ?? `Кандидат ${n} ООД`,
      nameEn: o.nameEn ?? `Applicant ${n} Ltd`,
      eik: o.eik ?? nextEik(),
      kind: o.kind ?? 'company',
      employees: 12,
      foundedYear: 2015,
      city: 'София',
      address: 'ул. Тестова 1',
      website: 'https://example.bg',
      naceCodes: ['62.01'],
    },
    contact: {
      name: 'Ана Петрова',
      position: 'Управител',
      email: 'Ana@Example.bg',
      phone: '+359 888 123 456',
    },
    areas: { areaIds: ['ict-software', 'creative-games'] },
    offers: { offers: { infrastructure: 'Лаборатория за тестове' }, seeks: { people: 'Стажанти' } },
    motivation: {
      motivation: 'Искаме да работим заедно с другите членове по общи проекти.',
      category: o.category ?? 'regular',
    },
    declarations: { acceptsStatute: true, consentsToDataProcessing: true },
    accession: {
      councilDecisionNumber: '123',
      councilDecisionDate: '2026-01-15',
      representativeName: 'Иван Иванов',
      representativePosition: 'Заместник-кмет',
    },
  };
}

/** A draft with every section saved (accession for public authorities) and the documents it needs. */
async function draft(who: Who = 'applicant', o: OrgInput = {}, skip: string[] = []) {
  const created = await ok(call(who, 'POST', '/api/applications'), 201);
  const s = sectionsFor(o);
  for (const [section, body] of Object.entries(s)) {
    if (skip.includes(section)) continue;
    if (section === 'accession' && s.organization.kind !== 'public_authority') continue;
    await ok(call(who, 'PUT', `/api/applications/${created.id}/sections/${section}`, body));
  }
  if (!skip.includes('documents')) {
    expectStatus(await upload(who, created.id, 'registration_certificate'), 201);
    if (s.organization.kind === 'public_authority')
      expectStatus(await upload(who, created.id, 'council_decision'), 201);
  }
  return { id: created.id, s };
}

async function setVoting(
  majority: MajorityRule,
  ballot: 'open' | 'secret' = 'open',
  quorum: QuorumRule = 'more_than_half',
) {
  const res = await call('admin', 'PUT', '/api/admin/settings/voting', { quorum, majority, ballot });
  expectStatus(res, 200);
  expect(res.json()).toEqual({ quorum, majority, ballot });
}

/** An application driven through legal moves to `state`. */
async function inState(
  state: ApplicationState,
  o: OrgInput & { who?: Who; majority?: MajorityRule; ballot?: 'open' | 'secret'; quorum?: QuorumRule } = {},
) {
  const who = o.who ?? 'applicant';
  const d = await draft(who, o);
  const go = async (by: Who, action: string, comment?: string) => ok(act(by, d.id, action, comment));
  if (state === 'draft') return d;
  await go(who, 'submit');
  if (state === 'submitted') return d;
  if (state === 'withdrawn') {
    await go(who, 'withdraw');
    return d;
  }
  await go('m1', 'start_review');
  if (state === 'under_review') return d;
  if (state === 'changes_requested') {
    await go('m1', 'request_changes', 'Моля, допълнете.');
    return d;
  }
  await setVoting(o.majority ?? 'simple', o.ballot ?? 'open', o.quorum ?? 'more_than_half');
  await go('chair', 'open_vote');
  if (state === 'in_vote') return d;
  // Everyone votes the same way: the vote closes by itself.
  const choice = state === 'approved' ? 'for' : 'against';
  for (const m of ['chair', ...MEMBERS] as const) expectStatus(await castVote(m, d.id, choice), 200);
  expect((await view(who, d.id)).state).toBe(state);
  return d;
}

const year = () => new Date().getFullYear();

async function membershipOf(organizationId: string) {
  return one<{ category: string; status: string; member_since: string | null }>(
    sql`select category, status, member_since::text as member_since from memberships where organization_id = ${organizationId}`,
  );
}

// ---------- the whole journey ----------

describe('an application from the first step to admission', () => {
  it('creates, saves every step, uploads, submits, is returned for changes, resubmitted, voted on and admitted', async () => {
    const ann = people.applicant;
    // Start: a draft; starting makes the user an applicant.
    const created = await ok(call('applicant', 'POST', '/api/applications'), 201);
    expect(created).toMatchObject({ state: 'draft', applicant: { id: ann.id, name: ann.name }, data: {} });
    expect(created.missing).toEqual([
      'organization',
      'contact',
      'areas',
      'offers',
      'motivation',
      'declarations',
      'documents',
    ]);
    const id = created.id;
    const roles = await h.query<{ role: string }>(sql`select role from user_roles where user_id = ${ann.id}`);
    expect(roles.map((r) => r.role)).toEqual(['applicant']);
    const mine = (await call('applicant', 'GET', '/api/applications/mine')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(id);

    // Every step, one at a time; what was saved comes back.
    const s = sectionsFor({ nameBg: 'Пътешествие ООД', nameEn: 'Journey Ltd', category: 'associated' });
    let a = created;
    for (const section of [
      'organization',
      'contact',
      'areas',
      'offers',
      'motivation',
      'declarations',
    ] as const) {
      a = await ok(call('applicant', 'PUT', `/api/applications/${id}/sections/${section}`, s[section]));
    }
    expect(a.data.organization).toEqual(s.organization);
    expect(a.data.contact).toEqual({ ...s.contact, email: 'ana@example.bg' });
    expect(a.data.areas).toEqual(s.areas);
    expect(a.data.motivation).toEqual(s.motivation);
    // The exact texts accepted are stored with their version.
    expect(a.data.declarations).toMatchObject({
      ...s.declarations,
      version: DECLARATION_VERSION,
      texts: DECLARATION_TEXTS,
    });
    expect(Date.parse(a.data.declarations!.acceptedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(a.missing).toEqual(['documents']);

    const doc = await upload('applicant', id, 'registration_certificate', PDF, 'Удостоверение.pdf');
    expectStatus(doc, 201);
    expect(doc.json()).toMatchObject({
      kind: 'registration_certificate',
      filename: 'Удостоверение.pdf',
      size: PDF.length,
    });
    a = await view('applicant', id);
    expect(a.missing).toEqual([]);
    expect(a.documents.map((d) => d.id)).toEqual([doc.json().id]);

    // Submit; the committee sees it in its queue.
    a = await ok(act('applicant', id, 'submit'));
    expect(a.state).toBe('submitted');
    expect(a.submittedAt).not.toBeNull();
    const queue = (
      await call('m1', 'GET', '/api/committee/applications?state=submitted')
    ).json() as ApplicationQueueResponse;
    expect(queue.items.find((i) => i.id === id)).toMatchObject({
      nameBg: 'Пътешествие ООД',
      eik: s.organization.eik,
    });
    expect(queue.counts.submitted).toBeGreaterThanOrEqual(1);

    // Review; changes requested with a comment the applicant receives by email in English.
    expect((await ok(act('m1', id, 'start_review'))).state).toBe('under_review');
    const noComment = await problem(act('m1', id, 'request_changes'), 400);
    expect(noComment.errors?.map((e) => e.path)).toEqual(['body.comment']);
    a = await ok(act('m1', id, 'request_changes', 'Please add your phone extension.'));
    expect(a.state).toBe('changes_requested');
    const askMail = await lastEmail(h, ann.email);
    expect(askMail.subject).toBe('The committee asks for changes to your application');
    expect(askMail.text).toContain('Please add your phone extension.');
    expect(askMail.text).toContain('Journey Ltd');

    // The applicant edits and resubmits; the committee sees the change and the timeline tells the story.
    const contact = { ...s.contact, phone: '+359 888 123 457' };
    a = await ok(call('applicant', 'PUT', `/api/applications/${id}/sections/contact`, contact));
    expect(a.data.contact?.phone).toBe('+359 888 123 457');
    expect((await ok(act('applicant', id, 'resubmit'))).state).toBe('under_review');
    const seen = await view('m2', id);
    expect(seen.data.contact?.phone).toBe('+359 888 123 457');
    // The edit is on the timeline, before and after, for the committee (and the applicant) to see.
    const change = seen.timeline.find((e) => e.kind === 'change');
    expect(change?.changes).toMatchObject({
      section: 'contact',
      before: { phone: '+359 888 123 456' },
      after: { phone: '+359 888 123 457' },
    });
    const steps = seen.timeline
      .filter((e) => e.kind === 'transition')
      .map((e) => [e.action, e.fromState, e.toState]);
    expect(steps).toEqual([
      ['create', null, 'draft'],
      ['submit', 'draft', 'submitted'],
      ['start_review', 'submitted', 'under_review'],
      ['request_changes', 'under_review', 'changes_requested'],
      ['resubmit', 'changes_requested', 'under_review'],
    ]);
    expect(seen.timeline.find((e) => e.action === 'request_changes')).toMatchObject({
      text: 'Please add your phone extension.',
      actorName: people.m1.name,
    });
    const edit = await one<{ before: { contact: { phone: string } }; after: { contact: { phone: string } } }>(
      sql`select before, after from audit_events where entity_id = ${id} and action = 'application.section_saved'
          order by id desc limit 1`,
    );
    expect(edit.before.contact.phone).toBe('+359 888 123 456');
    expect(edit.after.contact.phone).toBe('+359 888 123 457');

    // The vote: open ballot, simple majority; the committee is told in each member's language.
    await setVoting('simple', 'open');
    a = await ok(act('chair', id, 'open_vote'));
    expect(a.state).toBe('in_vote');
    expect(a.vote).toMatchObject({
      round: 1,
      ballot: 'open',
      majority: 'simple',
      outcome: null,
      closedAt: null,
    });
    expect(a.vote?.tally).toEqual({ eligible: 5, recused: 0, for: 0, against: 0, abstain: 0, voted: 0 });
    expect((await lastEmail(h, people.m1.email)).subject).toBe('Гласуване: Пътешествие ООД');
    expect((await lastEmail(h, people.m2.email)).subject).toBe('Vote: Journey Ltd');

    for (const m of ['chair', 'm1', 'm2'] as const) expectStatus(await castVote(m, id, 'for'), 200);
    a = await ok(castVote('m3', id, 'against'));
    expect(a.vote?.tally).toMatchObject({ eligible: 5, for: 3, against: 1, abstain: 0, voted: 4 });
    expect(a.vote?.quorumReached).toBe(true);
    expect(a.vote?.myVote).toBe('against');
    // Open ballot: the committee sees who voted how.
    expect(a.vote?.voters).toEqual(
      expect.arrayContaining([
        { name: people.m1.name, voted: true, choice: 'for', recused: false },
        { name: people.m3.name, voted: true, choice: 'against', recused: false },
        { name: people.m4.name, voted: false, choice: null, recused: false },
      ]),
    );

    a = await ok(call('chair', 'POST', `/api/applications/${id}/vote/close`));
    expect(a.state).toBe('approved');
    expect(a.vote).toMatchObject({ outcome: 'approved' });
    expect(a.vote?.closedAt).not.toBeNull();
    const decision = a.decision!;
    expect(decision.outcome).toBe('approved');
    expect(decision.number).toMatch(/^\d{4}-\d{3}$/);
    expect(decision.number).toBe(`${decision.date.slice(0, 4)}-001`);
    expect(Number(decision.date.slice(0, 4))).toBe(year());

    // Admission: an active member in the requested category since the decision's date.
    const orgId = a.organizationId!;
    expect(orgId).toBeTruthy();
    expect(await membershipOf(orgId)).toEqual({
      category: 'associated',
      status: 'active',
      member_since: decision.date,
    });
    const profile = (await call(null, 'GET', `/api/organizations/${orgId}`)).json();
    expect(profile).toMatchObject({
      eik: s.organization.eik,
      nameBg: 'Пътешествие ООД',
      category: 'associated',
      memberSince: decision.date,
    });
    expect(profile.areas.map((x: { id: string }) => x.id).sort()).toEqual(['creative-games', 'ict-software']);
    // The public directory lists it at once.
    const listed = (
      await call(null, 'GET', `/api/organizations?q=${encodeURIComponent('Пътешествие')}`)
    ).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([orgId]);
    // What it offers and seeks is copied from the application, shown on the profile and in the directory,
    // and found by the directory's search (issue 11 C8); it is not copied into the description.
    expect(profile).toMatchObject({
      offers: { infrastructure: 'Лаборатория за тестове' },
      seeks: { people: 'Стажанти' },
      descriptionBg: '',
      descriptionEn: '',
    });
    expect(listed.items[0]).toMatchObject({ offers: ['infrastructure'], seeks: ['people'] });
    const seeking = (
      await call(null, 'GET', `/api/organizations?q=${encodeURIComponent('стажанти')}`)
    ).json();
    expect(seeking.items.map((i: { id: string }) => i.id)).toEqual([orgId]);

    // The applicant now represents it.
    const session = (await call('applicant', 'GET', '/api/auth/session')).json();
    expect(session.user.roles).toEqual(expect.arrayContaining(['applicant', 'representative']));
    const represented = (await call('applicant', 'GET', '/api/account/organizations')).json();
    expect(represented.items.map((i: { id: string }) => i.id)).toEqual([orgId]);

    // Emails: the applicant in English, the committee each in their own language.
    expect(await lastEmail(h, ann.email)).toMatchObject({
      subject: `Decision No ${decision.number}: Journey Ltd`,
    });
    expect((await lastEmail(h, ann.email)).text).toContain('admitted as a member');
    expect(await lastEmail(h, people.chair.email)).toMatchObject({
      subject: `Решение № ${decision.number}: Пътешествие ООД`,
    });
    expect(await lastEmail(h, people.m2.email)).toMatchObject({
      subject: `Decision No ${decision.number}: Journey Ltd`,
    });

    // The register: the public sees the admission without the tally; a representative sees the tally.
    const pub = (await call(null, 'GET', `/api/decisions?q=${decision.number}`)).json();
    expect(pub.items).toEqual([
      {
        number: decision.number,
        date: decision.date,
        organizationNameBg: 'Пътешествие ООД',
        organizationNameEn: 'Journey Ltd',
        // A listed member: the register links its name to the public profile.
        organizationId: orgId,
        organizationListed: true,
        outcome: 'approved',
        subject: 'admission',
        membershipAction: null,
        applicationId: null,
        tally: null,
        textBg: null,
        textEn: null,
        meeting: null,
      },
    ]);
    const full = (await call('representative', 'GET', `/api/decisions?q=${decision.number}`)).json();
    expect(full.items[0]).toMatchObject({
      applicationId: id,
      tally: { for: 3, against: 1, abstain: 0, eligible: 5, recused: 0 },
    });
    expect(full.items[0].textBg).toContain('Пътешествие ООД');

    // The applicant's view never carries the vote panel.
    expect((await view('applicant', id)).vote).toBeNull();
  });
});

// ---------- the state machine ----------

const API_ACTIONS = [
  'submit',
  'start_review',
  'request_changes',
  'resubmit',
  'open_vote',
  'withdraw',
] as const;
type ApiAction = (typeof API_ACTIONS)[number];
/** Who makes each move in these tests. */
const ACTOR_OF: Record<ApiAction, Who> = {
  submit: 'applicant',
  resubmit: 'applicant',
  withdraw: 'applicant',
  start_review: 'm1',
  request_changes: 'm1',
  open_vote: 'chair',
};
/** The legal moves, written out independently of the shared table. */
const LEGAL: Record<ApplicationState, Partial<Record<ApiAction, ApplicationState>>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { start_review: 'under_review', withdraw: 'withdrawn' },
  under_review: { request_changes: 'changes_requested', open_vote: 'in_vote', withdraw: 'withdrawn' },
  changes_requested: { resubmit: 'under_review', withdraw: 'withdrawn' },
  in_vote: { withdraw: 'withdrawn' },
  approved: {},
  rejected: {},
  withdrawn: {},
};
/** Repeating the move that led here is the same submission again (a double click): 200, nothing changes. */
const REPEATS: Partial<Record<ApplicationState, ApiAction>> = {
  submitted: 'submit',
  under_review: 'resubmit',
};
const STATES = Object.keys(LEGAL) as ApplicationState[];

describe('the state machine', () => {
  const legal = STATES.flatMap((state) =>
    Object.entries(LEGAL[state]).map(([action, to]) => ({ state, action: action as ApiAction, to: to! })),
  );
  it('has ten legal API moves', () => expect(legal).toHaveLength(10));

  it.each(legal)('$state --$action--> $to', async ({ state, action, to }) => {
    const { id } = await inState(state);
    const events = await eventCount(id);
    const audits = await auditCount(id);
    const comment = action === 'request_changes' ? 'Нужни са промени.' : undefined;
    const a = await ok(act(ACTOR_OF[action], id, action, comment));
    expect(a.state).toBe(to);
    expect(await eventCount(id)).toBe(events + 1);
    expect(a.timeline.at(-1)).toMatchObject({ kind: 'transition', action, fromState: state, toState: to });
    const audit = await one<{ action: string; before: unknown; after: { state: string } }>(
      sql`select action, before, after from audit_events where entity_id = ${id} order by id desc limit 1`,
    );
    expect(audit.action).toBe(`application.${action}`);
    expect(audit.before).toEqual({ state });
    expect(audit.after.state).toBe(to);
    expect(await auditCount(id)).toBe(audits + 1);
    if (action === 'open_vote') expect(a.vote).toMatchObject({ round: 1, closedAt: null });
  });

  it('refuses every illegal move with 409 application.transition_invalid and changes nothing', async () => {
    const refused: string[] = [];
    for (const state of STATES) {
      const { id } = await inState(state);
      const before = await one<{ state: string; version: number }>(
        sql`select state, version from applications where id = ${id}`,
      );
      const events = await eventCount(id);
      const audits = await auditCount(id);
      for (const action of API_ACTIONS) {
        if (LEGAL[state][action] || REPEATS[state] === action) continue;
        const by = ACTOR_OF[action];
        const res = await act(by, id, action, 'коментар');
        // The committee does not see drafts at all: for it a draft does not exist.
        const expected = state === 'draft' && by !== 'applicant' ? 404 : 409;
        const body = await problem(res, expected);
        expect(body.code).toBe(expected === 404 ? 'application.not_found' : 'application.transition_invalid');
        refused.push(`${state}:${action}`);
      }
      expect(await one(sql`select state, version from applications where id = ${id}`)).toEqual(before);
      expect(await eventCount(id)).toBe(events);
      expect(await auditCount(id)).toBe(audits);
    }
    // 8 states × 6 moves, less 10 legal ones and 2 repeats.
    expect(refused).toHaveLength(36);
  });

  it('treats a repeated submit or resubmit as the same submission', async () => {
    const { id } = await draft();
    const first = await ok(act('applicant', id, 'submit'));
    const second = await ok(act('applicant', id, 'submit'));
    expect(second.state).toBe('submitted');
    expect(second.submittedAt).toBe(first.submittedAt);
    expect(second.version).toBe(first.version);
    expect(second.timeline.filter((e) => e.action === 'submit')).toHaveLength(1);
    expect(
      await count(
        sql`select count(*)::int as n from audit_events where entity_id = ${id} and action = 'application.submit'`,
      ),
    ).toBe(1);

    await ok(act('m1', id, 'start_review'));
    await ok(act('m1', id, 'request_changes', 'Още малко.'));
    await ok(act('applicant', id, 'resubmit'));
    const again = await ok(act('applicant', id, 'resubmit'));
    expect(again.state).toBe('under_review');
    expect(again.timeline.filter((e) => e.action === 'resubmit')).toHaveLength(1);
  });

  it('does not accept the decision moves or an outcome from a client', async () => {
    const { id } = await inState('in_vote');
    for (const action of ['approve', 'reject', 'no_quorum']) {
      await problem(call('chair', 'POST', `/api/applications/${id}/actions/${action}`, {}), 400);
    }
    const extra = await problem(
      call('chair', 'POST', `/api/applications/${id}/actions/withdraw`, {
        comment: 'x',
        outcome: 'approved',
      }),
      400,
    );
    expect(extra.code).toBe('validation.failed');
    expectStatus(await castVote('m1', id, 'for'), 200);
    const vote = await problem(
      call('m2', 'PUT', `/api/applications/${id}/vote`, { choice: 'for', outcome: 'approved' }),
      400,
    );
    expect(vote.code).toBe('validation.failed');
    // Two of five against, one for: whatever a client sends with the close, the server counts.
    expectStatus(await castVote('m2', id, 'against'), 200);
    expectStatus(await castVote('m3', id, 'against'), 200);
    const forced = await problem(
      call('chair', 'POST', `/api/applications/${id}/vote/close`, { outcome: 'approved' }),
      400,
    );
    expect(forced.code).toBe('validation.failed');
    expect((await view('chair', id)).state).toBe('in_vote');
    expect((await ok(call('chair', 'POST', `/api/applications/${id}/vote/close`))).state).toBe('rejected');
    expect((await view('chair', id)).decision?.outcome).toBe('rejected');
  });
});

// ---------- the form ----------

describe('starting and deleting drafts (issue 11 C3)', () => {
  it('gives the untouched draft back when the applicant starts again, and a new one once it has answers', async () => {
    const first = await ok(call('applicant2', 'POST', '/api/applications'), 201);
    const again = await ok(call('applicant2', 'POST', '/api/applications'), 200);
    expect(again.id).toBe(first.id);
    expect(await auditCount(first.id)).toBe(1);
    await ok(
      call('applicant2', 'PUT', `/api/applications/${first.id}/sections/contact`, sectionsFor().contact),
    );
    const next = await ok(call('applicant2', 'POST', '/api/applications'), 201);
    expect(next.id).not.toBe(first.id);
    // Another user's untouched draft is never handed out.
    const stranger = await ok(call('stranger', 'POST', '/api/applications'), 201);
    expect(stranger.id).not.toBe(next.id);
    // Tidy: the untouched drafts go, so later tests start afresh.
    expectStatus(await call('applicant2', 'DELETE', `/api/applications/${next.id}`), 204);
    expectStatus(await call('stranger', 'DELETE', `/api/applications/${stranger.id}`), 204);
  });

  it('lets the applicant delete a draft with its documents and timeline, audited', async () => {
    const { id } = await draft('applicant', {}, ['contact']);
    for (const who of ['stranger', 'applicant2', 'm1', 'admin'] as const) {
      expect((await problem(call(who, 'DELETE', `/api/applications/${id}`), 404)).code).toBe(
        'application.not_found',
      );
    }
    expectStatus(await call('applicant', 'DELETE', `/api/applications/${id}`), 204);
    await problem(call('applicant', 'GET', `/api/applications/${id}`), 404);
    expect(await count(sql`select count(*)::int as n from applications where id = ${id}`)).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from application_documents where application_id = ${id}`),
    ).toBe(0);
    expect(await eventCount(id)).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from audit_events where entity_id = ${id} and action = 'application.deleted'`,
      ),
    ).toBe(1);
    await problem(call('applicant', 'DELETE', `/api/applications/${id}`), 404);
  });

  it('refuses to delete a submitted application (withdraw it instead)', async () => {
    const { id } = await inState('submitted');
    const body = await problem(call('applicant', 'DELETE', `/api/applications/${id}`), 409);
    expect(body.code).toBe('application.transition_invalid');
    expect((await problem(call('m1', 'DELETE', `/api/applications/${id}`), 403)).code).toBe('auth.forbidden');
    expect((await view('applicant', id)).state).toBe('submitted');
  });
});

describe('emails on submission (issue 11 C7)', () => {
  const mails = async (id: string) => {
    await dispatchEvents(h.db);
    return h.query<{ to_email: string; language: string; template: string; subject: string; text: string }>(
      sql`select to_email, language, template, subject, text from outbox_messages
          where text like ${`%/applications/${id}%`} order by created_at, id`,
    );
  };

  it('confirms a submission to the applicant and tells each committee member, each in their language', async () => {
    const { id, s } = await draft('applicant');
    expect(await mails(id)).toEqual([]);
    await ok(act('applicant', id, 'submit'));
    await ok(act('applicant', id, 'submit')); // a double click: the same submission, no second email
    const rows = await mails(id);
    const to = (who: Who) => rows.filter((r) => r.to_email === people[who].email.toLowerCase());

    expect(to('applicant')).toHaveLength(1);
    expect(to('applicant')[0]).toMatchObject({
      language: 'en',
      template: 'application_submitted',
      subject: `The application of ${s.organization.nameEn} has been submitted`,
    });
    expect(to('applicant')[0]!.text).toMatch(new RegExp(`https?://[^/\\s]+/applications/${id}`));
    expect(to('applicant')[0]!.text).not.toContain('/committee/');

    for (const who of ['chair', ...MEMBERS] as const) {
      expect(to(who), who).toHaveLength(1);
      const mail = to(who)[0]!;
      expect(mail.template).toBe('application_to_review');
      expect(mail.language).toBe(people[who].language);
      expect(mail.subject).toBe(
        people[who].language === 'en'
          ? `New membership application: ${s.organization.nameEn}`
          : `Ново заявление за членство: ${s.organization.nameBg}`,
      );
      expect(mail.text).toContain(`/committee/applications/${id}`);
    }
    // Nobody else hears of it.
    for (const who of ['applicant2', 'stranger', 'representative', 'admin'] as const)
      expect(to(who)).toEqual([]);
  });

  it('confirms a resubmission and sends the committee the applicant’s note', async () => {
    const { id, s } = await inState('changes_requested');
    const before = (await mails(id)).length;
    await ok(act('applicant', id, 'resubmit', 'Added the phone extension.'));
    await ok(act('applicant', id, 'resubmit'));
    const rows = await mails(id);
    expect(rows.filter((r) => r.template === 'application_resubmitted')).toEqual([
      expect.objectContaining({
        to_email: people.applicant.email.toLowerCase(),
        subject: `The application of ${s.organization.nameEn} has been submitted again`,
      }),
    ]);
    const review = rows.filter((r) => r.template === 'application_resubmitted_to_review');
    expect(review.map((r) => r.to_email).sort()).toEqual(
      (['chair', ...MEMBERS] as const).map((w) => people[w].email.toLowerCase()).sort(),
    );
    const m1 = review.find((r) => r.to_email === people.m1.email.toLowerCase())!;
    expect(m1.subject).toBe(`Допълнено заявление: ${s.organization.nameBg}`);
    expect(m1.text).toContain('Бележка на заявителя:\nAdded the phone extension.');
    const m2 = review.find((r) => r.to_email === people.m2.email.toLowerCase())!;
    expect(m2.text).toContain('The applicant’s note:\nAdded the phone extension.');
    expect(rows).toHaveLength(before + 1 + review.length);
  });
});

describe('submitting', () => {
  it('names every missing section (and the missing documents) and stays a draft', async () => {
    const { id } = await draft('applicant', {}, ['contact', 'offers', 'declarations', 'documents']);
    const body = await problem(act('applicant', id, 'submit'), 400);
    expect(body.code).toBe('validation.failed');
    expect(body.errors?.map((e) => e.path)).toEqual(['contact', 'offers', 'declarations', 'documents']);
    expect((await view('applicant', id)).state).toBe('draft');
    expect(
      await count(
        sql`select count(*)::int as n from audit_events where entity_id = ${id} and action = 'application.submit'`,
      ),
    ).toBe(0);
  });

  it('asks a public authority for the accession section and the council decision document', async () => {
    const { id } = await draft('applicant', { kind: 'public_authority' }, ['accession', 'documents']);
    expectStatus(await upload('applicant', id, 'registration_certificate'), 201);
    let body = await problem(act('applicant', id, 'submit'), 400);
    expect(body.errors?.map((e) => e.path)).toEqual(['accession', 'council_decision_document']);
    await ok(call('applicant', 'PUT', `/api/applications/${id}/sections/accession`, sectionsFor().accession));
    body = await problem(act('applicant', id, 'submit'), 400);
    expect(body.errors?.map((e) => e.path)).toEqual(['council_decision_document']);
    expectStatus(await upload('applicant', id, 'council_decision'), 201);
    expect((await ok(act('applicant', id, 'submit'))).state).toBe('submitted');
  });

  it('validates each section by its own schema', async () => {
    const { id } = await draft('applicant', {}, ['documents']);
    const base = sectionsFor().organization;
    const badEik = await problem(
      call('applicant', 'PUT', `/api/applications/${id}/sections/organization`, {
        ...base,
        eik: '123456788',
      }),
      400,
    );
    expect(badEik.errors?.map((e) => e.path)).toEqual(['body.eik']);
    await problem(
      call('applicant', 'PUT', `/api/applications/${id}/sections/organization`, { ...base, extra: 1 }),
      400,
    );
    await problem(
      call('applicant', 'PUT', `/api/applications/${id}/sections/declarations`, {
        acceptsStatute: false,
        consentsToDataProcessing: true,
      }),
      400,
    );
    await problem(call('applicant', 'PUT', `/api/applications/${id}/sections/nonsense`, {}), 404);
  });

  it('refuses areas that do not exist (they could never be admitted)', async () => {
    const { id } = await draft('applicant', {}, ['documents']);
    const body = await problem(
      call('applicant', 'PUT', `/api/applications/${id}/sections/areas`, {
        areaIds: ['ict-software', 'no-such-area'],
      }),
      400,
    );
    expect(body.errors?.map((e) => e.path)).toEqual(['body.areaIds']);
    expect((await view('applicant', id)).data.areas).toEqual(sectionsFor().areas);
  });

  it('refuses edits and uploads once submitted', async () => {
    const { id, s } = await inState('submitted');
    const res = await problem(
      call('applicant', 'PUT', `/api/applications/${id}/sections/contact`, s.contact),
      409,
    );
    expect(res.code).toBe('application.transition_invalid');
    await problem(upload('applicant', id, 'other'), 409);
  });
});

describe('the ЕИК', () => {
  it("refuses a member's ЕИК with a message on the field", async () => {
    const orgId = await insertOrganization(h, { nameBg: 'Вече член' });
    const { eik } = await one<{ eik: string }>(sql`select eik from organizations where id = ${orgId}`);
    const { id } = await draft('applicant', {}, ['documents']);
    const body = await problem(
      call('applicant', 'PUT', `/api/applications/${id}/sections/organization`, {
        ...sectionsFor().organization,
        eik,
      }),
      400,
    );
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.path).toBe('body.eik');
    expect(body.errors?.[0]?.message).toContain(eik);
  });

  it('refuses the ЕИК of another open application, at saving and at submitting, and frees it once that one is withdrawn', async () => {
    const eik = nextEik();
    // Two drafts may name the same ЕИК; drafts are nobody's claim.
    const first = await draft('applicant', { eik });
    const second = await draft('applicant2', { eik });
    await ok(act('applicant', first.id, 'submit'));
    // The second cannot be submitted now, nor can a third save it.
    const late = await problem(act('applicant2', second.id, 'submit'), 400);
    expect(late.errors?.map((e) => e.path)).toEqual(['organization.eik']);
    expect((await view('applicant2', second.id)).state).toBe('draft');
    const third = await draft('applicant2', {}, ['documents']);
    const taken = await problem(
      call('applicant2', 'PUT', `/api/applications/${third.id}/sections/organization`, {
        ...third.s.organization,
        eik,
      }),
      400,
    );
    expect(taken.errors?.map((e) => e.path)).toEqual(['body.eik']);
    // The open application itself may save its own ЕИК again.
    await ok(act('m1', first.id, 'start_review'));
    await ok(act('m1', first.id, 'request_changes', 'Проверете адреса.'));
    await ok(
      call('applicant', 'PUT', `/api/applications/${first.id}/sections/organization`, first.s.organization),
    );
    // Withdrawn, it no longer holds the ЕИК.
    await ok(act('applicant', first.id, 'withdraw'));
    expect((await ok(act('applicant2', second.id, 'submit'))).state).toBe('submitted');
  });
});

// ---------- documents ----------

describe('plausible values (issue 11 C13)', () => {
  it('refuses a future founding year, an unknown КИД code, a future council decision and a short motivation', async () => {
    const { id } = await draft('applicant', {}, ['organization', 'motivation', 'accession']);
    const s = sectionsFor();
    const put = (section: string, body: object) =>
      call('applicant', 'PUT', `/api/applications/${id}/sections/${section}`, body);
    const org = await problem(
      put('organization', { ...s.organization, foundedYear: 2099, naceCodes: ['99.99'] }),
      400,
    );
    expect(org.errors).toEqual([
      { path: 'body.foundedYear', message: 'Годината не може да е в бъдещето.' },
      { path: 'body.naceCodes.0', message: 'Няма такъв код по КИД-2008; въведете код като 62 или 62.01.' },
    ]);
    const motivation = await problem(put('motivation', { ...s.motivation, motivation: 'x' }), 400);
    expect(motivation.errors).toEqual([{ path: 'body.motivation', message: 'Напишете поне 50 знака.' }]);
    const accession = await problem(
      put('accession', { ...s.accession, councilDecisionDate: '2099-01-01' }),
      400,
    );
    expect(accession.errors).toEqual([
      { path: 'body.councilDecisionDate', message: 'Датата не може да е в бъдещето.' },
    ]);
    const { data } = await view('applicant', id);
    expect([data.organization, data.motivation, data.accession]).toEqual([undefined, undefined, undefined]);
  });
});

describe('documents', () => {
  it('accepts PDFs only, by content', async () => {
    const { id } = await draft('applicant', {}, ['documents']);
    const fake = await problem(
      upload('applicant', id, 'other', Buffer.from('just text, not a PDF at all'), 'x.pdf'),
      400,
    );
    expect(fake.errors?.map((e) => e.path)).toEqual(['body']);
    const json = await app.inject({
      method: 'POST',
      url: `/api/applications/${id}/documents?kind=other&filename=a.pdf`,
      headers: { cookie: people.applicant.cookie },
      payload: { not: 'a pdf' },
    });
    expect(json.statusCode).toBe(415);
    expect((await view('applicant', id)).documents).toEqual([]);
  });

  it('refuses HTML with %PDF- in its first kilobyte, and a %PDF- header over no PDF structure', async () => {
    const { id } = await draft('applicant', {}, ['documents']);
    const html = Buffer.from(
      `<!doctype html><html><body><script>alert(document.cookie)</script>%PDF-1.4</body></html>\n%%EOF\n`,
    );
    const headerOnly = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    for (const body of [html, headerOnly, Buffer.concat([Buffer.from('junk'), PDF])]) {
      const refused = await problem(upload('applicant', id, 'other', body, 'page.html'), 400);
      expect(refused.errors?.map((e) => e.path)).toEqual(['body']);
    }
    expect((await view('applicant', id)).documents).toEqual([]);
  });

  it('cleans file names and always downloads a .pdf name, as a sandboxed attachment', async () => {
    const { id } = await draft('applicant', {}, ['documents']);
    const res = await upload('applicant', id, 'other', PDF, '../../Фактура\u202Egnp.html');
    expectStatus(res, 201);
    expect(res.json().filename).toBe('Фактураgnp.pdf');
    const [doc] = (await view('applicant', id)).documents;
    expect(doc!.filename).toBe('Фактураgnp.pdf');
    const download = await call('applicant', 'GET', `/api/applications/${id}/documents/${doc!.id}`);
    expectStatus(download, 200);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent('Фактураgnp.pdf')}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toMatch(/^sandbox/);
    // A control character in the name is refused outright (decision 015), nothing is stored.
    const control = await problem(upload('applicant', id, 'other', PDF, 'a\u0007b.pdf'), 400);
    expect(control.errors?.map((e) => e.path)).toEqual(['filename']);
    expect((await view('applicant', id)).documents).toHaveLength(1);
  });

  it('refuses a file over 10 MB with 413', async () => {
    const { id } = await draft('applicant', {}, ['documents']);
    const big = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(10 * 1024 * 1024),
      Buffer.from('\n%%EOF\n'),
    ]);
    const refused = await problem(upload('applicant', id, 'other', big), 413);
    // The message names this route's limit (10 MB), not the 1 MB of JSON bodies.
    expect(refused.detail).toContain('10 МБ (10485760 байта)');
    expect(
      await count(sql`select count(*)::int as n from application_documents where application_id = ${id}`),
    ).toBe(0);
  });

  it('refuses a sixth document with 409 application.documents_full', async () => {
    const { id } = await draft('applicant', {}, ['documents']);
    for (let i = 0; i < 5; i++) expectStatus(await upload('applicant', id, 'other', PDF, `d${i}.pdf`), 201);
    const body = await problem(upload('applicant', id, 'other'), 409);
    expect(body.code).toBe('application.documents_full');
    expect((await view('applicant', id)).documents).toHaveLength(5);
  });

  it('lets the committee download, strangers not; the applicant removes one while editing', async () => {
    const { id } = await draft();
    const [doc] = (await view('applicant', id)).documents;
    const url = `/api/applications/${id}/documents/${doc!.id}`;
    // A draft is the applicant's own.
    expect((await problem(call('m1', 'GET', url), 404)).code).toBe('application.not_found');
    await ok(act('applicant', id, 'submit'));
    for (const who of ['m1', 'chair', 'admin', 'applicant'] as const) {
      const res = await call(who, 'GET', url);
      expectStatus(res, 200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
      expect(res.rawPayload.equals(PDF)).toBe(true);
    }
    for (const who of ['stranger', 'applicant2', 'representative'] as const) {
      const res = await problem(call(who, 'GET', url), 404);
      expect(res.code).toBe('application.not_found');
    }
    expectStatus(await call(null, 'GET', url), 401);
    // Not while submitted; again once changes are requested.
    await problem(call('applicant', 'DELETE', url), 409);
    await ok(act('m1', id, 'start_review'));
    await ok(act('m1', id, 'request_changes', 'Друг документ, моля.'));
    await problem(call('m1', 'DELETE', url), 403);
    expectStatus(await call('applicant', 'DELETE', url), 204);
    expect((await view('applicant', id)).documents).toEqual([]);
    expect((await view('applicant', id)).missing).toEqual(['documents']);
  });
});

// ---------- comments ----------

describe('comments', () => {
  it('keeps internal notes from the applicant and shows the applicant’s messages to the committee', async () => {
    const { id } = await inState('under_review');
    await ok(
      call('m1', 'POST', `/api/applications/${id}/comments`, {
        text: 'Вътрешна бележка: проверих ЕИК.',
        audience: 'committee',
      }),
    );
    await ok(
      call('m2', 'POST', `/api/applications/${id}/comments`, {
        text: 'Could you describe your lab?',
        audience: 'applicant',
      }),
    );
    const message = await lastEmail(h, people.applicant.email);
    expect(message.subject).toBe('A new message about your application');
    expect(message.text).toContain('Could you describe your lab?');
    await ok(
      call('applicant', 'POST', `/api/applications/${id}/comments`, {
        text: 'It has two rooms.',
        audience: 'applicant',
      }),
    );
    await problem(
      call('applicant', 'POST', `/api/applications/${id}/comments`, {
        text: 'Само за комитета?',
        audience: 'committee',
      }),
      403,
    );

    const mine = await view('applicant', id);
    const texts = mine.timeline.map((e) => e.text);
    expect(texts).toContain('Could you describe your lab?');
    expect(texts).toContain('It has two rooms.');
    expect(JSON.stringify(mine)).not.toContain('Вътрешна бележка');
    expect(mine.timeline.every((e) => e.audience === 'applicant')).toBe(true);

    const committee = await view('m3', id);
    expect(
      committee.timeline.filter((e) => e.kind === 'comment').map((e) => [e.audience, e.text, e.actorName]),
    ).toEqual([
      ['committee', 'Вътрешна бележка: проверих ЕИК.', people.m1.name],
      ['applicant', 'Could you describe your lab?', people.m2.name],
      ['applicant', 'It has two rooms.', people.applicant.name],
    ]);
    // Administrators read but do not join the conversation; strangers do not see it.
    await problem(
      call('admin', 'POST', `/api/applications/${id}/comments`, { text: 'Админ', audience: 'applicant' }),
      403,
    );
    await problem(
      call('stranger', 'POST', `/api/applications/${id}/comments`, { text: 'Аз', audience: 'applicant' }),
      404,
    );
  });
});

// ---------- votes ----------

/** Opens a vote under `majority`, casts the given votes and, when `close`, lets the chair close it. */
async function runVote(
  majority: MajorityRule,
  votes: Partial<Record<'chair' | (typeof MEMBERS)[number], 'for' | 'against' | 'abstain'>>,
  close: boolean,
) {
  const d = await inState('in_vote', { majority });
  for (const [who, choice] of Object.entries(votes))
    expectStatus(await castVote(who as Who, d.id, choice), 200);
  if (close) expectStatus(await call('chair', 'POST', `/api/applications/${d.id}/vote/close`), 200);
  return { ...d, a: await view('chair', d.id) };
}

describe('votes: quorum and majority', () => {
  const cases: {
    rule: MajorityRule;
    votes: Partial<Record<'chair' | (typeof MEMBERS)[number], 'for' | 'against' | 'abstain'>>;
    close: boolean;
    outcome: 'approved' | 'rejected' | 'no_quorum';
    label: string;
  }[] = [
    {
      rule: 'simple',
      votes: { m1: 'for', m2: 'for', m3: 'against' },
      close: true,
      outcome: 'approved',
      label: '2:1',
    },
    {
      rule: 'simple',
      votes: { m1: 'for', m2: 'for', m3: 'against', m4: 'against' },
      close: true,
      outcome: 'rejected',
      label: 'a tie',
    },
    {
      rule: 'simple',
      votes: { m1: 'for', m2: 'abstain', m3: 'abstain' },
      close: true,
      outcome: 'approved',
      label: 'abstentions make the quorum',
    },
    { rule: 'simple', votes: { m1: 'for', m2: 'for' }, close: true, outcome: 'no_quorum', label: '2 of 5' },
    {
      rule: 'two_thirds',
      votes: { m1: 'for', m2: 'for', m3: 'against' },
      close: true,
      outcome: 'approved',
      label: 'exactly ⅔',
    },
    {
      rule: 'two_thirds',
      votes: { chair: 'for', m1: 'for', m2: 'for', m3: 'against', m4: 'against' },
      close: false,
      outcome: 'rejected',
      label: '3:2 (would pass by simple majority)',
    },
    {
      rule: 'two_thirds',
      votes: { m1: 'abstain', m2: 'abstain', m3: 'abstain' },
      close: true,
      outcome: 'rejected',
      label: 'nobody for or against',
    },
    {
      rule: 'unanimous',
      votes: { m1: 'for', m2: 'for', m3: 'abstain' },
      close: true,
      outcome: 'approved',
      label: 'for and an abstention',
    },
    {
      rule: 'unanimous',
      votes: { chair: 'for', m1: 'for', m2: 'for', m3: 'for', m4: 'against' },
      close: false,
      outcome: 'rejected',
      label: 'one against',
    },
  ];
  it.each(cases)('$rule, $label → $outcome', async ({ rule, votes, close, outcome }) => {
    const { a } = await runVote(rule, votes, close);
    expect(a.vote).toMatchObject({ majority: rule, outcome });
    expect(a.vote?.closedAt).not.toBeNull();
    const cast = Object.values(votes);
    expect(a.vote?.tally).toEqual({
      eligible: 5,
      recused: 0,
      for: cast.filter((c) => c === 'for').length,
      against: cast.filter((c) => c === 'against').length,
      abstain: cast.filter((c) => c === 'abstain').length,
      voted: cast.length,
    });
    if (outcome === 'no_quorum') {
      expect(a.state).toBe('under_review');
      expect(a.decision).toBeNull();
      expect(a.vote?.quorumReached).toBe(false);
    } else {
      expect(a.state).toBe(outcome);
      expect(a.decision).toMatchObject({ outcome });
      expect(a.vote?.quorumReached).toBe(true);
    }
  });

  it('applies the quorum rule of the vote: two thirds, or all eligible members', async () => {
    // Five committee members (the chair and m1–m4). Three taking part is more than half but not ⅔.
    const twoThirds = await inState('in_vote', { quorum: 'two_thirds' });
    for (const m of ['m1', 'm2', 'm3'] as const) expectStatus(await castVote(m, twoThirds.id, 'for'), 200);
    expect((await view('chair', twoThirds.id)).vote).toMatchObject({
      quorum: 'two_thirds',
      quorumReached: false,
    });
    expectStatus(await castVote('m4', twoThirds.id, 'for'), 200);
    expect((await view('chair', twoThirds.id)).vote?.quorumReached).toBe(true);
    const closedTwoThirds = await ok(call('chair', 'POST', `/api/applications/${twoThirds.id}/vote/close`));
    expect(closedTwoThirds.state).toBe('approved');

    const all = await inState('in_vote', { quorum: 'all' });
    for (const m of ['m1', 'm2', 'm3', 'm4'] as const) expectStatus(await castVote(m, all.id, 'for'), 200);
    const closedAll = await ok(call('chair', 'POST', `/api/applications/${all.id}/vote/close`));
    expect(closedAll.vote?.outcome).toBe('no_quorum');
    expect(closedAll.state).toBe('under_review');
    await setVoting('simple');
  });

  it('votes already open keep the rule they opened with', async () => {
    const d = await inState('in_vote', { majority: 'unanimous' });
    await setVoting('simple');
    for (const m of ['m1', 'm2', 'm3'] as const) expectStatus(await castVote(m, d.id, 'for'), 200);
    expectStatus(await castVote('m4', d.id, 'against'), 200);
    const a = await ok(call('chair', 'POST', `/api/applications/${d.id}/vote/close`));
    expect(a.vote?.majority).toBe('unanimous');
    expect(a.state).toBe('rejected');
  });

  it('a vote without quorum returns to review; a second round starts afresh and decides', async () => {
    const { id, a } = await runVote('simple', { m1: 'for' }, true);
    expect(a.state).toBe('under_review');
    expect(a.timeline.at(-1)).toMatchObject({
      action: 'no_quorum',
      fromState: 'in_vote',
      toState: 'under_review',
    });
    expect(await lastEmail(h, people.applicant.email)).toMatchObject({
      subject: expect.stringContaining('closed without a quorum'),
    });
    expect(await count(sql`select count(*)::int as n from decisions where application_id = ${id}`)).toBe(0);

    const round2 = await ok(act('chair', id, 'open_vote'));
    expect(round2.vote).toMatchObject({ round: 2, outcome: null, myVote: null });
    expect(round2.vote?.tally).toMatchObject({ eligible: 5, voted: 0 });
    for (const m of ['m1', 'm2', 'm3'] as const) expectStatus(await castVote(m, id, 'for'), 200);
    const done = await ok(call('chair', 'POST', `/api/applications/${id}/vote/close`));
    expect(done.state).toBe('approved');
    expect(done.vote).toMatchObject({ round: 2, outcome: 'approved' });
    expect(await count(sql`select count(*)::int as n from vote_sessions where application_id = ${id}`)).toBe(
      2,
    );
  });

  it('lets a member change the vote until it closes', async () => {
    const d = await inState('in_vote');
    await ok(castVote('m1', d.id, 'for'));
    const a = await ok(castVote('m1', d.id, 'against'));
    expect(a.vote).toMatchObject({ myVote: 'against' });
    expect(a.vote?.tally).toMatchObject({ for: 0, against: 1, voted: 1 });
  });

  it('ends an open vote without an outcome when the applicant withdraws', async () => {
    const d = await inState('in_vote');
    await ok(castVote('m1', d.id, 'for'));
    await ok(act('applicant', d.id, 'withdraw'));
    const seen = await view('chair', d.id);
    expect(seen.state).toBe('withdrawn');
    expect(seen.vote?.closedAt).not.toBeNull();
    expect(seen.vote?.outcome).toBeNull();
    expect(seen.decision).toBeNull();
  });

  it('refuses votes when no vote is open', async () => {
    const { id } = await inState('under_review');
    expect((await problem(castVote('m1', id, 'for'), 409)).code).toBe('application.no_open_vote');
    expect((await problem(call('chair', 'POST', `/api/applications/${id}/vote/close`), 409)).code).toBe(
      'application.no_open_vote',
    );
    expect(
      (await problem(call('m1', 'POST', `/api/applications/${id}/vote/recuse`, { reason: 'x' }), 409)).code,
    ).toBe('application.no_open_vote');
  });
});

describe('recusal', () => {
  it('a recused member cannot vote and does not count towards the quorum', async () => {
    const d = await inState('in_vote');
    let a = await ok(call('m1', 'POST', `/api/applications/${d.id}/vote/recuse`, { reason: 'Работя там.' }));
    expect(a.vote).toMatchObject({ myRecused: true, myVote: null });
    await ok(call('m2', 'POST', `/api/applications/${d.id}/vote/recuse`, { reason: 'Роднина.' }));
    expect((await problem(castVote('m1', d.id, 'for'), 409)).code).toBe('application.recused');
    // Two of the three eligible members: a quorum that two of five would not be.
    await ok(castVote('m3', d.id, 'for'));
    a = await ok(castVote('m4', d.id, 'for'));
    expect(a.vote?.tally).toEqual({ eligible: 3, recused: 2, for: 2, against: 0, abstain: 0, voted: 2 });
    expect(a.vote?.quorumReached).toBe(true);
    expect(a.vote?.voters).toEqual(
      expect.arrayContaining([{ name: people.m1.name, voted: false, choice: null, recused: true }]),
    );
    a = await ok(call('chair', 'POST', `/api/applications/${d.id}/vote/close`));
    expect(a.state).toBe('approved');
    const decision = await one<{ tally: unknown }>(
      sql`select tally from decisions where application_id = ${d.id}`,
    );
    expect(decision.tally).toEqual({ eligible: 3, recused: 2, for: 2, against: 0, abstain: 0 });
    const audit = await one<{ after: unknown }>(
      sql`select after from audit_events where entity_id = ${d.id} and action = 'vote.recused' and actor_id = ${people.m1.id}`,
    );
    expect(audit.after).toEqual({ round: 1, reason: 'Работя там.' });
  });

  it('a recusal replaces a vote already cast', async () => {
    const d = await inState('in_vote');
    await ok(castVote('m1', d.id, 'for'));
    const a = await ok(call('m1', 'POST', `/api/applications/${d.id}/vote/recuse`, { reason: 'Сетих се.' }));
    expect(a.vote?.tally).toMatchObject({ eligible: 4, recused: 1, for: 0, voted: 0 });
  });
});

describe('the vote closes by itself', () => {
  it('when every eligible member has voted', async () => {
    const d = await inState('in_vote');
    for (const m of ['chair', 'm1', 'm2', 'm3'] as const) {
      expect((await ok(castVote(m, d.id, 'for'))).state).toBe('in_vote');
    }
    const a = await ok(castVote('m4', d.id, 'abstain'));
    expect(a.state).toBe('approved');
    expect(a.vote).toMatchObject({ outcome: 'approved' });
    expect(a.decision?.outcome).toBe('approved');
    const closed = await one<{ closed_by: string | null }>(
      sql`select closed_by from vote_sessions where application_id = ${d.id}`,
    );
    expect(closed.closed_by).toBeNull();
    // Closed: no more votes, no second close; the refusal says that the vote is closed and nothing was recorded.
    const late = await problem(castVote('m4', d.id, 'for'), 409);
    expect(late.code).toBe('application.no_open_vote');
    expect(late.detail).toContain('гласуването е закрито');
    expect(late.detail).toContain('Нищо не е записано');
    await problem(call('chair', 'POST', `/api/applications/${d.id}/vote/close`), 409);
    expect(await count(sql`select count(*)::int as n from decisions where application_id = ${d.id}`)).toBe(1);
  });

  it('when the last member not recused votes', async () => {
    const d = await inState('in_vote');
    await ok(call('m4', 'POST', `/api/applications/${d.id}/vote/recuse`, { reason: 'Конфликт.' }));
    for (const m of ['chair', 'm1', 'm2'] as const) await ok(castVote(m, d.id, 'against'));
    const a = await ok(castVote('m3', d.id, 'against'));
    expect(a.state).toBe('rejected');
    expect(a.vote?.tally).toMatchObject({ eligible: 4, recused: 1, against: 4 });
  });
});

describe('a secret ballot', () => {
  it('shows nobody how anyone voted, nor a running tally, until it closes; then only the totals', async () => {
    const d = await inState('in_vote', { ballot: 'secret' });
    const seen: string[] = [];
    for (const [who, choice] of [
      ['m1', 'for'],
      ['m2', 'against'],
      ['m3', 'abstain'],
    ] as const) {
      const mine = await ok(castVote(who, d.id, choice));
      expect(mine.vote).toMatchObject({ ballot: 'secret', myVote: null, myVoted: true });
      // Every committee member (the chair too) sees the same: who has voted, never a count per choice.
      for (const viewer of ['chair', 'm4', 'm1'] as const) {
        const a = await view(viewer, d.id);
        expect(a.vote?.tally).toEqual({
          eligible: 5,
          recused: 0,
          for: null,
          against: null,
          abstain: null,
          voted: seen.length + 1,
        });
        expect(a.vote?.voters.every((v) => v.choice === null)).toBe(true);
        expect(a.vote?.voters.filter((v) => v.voted).map((v) => v.name)).toHaveLength(seen.length + 1);
      }
      seen.push(who);
    }
    // A ballot once cast is final: the choice is no longer known by name, so it cannot be changed.
    const change = await problem(castVote('m1', d.id, 'against'), 409);
    expect(change.code).toBe('application.secret_vote_final');
    expect(
      (await problem(call('m1', 'POST', `/api/applications/${d.id}/vote/recuse`, { reason: 'x' }), 409)).code,
    ).toBe('application.secret_vote_final');
    // Nothing stored links a member to a choice: the names are in `votes` without a choice, the choices
    // in a count without names; the audit log says that a member voted.
    const rows = await h.query<{ choice: string | null }>(
      sql`select v.choice from votes v join vote_sessions s on s.id = v.session_id where s.application_id = ${d.id}`,
    );
    expect(rows.map((r) => r.choice)).toEqual([null, null, null]);
    const cast = await h.query<{ after: unknown }>(
      sql`select after from audit_events where entity_id = ${d.id} and action = 'vote.cast'`,
    );
    expect(cast.map((r) => r.after)).toEqual([
      { round: 1, voted: true },
      { round: 1, voted: true },
      { round: 1, voted: true },
    ]);
    for (const who of ['admin', 'applicant'] as const) expect((await view(who, d.id)).vote).toBeNull();

    const closed = await ok(call('chair', 'POST', `/api/applications/${d.id}/vote/close`));
    expect(closed.vote).toMatchObject({ outcome: 'rejected', myVote: null });
    expect(closed.vote?.tally).toEqual({ eligible: 5, recused: 0, for: 1, against: 1, abstain: 1, voted: 3 });
    expect(closed.vote?.voters.every((v) => v.choice === null)).toBe(true);
    const all = await h.query<{ after: unknown }>(
      sql`select after from audit_events where entity_id = ${d.id}`,
    );
    expect(JSON.stringify(all)).not.toMatch(/"choice"/);
    await setVoting('simple', 'open');
  });

  it('closes by itself on the last ballot and counts the ballots for quorum', async () => {
    const d = await inState('in_vote', { ballot: 'secret' });
    for (const m of ['chair', 'm1', 'm2', 'm3'] as const) await ok(castVote(m, d.id, 'for'));
    const a = await ok(castVote('m4', d.id, 'against'));
    expect(a.state).toBe('approved');
    expect(a.vote?.tally).toEqual({ eligible: 5, recused: 0, for: 4, against: 1, abstain: 0, voted: 5 });
    expect(a.vote?.quorumReached).toBe(true);
    await setVoting('simple', 'open');
  });
});

describe('conflicts of interest', () => {
  /** A committee member added for one test (and disabled after it, so the other tests keep five voters). */
  async function committeeMember(key: string, o: { organizationIds?: string[] } = {}) {
    const u = await insertUser(h, {
      displayName: `Конфликт ${key}`,
      roles: o.organizationIds ? ['committee_member', 'representative'] : ['committee_member'],
      organizationIds: o.organizationIds ?? [],
    });
    (people as Record<string, Person>)[key] = {
      id: u.id,
      email: u.email,
      name: `Конфликт ${key}`,
      language: 'bg',
      cookie: await logIn(app, u.email),
    };
    return key as Who;
  }
  const disable = (who: Who) =>
    h.query(sql`update users set disabled_at = now() where id = ${people[who].id}`);

  it('recuses a committee member who is the applicant: no review, no internal note, no vote, not counted for the quorum', async () => {
    const cm = await committeeMember('cm_applicant');
    try {
      const d = await draft(cm);
      await ok(act(cm, d.id, 'submit'));
      const refused = await problem(act(cm, d.id, 'start_review'), 403);
      expect(refused.code).toBe('application.conflict_of_interest');
      expect(refused.detail).toContain('вие сте заявителят');
      const en = await app.inject({
        method: 'POST',
        url: `/api/applications/${d.id}/actions/start_review`,
        headers: { cookie: people[cm].cookie, 'accept-language': 'en' },
        payload: {},
      });
      expect(en.statusCode).toBe(403);
      expect(en.json().detail).toContain('you are the applicant');
      expect(
        (
          await problem(
            call(cm, 'POST', `/api/applications/${d.id}/comments`, {
              text: 'Вътрешно',
              audience: 'committee',
            }),
            403,
          )
        ).code,
      ).toBe('application.conflict_of_interest');
      // As the applicant they still write to the committee.
      await ok(
        call(cm, 'POST', `/api/applications/${d.id}/comments`, { text: 'Въпрос', audience: 'applicant' }),
      );
      await ok(act('m1', d.id, 'start_review'));
      await ok(
        call('m1', 'POST', `/api/applications/${d.id}/comments`, {
          text: 'Тайна бележка',
          audience: 'committee',
        }),
      );
      await setVoting('simple');
      await ok(act('chair', d.id, 'open_vote'));

      const seen = await view(cm, d.id);
      expect(seen.conflict).toBe('applicant');
      expect(seen.timeline.map((e) => e.text)).not.toContain('Тайна бележка');
      expect(seen.vote?.tally).toMatchObject({ eligible: 5, recused: 1, voted: 0 });
      expect(seen.vote?.voters).toEqual(
        expect.arrayContaining([{ name: people[cm].name, voted: false, choice: null, recused: true }]),
      );
      expect((await problem(castVote(cm, d.id, 'for'), 403)).code).toBe('application.conflict_of_interest');
      expect((await view('m1', d.id)).conflict).toBeNull();
      // The five members without a conflict are everyone entitled to vote: the fifth vote closes it.
      for (const m of ['chair', 'm1', 'm2', 'm3'] as const) await ok(castVote(m, d.id, 'for'));
      const closed = await ok(castVote('m4', d.id, 'for'));
      expect(closed.state).toBe('approved');
      expect(closed.vote?.tally).toMatchObject({ eligible: 5, recused: 1, for: 5 });
    } finally {
      await disable(cm);
    }
  });

  it('recuses a representative of the applying organisation and of a member that declared itself its competitor', async () => {
    const candidate = await insertOrganization(h, { nameBg: 'Кандидат на файл', category: 'candidate' });
    const { eik } = await one<{ eik: string }>(sql`select eik from organizations where id = ${candidate}`);
    const rival = await insertOrganization(h, { nameBg: 'Конкурент' });
    const rep = await committeeMember('cm_rep', { organizationIds: [candidate] });
    const competitor = await committeeMember('cm_rival', { organizationIds: [rival] });
    try {
      const declared = await call(competitor, 'PUT', `/api/account/organizations/${rival}/competitors`, {
        eiks: [eik],
      });
      expectStatus(declared, 200);
      expect(declared.json()).toEqual({ eiks: [eik] });
      const bad = await call(competitor, 'PUT', `/api/account/organizations/${rival}/competitors`, {
        eiks: ['175074751'],
      });
      expectStatus(bad, 400);

      const d = await draft('applicant2', { eik });
      await ok(act('applicant2', d.id, 'submit'));
      for (const [who, conflict] of [
        [rep, 'representative'],
        [competitor, 'competitor'],
      ] as const) {
        expect((await view(who, d.id)).conflict).toBe(conflict);
        expect((await problem(act(who, d.id, 'start_review'), 403)).code).toBe(
          'application.conflict_of_interest',
        );
      }
      await ok(act('m1', d.id, 'start_review'));
      await setVoting('simple');
      await ok(act('chair', d.id, 'open_vote'));
      for (const who of [rep, competitor]) {
        expect((await problem(castVote(who, d.id, 'for'), 403)).code).toBe(
          'application.conflict_of_interest',
        );
      }
      const a = await view('chair', d.id);
      expect(a.vote?.tally).toMatchObject({ eligible: 5, recused: 2 });
    } finally {
      await disable(rep);
      await disable(competitor);
    }
  });
});

describe('a rejection', () => {
  it('makes a numbered decision and no member', async () => {
    const links = () =>
      count(sql`select count(*)::int as n from user_organizations where user_id = ${people.applicant.id}`);
    const before = await links();
    const { id, s } = await inState('rejected');
    const a = await view('applicant', id);
    expect(a.decision).toMatchObject({ outcome: 'rejected', number: expect.stringMatching(/^\d{4}-\d{3}$/) });
    expect(a.organizationId).toBeNull();
    expect(
      await count(sql`select count(*)::int as n from organizations where eik = ${s.organization.eik}`),
    ).toBe(0);
    expect(await links()).toBe(before);
    expect(
      await count(
        sql`select count(*)::int as n from memberships m join organizations o on o.id = m.organization_id where o.eik = ${s.organization.eik}`,
      ),
    ).toBe(0);
    expect((await lastEmail(h, people.applicant.email)).text).toContain('did not admit as a member');
    const pub = (await call(null, 'GET', `/api/decisions?q=${a.decision!.number}`)).json();
    expect(pub.items).toEqual([]);
    const full = (await call('m1', 'GET', `/api/decisions?q=${a.decision!.number}`)).json();
    expect(full.items).toEqual([expect.objectContaining({ outcome: 'rejected', applicationId: id })]);
  });
});

// ---------- the register, the queue, the settings ----------

describe('the decisions register', () => {
  it('numbers decisions in sequence within the year', async () => {
    const rows = await h.query<{ number: string; sequence: number }>(
      sql`select number, sequence from decisions order by sequence`,
    );
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.map((r) => r.number)).toEqual(
      rows.map((_, i) => `${year()}-${String(i + 1).padStart(3, '0')}`),
    );
  });

  it('shows the public and non-members admissions only, without tallies; members everything', async () => {
    const approved = await count(sql`select count(*)::int as n from decisions where outcome = 'approved'`);
    const all = await count(sql`select count(*)::int as n from decisions`);
    expect(all).toBeGreaterThan(approved);
    for (const who of [null, 'stranger', 'applicant2'] as const) {
      const res = (await call(who, 'GET', '/api/decisions?pageSize=100')).json();
      expect(res.total).toBe(approved);
      for (const d of res.items as Decision[]) {
        expect(d.outcome).toBe('approved');
        expect([d.applicationId, d.tally, d.textBg, d.textEn]).toEqual([null, null, null, null]);
      }
      // Asking for rejections does not reveal them.
      expect((await call(who, 'GET', '/api/decisions?outcome=rejected')).json().total).toBe(0);
    }
    for (const who of ['representative', 'm1', 'admin'] as const) {
      const res = (await call(who, 'GET', '/api/decisions?pageSize=100')).json();
      expect(res.total).toBe(all);
      for (const d of res.items as Decision[]) {
        expect(d.tally).not.toBeNull();
        expect(d.applicationId).not.toBeNull();
        expect(d.textEn).toBeTruthy();
      }
      expect((await call(who, 'GET', '/api/decisions?outcome=rejected')).json().total).toBe(all - approved);
    }
    const thisYear = (await call(null, 'GET', `/api/decisions?year=${year()}`)).json();
    expect(thisYear.total).toBe(approved);
    expect((await call(null, 'GET', `/api/decisions?year=${year() - 1}`)).json().total).toBe(0);
  });
});

describe('the committee queue', () => {
  it('never shows drafts; filters by state, kind, area and dates; counts the pipeline', async () => {
    const d = await draft('applicant2', { nameBg: 'Чернова Невидима' });
    const pa = await inState('submitted', { who: 'applicant2', kind: 'public_authority' });
    const all = (
      await call('m1', 'GET', '/api/committee/applications?pageSize=100')
    ).json() as ApplicationQueueResponse;
    expect(all.items.map((i) => i.id)).not.toContain(d.id);
    expect(all.items.every((i) => i.state !== 'draft')).toBe(true);
    expect(all.counts.draft).toBeUndefined();
    const byState = await h.query<{ state: string; n: number }>(
      sql`select state, count(*)::int as n from applications where state <> 'draft' group by state`,
    );
    expect(all.counts).toEqual(Object.fromEntries(byState.map((r) => [r.state, Number(r.n)])));
    expect(all.total).toBe(byState.reduce((t, r) => t + Number(r.n), 0));

    const kind = (
      await call('m1', 'GET', '/api/committee/applications?kind=public_authority&pageSize=100')
    ).json();
    expect(kind.items.map((i: { id: string }) => i.id)).toContain(pa.id);
    expect(kind.items.every((i: { kind: string }) => i.kind === 'public_authority')).toBe(true);
    const area = (await call('m1', 'GET', '/api/committee/applications?area=creative&pageSize=100')).json();
    expect(area.total).toBe(all.total); // every application here names creative-games, a sub-area
    expect((await call('m1', 'GET', '/api/committee/applications?area=clean-tech')).json().total).toBe(0);
    // Dates filter on the submission date: every application here was submitted today, except one
    // withdrawn while still a draft.
    const today = new Date().toISOString().slice(0, 10);
    const neverSubmitted = await count(
      sql`select count(*)::int as n from applications where state <> 'draft' and submitted_at is null`,
    );
    expect(neverSubmitted).toBe(1);
    expect(
      (await call('m1', 'GET', `/api/committee/applications?from=${today}&to=${today}`)).json().total,
    ).toBe(all.total - neverSubmitted);
    expect((await call('m1', 'GET', '/api/committee/applications?to=2000-01-01')).json().total).toBe(0);
  });
});

describe('voting settings', () => {
  it('are read and changed by administrators, audited', async () => {
    expect((await call('admin', 'GET', '/api/admin/settings/voting')).json()).toEqual({
      quorum: 'more_than_half',
      majority: 'simple',
      ballot: 'open',
    });
    await setVoting('two_thirds', 'secret', 'all');
    expect((await call('admin', 'GET', '/api/admin/settings/voting')).json()).toEqual({
      quorum: 'all',
      majority: 'two_thirds',
      ballot: 'secret',
    });
    const audit = await one<{ before: unknown; after: unknown }>(
      sql`select before, after from audit_events where action = 'settings.voting_changed' order by id desc limit 1`,
    );
    expect(audit).toEqual({
      before: { quorum: 'more_than_half', majority: 'simple', ballot: 'open' },
      after: { quorum: 'all', majority: 'two_thirds', ballot: 'secret' },
    });
    await problem(
      call('admin', 'PUT', '/api/admin/settings/voting', { quorum: 'all', majority: 'most', ballot: 'open' }),
      400,
    );
    await problem(
      call('admin', 'PUT', '/api/admin/settings/voting', { majority: 'simple', ballot: 'open', quorum: 1 }),
      400,
    );
    await problem(
      call('admin', 'PUT', '/api/admin/settings/voting', { majority: 'simple', ballot: 'open' }),
      400,
    );
    await setVoting('simple', 'open');
  });
});

// ---------- an organisation already on file ----------

describe('a candidate on file applies (Sofia Municipality)', () => {
  it('becomes an active member of its existing record, with its accession on the decision', async () => {
    const orgId = await insertOrganization(h, {
      nameBg: 'Столична община',
      nameEn: 'Sofia Municipality',
      kind: 'public_authority',
      category: 'candidate',
      memberSince: null,
    });
    const { eik } = await one<{ eik: string }>(sql`select eik from organizations where id = ${orgId}`);
    const notListed = (
      await call(null, 'GET', `/api/organizations?q=${encodeURIComponent('Столична')}`)
    ).json();
    expect(notListed.total).toBe(0);

    const d = await draft('applicant2', {
      eik,
      kind: 'public_authority',
      nameBg: 'Столична община',
      nameEn: 'Sofia Municipality',
      category: 'regular',
    });
    const a0 = await view('applicant2', d.id);
    expect(a0.organizationId).toBe(orgId);
    expect(a0.documents.map((x) => x.kind).sort()).toEqual(['council_decision', 'registration_certificate']);
    await ok(act('applicant2', d.id, 'submit'));
    await ok(act('m1', d.id, 'start_review'));
    await setVoting('simple');
    await ok(act('chair', d.id, 'open_vote'));
    for (const m of ['chair', 'm1', 'm2', 'm3', 'm4'] as const) await ok(castVote(m, d.id, 'for'));
    const a = await view('applicant2', d.id);
    expect(a.state).toBe('approved');
    expect(a.organizationId).toBe(orgId);

    expect(await count(sql`select count(*)::int as n from organizations where eik = ${eik}`)).toBe(1);
    expect(
      await count(sql`select count(*)::int as n from memberships where organization_id = ${orgId}`),
    ).toBe(1);
    expect(await membershipOf(orgId)).toEqual({
      category: 'regular',
      status: 'active',
      member_since: a.decision!.date,
    });
    const listed = (await call(null, 'GET', `/api/organizations?q=${encodeURIComponent('Столична')}`)).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([orgId]);
    const represented = (await call('applicant2', 'GET', '/api/account/organizations')).json();
    expect(represented.items.map((i: { id: string }) => i.id)).toEqual([orgId]);
    const decision = await one<{ accession: unknown; organization_id: string }>(
      sql`select accession, organization_id from decisions where application_id = ${d.id}`,
    );
    expect(decision).toEqual({ accession: d.s.accession, organization_id: orgId });
    // Now a member: its ЕИК cannot start another application.
    const again = await draft('stranger', {}, ['documents']);
    const body = await problem(
      call('stranger', 'PUT', `/api/applications/${again.id}/sections/organization`, {
        ...again.s.organization,
        eik,
      }),
      400,
    );
    expect(body.errors?.map((e) => e.path)).toEqual(['body.eik']);
  });
});
