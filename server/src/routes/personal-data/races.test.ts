/**
 * Erasure races, on PostgreSQL only (PGlite runs one transaction at a time): the last two representatives
 * of an organisation erasing their accounts at the same moment must not leave it with nobody.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { buildTestApp, insertOrganization, insertUser, logIn, TEST_PASSWORD } from '../../testing.ts';

describe.runIf(testEngine === 'postgres')('erasure races (PostgreSQL)', () => {
  let h: DbHandle;
  let app: Awaited<ReturnType<typeof buildTestApp>>;

  beforeAll(async () => {
    h = await createTestDb({ maxConnections: 8 });
    const generous = Object.fromEntries(
      Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
    ) as RateLimits;
    app = await buildTestApp(h, {}, { rateLimits: generous });
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('lets only one of the last two representatives erase their account when both try at once', async () => {
    const org = await insertOrganization(h, { nameBg: 'Двама ООД', nameEn: 'Two Ltd' });
    const a = await insertUser(h, { roles: ['representative'], organizationIds: [org] });
    const b = await insertUser(h, { roles: ['representative'], organizationIds: [org] });
    const cookies = [await logIn(app, a.email), await logIn(app, b.email)];

    // Hold the organisation's row until both erasures wait on it, so their checks overlap.
    const holder = await h.sql!.reserve();
    let answers: Awaited<ReturnType<typeof app.inject>>[];
    try {
      await holder`begin`;
      await holder`select id from organizations where id = ${org} for update`;
      const pending = Promise.all(
        cookies.map((cookie) =>
          app.inject({
            method: 'POST',
            url: '/api/account/erase',
            headers: { cookie },
            payload: { password: TEST_PASSWORD },
          }),
        ),
      );
      const deadline = Date.now() + 20_000;
      for (;;) {
        await holder`select pg_stat_clear_snapshot()`;
        const [row] = await holder<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`;
        if ((row?.n ?? 0) >= 2) break;
        if (Date.now() > deadline) throw new Error(`only ${row?.n} of 2 erasures reached the lock`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await holder`commit`;
      answers = await pending;
    } finally {
      await holder`rollback`.catch(() => {});
      holder.release();
    }

    expect(answers.map((r) => r.statusCode).sort()).toEqual([204, 409]);
    expect(answers.find((r) => r.statusCode === 409)?.json()).toMatchObject({
      code: 'account.only_representative',
    });
    const left = await h.query<{ n: number }>(
      sql`select count(*)::int as n from user_organizations where organization_id = ${org}`,
    );
    expect(Number(left[0]!.n)).toBe(1);
    const erased = await h.query<{ n: number }>(
      sql`select count(*)::int as n from users where id in (${a.id}, ${b.id}) and erased_at is not null`,
    );
    expect(Number(erased[0]!.n)).toBe(1);
  });
});
