/**
 * No double booking, ever (issue 14 §3), on a real PostgreSQL server (PGlite has one connection, so
 * nothing races there; resources.test.ts shows the constraint refusing an overlap on PGlite). Many owners'
 * representatives confirm overlapping requests of one resource at the same instant, and many members ask
 * for a time while it is being confirmed: exactly one booking is confirmed, every other confirmation gets
 * 409 naming the confirmed booking's time.
 */
import type { DbHandle } from '@portal/db';
import { sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import { type Problem, sofiaDateTime } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';

const onPostgres = testEngine === 'postgres';
const N = 24;

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let owner: string;
let ownerCookies: string[] = [];
let bookers: { organizationId: string; cookie: string }[] = [];

const allDay = Array.from({ length: 7 }, () => ({ opens: '00:00', closes: '24:00' }));
const DAY = Date.UTC(new Date().getUTCFullYear() + 1, 5, 3);
const at = (minutes: number) => new Date(DAY + minutes * 60_000).toISOString();

beforeAll(async () => {
  if (!onPostgres) return;
  h = await createTestDb({ maxConnections: 30 });
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });
  owner = await insertOrganization(h, { nameBg: 'Студио', nameEn: 'Studio' });
  const owners = await Promise.all(
    Array.from({ length: 4 }, () => insertUser(h, { roles: ['representative'], organizationIds: [owner] })),
  );
  ownerCookies = await Promise.all(owners.map((u) => logIn(app, u.email)));
  bookers = await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      const organizationId = await insertOrganization(h, { nameBg: `Член ${i}`, nameEn: `Member ${i}` });
      const u = await insertUser(h, { roles: ['representative'], organizationIds: [organizationId] });
      return { organizationId, cookie: await logIn(app, u.email) };
    }),
  );
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

async function newResource(): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/resources',
    headers: { cookie: ownerCookies[0]! },
    payload: {
      organizationId: owner,
      kind: 'studio',
      nameBg: 'Звукозаписно студио',
      nameEn: 'Sound studio',
      conditions: 'free',
      minNoticeHours: 0,
      maxBookingHours: 12,
      openingHours: allDay,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('concurrent bookings of one resource', () => {
  it.runIf(onPostgres)(
    `confirms exactly one of ${N} overlapping requests confirmed at the same instant; the others get 409 naming it`,
    async () => {
      const resourceId = await newResource();
      // N requests, each overlapping every other: [10:00 + i min, 12:00 + i min).
      const ids: string[] = [];
      for (const [i, b] of bookers.entries()) {
        const res = await app.inject({
          method: 'POST',
          url: `/api/resources/${resourceId}/bookings`,
          headers: { cookie: b.cookie },
          payload: { organizationId: b.organizationId, startsAt: at(600 + i), endsAt: at(720 + i) },
        });
        expect(res.statusCode, res.body).toBe(201);
        ids.push(res.json().id);
      }
      const answers = await Promise.all(
        ids.map((id, i) =>
          app.inject({
            method: 'POST',
            url: `/api/bookings/${id}/confirm`,
            headers: { cookie: ownerCookies[i % ownerCookies.length]! },
          }),
        ),
      );
      const statuses = answers.map((a) => a.statusCode);
      // On a failure, say what the others got (seen once in CI: one 200 and no 409s).
      const seen = answers
        .filter((a) => a.statusCode !== 409)
        .map((a) => `${a.statusCode} ${a.body.slice(0, 200)}`)
        .join('\n');
      expect(
        statuses.filter((s) => s === 200),
        seen,
      ).toHaveLength(1);
      expect(
        statuses.filter((s) => s === 409),
        seen,
      ).toHaveLength(N - 1);
      const winner = answers.find((a) => a.statusCode === 200)!.json();
      for (const a of answers.filter((x) => x.statusCode === 409)) {
        const problem = a.json<Problem>();
        expect(problem.code).toBe('booking.clash');
        expect(problem.detail).toContain(sofiaDateTime(winner.startsAt));
        expect(problem.detail).toContain(sofiaDateTime(winner.endsAt));
      }
      const rows = await h.query<{ status: string; n: number }>(
        sql`select status, count(*)::int as n from resource_bookings where resource_id = ${resourceId} group by status`,
      );
      expect(Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))).toEqual({
        confirmed: 1,
        requested: N - 1,
      });
    },
  );

  it.runIf(onPostgres)(
    `keeps one confirmed booking when ${N} requests race the confirmations of overlapping ones`,
    async () => {
      const resourceId = await newResource();
      const pending: string[] = [];
      for (const [i, b] of bookers.slice(0, 8).entries()) {
        const res = await app.inject({
          method: 'POST',
          url: `/api/resources/${resourceId}/bookings`,
          headers: { cookie: b.cookie },
          payload: { organizationId: b.organizationId, startsAt: at(900 + i * 5), endsAt: at(960 + i * 5) },
        });
        pending.push(res.json().id);
      }
      const [confirmations, requests] = await Promise.all([
        Promise.all(
          pending.map((id, i) =>
            app.inject({
              method: 'POST',
              url: `/api/bookings/${id}/confirm`,
              headers: { cookie: ownerCookies[i % ownerCookies.length]! },
            }),
          ),
        ),
        Promise.all(
          bookers.map((b, i) =>
            app.inject({
              method: 'POST',
              url: `/api/resources/${resourceId}/bookings`,
              headers: { cookie: b.cookie },
              payload: { organizationId: b.organizationId, startsAt: at(910 + i), endsAt: at(950 + i) },
            }),
          ),
        ),
      ]);
      expect(confirmations.filter((a) => a.statusCode === 200)).toHaveLength(1);
      expect(confirmations.filter((a) => a.statusCode === 409)).toHaveLength(pending.length - 1);
      // A request either went in as "requested" before the confirmation committed, or was told of the clash.
      for (const r of requests) {
        expect([201, 409]).toContain(r.statusCode);
        if (r.statusCode === 409) expect(r.json<Problem>().code).toBe('booking.clash');
      }
      const [row] = await h.query<{ n: number }>(
        sql`select count(*)::int as n from resource_bookings where resource_id = ${resourceId} and status = 'confirmed'`,
      );
      expect(Number(row!.n)).toBe(1);
    },
  );
});
