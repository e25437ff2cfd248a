/**
 * Membership changes and minutes decided at a meeting (decision 046), on PGlite and PostgreSQL: a
 * membership item goes through the committee's membership rules (checked at the opening, the membership
 * frozen while the vote is open, applied on the meeting's decision); a minutes item names an earlier
 * meeting of the same body with draft minutes, and an adopted motion approves exactly the draft put to the
 * vote, as the chair's approval does.
 */
import { type DbHandle, meetingAgendaItems, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { type ConductView, ConductViewSchema, type MembershipProposal } from '@portal/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MessageKey, translate } from '../../i18n/messages.ts';
import {
  buildTestApp,
  dispatchEvents,
  insertOrganization,
  insertUser,
  lastEmail,
  logIn,
} from '../../testing.ts';
import { type MeetingFixture, makeMeeting } from './fixtures.testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let committeeChair: string;

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
  committeeChair = await logIn(app, (await insertUser(h, { roles: ['committee_chair'] })).email);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const TODAY = new Date().toISOString().slice(0, 10);

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
const problem = (res: LightMyRequestResponse) => res.json().type as string;

/** A meeting with its secretary signed in and four of five seats present (quorate). */
async function heldMeeting() {
  const m = await makeMeeting(h);
  const cookie = await logIn(app, m.secretary.email);
  view(
    await call(cookie, 'PUT', `/api/meetings/${m.meetingId}/attendance`, {
      entries: m.seats.slice(0, 4).map((s) => ({ participantId: s.id, attendance: 'present' })),
    }),
  );
  return { m, cookie };
}

async function membershipItem(m: MeetingFixture, organizationId: string, proposal: MembershipProposal) {
  const [row] = await h.db
    .insert(meetingAgendaItems)
    .values({
      meetingId: m.meetingId,
      position: 2,
      kind: 'membership',
      titleBg: 'Спиране на членство',
      organizationId,
      proposal,
    })
    .returning({ id: meetingAgendaItems.id });
  return row!.id;
}

const suspension: MembershipProposal = {
  action: 'suspend',
  category: null,
  reason: 'Неплатен членски внос',
  effectiveOn: TODAY,
};

describe('a membership item decided at a meeting', () => {
  it('freezes the membership while open; adopted, it suspends with a history resting on the decision', async () => {
    const { m, cookie } = await heldMeeting();
    const orgId = await insertOrganization(h, { nameBg: 'Спирана на заседание' });
    const rep = await insertUser(h, { roles: ['representative'], organizationIds: [orgId] });
    const itemId = await membershipItem(m, orgId, suspension);
    const base = `/api/meetings/${m.meetingId}/items/${itemId}/vote`;
    view(await call(cookie, 'POST', base, { mode: 'tally', motionBg: 'Спира членството.' }));

    // While the meeting votes: no direct action and no committee vote on the membership.
    const direct = await call(committeeChair, 'POST', `/api/committee/members/${orgId}/actions`, {
      action: 'withdraw',
      effectiveOn: TODAY,
      decision: null,
      version: 1,
    });
    expect(direct.statusCode, direct.body).toBe(409);
    expect(problem(direct)).toBe('urn:portal:problem:membership.vote_open');
    const committee = await call(committeeChair, 'POST', `/api/committee/members/${orgId}/votes`, {
      action: 'exclude',
      reason: 'Нарушение',
      effectiveOn: TODAY,
      version: 1,
    });
    expect(committee.statusCode, committee.body).toBe(409);
    expect(problem(committee)).toBe('urn:portal:problem:membership.vote_open');

    const v = view(
      await call(cookie, 'POST', `${base}/close`, { tally: { for: 3, against: 1, abstain: 0 } }),
    );
    const number = v.items.find((i) => i.id === itemId)!.vote!.decisionNumber;
    expect(number).toMatch(/^\d{4}-\d{3,}$/);
    const [decision] = await h.query<Record<string, unknown>>(
      sql`select subject, outcome, meeting_id, agenda_item_id, organization_id, text_bg from decisions
          where number = ${number}`,
    );
    expect(decision).toMatchObject({
      subject: 'meeting',
      outcome: 'approved',
      meeting_id: m.meetingId,
      agenda_item_id: itemId,
      organization_id: orgId,
    });
    expect(decision!.text_bg).toMatch(
      /^Управителен съвет реши: спиране на членството .*Спирана на заседание/,
    );

    // The membership changed, and its history names the meeting's decision.
    const member = await call(committeeChair, 'GET', `/api/committee/members/${orgId}`);
    expect(member.statusCode, member.body).toBe(200);
    expect(member.json()).toMatchObject({ status: 'suspended', version: 2 });
    expect(member.json().events[0]).toMatchObject({
      action: 'suspend',
      fromStatus: 'active',
      toStatus: 'suspended',
      decisionNumber: number,
      reason: 'Неплатен членски внос',
    });
    // The representatives hear of it as of a committee decision.
    await dispatchEvents(h.db);
    expect((await lastEmail(h, rep.email)).text).toContain(number!);
    expect(
      await count(
        sql`select count(*)::int as n from audit_events where entity_id = ${orgId} and action = 'membership.suspend'`,
      ),
    ).toBe(1);

    // Unfrozen once closed: the committee may act again (reinstate, on its own decision reference).
    const reinstate = await call(committeeChair, 'POST', `/api/committee/members/${orgId}/votes`, {
      action: 'reinstate',
      reason: 'Платен внос',
      effectiveOn: TODAY,
      version: 2,
    });
    expect(reinstate.statusCode, reinstate.body).toBe(200);
  });

  it('recuses the seat of a representative of the organisation concerned: no ballot, not counted', async () => {
    const { m, cookie } = await heldMeeting();
    const orgId = await insertOrganization(h, { nameBg: 'Засегната организация' });
    // The first seat's person represents the organisation the item is about.
    const concerned = m.seats[0]!;
    await h.query(
      sql`insert into user_organizations (user_id, organization_id) values (${concerned.user.id}, ${orgId})`,
    );
    const itemId = await membershipItem(m, orgId, suspension);
    const base = `/api/meetings/${m.meetingId}/items/${itemId}/vote`;
    let v = view(await call(cookie, 'POST', base, { mode: 'ballots', motionBg: 'Спира членството.' }));
    let vote = v.items.find((i) => i.id === itemId)!.vote!;
    expect(vote.recusedSeatIds).toEqual([concerned.id]);
    expect(vote.eligible).toBe(3);

    const refused = await call(
      await logIn(app, concerned.user.email),
      'PUT',
      `${base.replace(/\/vote$/, '')}/ballot`,
      {
        participantId: concerned.id,
        choice: 'against',
      },
    );
    expect(refused.statusCode, refused.body).toBe(403);
    expect(problem(refused)).toBe('urn:portal:problem:membership.conflict_of_interest');
    for (const seat of m.seats.slice(1, 4)) {
      const cast = await call(
        await logIn(app, seat.user.email),
        'PUT',
        `${base.replace(/\/vote$/, '')}/ballot`,
        {
          participantId: seat.id,
          choice: 'for',
        },
      );
      expect(cast.statusCode, cast.body).toBe(200);
    }
    v = view(await call(cookie, 'POST', `${base}/close`, {}));
    vote = v.items.find((i) => i.id === itemId)!.vote!;
    expect(vote).toMatchObject({ outcome: 'approved', for: 3, against: 0, eligible: 3 });
    const [decision] = await h.query<{ tally: { eligible: number; recused: number } }>(
      sql`select tally from decisions where number = ${vote.decisionNumber}`,
    );
    expect(decision!.tally).toMatchObject({ eligible: 3, recused: 1, for: 3 });
  });

  it('checks the proposal at the opening and refuses while the committee votes on the membership', async () => {
    const { m, cookie } = await heldMeeting();
    // Reinstating an active membership: refused as the committee's opening refuses it, nothing opened.
    const active = await insertOrganization(h, { nameBg: 'Активна' });
    const wrong = await membershipItem(m, active, { ...suspension, action: 'reinstate' });
    const refused = await call(cookie, 'POST', `/api/meetings/${m.meetingId}/items/${wrong}/vote`, {
      mode: 'tally',
      motionBg: 'Възстановява.',
    });
    expect(refused.statusCode).toBe(409);
    expect(problem(refused)).toBe('urn:portal:problem:membership.transition_invalid');

    const voted = await insertOrganization(h, { nameBg: 'Гласувана от комитета' });
    const opened = await call(committeeChair, 'POST', `/api/committee/members/${voted}/votes`, {
      action: 'exclude',
      reason: 'Нарушение',
      effectiveOn: TODAY,
      version: 1,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const itemId = await membershipItem(m, voted, suspension);
    const busy = await call(cookie, 'POST', `/api/meetings/${m.meetingId}/items/${itemId}/vote`, {
      mode: 'tally',
      motionBg: 'Спира.',
    });
    expect(busy.statusCode).toBe(409);
    expect(problem(busy)).toBe('urn:portal:problem:membership.vote_open');
    expect(
      await count(
        sql`select count(*)::int as n from meeting_item_votes where agenda_item_id in (${wrong}, ${itemId})`,
      ),
    ).toBe(0);
  });

  it('records a rejection and changes nothing; without quorum decides nothing', async () => {
    const { m, cookie } = await heldMeeting();
    const orgId = await insertOrganization(h, { nameBg: 'Неспряна' });
    const itemId = await membershipItem(m, orgId, suspension);
    const base = `/api/meetings/${m.meetingId}/items/${itemId}/vote`;
    view(await call(cookie, 'POST', base, { mode: 'tally', motionBg: 'Спира.' }));
    const v = view(
      await call(cookie, 'POST', `${base}/close`, { tally: { for: 1, against: 3, abstain: 0 } }),
    );
    expect(v.items.find((i) => i.id === itemId)!.vote).toMatchObject({ outcome: 'rejected' });
    expect(
      await count(
        sql`select count(*)::int as n from decisions where agenda_item_id = ${itemId} and outcome = 'rejected'`,
      ),
    ).toBe(1);
    expect(
      await count(
        sql`select count(*)::int as n from memberships where organization_id = ${orgId} and status = 'active' and version = 1`,
      ),
    ).toBe(1);
    expect(
      await count(sql`select count(*)::int as n from membership_events where organization_id = ${orgId}`),
    ).toBe(0);

    // A meeting that lost its quorum: consultation only.
    const other = await insertOrganization(h, { nameBg: 'Без кворум' });
    const second = await membershipItem(m, other, suspension);
    const url = `/api/meetings/${m.meetingId}/items/${second}/vote`;
    view(await call(cookie, 'POST', url, { mode: 'tally', motionBg: 'Спира.' }));
    view(
      await call(cookie, 'PUT', `/api/meetings/${m.meetingId}/attendance`, {
        entries: m.seats.slice(0, 3).map((s) => ({ participantId: s.id, attendance: 'absent' })),
      }),
    );
    const closed = view(
      await call(cookie, 'POST', `${url}/close`, { tally: { for: 1, against: 0, abstain: 0 } }),
    );
    expect(closed.items.find((i) => i.id === second)!.vote).toMatchObject({
      outcome: 'no_quorum',
      decisionNumber: null,
    });
    expect(
      await count(
        sql`select count(*)::int as n from memberships where organization_id = ${other} and status = 'active'`,
      ),
    ).toBe(1);
  });
});

// ---------- minutes approved by a later meeting ----------

/** An earlier held meeting of `m`'s body with draft minutes (revision 1, version 1). */
async function earlierMeeting(
  m: MeetingFixture,
  options: { startsAt?: string; status?: string; draft?: boolean; bodyId?: string } = {},
) {
  const startsAt = options.startsAt ?? '2026-10-01T08:00:00Z';
  const status = options.status ?? 'held';
  const [row] = await h.query<{ id: string }>(
    sql`insert into meetings (body_id, title_bg, title_en, starts_at, ends_at, status, quorum, majority,
          allows_proxy, cancelled_at)
        values (${options.bodyId ?? m.bodyId}, 'Октомврийско заседание', 'October meeting', ${startsAt},
          ${startsAt}::timestamptz + interval '2 hours', ${status}, 'more_than_half', 'simple', true,
          ${status === 'cancelled' ? sql`now()` : null}) returning id`,
  );
  if (options.draft !== false) {
    await h.query(
      sql`insert into meeting_minutes (meeting_id, revision, text_bg) values (${row!.id}, 1, '# Протокол')`,
    );
  }
  return row!.id;
}

async function minutesItem(m: MeetingFixture, minutesMeetingId: string) {
  const [row] = await h.db
    .insert(meetingAgendaItems)
    .values({
      meetingId: m.meetingId,
      position: 2,
      kind: 'minutes',
      titleBg: 'Одобряване на протокола',
      minutesMeetingId,
    })
    .returning({ id: meetingAgendaItems.id });
  return row!.id;
}

describe('a minutes item on the agenda', () => {
  it('names an earlier meeting of the same body with draft minutes, else field errors and nothing saved', async () => {
    const m = await makeMeeting(h);
    const cookie = await logIn(app, m.secretary.email);
    const add = (body: object, lang: 'bg' | 'en' = 'bg') =>
      call(
        cookie,
        'POST',
        `/api/meetings/${m.meetingId}/agenda`,
        { titleBg: 'Протокол', kind: 'minutes', ...body },
        lang,
      );
    const other = await makeMeeting(h);
    const cases: [object, MessageKey][] = [
      [{}, 'meetings.link_required'],
      [{ minutesMeetingId: await earlierMeeting(other) }, 'meetings.minutes_meeting_unknown'],
      [
        { minutesMeetingId: await earlierMeeting(m, { startsAt: '2027-01-10T08:00:00Z' }) },
        'meetings.minutes_meeting_not_earlier',
      ],
      [
        { minutesMeetingId: await earlierMeeting(m, { status: 'cancelled', draft: false }) },
        'meetings.minutes_meeting_cancelled',
      ],
      [{ minutesMeetingId: await earlierMeeting(m, { draft: false }) }, 'meetings.minutes_no_draft'],
      [{ kind: 'text', minutesMeetingId: await earlierMeeting(m) }, 'meetings.minutes_not_allowed'],
    ];
    for (const [body, code] of cases) {
      const res = await add(body);
      expect(res.statusCode, `${code}: ${res.body}`).toBe(400);
      expect(res.json().errors, code).toEqual([
        { path: 'body.minutesMeetingId', message: translate('bg', code) },
      ]);
    }
    const en = await add({ minutesMeetingId: await earlierMeeting(m, { draft: false }) }, 'en');
    expect(en.json().errors[0].message).toBe('The minutes of this meeting have no draft to approve.');
    expect(
      await count(
        sql`select count(*)::int as n from meeting_agenda_items where meeting_id = ${m.meetingId} and kind <> 'text'`,
      ),
    ).toBe(0);

    const earlier = await earlierMeeting(m);
    const ok = await add({ minutesMeetingId: earlier });
    expect(ok.statusCode, ok.body).toBeLessThan(300);
    expect(
      await count(
        sql`select count(*)::int as n from meeting_agenda_items where meeting_id = ${m.meetingId} and kind = 'minutes' and minutes_meeting_id = ${earlier}`,
      ),
    ).toBe(1);
  });

  it('approves the draft put to the vote when adopted, freezing it meanwhile; the prefill names the decision', async () => {
    const { m, cookie } = await heldMeeting();
    const earlier = await earlierMeeting(m);
    const itemId = await minutesItem(m, earlier);
    const base = `/api/meetings/${m.meetingId}/items/${itemId}/vote`;
    view(await call(cookie, 'POST', base, { mode: 'tally', motionBg: 'Одобрява протокола.' }));
    expect(
      await count(
        sql`select count(*)::int as n from meeting_item_votes where agenda_item_id = ${itemId} and minutes_version = 1`,
      ),
    ).toBe(1);

    // While the meeting votes, the draft is neither changed nor approved by the chair.
    const admin = await logIn(app, (await insertUser(h, { roles: ['admin'] })).email);
    const save = await call(admin, 'PUT', `/api/meetings/${earlier}/minutes/draft`, {
      textBg: '# Друг текст',
      textEn: '',
      version: 1,
    });
    expect(save.statusCode, save.body).toBe(409);
    expect(problem(save)).toBe('urn:portal:problem:minutes.vote_open');
    const approve = await call(admin, 'POST', `/api/meetings/${earlier}/minutes/approve`, { version: 1 });
    expect(approve.statusCode, approve.body).toBe(409);
    expect(problem(approve)).toBe('urn:portal:problem:minutes.vote_open');

    const v = view(
      await call(cookie, 'POST', `${base}/close`, { tally: { for: 4, against: 0, abstain: 0 } }),
    );
    const number = v.items.find((i) => i.id === itemId)!.vote!.decisionNumber!;
    expect(number).toMatch(/^\d{4}-\d{3,}$/);
    const [minutes] = await h.query<{ status: string; text_bg: string; approved_by: string }>(
      sql`select status, text_bg, approved_by from meeting_minutes where meeting_id = ${earlier}`,
    );
    expect(minutes).toEqual({ status: 'approved', text_bg: '# Протокол', approved_by: m.secretary.id });
    expect(
      await count(
        sql`select count(*)::int as n from meetings where id = ${earlier} and status = 'minutes_approved'`,
      ),
    ).toBe(1);
    const [audit] = await h.query<{ after: unknown }>(
      sql`select a.after from audit_events a join meeting_minutes mm on mm.id::text = a.entity_id
          where mm.meeting_id = ${earlier} and a.action = 'minutes.approved'`,
    );
    const after = typeof audit!.after === 'string' ? JSON.parse(audit!.after) : audit!.after;
    expect(after).toMatchObject({ status: 'approved', revision: 1, decisionNumber: number });

    // The meeting's own minutes describe the item with the decision.
    for (const [lang, text] of [
      [
        'bg',
        `Протоколът от заседание „Октомврийско заседание“ от 1 октомври 2026 г. е одобрен с решение № ${number}.`,
      ],
      [
        'en',
        `The minutes of the meeting “October meeting” of 1 October 2026 are approved by decision No. ${number}.`,
      ],
    ] as const) {
      const prefill = await call(cookie, 'GET', `/api/meetings/${m.meetingId}/minutes/prefill?lang=${lang}`);
      expect(prefill.statusCode, prefill.body).toBe(200);
      expect(JSON.stringify(prefill.json())).toContain(text);
    }
  });

  it('approves nothing when rejected; refuses the opening without a draft and a close on a changed draft', async () => {
    const { m, cookie } = await heldMeeting();
    const earlier = await earlierMeeting(m);
    const itemId = await minutesItem(m, earlier);
    const base = `/api/meetings/${m.meetingId}/items/${itemId}/vote`;
    view(await call(cookie, 'POST', base, { mode: 'tally', motionBg: 'Одобрява.' }));
    view(await call(cookie, 'POST', `${base}/close`, { tally: { for: 1, against: 3, abstain: 0 } }));
    expect(
      await count(
        sql`select count(*)::int as n from meeting_minutes where meeting_id = ${earlier} and status = 'draft'`,
      ),
    ).toBe(1);

    // No draft any more (approved by the chair): the vote is not opened.
    const approvedEarlier = await earlierMeeting(m);
    const second = await minutesItem(m, approvedEarlier);
    await h.query(
      sql`update meeting_minutes set status = 'approved', approved_at = now() where meeting_id = ${approvedEarlier}`,
    );
    const none = await call(cookie, 'POST', `/api/meetings/${m.meetingId}/items/${second}/vote`, {
      mode: 'tally',
      motionBg: 'Одобрява.',
    });
    expect(none.statusCode).toBe(409);
    expect(problem(none)).toBe('urn:portal:problem:conduct.minutes_no_draft');

    // The draft on the table changed behind the vote's back (a write outside the portal's rules): the
    // close refuses, recording nothing.
    const changedEarlier = await earlierMeeting(m);
    const third = await minutesItem(m, changedEarlier);
    const url = `/api/meetings/${m.meetingId}/items/${third}/vote`;
    view(await call(cookie, 'POST', url, { mode: 'tally', motionBg: 'Одобрява.' }));
    await h.query(
      sql`update meeting_minutes set text_bg = 'Друго', version = version + 1 where meeting_id = ${changedEarlier}`,
    );
    const changed = await call(cookie, 'POST', `${url}/close`, { tally: { for: 4, against: 0, abstain: 0 } });
    expect(changed.statusCode).toBe(409);
    expect(problem(changed)).toBe('urn:portal:problem:conduct.minutes_changed');
    expect(await count(sql`select count(*)::int as n from decisions where agenda_item_id = ${third}`)).toBe(
      0,
    );
    expect(
      await count(
        sql`select count(*)::int as n from meeting_item_votes where agenda_item_id = ${third} and closed_at is null`,
      ),
    ).toBe(1);
  });
});
