/**
 * Concurrency of an organisation's representatives on a real PostgreSQL server (PGlite has one connection,
 * so nothing races there): two representatives removing each other (or themselves) at the same moment
 * never leave the organisation without one; one invitation accepted many times at once links once; two
 * invitations of the same address at once make one invitation.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { buildTestApp, insertOrganization, insertUser, lastEmailLink, logIn } from '../../testing.ts';

const onPostgres = testEngine === 'postgres';
const ROUNDS = 25;

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let org: string;
let a: { id: string; email: string; cookie: string };
let b: { id: string; email: string; cookie: string };

beforeAll(async () => {
  if (!onPostgres) return;
  h = await createTestDb({ maxConnections: 20 });
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });
  org = await insertOrganization(h, { nameBg: 'Състезание', nameEn: 'Race' });
  const [ua, ub] = await Promise.all([insertUser(h), insertUser(h)]);
  a = { ...ua!, cookie: await logIn(app, ua!.email) };
  b = { ...ub!, cookie: await logIn(app, ub!.email) };
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

/** Makes both users the organisation's only representatives again. */
async function bothRepresent() {
  await h.query(sql`delete from user_organizations where organization_id = ${org}`);
  for (const user of [a, b]) {
    await h.query(sql`insert into user_organizations (user_id, organization_id) values (${user.id}, ${org})`);
    await h.query(
      sql`insert into user_roles (user_id, role) values (${user.id}, 'representative') on conflict do nothing`,
    );
  }
}

const remove = (cookie: string, userId: string) =>
  app.inject({
    method: 'DELETE',
    url: `/api/account/organizations/${org}/representatives/${userId}`,
    headers: { cookie },
  });

async function representatives(): Promise<string[]> {
  const rows = await h.query<{ user_id: string }>(
    sql`select user_id from user_organizations where organization_id = ${org}`,
  );
  return rows.map((r) => r.user_id);
}

describe('removing representatives concurrently', () => {
  it.runIf(onPostgres)(
    `two representatives removing each other at once: exactly one succeeds, ${ROUNDS} rounds, one always remains`,
    async () => {
      for (let round = 0; round < ROUNDS; round++) {
        await bothRepresent();
        const answers = await Promise.all([remove(a.cookie, b.id), remove(b.cookie, a.id)]);
        const statuses = answers.map((r) => r.statusCode);
        expect(
          statuses.filter((s) => s === 204),
          `round ${round}: ${statuses}`,
        ).toHaveLength(1);
        // The loser no longer represents the organisation: refused when its request is authorised (403)
        // or, when it got past that first, once it holds the organisation's lock (404).
        for (const s of statuses.filter((s) => s !== 204)) expect([403, 404]).toContain(s);
        const left = await representatives();
        expect(left, `round ${round}`).toHaveLength(1);
        const winner = statuses[0] === 204 ? a : b;
        expect(left).toEqual([winner.id]);
      }
      const removals = await h.query(
        sql`select 1 from audit_events where action = 'organization.representative_removed' and entity_id = ${org}`,
      );
      expect(removals).toHaveLength(ROUNDS);
    },
    120_000,
  );

  it.runIf(onPostgres)(
    `two representatives both leaving at once: exactly one leaves, ${ROUNDS} rounds`,
    async () => {
      for (let round = 0; round < ROUNDS; round++) {
        await bothRepresent();
        const statuses = (await Promise.all([remove(a.cookie, a.id), remove(b.cookie, b.id)])).map(
          (r) => r.statusCode,
        );
        expect(statuses.sort(), `round ${round}`).toEqual([204, 409]);
        expect(await representatives(), `round ${round}`).toHaveLength(1);
      }
    },
    120_000,
  );
});

describe('accepting and inviting concurrently', () => {
  it.runIf(onPostgres)('one invitation accepted ten times at once links the user once', async () => {
    await bothRepresent();
    const invitee = await insertUser(h);
    const sessions = await Promise.all(Array.from({ length: 10 }, () => logIn(app, invitee.email)));
    const invited = await app.inject({
      method: 'POST',
      url: `/api/account/organizations/${org}/invitations`,
      headers: { cookie: a.cookie },
      payload: { email: invitee.email },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const { token } = await lastEmailLink(h, invitee.email);

    const answers = await Promise.all(
      sessions.map((cookie) =>
        app.inject({
          method: 'POST',
          url: '/api/invitations/accept',
          headers: { cookie },
          payload: { token },
        }),
      ),
    );
    for (const res of answers) expect(res.statusCode, res.body).toBe(200);
    expect(answers.filter((r) => r.json().alreadyAccepted === false)).toHaveLength(1);
    const links = await h.query(sql`select 1 from user_organizations where user_id = ${invitee.id}`);
    expect(links).toHaveLength(1);
    const added = await h.query(
      sql`select 1 from audit_events where action = 'organization.representative_added'
            and after->>'userId' = ${invitee.id}`,
    );
    expect(added).toHaveLength(1);
  });

  it.runIf(onPostgres)(
    'two representatives inviting the same address at once make one invitation',
    async () => {
      await bothRepresent();
      for (let round = 0; round < 10; round++) {
        const email = `same-${round}-${Date.now()}@example.bg`;
        const statuses = (
          await Promise.all(
            [a, b].map((user) =>
              app.inject({
                method: 'POST',
                url: `/api/account/organizations/${org}/invitations`,
                headers: { cookie: user.cookie },
                payload: { email },
              }),
            ),
          )
        ).map((r) => r.statusCode);
        expect(statuses.sort(), `round ${round}`).toEqual([200, 201]);
        const rows = await h.query(sql`select 1 from representative_invitations where email = ${email}`);
        expect(rows).toHaveLength(1);
      }
    },
  );
});
