/**
 * Concurrency on a real PostgreSQL server (PGlite has one connection, so nothing races there): votes cast
 * at the same moment, closes racing each other and the last vote, double submissions, and two
 * applications claiming the same ЕИК.
 */
import type { DbHandle } from '@portal/db';
import { sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import { type Application, ApplicationSchema } from '@portal/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { buildTestApp, insertUser, logIn, nextEik, TEST_PDF } from '../../testing.ts';

const PDF = TEST_PDF;
const COMMITTEE_SIZE = 20;
const onPostgres = testEngine === 'postgres';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
/** Session cookies: the chair first, then 19 members. */
let committee: string[] = [];
let chair: string;
let applicants: string[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  h = await createTestDb({ maxConnections: 20 });
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });
  const users = await Promise.all(
    Array.from({ length: COMMITTEE_SIZE }, (_, i) =>
      insertUser(h, { roles: [i === 0 ? 'committee_chair' : 'committee_member'] }),
    ),
  );
  committee = await Promise.all(users.map((u) => logIn(app, u.email)));
  chair = committee[0]!;
  const a = await Promise.all([insertUser(h), insertUser(h)]);
  applicants = await Promise.all(a.map((u) => logIn(app, u.email)));
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload } : {}) });
function parse(res: LightMyRequestResponse): Application {
  expect(res.statusCode, res.body).toBe(200);
  return ApplicationSchema.parse(res.json());
}
async function count(statement: ReturnType<typeof sql>): Promise<number> {
  const [row] = await h.query<{ n: number }>(statement);
  return Number(row?.n ?? 0);
}

function sections(eik: string) {
  return {
    organization: {
      nameBg: `Състезател ${eik}`,
      nameEn: `Racer ${eik}`,
      eik,
      kind: 'company',
      employees: 5,
      foundedYear: 2020,
      city: 'София',
      address: 'бул. Витоша 1',
      naceCodes: ['62.01'],
    },
    contact: { name: 'Мария', position: 'Управител', email: 'maria@example.bg', phone: '+359 2 123 4567' },
    areas: { areaIds: ['ict-software'] },
    offers: { offers: { people: 'Ментори' }, seeks: { projects: 'Партньори' } },
    motivation: {
      motivation: 'Растеж чрез общи проекти с другите членове на клъстера.',
      category: 'regular',
    },
    declarations: { acceptsStatute: true, consentsToDataProcessing: true },
  };
}

/** A complete draft of `applicant` claiming `eik`. */
async function draft(applicant: string, eik = nextEik()): Promise<string> {
  const res = await call(applicant, 'POST', '/api/applications');
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  for (const [section, body] of Object.entries(sections(eik))) {
    parse(await call(applicant, 'PUT', `/api/applications/${id}/sections/${section}`, body));
  }
  const doc = await app.inject({
    method: 'POST',
    url: `/api/applications/${id}/documents?kind=registration_certificate&filename=a.pdf`,
    headers: { cookie: applicant, 'content-type': 'application/pdf' },
    payload: PDF,
  });
  expect(doc.statusCode, doc.body).toBe(201);
  return id;
}

async function inVote(): Promise<string> {
  const id = await draft(applicants[0]!);
  parse(await call(applicants[0]!, 'POST', `/api/applications/${id}/actions/submit`, {}));
  parse(await call(committee[1]!, 'POST', `/api/applications/${id}/actions/start_review`, {}));
  parse(await call(chair, 'POST', `/api/applications/${id}/actions/open_vote`, {}));
  return id;
}

const vote = (cookie: string, id: string) =>
  call(cookie, 'PUT', `/api/applications/${id}/vote`, { choice: 'for' });

describe('concurrent votes', () => {
  it.runIf(onPostgres)('loses no vote when nineteen members vote at the same moment', async () => {
    const id = await inVote();
    const members = committee.slice(1);
    const answers = await Promise.all(members.map((c) => vote(c, id)));
    expect(answers.map((r) => r.statusCode)).toEqual(members.map(() => 200));
    const a = parse(await call(chair, 'GET', `/api/applications/${id}`));
    expect(a.state).toBe('in_vote');
    expect(a.vote?.tally).toEqual({ eligible: 20, recused: 0, for: 19, against: 0, abstain: 0, voted: 19 });
    expect(
      await count(
        sql`select count(*)::int as n from votes where choice = 'for' and session_id = ${a.vote!.sessionId}`,
      ),
    ).toBe(19);
  });

  it.runIf(onPostgres)(
    'counts all twenty when the whole committee votes at once and the vote closes itself once',
    async () => {
      const id = await inVote();
      const answers = await Promise.all(committee.map((c) => vote(c, id)));
      expect(answers.map((r) => r.statusCode)).toEqual(committee.map(() => 200));
      const a = parse(await call(chair, 'GET', `/api/applications/${id}`));
      expect(a.state).toBe('approved');
      expect(a.vote).toMatchObject({ outcome: 'approved' });
      expect(a.vote?.tally).toMatchObject({ eligible: 20, for: 20, voted: 20 });
      const decisions = await h.query<{ tally: unknown }>(
        sql`select tally from decisions where application_id = ${id}`,
      );
      expect(decisions).toEqual([{ tally: { eligible: 20, recused: 0, for: 20, against: 0, abstain: 0 } }]);
      expect(
        await count(
          sql`select count(*)::int as n from vote_sessions where application_id = ${id} and closed_at is not null`,
        ),
      ).toBe(1);
    },
  );
});

