/**
 * Issue 15 §2, decision 041: meetings of a body. Its officers today plan them (Sofia wall-clock times),
 * build the agenda (linked items must exist and be open), upload PDFs, send invitations (each seat's
 * people get an email in their language with the .ics), change the time (an update with a higher
 * SEQUENCE) or cancel (a CANCELLED .ics). Seats answer yes / no / proxy; the day before, housekeeping
 * reminds them once. Bad input is a field error that saves nothing.
 */
import { applications, type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { type Meeting, MeetingSchema, type Problem } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHousekeeping } from '../../housekeeping.ts';
import {
  buildTestApp,
  dispatchEvents,
  insertOrganization,
  insertUser,
  logIn,
  TEST_PDF,
} from '../../testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let admin: string;
let chair: string;
let memberCookie: string;
let memberEmail: string;
let chairEmail: string;
let stranger: string;
let repEn: { email: string; cookie: string };
let bodyId: string;
let assemblyId: string;
let applicantId: string;
let orgA: string;

const call = (
  cookie: string | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) => app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
const fieldsOf = (res: { json: () => unknown }) => (res.json() as Problem).errors?.map((e) => e.path);
const count = async (table: string, where = 'true') =>
  Number(
    (await h.query<{ n: number }>(sql.raw(`select count(*)::int as n from ${table} where ${where}`)))[0]!.n,
  );
const outbox = async (template: string) =>
  h.query<{ to_email: string; language: string; text: string; calendar: string | null }>(
    sql`select to_email, language, text, calendar from outbox_messages where template = ${template} order by to_email`,
  );

const meetingInput = (extra: object = {}) => ({
  bodyId,
  titleBg: 'Първо официално заседание',
  titleEn: 'First official meeting',
  date: '2030-05-14',
  startTime: '10:00',
  endTime: '12:00',
  place: 'София, бул. „Цариградско шосе“ 111',
  ...extra,
});

async function newMeeting(extra: object = {}, cookie = chair): Promise<Meeting> {
  const res = await call(cookie, 'POST', '/api/meetings', meetingInput(extra));
  expect(res.statusCode, res.body).toBe(201);
  return MeetingSchema.parse(res.json());
}

