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
  committee = await Promise.all(users.map((u) => logIn(app, u.email)));
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const record = (n: number) => ({
  record: {
    decidedOn: TODAY,
    textBg: `Решение ${n}`,
    textEn: `Decision ${n}`,
    tally: { for: 5, against: 0, abstain: 0, eligible: 7 },
  },
});
const act = (cookie: string, id: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/committee/members/${id}/actions`, headers: { cookie }, payload });

describe('concurrent membership actions', () => {
  it.runIf(onPostgres)(
    'lets exactly one of two committee members acting on the same version succeed',
    async () => {
      for (let round = 0; round < 5; round++) {
        const id = await insertOrganization(h, { nameBg: `Състезание ${round}` });
        const [suspend, exclude] = await Promise.all([
          act(committee[0]!, id, { action: 'suspend', effectiveOn: TODAY, decision: record(1), version: 1 }),
          act(committee[1]!, id, { action: 'exclude', effectiveOn: TODAY, decision: record(2), version: 1 }),
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
        expect(row).toMatchObject({ status: winner, version: 2, events: 1, audits: 1, decisions: 1 });
      }
    },
  );

  it.runIf(onPostgres)(
    'gives decisions recorded at the same moment distinct consecutive numbers',
    async () => {
      const ids = await Promise.all(
        committee.map((_, i) => insertOrganization(h, { nameBg: `Номерирана ${i}` })),
      );
      const [before] = await h.query<{ last: number | null }>(
        sql`select (select last from decision_counters where year = extract(year from current_date)::int) as last`,
      );
      const start = Number(before?.last ?? 0);
      const answers = await Promise.all(
        committee.map((cookie, i) =>
          act(cookie, ids[i]!, { action: 'suspend', effectiveOn: TODAY, decision: record(i), version: 1 }),
        ),
      );
      expect(answers.map((r) => r.statusCode)).toEqual(committee.map(() => 200));
      const rows = await h.query<{ sequence: number }>(
        sql`select d.sequence from decisions d where d.organization_id in ${sql`(${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`} order by d.sequence`,
      );
      expect(rows.map((r) => Number(r.sequence))).toEqual(committee.map((_, i) => start + i + 1));
    },
  );
});
