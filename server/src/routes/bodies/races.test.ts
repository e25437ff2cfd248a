/**
 * Position races, on PostgreSQL only (PGlite runs one transaction at a time): two administrators giving
 * the chair of one body to two people at the same moment — exactly one becomes chair (decision 039 §3).
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertUser, logIn } from '../../testing.ts';

describe.runIf(testEngine === 'postgres')('position races (PostgreSQL)', () => {
  let h: DbHandle;
  let app: Awaited<ReturnType<typeof buildTestApp>>;

  beforeAll(async () => {
    h = await createTestDb({ maxConnections: 8 });
    app = await buildTestApp(h);
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('gives the chair to one of two people named at once', async () => {
    const admins = [await insertUser(h, { roles: ['admin'] }), await insertUser(h, { roles: ['admin'] })];
    const cookies = [await logIn(app, admins[0]!.email), await logIn(app, admins[1]!.email)];
    const [body] = await h.query<{ id: string }>(
      sql`insert into governing_bodies (kind, name_bg, name_en) values ('control_board', 'Контролен съвет', 'Control board') returning id`,
    );
    const bodyId = body!.id;

    // Hold the body's row until both requests wait on it, so their checks overlap.
    const holder = await h.sql!.reserve();
    let answers: Awaited<ReturnType<typeof app.inject>>[];
    try {
      await holder`begin`;
      await holder`select id from governing_bodies where id = ${bodyId} for update`;
      const pending = Promise.all(
        cookies.map((cookie, i) =>
          app.inject({
            method: 'POST',
            url: `/api/admin/bodies/${bodyId}/positions`,
            headers: { cookie },
            payload: { position: 'chair', personName: `Председател ${i + 1}`, startsOn: '2026-01-01' },
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
        if (Date.now() > deadline) throw new Error(`only ${row?.n} of 2 requests reached the lock`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await holder`commit`;
      answers = await pending;
    } finally {
      await holder`rollback`.catch(() => {});
      holder.release();
    }

    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    expect(answers.find((r) => r.statusCode === 400)?.json().errors).toEqual([
      expect.objectContaining({ path: 'body.position' }),
    ]);
    const chairs = await h.query<{ n: number }>(
      sql`select count(*)::int as n from body_positions where body_id = ${bodyId} and position = 'chair'`,
    );
    expect(Number(chairs[0]!.n)).toBe(1);
  });
});
