/**
 * What happens at a meeting (decision 043), on PGlite and PostgreSQL: attendance and the live quorum, the
 * votes on agenda items (tallies and ballots), the register's entries, and an admission decided at a
 * meeting through the committee's one state machine.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { type ConductView, ConductViewSchema } from '@portal/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, dispatchEvents, insertUser, lastEmail, logIn } from '../../testing.ts';
import { addItem, type MeetingFixture, makeApplication, makeMeeting } from './fixtures.testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const call = (
  cookie: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  lang: 'bg' | 'en' = 'bg',
) =>
  app.inject({
    method,
    url,
    headers: { cookie, 'accept-language': lang },
    ...(payload !== undefined ? { payload } : {}),
  });
function view(res: LightMyRequestResponse): ConductView {
  expect(res.statusCode, res.body).toBe(200);
  return ConductViewSchema.parse(res.json());
}
async function count(statement: ReturnType<typeof sql>): Promise<number> {
  const [row] = await h.query<{ n: number }>(statement);
  return Number(row?.n ?? 0);
}

/** A meeting with its secretary signed in. */
async function setUp(options: Parameters<typeof makeMeeting>[1] = {}) {
  const m = await makeMeeting(h, options);
  const cookie = await logIn(app, m.secretary.email);
  const attend = (entries: object[], lang: 'bg' | 'en' = 'bg') =>
    call(cookie, 'PUT', `/api/meetings/${m.meetingId}/attendance`, { entries }, lang);
  return { m, cookie, attend };
}
const present = (m: MeetingFixture, ...i: number[]) =>
  i.map((k) => ({ participantId: m.seats[k]!.id, attendance: 'present' }));

