/**
 * Races at a meeting, on PostgreSQL only (PGlite runs one transaction at a time): two officers closing
 * the same item's vote at once make one decision; two ballots of one seat at once leave one counted.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, logIn } from '../../testing.ts';
import { makeMeeting } from './fixtures.testing.ts';

describe.runIf(testEngine === 'postgres')('meeting races (PostgreSQL)', () => {
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

  /** Sends `requests` while the meeting's row is held, releasing it once all of them wait on it. */
  async function atOnce(meetingId: string, requests: (() => Promise<LightMyRequestResponse>)[]) {
    const holder = await h.sql!.reserve();
    try {
      await holder`begin`;
      await holder`select id from meetings where id = ${meetingId} for update`;
      const pending = Promise.all(requests.map((r) => r()));
      const deadline = Date.now() + 20_000;
      for (;;) {
        await holder`select pg_stat_clear_snapshot()`;
        const [row] = await holder<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`;
        if ((row?.n ?? 0) >= requests.length) break;
        if (Date.now() > deadline)
          throw new Error(`only ${row?.n} of ${requests.length} requests reached the lock`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await holder`commit`;
      return await pending;
    } finally {
      await holder`rollback`.catch(() => {});
      holder.release();
    }
  }

  it('closes an item’s vote once when two officers close it at the same moment', async () => {
    const m = await makeMeeting(h);
    const cookie = await logIn(app, m.secretary.email);
    const other = await logIn(app, m.secretary.email);
    const put = (method: 'PUT' | 'POST', url: string, payload: object, c = cookie) =>
      app.inject({ method, url, headers: { cookie: c }, payload });
    const attend = await put('PUT', `/api/meetings/${m.meetingId}/attendance`, {
      entries: m.seats.slice(0, 4).map((s) => ({ participantId: s.id, attendance: 'present' })),
    });
    expect(attend.statusCode, attend.body).toBe(200);
    const base = `/api/meetings/${m.meetingId}/items/${m.textItemId}/vote`;
    expect((await put('POST', base, { mode: 'tally', motionBg: 'Приема.' })).statusCode).toBe(200);
    const answers = await atOnce(m.meetingId, [
      () => put('POST', `${base}/close`, { tally: { for: 3, against: 1, abstain: 0 } }),
      () => put('POST', `${base}/close`, { tally: { for: 3, against: 1, abstain: 0 } }, other),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [row] = await h.query<{ n: number }>(
      sql`select count(*)::int as n from decisions where agenda_item_id = ${m.textItemId}`,
    );
    expect(Number(row!.n)).toBe(1);
  });

  it('keeps one ballot per seat when the same seat votes twice at once', async () => {
    const m = await makeMeeting(h);
    const cookie = await logIn(app, m.secretary.email);
    const seat = m.seats[0]!;
    const voter = [await logIn(app, seat.user.email), await logIn(app, seat.user.email)];
    const send = (method: 'PUT' | 'POST', url: string, payload: object, c = cookie) =>
      app.inject({ method, url, headers: { cookie: c }, payload });
    await send('PUT', `/api/meetings/${m.meetingId}/attendance`, {
      entries: m.seats.slice(0, 3).map((s) => ({ participantId: s.id, attendance: 'present' })),
    });
    const base = `/api/meetings/${m.meetingId}/items/${m.textItemId}`;
    expect((await send('POST', `${base}/vote`, { mode: 'ballots', motionBg: 'Приема.' })).statusCode).toBe(
      200,
    );
    const answers = await atOnce(m.meetingId, [
      () => send('PUT', `${base}/ballot`, { participantId: seat.id, choice: 'for' }, voter[0]),
      () => send('PUT', `${base}/ballot`, { participantId: seat.id, choice: 'against' }, voter[1]),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    const closed = await send('POST', `${base}/vote/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    const vote = closed.json().items[0].vote;
    expect(vote.for + vote.against + vote.abstain).toBe(1);
  });
});