async function position(body: string, payload: object) {
  const res = await call(admin, 'POST', `/api/admin/bodies/${body}/positions`, {
    startsOn: '2026-01-01',
    ...payload,
  });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
  admin = await logIn(app, (await insertUser(h, { roles: ['admin'] })).email);
  const c = await insertUser(h, { displayName: 'Председател' });
  chairEmail = c.email;
  chair = await logIn(app, c.email);
  // A position holder with an account and no role at all: sees only the meetings they are invited to.
  const m = await insertUser(h, { displayName: 'Член на комитета', language: 'en' });
  memberEmail = m.email;
  memberCookie = await logIn(app, m.email);
  stranger = await logIn(app, (await insertUser(h)).email);
  const body = await call(admin, 'POST', '/api/admin/bodies', {
    kind: 'working_group',
    nameBg: 'Работна група',
    nameEn: 'Working group',
    quorum: 'two_thirds',
    majority: 'simple',
    allowsProxy: true,
    foundedOn: '2026-01-01',
  });
  bodyId = body.json().id;
  await position(bodyId, { position: 'chair', userId: c.id });
  await position(bodyId, { position: 'member', userId: m.id });
  await position(bodyId, { position: 'member', personName: 'Лице без профил' });
  const assembly = await call(admin, 'POST', '/api/admin/bodies', {
    kind: 'general_assembly',
    nameBg: 'Общо събрание',
    nameEn: 'General assembly',
    quorum: 'more_than_half',
    majority: 'simple',
    allowsProxy: false,
    foundedOn: '2026-01-01',
  });
  assemblyId = assembly.json().id;
  orgA = await insertOrganization(h, { nameBg: 'Член А', nameEn: 'Member A' });
  await insertOrganization(h, { nameBg: 'Кандидат', nameEn: 'Candidate', category: 'candidate' });
  const rep = await insertUser(h, { roles: ['representative'], organizationIds: [orgA], language: 'en' });
  repEn = { email: rep.email, cookie: await logIn(app, rep.email) };
  applicantId = (await insertUser(h, { roles: ['applicant'] })).id;
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('planning a meeting', () => {
  it('takes Sofia wall-clock times, copies the body’s rules in, and is audited', async () => {
    const m = await newMeeting();
    expect(m.startsAt).toBe('2030-05-14T07:00:00.000Z'); // 10:00 in Sofia, summer time (UTC+3)
    expect(m).toMatchObject({ status: 'planned', quorum: 'two_thirds', allowsProxy: true, sequence: 0 });
    expect(await count('audit_events', `action = 'meeting.created' and entity_id = '${m.id}'`)).toBe(1);
  });

  it('refuses an end before the start, a non-http link and an unknown body as field errors, saving nothing', async () => {
    const before = await count('meetings');
    const early = await call(chair, 'POST', '/api/meetings', meetingInput({ endTime: '09:00' }));
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual(['body.endTime']);
    const link = await call(
      chair,
      'POST',
      '/api/meetings',
      meetingInput({ onlineUrl: 'javascript:alert(1)' }),
    );
    expect(link.statusCode).toBe(400);
    expect(fieldsOf(link)).toEqual(['body.onlineUrl']);
    const unknown = await call(admin, 'POST', '/api/meetings', meetingInput({ bodyId: crypto.randomUUID() }));
    expect(fieldsOf(unknown)).toEqual(['body.bodyId']);
    expect(await count('meetings')).toBe(before);
  });

  it('is for the body’s officers today and administrators only', async () => {
    expect((await call(memberCookie, 'POST', '/api/meetings', meetingInput())).statusCode).toBe(403);
    expect((await call(repEn.cookie, 'POST', '/api/meetings', meetingInput())).statusCode).toBe(403);
    expect((await call(admin, 'POST', '/api/meetings', meetingInput())).statusCode).toBe(201);
  });

  it('refuses a stale version', async () => {
    const m = await newMeeting();
    const ok = await call(chair, 'PUT', `/api/meetings/${m.id}`, {
      ...meetingInput(),
      titleBg: 'Ново',
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const again = await call(chair, 'PUT', `/api/meetings/${m.id}`, { ...meetingInput(), version: 1 });
    expect(again.statusCode).toBe(409);
  });
});

describe('the agenda', () => {
  it('links only to what exists and is open; a bad link saves nothing', async () => {
    const m = await newMeeting();
    const [draft] = await h.db
      .insert(applications)
      .values({ applicantId })
      .returning({ id: applications.id });
    const [submitted] = await h.db
      .insert(applications)
      .values({ applicantId, state: 'submitted', submittedAt: new Date() })
      .returning({ id: applications.id });
    const missing = await call(chair, 'POST', `/api/meetings/${m.id}/agenda`, {
      kind: 'application',
      titleBg: 'Заявление',
      applicationId: crypto.randomUUID(),
    });
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing)).toEqual(['body.applicationId']);
    const ofDraft = await call(chair, 'POST', `/api/meetings/${m.id}/agenda`, {
      kind: 'application',
      titleBg: 'Заявление',
      applicationId: draft!.id,
    });
    expect(fieldsOf(ofDraft)).toEqual(['body.applicationId']);
    const noBoardItem = await call(chair, 'POST', `/api/meetings/${m.id}/agenda`, {
      kind: 'board_item',
      titleBg: 'Обява',
      boardItemId: crypto.randomUUID(),
    });
    expect(fieldsOf(noBoardItem)).toEqual(['body.boardItemId']);
    const badMembership = await call(chair, 'POST', `/api/meetings/${m.id}/agenda`, {
      kind: 'membership',
      titleBg: 'Членство',
      organizationId: crypto.randomUUID(),
      proposal: { action: 'nonsense', category: null, reason: '', effectiveOn: '2030-06-01' },
    });
    expect(fieldsOf(badMembership)).toEqual(['body.proposal.action']);
    const notMember = await call(chair, 'POST', `/api/meetings/${m.id}/agenda`, {
      kind: 'membership',
      titleBg: 'Членство',
      organizationId: crypto.randomUUID(),
    });
    expect(fieldsOf(notMember)).toEqual(['body.organizationId', 'body.proposal']);
    const noArea = await call(chair, 'POST', `/api/meetings/${m.id}/agenda`, {
      kind: 'strategy',
      titleBg: 'Стратегия',
      areaId: 'no-such-area',
    });
    expect(fieldsOf(noArea)).toEqual(['body.areaId']);
    expect(noArea.json().errors[0].message).toBe('Няма такава област от стратегията.');
    const areaOnText = await call(chair, 'POST', `/api/meetings/${m.id}/agenda`, {
      titleBg: 'Разни',
      areaId: 'ict',
    });
    expect(fieldsOf(areaOnText)).toEqual(['body.areaId']);
    expect(await count('meeting_agenda_items', `meeting_id = '${m.id}'`)).toBe(0);

    const ok = await call(chair, 'POST', `/api/meetings/${m.id}/agenda`, {
      kind: 'application',
      titleBg: 'Заявление за членство',
      applicationId: submitted!.id,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const membership = await call(chair, 'POST', `/api/meetings/${m.id}/agenda`, {
      kind: 'membership',
      titleBg: 'Промяна на категорията',
      organizationId: orgA,
      proposal: {
        action: 'change_category',
        category: 'associated',
        reason: 'Молба',
        effectiveOn: '2030-06-01',
      },
    });
    expect(membership.statusCode, membership.body).toBe(201);
    const text = await call(chair, 'POST', `/api/meetings/${m.id}/agenda`, { titleBg: 'Разни' });
    const agenda = MeetingSchema.parse(text.json()).agenda;
    expect(agenda.map((i) => [i.position, i.kind])).toEqual([
      [1, 'application'],
      [2, 'membership'],
      [3, 'text'],
    ]);
    // A strategy item names one of the strategy's areas.
    const strategy = await call(chair, 'POST', `/api/meetings/${m.id}/agenda`, {
      kind: 'strategy',
      titleBg: 'Пътна карта: ИКТ',
      areaId: 'ict',
    });
    expect(strategy.statusCode, strategy.body).toBe(201);
    const strategyItem = MeetingSchema.parse(strategy.json()).agenda.at(-1)!;
    expect(strategyItem).toMatchObject({ kind: 'strategy', areaId: 'ict' });
    await call(chair, 'DELETE', `/api/meetings/${m.id}/agenda/${strategyItem.id}`);
    const reordered = await call(chair, 'PUT', `/api/meetings/${m.id}/agenda`, {
      itemIds: [agenda[2]!.id, agenda[0]!.id, agenda[1]!.id],
    });
    expect(MeetingSchema.parse(reordered.json()).agenda.map((i) => i.kind)).toEqual([
      'text',
      'application',
      'membership',
    ]);
    const incomplete = await call(chair, 'PUT', `/api/meetings/${m.id}/agenda`, { itemIds: [agenda[0]!.id] });
    expect(fieldsOf(incomplete)).toEqual(['body.itemIds']);
    const removed = await call(chair, 'DELETE', `/api/meetings/${m.id}/agenda/${agenda[2]!.id}`);
    expect(MeetingSchema.parse(removed.json()).agenda.map((i) => i.position)).toEqual([1, 2]);
  });
});

describe('documents', () => {
  it('takes PDFs only and gives them to those who may see the meeting', async () => {
    const m = await newMeeting();
    const upload = (payload: Buffer, cookie = chair) =>
      app.inject({
        method: 'POST',
        url: `/api/meetings/${m.id}/documents?filename=${encodeURIComponent('Дневен ред.pdf')}`,
        payload,
        headers: { cookie, 'content-type': 'application/pdf' },
      });
    const html = await upload(Buffer.from('<html>%PDF-1.4</html>'));
    expect(html.statusCode).toBe(400);
    expect(fieldsOf(html)).toEqual(['body']);
    expect((await upload(TEST_PDF, memberCookie)).statusCode).toBe(403);
    const ok = await upload(TEST_PDF);
    expect(ok.statusCode, ok.body).toBe(201);
    const docId = ok.json().id as string;
    const download = await call(repEn.cookie, 'GET', `/api/meetings/${m.id}/documents/${docId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    // Not a member, no seat: the meeting does not exist for them.
    expect((await call(stranger, 'GET', `/api/meetings/${m.id}/documents/${docId}`)).statusCode).toBe(404);
    expect((await call(stranger, 'GET', `/api/meetings/${m.id}`)).statusCode).toBe(404);
  });
});

describe('invitations, changes and cancellation', () => {
  it('invites the body’s members on the day, with the .ics, in each one’s language; again only the new seats', async () => {
    const m = await newMeeting();
    const before = await count('outbox_messages', `template = 'meeting_invitation'`);
    // A member without an account and a role sees nothing yet.
    expect((await call(memberCookie, 'GET', `/api/meetings/${m.id}`)).statusCode).toBe(404);
    const res = await call(chair, 'POST', `/api/meetings/${m.id}/invitations`);
    expect(res.statusCode, res.body).toBe(200);
    const sent = MeetingSchema.parse(res.json());
    expect(sent.status).toBe('invited');
    expect(sent.participants.map((p) => p.name).sort()).toEqual([
      'Лице без профил',
      'Председател',
      'Член на комитета',
    ]);
    await dispatchEvents(h.db);
    const mails = (await outbox('meeting_invitation')).filter((r) => r.text.includes(m.id));
    // The named person without an account has no address.
    expect(mails.map((r) => r.to_email).sort()).toEqual([chairEmail, memberEmail].sort());
    expect(await count('outbox_messages', `template = 'meeting_invitation'`)).toBe(before + 2);
    const english = mails.find((r) => r.to_email === memberEmail)!;
    expect(english.language).toBe('en');
    expect(english.text).toContain('Sofia time');
    expect(english.text).toContain(`/meetings/${m.id}`);
    expect(english.calendar).toContain(`UID:meeting-${m.id}@`);
    expect(english.calendar).not.toContain('SEQUENCE:'); // 0: the first revision
    expect(english.calendar).toContain('DTSTART:20300514T070000Z');
    expect(english.calendar).toContain('STATUS:CONFIRMED');

    // The invited member now sees the meeting (and it is on their list).
    expect((await call(memberCookie, 'GET', `/api/meetings/${m.id}`)).statusCode).toBe(200);
    const list = await call(memberCookie, 'GET', '/api/meetings');
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(m.id);

    // Sending again adds only the seats missing since.
    const again = await call(chair, 'POST', `/api/meetings/${m.id}/invitations`);
    expect(MeetingSchema.parse(again.json()).participants).toHaveLength(3);
    await dispatchEvents(h.db);
    expect(await count('outbox_messages', `template = 'meeting_invitation'`)).toBe(before + 2);
    const audit = await count(
      'audit_events',
      `action = 'meeting.invitations_sent' and entity_id = '${m.id}'`,
    );
    expect(audit).toBe(2);

    // A new time: SEQUENCE 1 to every invited person; a title alone sends nothing.
    const moved = await call(chair, 'PUT', `/api/meetings/${m.id}`, {
      ...meetingInput({ startTime: '14:00', endTime: '16:00' }),
      version: MeetingSchema.parse(again.json()).version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(MeetingSchema.parse(moved.json()).sequence).toBe(1);
    await dispatchEvents(h.db);
    const updates = (await outbox('meeting_updated')).filter((r) => r.text.includes(m.id));
    expect(updates).toHaveLength(2);
    expect(updates[0]!.calendar).toContain('SEQUENCE:1');
    expect(updates[0]!.calendar).toContain('DTSTART:20300514T110000Z');
    const renamed = await call(chair, 'PUT', `/api/meetings/${m.id}`, {
      ...meetingInput({ startTime: '14:00', endTime: '16:00', titleBg: 'Друго заглавие' }),
      version: MeetingSchema.parse(moved.json()).version,
    });
    expect(MeetingSchema.parse(renamed.json()).sequence).toBe(1);
    await dispatchEvents(h.db);
    expect((await outbox('meeting_updated')).filter((r) => r.text.includes(m.id))).toHaveLength(2);

    // Cancelled: the CANCELLED entry with the same uid.
    expect((await call(chair, 'POST', `/api/meetings/${m.id}/cancel`, { reason: '' })).statusCode).toBe(400);
    const cancelled = await call(chair, 'POST', `/api/meetings/${m.id}/cancel`, { reason: 'Няма зала' });
    expect(MeetingSchema.parse(cancelled.json())).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Няма зала',
    });
    await dispatchEvents(h.db);
    const cancels = (await outbox('meeting_cancelled')).filter((r) => r.text.includes(m.id));
    expect(cancels).toHaveLength(2);
    expect(cancels[0]!.calendar).toContain('STATUS:CANCELLED');
    expect(cancels[0]!.calendar).toContain(`UID:meeting-${m.id}@`);
    expect(cancels[0]!.calendar).toContain('SEQUENCE:2');
    // A cancelled meeting changes no more.
    expect((await call(chair, 'POST', `/api/meetings/${m.id}/agenda`, { titleBg: 'Х' })).statusCode).toBe(
      409,
    );
  });

  it('invites a new position holder when sent again', async () => {
    const m = await newMeeting({ date: '2030-07-01' });
    await call(chair, 'POST', `/api/meetings/${m.id}/invitations`);
    await position(bodyId, {
      position: 'secretary',
      personName: 'Секретар без профил',
      startsOn: '2030-06-01',
    });
    const again = await call(chair, 'POST', `/api/meetings/${m.id}/invitations`);
    expect(MeetingSchema.parse(again.json()).participants.map((p) => p.name)).toContain(
      'Секретар без профил',
    );
  });

  it('invites the general assembly’s member organisations through their representatives', async () => {
    const m = await newMeeting({ bodyId: assemblyId }, admin);
    const res = await call(admin, 'POST', `/api/meetings/${m.id}/invitations`);
    const seats = MeetingSchema.parse(res.json()).participants;
    expect(seats.map((s) => s.organizationId)).toEqual([orgA]); // the candidate is not a member
    await dispatchEvents(h.db);
    const mails = (await outbox('meeting_invitation')).filter((r) => r.text.includes(m.id));
    expect(mails.map((r) => [r.to_email, r.language])).toEqual([[repEn.email, 'en']]);
  });
});

describe('RSVP', () => {
  it('answers yes / no / proxy for one’s own seat, refusing a bad proxy with a field error', async () => {
    const m = await newMeeting({ date: '2030-08-01' });
    const res = await call(chair, 'POST', `/api/meetings/${m.id}/invitations`);
    const seats = MeetingSchema.parse(res.json()).participants;
    const seatOf = (name: string) => seats.find((s) => s.name === name)!.id;
    const mine = seatOf('Член на комитета');
    const chairSeat = seatOf('Председател');
    const rsvp = (cookie: string, payload: object) =>
      call(cookie, 'POST', `/api/meetings/${m.id}/rsvp`, payload);

    expect((await rsvp(memberCookie, { participantId: chairSeat, answer: 'yes' })).statusCode).toBe(403);
    const self = await rsvp(memberCookie, { participantId: mine, answer: 'proxy', proxyId: mine });
    expect(fieldsOf(self)).toEqual(['body.proxyId']);
    const unknown = await rsvp(memberCookie, {
      participantId: mine,
      answer: 'proxy',
      proxyId: crypto.randomUUID(),
    });
    expect(fieldsOf(unknown)).toEqual(['body.proxyId']);
    const none = await rsvp(memberCookie, { participantId: mine, answer: 'proxy' });
    expect(fieldsOf(none)).toEqual(['body.proxyId']);

    const proxy = await rsvp(memberCookie, { participantId: mine, answer: 'proxy', proxyId: chairSeat });
    expect(proxy.statusCode, proxy.body).toBe(200);
    expect(MeetingSchema.parse(proxy.json()).participants.find((p) => p.id === mine)).toMatchObject({
      rsvp: 'proxy',
      rsvpProxyId: chairSeat,
    });
    // The chair holds the member's proxy: giving theirs back to the member would be a circle.
    const cycle = await rsvp(chair, { participantId: chairSeat, answer: 'proxy', proxyId: mine });
    expect(fieldsOf(cycle)).toEqual(['body.proxyId']);
    expect((await rsvp(chair, { participantId: chairSeat, answer: 'yes' })).statusCode).toBe(200);
    // Changed mind: no.
    const no = await rsvp(memberCookie, { participantId: mine, answer: 'no' });
    expect(MeetingSchema.parse(no.json()).participants.find((p) => p.id === mine)?.rsvp).toBe('no');
    expect(await count('audit_events', `action = 'meeting.rsvp_answered' and entity_id = '${m.id}'`)).toBe(3);

    // Answers are the officers' and each seat's own: another member sees who is invited, not the answers.
    const seen = MeetingSchema.parse((await call(repEn.cookie, 'GET', `/api/meetings/${m.id}`)).json());
    expect(seen.participants.every((p) => p.rsvp === null)).toBe(true);
  });

  it('refuses a proxy where the body allows none', async () => {
    const m = await newMeeting({ bodyId: assemblyId, date: '2030-08-02' }, admin);
    const seats = MeetingSchema.parse(
      (await call(admin, 'POST', `/api/meetings/${m.id}/invitations`)).json(),
    ).participants;
    const res = await call(repEn.cookie, 'POST', `/api/meetings/${m.id}/rsvp`, {
      participantId: seats[0]!.id,
      answer: 'proxy',
      proxyId: seats[0]!.id,
    });
    expect(fieldsOf(res)).toEqual(['body.answer']);
    const yes = await call(repEn.cookie, 'POST', `/api/meetings/${m.id}/rsvp`, {
      participantId: seats[0]!.id,
      answer: 'yes',
    });
    expect(yes.statusCode).toBe(200);
  });
});

describe('the day-before reminder', () => {
  it('goes out once to the invited meetings starting tomorrow (Sofia)', async () => {
    const m = await newMeeting({ date: '2031-03-10' });
    await call(chair, 'POST', `/api/meetings/${m.id}/invitations`);
    const policy = { sessionIdleMs: 3_600_000, sentMailRetentionDays: 30, rateLimitWindowSeconds: 3600 };
    expect((await runHousekeeping(h.db, policy, { today: '2031-03-08' }))?.meetingReminders).toBe(0);
    expect((await runHousekeeping(h.db, policy, { today: '2031-03-09' }))?.meetingReminders).toBe(1);
    expect((await runHousekeeping(h.db, policy, { today: '2031-03-09' }))?.meetingReminders).toBe(0);
    await dispatchEvents(h.db);
    const reminders = (await outbox('meeting_reminder')).filter((r) => r.text.includes(m.id));
    expect(reminders.map((r) => r.to_email).sort()).toEqual([chairEmail, memberEmail].sort());
    expect(reminders[0]!.calendar).toContain(`UID:meeting-${m.id}@`);
  });
});
