/**
 * Membership actions racing on a real PostgreSQL server (PGlite has one connection, so nothing races
 * there): two committee members acting on one membership with the same version, and decisions recorded
 * at the same moment taking numbers from the register's per-year counter.
 */
import type { DbHandle } from '@portal/db';
import { sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';

const onPostgres = testEngine === 'postgres';
const TODAY = new Date().toISOString().slice(0, 10);

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let committee: string[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  h = await createTestDb({ maxConnections: 12 });
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });
  const users = await Promise.all(
    Array.from({ length: 10 }, () => insertUser(h, { roles: ['committee_member'] })),
  );
  // The first is also the chair (opens and closes the membership votes).
  await h.query(sql`insert into user_roles (user_id, role) values (${users[0]!.id}, 'committee_chair')`);
  committee = await Promise.all(users.map((u) => logIn(app, u.email)));
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const YEAR = new Date().getFullYear();
let registerSeq = 700;
/** An adopted decision of the register about the membership (e.g. taken at a meeting). */
async function adopted(organizationId: string) {
  const sequence = ++registerSeq;
  const number = `${YEAR}-${sequence}`;
  await h.query(
    sql`insert into decisions (year, sequence, number, decided_on, subject, outcome, organization_id,
          organization_name_bg, organization_name_en, text_bg, text_en, tally)
        values (${YEAR}, ${sequence}, ${number}, current_date, 'membership', 'approved', ${organizationId},
          'Орг', 'Org', 'Текст', 'Text', '{"for": 3, "against": 0, "abstain": 0, "eligible": 5, "recused": 0}'::jsonb)`,
  );
  return { number };
}
const act = (cookie: string, id: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/committee/members/${id}/actions`, headers: { cookie }, payload });

describe('concurrent membership actions', () => {
  it.runIf(onPostgres)(
    'lets exactly one of two committee members acting on the same version succeed',
    async () => {
      for (let round = 0; round < 5; round++) {
        const id = await insertOrganization(h, { nameBg: `Състезание ${round}` });
        const [first, second] = [await adopted(id), await adopted(id)];
        const [suspend, exclude] = await Promise.all([
          act(committee[0]!, id, { action: 'suspend', effectiveOn: TODAY, decision: first, version: 1 }),
          act(committee[1]!, id, { action: 'exclude', effectiveOn: TODAY, decision: second, version: 1 }),
        ]);
        const statuses = [suspend.statusCode, exclude.statusCode].sort();
        expect(statuses, `${suspend.body} ${exclude.body}`).toEqual([200, 409]);
        const loser = suspend.statusCode === 409 ? suspend : exclude;
        expect(loser.json().code).toBe('membership.stale');
        const winner = suspend.statusCode === 200 ? 'suspended' : 'excluded';
        expect(loser.json().current).toMatchObject({ status: winner, version: 2 });

        const [row] = await h.query<{
          status: string;
          version: number;
          events: number;
          audits: number;
          decisions: number;
        }>(
          sql`select m.status, m.version,
                (select count(*)::int from membership_events e where e.organization_id = m.organization_id) as events,
                (select count(*)::int from audit_events a where a.entity_id = ${id}) as audits,
                (select count(*)::int from decisions d where d.organization_id = m.organization_id) as decisions
              from memberships m where m.organization_id = ${id}`,
        );
        expect(row).toMatchObject({ status: winner, version: 2, events: 1, audits: 1, decisions: 2 });
      }
    },
  );

  it.runIf(onPostgres)(
    'applies a voted change exactly once when closes and the last votes arrive at once (issue 11 B1)',
    async () => {
      for (let round = 0; round < 3; round++) {
        const id = await insertOrganization(h, { nameBg: `Гласувана ${round}` });
        expect((await openVote(id)).statusCode).toBe(200);
        for (let i = 1; i <= 8; i++) expect((await ballot(committee[i]!, id)).statusCode).toBe(200);
        const answers = await Promise.all([
          closeVote(id),
          closeVote(id),
          ballot(committee[9]!, id),
          ballot(committee[0]!, id),
        ]);
        for (const r of answers) {
          expect([200, 409], r.body).toContain(r.statusCode);
          if (r.statusCode === 409) expect(r.json().code).toBe('membership.no_open_vote');
        }
        const [row] = await h.query<{
          status: string;
          version: number;
          events: number;
          decisions: number;
          closed: number;
        }>(
          sql`select m.status, m.version,
                (select count(*)::int from membership_events e where e.organization_id = m.organization_id) as events,
                (select count(*)::int from decisions d where d.organization_id = m.organization_id) as decisions,
                (select count(*)::int from vote_sessions s where s.organization_id = m.organization_id
                  and s.closed_at is not null) as closed
              from memberships m where m.organization_id = ${id}`,
        );
        expect(row).toMatchObject({ status: 'suspended', version: 2, events: 1, decisions: 1, closed: 1 });
      }
    },
  );

  it.runIf(onPostgres)(
    'gives decisions of votes closed at the same moment distinct consecutive numbers',
    async () => {
      const ids = await Promise.all(
        [0, 1, 2, 3, 4].map((i) => insertOrganization(h, { nameBg: `Номерирана ${i}` })),
      );
      for (const id of ids) {
        expect((await openVote(id)).statusCode).toBe(200);
        for (let i = 1; i <= 6; i++) expect((await ballot(committee[i]!, id)).statusCode).toBe(200);
      }
      const [before] = await h.query<{ last: number | null }>(
        sql`select (select last from decision_counters where year = extract(year from current_date)::int) as last`,
      );
      const start = Number(before?.last ?? 0);
      const answers = await Promise.all(ids.map((id) => closeVote(id)));
      expect(answers.map((r) => r.statusCode)).toEqual(ids.map(() => 200));
      const rows = await h.query<{ sequence: number }>(
        sql`select d.sequence from decisions d where d.organization_id in ${sql`(${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`} order by d.sequence`,
      );
      expect(rows.map((r) => Number(r.sequence))).toEqual(ids.map((_, i) => start + i + 1));
    },
  );
});

const post = (cookie: string, url: string, payload?: object) =>
  app.inject({ method: 'POST', url, headers: { cookie }, ...(payload !== undefined ? { payload } : {}) });
const openVote = (id: string) =>
  post(committee[0]!, `/api/committee/members/${id}/votes`, {
    action: 'suspend',
    effectiveOn: TODAY,
    version: 1,
  });
const ballot = (cookie: string, id: string) =>
  post(cookie, `/api/committee/members/${id}/votes/current/ballot`, { choice: 'for' });
const closeVote = (id: string) => post(committee[0]!, `/api/committee/members/${id}/votes/current/close`);
