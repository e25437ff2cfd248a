import { EventDetailsBodySchema, EventRegisterBodySchema } from '@portal/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client.ts';
import { createTestDb, testEngine } from '../testing.ts';
import { DEMO_REGISTRATIONS, demoNewsId, OPEN_DAY_CAPACITY, seedDemo } from './index.ts';

let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db);
});
afterAll(async () => {
  await h?.close();
});

describe(`the demo events (${testEngine})`, () => {
  it('has a public open day ahead, full, with one on the waiting list, kept off the home page', async () => {
    const [open] = await h.query<{
      starts_future: boolean;
      open_to: string;
      capacity: number;
      public: boolean;
    }>(
      sql`select e.starts_at > now() + interval '13 days' as starts_future, e.registration_open_to as open_to,
          e.capacity, p.status = 'published' and p.publish_at <= now() as public
        from news_events e join news_posts p on p.id = e.post_id where e.post_id = ${demoNewsId(6)}`,
    );
    expect(open).toEqual({
      starts_future: true,
      open_to: 'public',
      capacity: OPEN_DAY_CAPACITY,
      public: true,
    });
    const counts = await h.query<{ status: string; n: number }>(
      sql`select status, count(*)::int as n from event_registrations where post_id = ${demoNewsId(6)}
        group by status order by status`,
    );
    expect(counts.map((c) => [c.status, Number(c.n)])).toEqual([
      ['confirmed', OPEN_DAY_CAPACITY],
      ['waiting', 1],
    ]);
    const [rep] = await h.query<{ user_id: string | null }>(
      sql`select r.user_id from event_registrations r join users u on u.id = r.user_id
        where u.email = 'predstavitel@demo.klaster.bg'`,
    );
    expect(rep?.user_id).toBeTruthy();
    const latest = await h.query<{ id: string }>(
      sql`select id from news_posts where status = 'published' and publish_at <= now()
        order by publish_at desc, id limit 3`,
    );
    expect(latest.map((r) => r.id)).not.toContain(demoNewsId(6));
  });

  it('passes the schemas the API applies', async () => {
    for (const { name, email, organizationName, language } of DEMO_REGISTRATIONS) {
      const body = { name, email, organizationName, language };
      expect(EventRegisterBodySchema.safeParse(body).success, name).toBe(true);
    }
    const rows = await h.query<{
      starts_at: string;
      ends_at: string;
      place: string;
      online_url: string | null;
    }>(
      sql`select to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as starts_at,
          to_char(ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as ends_at, place, online_url
        from news_events`,
    );
    expect(rows).toHaveLength(2);
    for (const e of rows)
      expect(
        EventDetailsBodySchema.safeParse({
          version: 1,
          startsAt: e.starts_at,
          endsAt: e.ends_at,
          place: e.place,
          onlineUrl: e.online_url,
        }).success,
      ).toBe(true);
  });

  it('changes nothing when seeded again', async () => {
    const before = await h.query(sql`select * from event_registrations order by id`);
    const events = await h.query(sql`select * from news_events order by post_id`);
    await seedDemo(h.db);
    expect(await h.query(sql`select * from event_registrations order by id`)).toEqual(before);
    expect(await h.query(sql`select * from news_events order by post_id`)).toEqual(events);
  });
});