describe('concurrent secret ballots', () => {
  it.runIf(onPostgres)(
    'counts each member once when every member sends the ballot twice at the same moment, and closes once',
    async () => {
      await h.query(sql`update cluster_settings set ballot = 'secret' where id = 1`);
      try {
        const id = await inVote();
        const choices = ['for', 'against', 'abstain'] as const;
        const ballot = (c: string, i: number) =>
          call(c, 'PUT', `/api/applications/${id}/vote`, { choice: choices[i % 3] });
        const answers = await Promise.all(committee.flatMap((c, i) => [ballot(c, i), ballot(c, i)]));
        const codes = answers.map((r) => r.statusCode);
        expect(codes.filter((c) => c === 200)).toHaveLength(COMMITTEE_SIZE);
        // The second copy found the ballot cast (or the vote already closed by the last first copy).
        for (const r of answers.filter((r) => r.statusCode !== 200))
          expect(['application.secret_vote_final', 'application.no_open_vote']).toContain(r.json().code);
        const a = parse(await call(chair, 'GET', `/api/applications/${id}`));
        // 20 members, i % 3: 7 for, 7 against, 6 abstaining; 7 > 7 is false, so rejected.
        expect(a.vote?.tally).toEqual({
          eligible: 20,
          recused: 0,
          for: 7,
          against: 7,
          abstain: 6,
          voted: 20,
        });
        expect(a.state).toBe('rejected');
        expect(await count(sql`select count(*)::int as n from decisions where application_id = ${id}`)).toBe(
          1,
        );
        expect(
          await count(
            sql`select count(*)::int as n from votes where choice is not null and session_id = ${a.vote!.sessionId}`,
          ),
        ).toBe(0);
      } finally {
        await h.query(sql`update cluster_settings set ballot = 'open' where id = 1`);
      }
    },
  );
});

describe('concurrent closes', () => {
  it.runIf(onPostgres)('two closes at once make one decision and one membership', async () => {
    const id = await inVote();
    for (const c of committee.slice(1, 12)) parse(await vote(c, id));
    const close = () => call(chair, 'POST', `/api/applications/${id}/vote/close`);
    const answers = await Promise.all([close(), close()]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.statusCode === 409)?.json().code).toBe('application.no_open_vote');
    const a = parse(await call(chair, 'GET', `/api/applications/${id}`));
    expect(a.state).toBe('approved');
    expect(await count(sql`select count(*)::int as n from decisions where application_id = ${id}`)).toBe(1);
    expect(
      await count(
        sql`select count(*)::int as n from memberships where organization_id = ${a.organizationId}`,
      ),
    ).toBe(1);
    expect(
      await count(sql`select count(*)::int as n from organizations where eik = ${a.data.organization!.eik}`),
    ).toBe(1);
  });

  it.runIf(onPostgres)('the last vote and a close racing make one decision', async () => {
    const id = await inVote();
    for (const c of committee.slice(0, COMMITTEE_SIZE - 1)) parse(await vote(c, id));
    const answers = await Promise.all([
      vote(committee[COMMITTEE_SIZE - 1]!, id),
      call(chair, 'POST', `/api/applications/${id}/vote/close`),
    ]);
    // Whichever came second found the vote closed (or, for the vote, the close not yet done).
    expect(answers.filter((r) => r.statusCode === 200).length).toBeGreaterThanOrEqual(1);
    for (const r of answers) expect([200, 409]).toContain(r.statusCode);
    expect(await count(sql`select count(*)::int as n from decisions where application_id = ${id}`)).toBe(1);
    const numbers = await h.query<{ number: string }>(sql`select number from decisions order by sequence`);
    expect(new Set(numbers.map((n) => n.number)).size).toBe(numbers.length);
  });
});

