/**
 * Races at a meeting, on PostgreSQL only (PGlite runs one transaction at a time): two officers closing
 * the same item's vote at once make one decision; two ballots of one seat at once leave one counted; a
 * meeting's vote on a membership item closing while the committee acts on the membership directly, and
 * opening while the committee opens its own vote, leave one consistent result (decision 046).
 */
import { type DbHandle, meetingAgendaItems, sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';
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

  /**
   * Sends `requests` while the meeting's row (or the organisation's membership row) is held, releasing it
   * once all of them wait on it.
   */
  async function atOnce(
    meetingId: string,
    requests: (() => Promise<LightMyRequestResponse>)[],
    membershipOf?: string,
  ) {
    const holder = await h.sql!.reserve();
    try {
      await holder`begin`;
      if (membershipOf) {
        await holder`select organization_id from memberships where organization_id = ${membershipOf} for update`;
      } else {
        await holder`select id from meetings where id = ${meetingId} for update`;
      }
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

  const TODAY = new Date().toISOString().slice(0, 10);

  /** A held, quorate meeting with an item proposing to suspend a new member organisation. */
  async function membershipMeeting() {
    const m = await makeMeeting(h);
    const cookie = await logIn(app, m.secretary.email);
    const send = (method: 'PUT' | 'POST', url: string, payload: object, c = cookie) =>
      app.inject({ method, url, headers: { cookie: c }, payload });
    const attend = await send('PUT', `/api/meetings/${m.meetingId}/attendance`, {
      entries: m.seats.slice(0, 4).map((s) => ({ participantId: s.id, attendance: 'present' })),
    });
    expect(attend.statusCode, attend.body).toBe(200);
    const orgId = await insertOrganization(h, { nameBg: 'Състезаваща се' });
    const [item] = await h.db
      .insert(meetingAgendaItems)
      .values({
        meetingId: m.meetingId,
        position: 2,
        kind: 'membership',
        titleBg: 'Спиране',
        organizationId: orgId,
        proposal: { action: 'suspend', category: null, reason: 'Неплатен внос', effectiveOn: TODAY },
      })
      .returning({ id: meetingAgendaItems.id });
    const chair = await logIn(app, (await insertUser(h, { roles: ['committee_chair'] })).email);
    return { m, orgId, base: `/api/meetings/${m.meetingId}/items/${item!.id}/vote`, send, chair };
  }

  async function membershipState(orgId: string) {
    const [row] = await h.query<{ status: string; version: number; events: number; decisions: number }>(
      sql`select m.status, m.version,
            (select count(*)::int from membership_events e where e.organization_id = m.organization_id) as events,
            (select count(*)::int from decisions d where d.organization_id = m.organization_id) as decisions
          from memberships m where m.organization_id = ${orgId}`,
    );
    return {
      ...row!,
      version: Number(row!.version),
      events: Number(row!.events),
      decisions: Number(row!.decisions),
    };
  }

  it('closes a meeting’s membership vote and a direct action at once: one wins, no half state', async () => {
    for (let round = 0; round < 3; round++) {
      const { m, orgId, base, send, chair } = await membershipMeeting();
      const opened = await send('POST', base, { mode: 'tally', motionBg: 'Спира членството.' });
      expect(opened.statusCode, opened.body).toBe(200);
      const [close, direct] = await atOnce(
        m.meetingId,
        [
          () => send('POST', `${base}/close`, { tally: { for: 3, against: 1, abstain: 0 } }),
          () =>
            send(
              'POST',
              `/api/committee/members/${orgId}/actions`,
              { action: 'withdraw', effectiveOn: TODAY, decision: null, version: 1 },
              chair,
            ),
        ],
        orgId,
      );
      // The meeting's close wins whichever runs first: the direct action finds the vote open, or the
      // membership changed since it read it.
      expect(close!.statusCode, close!.body).toBe(200);
      expect(direct!.statusCode, direct!.body).toBe(409);
      expect(['urn:portal:problem:membership.vote_open', 'urn:portal:problem:membership.stale']).toContain(
        direct!.json().type,
      );
      expect(await membershipState(orgId)).toEqual({
        status: 'suspended',
        version: 2,
        events: 1,
        decisions: 1,
      });
    }
  });

  it('opens either the meeting’s vote or the committee’s vote on a membership, never both', async () => {
    for (let round = 0; round < 3; round++) {
      const { m, orgId, base, send, chair } = await membershipMeeting();
      const answers = await atOnce(
        m.meetingId,
        [
          () => send('POST', base, { mode: 'tally', motionBg: 'Спира членството.' }),
          () =>
            send(
              'POST',
              `/api/committee/members/${orgId}/votes`,
              { action: 'exclude', reason: 'Нарушение', effectiveOn: TODAY, version: 1 },
              chair,
            ),
        ],
        orgId,
      );
      expect(answers.map((r) => r.statusCode).sort(), answers.map((r) => r.body).join(' ')).toEqual([
        200, 409,
      ]);
      const [row] = await h.query<{ meeting: number; committee: number }>(
        sql`select
              (select count(*)::int from meeting_item_votes v join meeting_agenda_items i on i.id = v.agenda_item_id
                 where i.organization_id = ${orgId} and v.closed_at is null) as meeting,
              (select count(*)::int from vote_sessions s where s.organization_id = ${orgId} and s.closed_at is null) as committee`,
      );
      expect(Number(row!.meeting) + Number(row!.committee)).toBe(1);
    }
  });
});
