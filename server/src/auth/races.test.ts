/**
 * Concurrency of the account rules, on PostgreSQL only: PGlite runs one transaction at a time, so no two
 * requests there can interleave. Each test fires its requests in parallel over a pool of connections.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertUser, lastEmailLink, logIn, TEST_PASSWORD } from '../testing.ts';
import { RATE_LIMITS } from './rate-limit.ts';

describe.runIf(testEngine === 'postgres')('races (PostgreSQL)', () => {
  let h: DbHandle;
  let app: Awaited<ReturnType<typeof buildTestApp>>;

  beforeAll(async () => {
    // Ten requests in flight at once, plus the test's own connection that holds a lock.
    h = await createTestDb({ maxConnections: 12 });
    // Only the per-account log-in limit is under test; the per-address limits must not interfere.
    app = await buildTestApp(
      h,
      {},
      {
        rateLimits: {
          logInPerIp: { max: 10_000, windowSeconds: 60 },
          tokenPerIp: { max: 10_000, windowSeconds: 900 },
          resetPerIp: { max: 10_000, windowSeconds: 3600 },
        },
      },
    );
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  /**
   * Holds the user's row locked in a transaction of its own while `fire` runs, until `waiters` backends
   * of this database wait on a lock; then lets them go. Every request is then inside its transaction at
   * the same moment, instead of being spread out by password hashing and the event loop.
   */
  async function withRequestsHeldAtUserRow<T>(userId: string, waiters: number, fire: () => Promise<T>) {
    const holder = await h.sql!.reserve();
    try {
      await holder`begin`;
      await holder`select id from users where id = ${userId} for update`;
      const answers = fire();
      const deadline = Date.now() + 20_000;
      for (;;) {
        // Statistics views are read once per transaction unless the snapshot is cleared.
        await holder`select pg_stat_clear_snapshot()`;
        const [row] = await holder<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`;
        if ((row?.n ?? 0) >= waiters) break;
        if (Date.now() > deadline) throw new Error(`only ${row?.n} of ${waiters} requests reached the lock`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await holder`commit`;
      return await answers;
    } finally {
      await holder`rollback`.catch(() => {}); // after an error: never hand back a connection mid-transaction
      holder.release();
    }
  }

  it('accepts one reset token once when it is submitted 10 times at the same moment', async () => {
    const user = await insertUser(h);
    await app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: user.email } });
    await app.settle();
    const { token } = await lastEmailLink(h, user.email);

    // The first request to use the token waits at the user row, the nine others behind it at the token.
    const answers = await withRequestsHeldAtUserRow(user.id, 10, () =>
      Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          app.inject({
            method: 'POST',
            url: '/api/auth/reset-password',
            payload: { token, password: `concurrent new passphrase ${i}` },
          }),
        ),
      ),
    );
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    expect(statuses.filter((s) => s === 400)).toHaveLength(9);
    for (const r of answers.filter((a) => a.statusCode === 400)) {
      expect(r.json().errors[0].path).toBe('body.token');
    }
    const events = await h.query<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'user.password_reset' and entity_id = ${user.id}`,
    );
    expect(events[0]?.n).toBe(1);
    // The password set is the winner's, and only it works.
    const winner = answers.findIndex((r) => r.statusCode === 204);
    await logIn(app, user.email, `concurrent new passphrase ${winner}`);
  });

  it(`answers no more than ${RATE_LIMITS.logInPerAccount.max} of 20 simultaneous wrong passwords for one account with 401; the rest 429`, async () => {
    const user = await insertUser(h);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/log-in',
          payload: { email: user.email, password: `wrong password number ${i}` },
        }),
      ),
    );
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(RATE_LIMITS.logInPerAccount.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - RATE_LIMITS.logInPerAccount.max);
    // The account stays refused for the window, even with the right password.
    const right = await app.inject({
      method: 'POST',
      url: '/api/auth/log-in',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(right.statusCode).toBe(429);
  });

  it('lets no request with the session of a user being disabled succeed once the disable has committed, nor any session from a log-in racing it', async () => {
    const admin = await insertUser(h, { roles: ['admin'] });
    const adminCookie = await logIn(app, admin.email);
    const user = await insertUser(h);
    const cookies = [
      await logIn(app, user.email),
      await logIn(app, user.email),
      await logIn(app, user.email),
    ];
    const account = (cookie: string) => app.inject({ url: '/api/account', headers: { cookie } });

    // Five log-ins check the password while the user is still enabled, then wait (the new session's
    // foreign key) at the user row next to the disable: some sessions are created after the disable
    // has ended "every" session of the user.
    let during: Awaited<ReturnType<typeof account>>[] = [];
    let afterDisable: Awaited<ReturnType<typeof account>>[] = [];
    const [disabled, ...logIns] = await withRequestsHeldAtUserRow(user.id, 6, () => {
      const disable = app.inject({
        method: 'POST',
        url: `/api/admin/users/${user.id}/disable`,
        headers: { cookie: adminCookie },
      });
      const logInRequests = Array.from({ length: 5 }, () =>
        app.inject({
          method: 'POST',
          url: '/api/auth/log-in',
          payload: { email: user.email, password: TEST_PASSWORD },
        }),
      );
      const requests = Promise.all(Array.from({ length: 30 }, (_, i) => account(cookies[i % 3]!))).then(
        (r) => {
          during = r;
        },
      );
      // Requests sent the moment the disable's answer (so its commit) is known.
      const after = disable.then(async () => {
        afterDisable = await Promise.all(cookies.map(account));
      });
      return Promise.all([disable, ...logInRequests, requests, after]).then(([d, ...rest]) => [
        d,
        ...rest.slice(0, 5),
      ]) as Promise<Awaited<typeof disable>[]>;
    });
    expect(disabled!.statusCode).toBe(200);
    expect(disabled!.json().status).toBe('disabled');
    // Before the disable, the sessions worked (the user row lock blocks no reader).
    expect(during.map((r) => r.statusCode)).toEqual(during.map(() => 200));
    expect(afterDisable.map((r) => r.statusCode)).toEqual(cookies.map(() => 401));

    // Log-ins that raced the disable may have been answered 200; their sessions must not work either.
    for (const r of logIns) expect([200, 401]).toContain(r.statusCode);
    const raced = logIns
      .filter((r) => r.statusCode === 200)
      .map((r) => {
        const c = r.cookies.find((c) => c.name.endsWith('portal_session'))!;
        return `${c.name}=${c.value}`;
      });
    const everyCookie = [...cookies, ...raced];
    const later = await Promise.all(everyCookie.map(account));
    expect(later.map((r) => r.statusCode)).toEqual(everyCookie.map(() => 401));
    const left = await h.query<{ n: number }>(
      sql`select count(*)::int as n from sessions where user_id = ${user.id}`,
    );
    expect(left[0]?.n).toBe(0);
  });

  it('serialises two administrators changing one user at once: every change lands and each audit event holds its own before and after', async () => {
    const [a1, a2] = [await insertUser(h, { roles: ['admin'] }), await insertUser(h, { roles: ['admin'] })];
    const [c1, c2] = [await logIn(app, a1.email), await logIn(app, a2.email)];
    const user = await insertUser(h);
    const roles = ['applicant', 'representative', 'committee_member', 'committee_chair'] as const;
    const answers = await Promise.all(
      roles.flatMap((role, i) => [
        app.inject({
          method: 'PUT',
          url: `/api/admin/users/${user.id}/roles/${role}`,
          headers: { cookie: i % 2 ? c1 : c2 },
        }),
        app.inject({
          method: 'PUT',
          url: `/api/admin/users/${user.id}/roles/${role}`,
          headers: { cookie: i % 2 ? c2 : c1 },
        }),
      ]),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(answers.map(() => 200));
    const final = await app.inject({ url: `/api/admin/users/${user.id}`, headers: { cookie: c1 } });
    expect(final.json().roles.sort()).toEqual([...roles].sort());
    expect(final.json().version).toBe(1 + answers.length);

    // Serialised by the row lock: the versions chain 1→2→…→9 with no two events seeing the same "before".
    const events = await h.query<{ before: unknown; after: unknown }>(
      sql`select before, after from audit_events where entity_id = ${user.id} and action = 'user.role_granted' order by id`,
    );
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as { version: number };
    const versions = events.map((e) => [parse(e.before).version, parse(e.after).version]);
    expect(versions.map(([b]) => b).sort((x, y) => x! - y!)).toEqual(answers.map((_, i) => 1 + i));
    for (const [b, a] of versions) expect(a).toBe(b! + 1);
  });
});