describe('concurrent starts (issue 11 C3)', () => {
  it.runIf(onPostgres)('starting an application several times at once makes one draft', async () => {
    for (let round = 0; round < 3; round++) {
      const user = await insertUser(h);
      const cookie = await logIn(app, user.email);
      const start = () => call(cookie, 'POST', '/api/applications');
      const answers = await Promise.all([start(), start(), start(), start()]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 201]);
      expect(new Set(answers.map((r) => r.json().id)).size).toBe(1);
      expect(
        await count(sql`select count(*)::int as n from applications where applicant_id = ${user.id}`),
      ).toBe(1);
      expect(
        await count(
          sql`select count(*)::int as n from audit_events where actor_id = ${user.id} and action = 'application.created'`,
        ),
      ).toBe(1);
    }
  });
});

describe('concurrent submissions', () => {
  it.runIf(onPostgres)('a double submit is one submission', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await draft(applicants[0]!);
      const submit = () => call(applicants[0]!, 'POST', `/api/applications/${id}/actions/submit`, {});
      const answers = await Promise.all([submit(), submit(), submit()]);
      expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200]);
      expect(answers.map((r) => parse(r).state)).toEqual(['submitted', 'submitted', 'submitted']);
      expect(
        await count(
          sql`select count(*)::int as n from application_events where application_id = ${id} and action = 'submit'`,
        ),
      ).toBe(1);
      expect(
        await count(
          sql`select count(*)::int as n from audit_events where entity_id = ${id} and action = 'application.submit'`,
        ),
      ).toBe(1);
    }
  });

  it.runIf(onPostgres)(
    'two applications with the same ЕИК submitted at once: exactly one succeeds, the other gets a field error',
    async () => {
      for (let round = 0; round < 5; round++) {
        const eik = nextEik();
        const ids = [await draft(applicants[0]!, eik), await draft(applicants[1]!, eik)];
        const answers = await Promise.all(
          ids.map((id, i) => call(applicants[i]!, 'POST', `/api/applications/${id}/actions/submit`, {})),
        );
        expect(answers.map((r) => r.statusCode).sort(), answers.map((r) => r.body).join('\n')).toEqual([
          200, 400,
        ]);
        const loser = answers.find((r) => r.statusCode === 400)!;
        expect(loser.json()).toMatchObject({ code: 'validation.failed' });
        expect(loser.json().errors.map((e: { path: string }) => e.path)).toEqual(['organization.eik']);
        const states = await h.query<{ state: string }>(
          sql`select state from applications where eik = ${eik} order by state`,
        );
        expect(states.map((s) => s.state)).toEqual(['draft', 'submitted']);
        // The loser changed nothing: no submit event, no audit entry.
        const loserId = ids[answers.indexOf(loser)]!;
        expect(
          await count(
            sql`select count(*)::int as n from application_events where application_id = ${loserId} and action = 'submit'`,
          ),
        ).toBe(0);
        expect(
          await count(
            sql`select count(*)::int as n from audit_events where entity_id = ${loserId} and action = 'application.submit'`,
          ),
        ).toBe(0);
      }
    },
  );

  it.runIf(onPostgres)(
    'an open application taking an ЕИК that another submits at the same moment: one wins',
    async () => {
      for (let round = 0; round < 5; round++) {
        const eik = nextEik();
        const first = await draft(applicants[0]!, eik);
        const second = await draft(applicants[1]!);
        parse(await call(applicants[1]!, 'POST', `/api/applications/${second}/actions/submit`, {}));
        parse(await call(committee[1]!, 'POST', `/api/applications/${second}/actions/start_review`, {}));
        parse(
          await call(committee[1]!, 'POST', `/api/applications/${second}/actions/request_changes`, {
            comment: 'Сменете ЕИК.',
          }),
        );
        const [submitted, saved] = await Promise.all([
          call(applicants[0]!, 'POST', `/api/applications/${first}/actions/submit`, {}),
          call(
            applicants[1]!,
            'PUT',
            `/api/applications/${second}/sections/organization`,
            sections(eik).organization,
          ),
        ]);
        expect([submitted.statusCode, saved.statusCode].sort(), `${submitted.body}\n${saved.body}`).toEqual([
          200, 400,
        ]);
        const loser = submitted.statusCode === 400 ? submitted : saved;
        expect(loser.json().errors.map((e: { path: string }) => e.path)).toEqual([
          loser === submitted ? 'organization.eik' : 'body.eik',
        ]);
        expect(
          await count(
            sql`select count(*)::int as n from applications where eik = ${eik}
              and state in ('submitted', 'under_review', 'changes_requested', 'in_vote')`,
          ),
        ).toBe(1);
      }
    },
  );
});
