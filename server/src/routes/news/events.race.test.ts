/**
 * The last seat of an event (issue 15 §4, decision 042), on a real PostgreSQL server (PGlite has one
 * connection, so nothing races there). Many people register at the same instant for an event with one
 * seat left: exactly one gets it, every other goes to the waiting list in a gapless order; then many
 * confirmed registrants cancel at once while people register: the seats never exceed the capacity and
 * every freed seat goes to the waiting list.
 */
import type { DbHandle } from '@portal/db';
import { sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import { NewsPostSchema } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { buildTestApp, insertUser, logIn } from '../../testing.ts';

const onPostgres = testEngine === 'postgres';
const N = 20;

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let committee: string;

beforeAll(async () => {
  if (!onPostgres) return;
  h = await createTestDb({ maxConnections: 30 });
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });
  committee = await logIn(app, (await insertUser(h, { roles: ['committee_member'] })).email);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const DAY = Date.UTC(new Date().getUTCFullYear() + 1, 4, 20);

async function eventWith(capacity: number, n: number) {
  const created = await app.inject({
    method: 'POST',
    url: '/api/committee/news',
    headers: { cookie: committee },
    payload: { category: 'event', titleBg: `Събитие ${n}`, bodyBg: 'Текст.' },
  });
  const post = NewsPostSchema.parse(created.json());
  await app.inject({
    method: 'POST',
    url: `/api/committee/news/${post.id}/publish`,
    headers: { cookie: committee },
    payload: { version: post.version },
  });
  const set = await app.inject({
    method: 'PUT',
    url: `/api/committee/news/${post.id}/event`,
    headers: { cookie: committee },
    payload: {
      version: post.version + 1,
      startsAt: new Date(DAY).toISOString(),
      endsAt: new Date(DAY + 3 * 3600_000).toISOString(),
      place: 'Зала',
      registrationEnabled: true,
      capacity,
    },
  });
  expect(set.statusCode, set.body).toBe(200);
  return post;
}

const register = (slug: string, i: number) =>
  app.inject({
    method: 'POST',
    url: `/api/news/posts/${slug}/registrations`,
    payload: { name: `Гост ${i}`, email: `guest${i}-${slug}@example.bg` },
  });

const statuses = (postId: string) =>
  h.query<{ status: string; n: number }>(
    sql`select status, count(*)::int as n from event_registrations where post_id = ${postId} group by status`,
  );

describe('the last seat of an event', () => {
  it.runIf(onPostgres)(`gives the last seat to exactly one of ${N} people registering at once`, async () => {
    const post = await eventWith(3, 1);
    // Two seats go first, one after the other.
    for (const i of [0, 1]) expect((await register(post.slug, i)).json().status).toBe('confirmed');
    const results = await Promise.all(Array.from({ length: N }, (_, i) => register(post.slug, 100 + i)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(N).fill(201));
    const bodies = results.map((r) => r.json() as { status: string; waitingPosition: number | null });
    expect(bodies.filter((b) => b.status === 'confirmed')).toHaveLength(1);
    const positions = bodies
      .filter((b) => b.status === 'waiting')
      .map((b) => b.waitingPosition)
      .sort((a, b) => a! - b!);
    expect(positions).toEqual(Array.from({ length: N - 1 }, (_, i) => i + 1));
    expect(Object.fromEntries((await statuses(post.id)).map((s) => [s.status, Number(s.n)]))).toEqual({
      confirmed: 3,
      waiting: N - 1,
    });
  });

  it.runIf(onPostgres)(
    'never goes over the capacity while confirmed registrants cancel and others register at once',
    async () => {
      const post = await eventWith(5, 2);
      const tokens: string[] = [];
      for (let i = 0; i < 5; i++) {
        expect((await register(post.slug, i)).json().status).toBe('confirmed');
        const [mail] = await h.query<{ text: string }>(
          sql`select text from outbox_messages where to_email = ${`guest${i}-${post.slug}@example.bg`}`,
        );
        tokens.push(/token=([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!);
      }
      for (let i = 5; i < 10; i++) expect((await register(post.slug, i)).json().status).toBe('waiting');
      await Promise.all([
        ...tokens.map((token) =>
          app.inject({ method: 'POST', url: '/api/news/registrations/cancel', payload: { token } }),
        ),
        ...Array.from({ length: 10 }, (_, i) => register(post.slug, 200 + i)),
      ]);
      const counts = Object.fromEntries((await statuses(post.id)).map((s) => [s.status, Number(s.n)]));
      expect(counts).toEqual({ confirmed: 5, waiting: 10, cancelled: 5 });
      // The five who waited first got the freed seats (a newcomer never jumps the waiting list).
      const seated = await h.query<{ name: string }>(
        sql`select name from event_registrations where post_id = ${post.id} and status = 'confirmed'
          order by name`,
      );
      expect(seated.map((s) => s.name)).toEqual(['Гост 5', 'Гост 6', 'Гост 7', 'Гост 8', 'Гост 9']);
    },
  );
});