describe('attendance and quorum', () => {
  it('refuses a seat of another meeting with a field error naming it, in the caller’s language, saving nothing', async () => {
    const { m, attend } = await setUp();
    const other = await makeMeeting(h);
    const entries = [...present(m, 0, 1), { participantId: other.seats[0]!.id, attendance: 'present' }];
    for (const [lang, text] of [
      ['bg', '„Член 1“ не е място на това заседание.'],
      ['en', '“Член 1” is not a seat at this meeting.'],
    ] as const) {
      const res = await attend(entries, lang);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors).toEqual([
        expect.objectContaining({ path: 'body.entries.2.participantId', message: text }),
      ]);
    }
    expect(
      await count(
        sql`select count(*)::int as n from meeting_participants where meeting_id = ${m.meetingId} and attendance is not null`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from meetings where id = ${m.meetingId} and status = 'invited'`,
      ),
    ).toBe(1);
  });

  it('records present, proxy and absent, holds the meeting and computes the quorum live', async () => {
    const { m, cookie, attend } = await setUp({ seats: 5 });
    let v = view(await call(cookie, 'GET', `/api/meetings/${m.meetingId}/conduct`));
    expect(v).toMatchObject({
      status: 'invited',
      quorumMet: false,
      attendance: { seats: 5, present: 0, needed: 3 },
    });

    v = view(await attend(present(m, 0, 1)));
    expect(v).toMatchObject({ status: 'held', quorumMet: false, attendance: { present: 2, represented: 0 } });

    v = view(
      await attend([
        { participantId: m.seats[2]!.id, attendance: 'proxy', proxyId: m.seats[0]!.id },
        { participantId: m.seats[3]!.id, attendance: 'absent' },
      ]),
    );
    expect(v).toMatchObject({
      quorumMet: true,
      attendance: { present: 2, represented: 1, absent: 1, needed: 3 },
    });
    expect(v.seats.find((s) => s.id === m.seats[2]!.id)).toMatchObject({
      attendance: 'proxy',
      proxyId: m.seats[0]!.id,
    });
    expect(
      await count(
        sql`select count(*)::int as n from audit_events where entity_id = ${m.meetingId} and action in ('meeting.attendance_recorded', 'meeting.held')`,
      ),
    ).toBe(3);
  });

  it('refuses a proxy held by a seat not present, and proxies where the body allows none', async () => {
    const { m, attend } = await setUp();
    let res = await attend([
      { participantId: m.seats[0]!.id, attendance: 'absent' },
      { participantId: m.seats[1]!.id, attendance: 'proxy', proxyId: m.seats[0]!.id },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'body.entries.1.proxyId' })]),
    );
    const strict = await setUp({ allowsProxy: false });
    res = await strict.attend([
      ...present(strict.m, 0),
      { participantId: strict.m.seats[1]!.id, attendance: 'proxy', proxyId: strict.m.seats[0]!.id },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'body.entries.1.attendance' })]);
    expect(
      await count(
        sql`select count(*)::int as n from meeting_participants where meeting_id in (${m.meetingId}, ${strict.m.meetingId}) and attendance is not null`,
      ),
    ).toBe(0);
  });

  it('lets only the body’s officers record attendance', async () => {
    const { m } = await setUp();
    const seatHolder = await logIn(app, m.seats[0]!.user.email);
    const res = await call(seatHolder, 'PUT', `/api/meetings/${m.meetingId}/attendance`, {
      entries: present(m, 0),
    });
    expect(res.statusCode).toBe(403);
    // A seat sees the meeting's conduct; a stranger does not.
    view(await call(seatHolder, 'GET', `/api/meetings/${m.meetingId}/conduct`));
    const stranger = await logIn(app, (await insertUser(h)).email);
    expect((await call(stranger, 'GET', `/api/meetings/${m.meetingId}/conduct`)).statusCode).toBe(404);
  });
});

describe('votes on agenda items', () => {
  it('refuses a tally larger than the seats present or represented, saving nothing', async () => {
    const { m, cookie, attend } = await setUp();
    view(await attend(present(m, 0, 1, 2)));
    const base = `/api/meetings/${m.meetingId}/items/${m.textItemId}/vote`;
    view(await call(cookie, 'POST', base, { mode: 'tally', motionBg: 'Приема стратегията.' }));
    const res = await call(
      cookie,
      'POST',
      `${base}/close`,
      { tally: { for: 3, against: 1, abstain: 0 } },
      'en',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        path: 'body.tally',
        message: 'The votes (4) are more than the seats present or represented (3).',
      }),
    ]);
    expect(
      await count(
        sql`select count(*)::int as n from meeting_item_votes where agenda_item_id = ${m.textItemId} and closed_at is null`,
      ),
    ).toBe(1);
    expect(
      await count(sql`select count(*)::int as n from decisions where agenda_item_id = ${m.textItemId}`),
    ).toBe(0);
  });

  it('numbers a carried motion in the register with the meeting and item, and lists it', async () => {
    const { m, cookie, attend } = await setUp();
    view(await attend(present(m, 0, 1, 2)));
    const base = `/api/meetings/${m.meetingId}/items/${m.textItemId}/vote`;
    view(
      await call(cookie, 'POST', base, {
        mode: 'tally',
        motionBg: 'Приема стратегията.',
        motionEn: 'Adopts the strategy.',
      }),
    );
    const v = view(
      await call(cookie, 'POST', `${base}/close`, { tally: { for: 2, against: 0, abstain: 1 } }),
    );
    const vote = v.items[0]!.vote!;
    expect(vote).toMatchObject({ outcome: 'approved', for: 2, against: 0, abstain: 1, eligible: 3 });
    expect(vote.decisionNumber).toMatch(/^\d{4}-\d{3,}$/);
    const [decision] = await h.query<Record<string, unknown>>(
      sql`select subject, outcome, meeting_id, text_bg, text_en from decisions where number = ${vote.decisionNumber}`,
    );
    expect(decision).toEqual({
      subject: 'meeting',
      outcome: 'approved',
      meeting_id: m.meetingId,
      text_bg: 'Приема стратегията.',
      text_en: 'Adopts the strategy.',
    });
    // A second close finds it closed.
    expect(
      (await call(cookie, 'POST', `${base}/close`, { tally: { for: 2, against: 0, abstain: 1 } })).statusCode,
    ).toBe(409);
  });

  it('decides nothing without quorum (consultation)', async () => {
    const { m, cookie, attend } = await setUp({ seats: 5 });
    view(await attend(present(m, 0, 1)));
    const base = `/api/meetings/${m.meetingId}/items/${m.textItemId}/vote`;
    view(await call(cookie, 'POST', base, { mode: 'tally', motionBg: 'Приема стратегията.' }));
    const v = view(
      await call(cookie, 'POST', `${base}/close`, { tally: { for: 2, against: 0, abstain: 0 } }),
    );
    expect(v.items[0]!.vote).toMatchObject({ outcome: 'no_quorum', decisionNumber: null });
    expect(await count(sql`select count(*)::int as n from decisions where meeting_id = ${m.meetingId}`)).toBe(
      0,
    );
  });

  it('counts ballots of present seats and of seats held by proxy; refuses a ballot for another’s seat', async () => {
    const { m, cookie, attend } = await setUp({ seats: 4 });
    view(
      await attend([
        ...present(m, 0, 1),
        { participantId: m.seats[2]!.id, attendance: 'proxy', proxyId: m.seats[0]!.id },
        { participantId: m.seats[3]!.id, attendance: 'absent' },
      ]),
    );
    const base = `/api/meetings/${m.meetingId}/items/${m.textItemId}`;
    view(await call(cookie, 'POST', `${base}/vote`, { mode: 'ballots', motionBg: 'Приема стратегията.' }));
    const first = await logIn(app, m.seats[0]!.user.email);
    const second = await logIn(app, m.seats[1]!.user.email);
    const absent = await logIn(app, m.seats[3]!.user.email);
    let v = view(await call(first, 'GET', `/api/meetings/${m.meetingId}/conduct`));
    expect(v.myVotingSeats.sort()).toEqual([m.seats[0]!.id, m.seats[2]!.id].sort());
    view(await call(first, 'PUT', `${base}/ballot`, { participantId: m.seats[0]!.id, choice: 'for' }));
    view(await call(first, 'PUT', `${base}/ballot`, { participantId: m.seats[2]!.id, choice: 'for' }));
    view(await call(second, 'PUT', `${base}/ballot`, { participantId: m.seats[1]!.id, choice: 'against' }));
    // Changed while open: the seat's ballot is replaced, not added.
    view(await call(second, 'PUT', `${base}/ballot`, { participantId: m.seats[1]!.id, choice: 'abstain' }));
    // Another's seat: a field error; with no seat present to vote for, not theirs to vote at all.
    const other = await call(second, 'PUT', `${base}/ballot`, {
      participantId: m.seats[0]!.id,
      choice: 'against',
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors).toEqual([expect.objectContaining({ path: 'body.participantId' })]);
    const away = await call(absent, 'PUT', `${base}/ballot`, {
      participantId: m.seats[3]!.id,
      choice: 'against',
    });
    expect(away.statusCode).toBe(403);
    v = view(await call(cookie, 'POST', `${base}/vote/close`, {}));
    expect(v.items[0]!.vote).toMatchObject({
      outcome: 'approved',
      for: 2,
      against: 0,
      abstain: 1,
      eligible: 3,
    });
    expect(
      (await call(first, 'PUT', `${base}/ballot`, { participantId: m.seats[0]!.id, choice: 'against' }))
        .statusCode,
    ).toBe(409);
  });
});

describe('an admission decided at a meeting', () => {
  it('goes through the committee’s state machine: admitted, active member, decision with the meeting', async () => {
    const { m, cookie, attend } = await setUp();
    const application = await makeApplication(h);
    const itemId = await addItem(h, m.meetingId, {
      position: 2,
      titleBg: 'Кандидатура',
      applicationId: application.id,
    });
    view(await attend(present(m, 0, 1, 2, 3)));
    const base = `/api/meetings/${m.meetingId}/items/${itemId}/vote`;
    view(await call(cookie, 'POST', base, { mode: 'tally', motionBg: 'Приема кандидата.' }));
    expect(
      await count(
        sql`select count(*)::int as n from applications where id = ${application.id} and state = 'in_vote'`,
      ),
    ).toBe(1);

    // The committee's path finds no vote of its own: no second way around the meeting's vote.
    const chair = await logIn(app, (await insertUser(h, { roles: ['committee_chair'] })).email);
    expect((await call(chair, 'POST', `/api/applications/${application.id}/vote/close`, {})).statusCode).toBe(
      409,
    );

    const v = view(
      await call(cookie, 'POST', `${base}/close`, { tally: { for: 3, against: 1, abstain: 0 } }),
    );
    const number = v.items.find((i) => i.id === itemId)!.vote!.decisionNumber;
    expect(number).toMatch(/^\d{4}-\d{3,}$/);
    const [decision] = await h.query<Record<string, unknown>>(
      sql`select subject, outcome, application_id, meeting_id, agenda_item_id, organization_id from decisions where number = ${number}`,
    );
    expect(decision).toMatchObject({
      subject: 'admission',
      outcome: 'approved',
      application_id: application.id,
      meeting_id: m.meetingId,
      agenda_item_id: itemId,
    });
    const [app_] = await h.query<{ state: string; organization_id: string }>(
      sql`select state, organization_id from applications where id = ${application.id}`,
    );
    expect(app_).toEqual({ state: 'approved', organization_id: decision!.organization_id });
    expect(
      await count(
        sql`select count(*)::int as n from memberships where organization_id = ${app_!.organization_id} and status = 'active'`,
      ),
    ).toBe(1);
    expect(
      await count(
        sql`select count(*)::int as n from application_events where application_id = ${application.id} and action = 'approve' and from_state = 'in_vote'`,
      ),
    ).toBe(1);
    // The applicant's e-mail goes out through the outbox like a committee decision's.
    await dispatchEvents(h.db);
    expect((await lastEmail(h, application.applicant.email)).text).toContain(number!);

    // A decided application cannot be put to another vote at a meeting.
    const again = await addItem(h, m.meetingId, {
      position: 3,
      titleBg: 'Отново',
      applicationId: application.id,
    });
    const res = await call(cookie, 'POST', `/api/meetings/${m.meetingId}/items/${again}/vote`, {
      mode: 'tally',
      motionBg: 'Отново.',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe('urn:portal:problem:application.transition_invalid');
  });

  it('refuses a meeting vote on an application the committee is voting on', async () => {
    const { m, cookie, attend } = await setUp();
    const application = await makeApplication(h);
    await h.query(sql`update applications set state = 'in_vote' where id = ${application.id}`);
    const itemId = await addItem(h, m.meetingId, {
      position: 2,
      titleBg: 'Кандидатура',
      applicationId: application.id,
    });
    view(await attend(present(m, 0, 1, 2)));
    const res = await call(cookie, 'POST', `/api/meetings/${m.meetingId}/items/${itemId}/vote`, {
      mode: 'tally',
      motionBg: 'Приема.',
    });
    expect(res.statusCode).toBe(409);
    expect(
      await count(sql`select count(*)::int as n from meeting_item_votes where agenda_item_id = ${itemId}`),
    ).toBe(0);
  });
});

describe('personal data', () => {
  it('exports a user’s ballots and erases their name from the seat, keeping the count', async () => {
    const { m, cookie, attend } = await setUp({ seats: 3 });
    view(await attend(present(m, 0, 1)));
    const base = `/api/meetings/${m.meetingId}/items/${m.textItemId}`;
    view(await call(cookie, 'POST', `${base}/vote`, { mode: 'ballots', motionBg: 'Приема.' }));
    const voter = await logIn(app, m.seats[0]!.user.email);
    view(await call(voter, 'PUT', `${base}/ballot`, { participantId: m.seats[0]!.id, choice: 'for' }));
    view(await call(cookie, 'POST', `${base}/vote/close`, {}));

    const exported = await call(voter, 'GET', '/api/account/export');
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json().meetingBallots).toEqual([
      expect.objectContaining({ meetingId: m.meetingId, seat: 'Член 1', choice: 'for', castByThem: true }),
    ]);

    const admin = await logIn(app, (await insertUser(h, { roles: ['admin'] })).email);
    const erased = await call(admin, 'POST', `/api/admin/users/${m.seats[0]!.user.id}/erase`, {});
    expect(erased.statusCode, erased.body).toBeLessThan(300);
    const [seat] = await h.query<{ name: string }>(
      sql`select name from meeting_participants where id = ${m.seats[0]!.id}`,
    );
    expect(seat!.name).not.toContain('Член 1');
    expect(
      await count(
        sql`select count(*)::int as n from meeting_ballots where participant_id = ${m.seats[0]!.id} and cast_by is null`,
      ),
    ).toBe(1);
    expect(
      await count(
        sql`select count(*)::int as n from meeting_item_votes where agenda_item_id = ${m.textItemId} and votes_for = 1`,
      ),
    ).toBe(1);
  });
});
