/**
 * Issue 16 §3: funding calls. Everyone reads them (status from the dates, interested members counted, not
 * named); the committee and administrators announce, change (If-Match) and remove them with their required
 * documents; representatives of active members mark interest and see who else is interested; housekeeping
 * reminds interested members 30, 7 and 1 days before the deadline, once each.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { AccountExportSchema, FundingCallListResponseSchema, FundingCallSchema } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { housekeepingPolicy, runHousekeeping } from '../../housekeeping.ts';
import {
  buildTestApp,
  dispatchEvents,
  insertOrganization,
  insertUser,
  logIn,
  TEST_PASSWORD,
  testConfig,
} from '../../testing.ts';
import { daysUntil, deadlineText, reminderDue } from './calls.reminders.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
const org = {} as Record<'alpha' | 'beta' | 'lapsed', string>;
const as = {} as Record<'committee' | 'alpha' | 'beta' | 'lapsedRep', string>;
const email = {} as Record<'alpha' | 'beta' | 'lapsedRep', string>;

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
  org.alpha = await insertOrganization(h, { nameBg: 'Лаборатория Алфа', nameEn: 'Alpha Lab' });
  org.beta = await insertOrganization(h, { nameBg: 'Бета Инженеринг', nameEn: 'Beta Engineering' });
  org.lapsed = await insertOrganization(h, { nameBg: 'Спряна', nameEn: 'Suspended', status: 'suspended' });
  const alpha = await insertUser(h, { roles: ['representative'], organizationIds: [org.alpha] });
  const beta = await insertUser(h, {
    roles: ['representative'],
    organizationIds: [org.beta],
    language: 'en',
  });
  const lapsed = await insertUser(h, { roles: ['representative'], organizationIds: [org.lapsed] });
  email.alpha = alpha.email;
  email.beta = beta.email;
  email.lapsedRep = lapsed.email;
  as.alpha = await logIn(app, alpha.email);
  as.beta = await logIn(app, beta.email);
  as.lapsedRep = await logIn(app, lapsed.email);
  as.committee = await logIn(app, (await insertUser(h, { roles: ['committee_chair'] })).email);
});

afterAll(async () => {
  await app?.close();
  await h?.close();
});

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const call = (
  cookie: string | null,
  method: Method,
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) =>
  app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: { ...(cookie ? { cookie } : {}), ...headers },
  });

const body = (overrides: Record<string, unknown> = {}) => ({
  programme: 'Програма „Конкурентоспособност и иновации в предприятията“ 2021–2027',
  code: 'BG16RFPR001-1.010',
  titleBg: 'Развитие на клъстерите в България',
  titleEn: 'Development of clusters in Bulgaria',
  opensAt: '2027-03-02T08:00:00.000Z',
  deadlineAt: '2027-06-15T14:00:00.000Z',
  budgetCents: 15_338_756_00,
  eligibleKinds: ['company', 'university'],
  url: 'https://eumis2020.government.bg/',
  documents: [
    { nameBg: 'Формуляр за кандидатстване', nameEn: 'Application form' },
    { nameBg: 'Декларация за държавни помощи', nameEn: 'State aid declaration', perPartner: true },
  ],
  ...overrides,
});

async function create(overrides: Record<string, unknown> = {}) {
  const res = await call(as.committee, 'POST', '/api/committee/calls', body(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return FundingCallSchema.parse(res.json());
}

const count = async (table: string) =>
  Number((await h.query<{ n: string }>(sql`select count(*) as n from ${sql.raw(table)}`))[0]!.n);

describe('announcing and changing a call', () => {
  it('saves the call with its documents in order, and everyone reads it with its status', async () => {
    const created = await create();
    expect(created).toMatchObject({
      status: 'upcoming',
      budgetCents: 15_338_756_00,
      interestedCount: 0,
      documents: [
        { nameEn: 'Application form', perPartner: false, position: 0 },
        { nameEn: 'State aid declaration', perPartner: true, position: 1 },
      ],
    });
    const res = await call(null, 'GET', `/api/public/calls/${created.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    const audit = await h.query<{ action: string }>(
      sql`select action from audit_events where entity_id = ${created.id}`,
    );
    expect(audit.map((a) => a.action)).toEqual(['call.created']);
  });

  it.each([
    [
      'deadline before opening',
      { deadlineAt: '2027-03-01T08:00:00.000Z' },
      'deadlineAt',
      'Крайният срок трябва да е след',
    ],
    ['negative budget', { budgetCents: -1 }, 'budgetCents', ''],
    ['unknown kind', { eligibleKinds: ['pirate'] }, 'eligibleKinds.0', ''],
    ['bad URL', { url: 'javascript:alert(1)' }, 'url', 'http://'],
    ['empty title', { titleBg: '  ' }, 'titleBg', ''],
    ['empty document name', { documents: [{ nameBg: '', nameEn: 'Form' }] }, 'documents.0.nameBg', ''],
  ])('refuses a %s with a field error, saving nothing', async (_, overrides, field, bg) => {
    const before = await count('funding_calls');
    const res = await call(as.committee, 'POST', '/api/committee/calls', body(overrides));
    expect(res.statusCode, res.body).toBe(400);
    const problem = res.json() as { code: string; errors: { path: string; message: string }[] };
    expect(problem.code).toBe('validation.failed');
    const error = problem.errors.find((e) => e.path === `body.${field}`);
    expect(error, JSON.stringify(problem.errors)).toBeDefined();
    if (bg) expect(error!.message).toContain(bg);
    expect(await count('funding_calls')).toBe(before);
  });

  it('answers field errors in English for an English reader', async () => {
    const res = await call(
      as.committee,
      'POST',
      '/api/committee/calls',
      body({ deadlineAt: '2027-01-01T00:00:00.000Z' }),
      { 'accept-language': 'en' },
    );
    const problem = res.json() as { errors: { path: string; message: string }[] };
    expect(problem.errors.find((e) => e.path === 'body.deadlineAt')?.message).toBe(
      'The deadline must be after the call opens.',
    );
  });

  it('changes a call naming its version: documents kept by id, reordered, removed and added', async () => {
    const created = await create();
    const [form, declaration] = created.documents;
    expect((await call(as.committee, 'PUT', `/api/committee/calls/${created.id}`, body())).statusCode).toBe(
      428,
    );
    const changed = await call(
      as.committee,
      'PUT',
      `/api/committee/calls/${created.id}`,
      body({
        titleEn: 'Cluster development',
        documents: [
          { id: declaration!.id, nameBg: 'Декларация', nameEn: 'Declaration', perPartner: true },
          { nameBg: 'Бюджет', nameEn: 'Budget' },
        ],
      }),
      { 'if-match': '"1"' },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    const after = FundingCallSchema.parse(changed.json());
    expect(after.documents.map((d) => [d.id === declaration!.id, d.nameEn, d.position])).toEqual([
      [true, 'Declaration', 0],
      [false, 'Budget', 1],
    ]);
    expect(after.documents.some((d) => d.id === form!.id)).toBe(false);
    const stale = await call(as.committee, 'PUT', `/api/committee/calls/${created.id}`, body(), {
      'if-match': '"1"',
    });
    expect(stale.statusCode).toBe(412);
    const [audit] = await h.query<{ before: { titleEn: string }; after: { titleEn: string } }>(
      sql`select before, after from audit_events where entity_id = ${created.id} and action = 'call.updated'`,
    );
    expect(audit).toMatchObject({
      before: { titleEn: 'Development of clusters in Bulgaria' },
      after: { titleEn: 'Cluster development' },
    });
  });

  it('refuses a document id of another call', async () => {
    const a = await create();
    const b = await create();
    const res = await call(
      as.committee,
      'PUT',
      `/api/committee/calls/${a.id}`,
      body({ documents: [{ id: b.documents[0]!.id, nameBg: 'Х', nameEn: 'X' }] }),
      { 'if-match': '"1"' },
    );
    expect(res.statusCode).toBe(400);
    expect((res.json() as { errors: { path: string }[] }).errors[0]!.path).toBe('body.documents.0.id');
  });

  it('removes a call nobody is interested in, and refuses one with interest (409)', async () => {
    const free = await create();
    expect(
      (
        await call(as.committee, 'DELETE', `/api/committee/calls/${free.id}`, undefined, {
          'if-match': '"1"',
        })
      ).statusCode,
    ).toBe(204);
    expect((await call(null, 'GET', `/api/public/calls/${free.id}`)).statusCode).toBe(404);
    const wanted = await create({ opensAt: '2020-01-01T00:00:00.000Z' });
    expect((await call(as.alpha, 'PUT', `/api/calls/${wanted.id}/interests/${org.alpha}`)).statusCode).toBe(
      200,
    );
    const res = await call(as.committee, 'DELETE', `/api/committee/calls/${wanted.id}`, undefined, {
      'if-match': '"1"',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'call.in_use' });
    expect((await call(null, 'GET', `/api/public/calls/${wanted.id}`)).statusCode).toBe(200);
  });
});

describe('the public list', () => {
  it('filters by status computed from the dates and pages', async () => {
    await create({
      opensAt: '2020-01-01T00:00:00.000Z',
      deadlineAt: '2020-02-01T00:00:00.000Z',
      titleEn: 'Old',
    });
    await create({
      opensAt: '2020-01-01T00:00:00.000Z',
      deadlineAt: '2099-02-01T00:00:00.000Z',
      titleEn: 'Now',
    });
    const closed = FundingCallListResponseSchema.parse(
      (await call(null, 'GET', '/api/public/calls?status=closed')).json(),
    );
    expect(closed.items.map((c) => c.titleEn)).toEqual(['Old']);
    expect(closed.items[0]!.status).toBe('closed');
    const open = FundingCallListResponseSchema.parse(
      (await call(null, 'GET', '/api/public/calls?status=open')).json(),
    );
    expect(open.items.every((c) => c.status === 'open')).toBe(true);
    const paged = FundingCallListResponseSchema.parse(
      (await call(null, 'GET', '/api/public/calls?pageSize=1&page=2')).json(),
    );
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThan(2);
    expect((await call(null, 'GET', '/api/public/calls?status=soon')).statusCode).toBe(400);
  });

  it('counts the interest of each call on the page, in the page order', async () => {
    const soon = await create({
      opensAt: '2020-01-01T00:00:00.000Z',
      deadlineAt: '2098-01-01T00:00:00.000Z',
    });
    const later = await create({
      opensAt: '2020-01-01T00:00:00.000Z',
      deadlineAt: '2098-06-01T00:00:00.000Z',
    });
    await h.query(
      sql`insert into funding_call_interests (call_id, organization_id) values (${soon.id}, ${org.alpha}), (${later.id}, ${org.alpha}), (${later.id}, ${org.beta}), (${later.id}, ${org.lapsed})`,
    );
    const all = FundingCallListResponseSchema.parse(
      (await call(null, 'GET', '/api/public/calls?status=open&pageSize=100')).json(),
    );
    const at = all.items.findIndex((c) => c.id === soon.id);
    expect(all.items[at + 1]!.id).toBe(later.id);
    // The page holding the later call alone: its count (the suspended member not counted), the total of all.
    const page = FundingCallListResponseSchema.parse(
      (await call(null, 'GET', `/api/public/calls?status=open&pageSize=1&page=${at + 2}`)).json(),
    );
    expect(page.items.map((c) => [c.id, c.interestedCount])).toEqual([[later.id, 2]]);
    expect(page.total).toBe(all.total);
    const first = FundingCallListResponseSchema.parse(
      (
        await call(null, 'GET', `/api/public/calls?status=open&pageSize=2&page=${Math.floor(at / 2) + 1}`)
      ).json(),
    );
    expect(first.items.find((c) => c.id === soon.id)?.interestedCount).toBe(1);
  });
});

describe("members' interest", () => {
  it('marks and unmarks interest; the public sees a count, members see the names', async () => {
    const c = await create({ opensAt: '2020-01-01T00:00:00.000Z' });
    const marked = await call(as.alpha, 'PUT', `/api/calls/${c.id}/interests/${org.alpha}`);
    expect(marked.json()).toMatchObject({ mine: [org.alpha], organizations: [{ nameEn: 'Alpha Lab' }] });
    // Marking twice changes nothing.
    expect((await call(as.alpha, 'PUT', `/api/calls/${c.id}/interests/${org.alpha}`)).statusCode).toBe(200);
    await call(as.beta, 'PUT', `/api/calls/${c.id}/interests/${org.beta}`);
    const pub = await call(null, 'GET', `/api/public/calls/${c.id}`);
    expect(pub.json()).toMatchObject({ interestedCount: 2 });
    expect(pub.body).not.toContain('Alpha Lab');
    const seen = await call(as.beta, 'GET', `/api/calls/${c.id}/interests`);
    expect(seen.json()).toMatchObject({ mine: [org.beta] });
    expect((seen.json() as { organizations: unknown[] }).organizations).toHaveLength(2);
    // A representative of a suspended organisation sees none of it and marks nothing.
    expect((await call(as.lapsedRep, 'GET', `/api/calls/${c.id}/interests`)).statusCode).toBe(403);
    expect((await call(as.lapsedRep, 'PUT', `/api/calls/${c.id}/interests/${org.lapsed}`)).statusCode).toBe(
      403,
    );
    const unmarked = await call(as.alpha, 'DELETE', `/api/calls/${c.id}/interests/${org.alpha}`);
    expect(unmarked.json()).toMatchObject({ mine: [] });
    const [row] = await h.query<{ marked_by: string | null }>(
      sql`select marked_by from funding_call_interests where call_id = ${c.id}`,
    );
    expect(row!.marked_by).not.toBeNull();
  });

  it('refuses interest in a closed call', async () => {
    const c = await create({ opensAt: '2020-01-01T00:00:00.000Z', deadlineAt: '2020-02-01T00:00:00.000Z' });
    const res = await call(as.alpha, 'PUT', `/api/calls/${c.id}/interests/${org.alpha}`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'call.closed' });
    expect(await h.query(sql`select 1 from funding_call_interests where call_id = ${c.id}`)).toHaveLength(0);
  });

  it('answers 404 for marking or unmarking interest in no such call, and 200 for an upcoming one', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const put = await call(as.alpha, 'PUT', `/api/calls/${missing}/interests/${org.alpha}`);
    expect(put.statusCode).toBe(404);
    expect(put.json()).toMatchObject({ code: 'call.not_found' });
    expect((await call(as.alpha, 'DELETE', `/api/calls/${missing}/interests/${org.alpha}`)).statusCode).toBe(
      404,
    );
    expect((await call(as.alpha, 'GET', `/api/calls/${missing}/interests`)).statusCode).toBe(404);
    const upcoming = await create({
      opensAt: '2098-01-01T00:00:00.000Z',
      deadlineAt: '2098-06-01T00:00:00.000Z',
    });
    const marked = await call(as.alpha, 'PUT', `/api/calls/${upcoming.id}/interests/${org.alpha}`);
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toMatchObject({ mine: [org.alpha] });
  });
});

describe('deadline reminders', () => {
  it('counts Sofia calendar days and picks the nearest threshold', () => {
    // 23:30 UTC on 14 June is already 15 June in Sofia.
    expect(daysUntil('2027-06-14', new Date('2027-06-14T23:30:00Z'))).toBe(1);
    expect(reminderDue(31)).toBeNull();
    expect(reminderDue(30)).toBe(30);
    expect(reminderDue(8)).toBe(30);
    expect(reminderDue(7)).toBe(7);
    expect(reminderDue(1)).toBe(1);
    expect(reminderDue(0)).toBe(1);
    expect(deadlineText(new Date('2027-06-15T14:00:00Z'), 'bg')).toBe('15.06.2027 г., 17:00');
    expect(deadlineText(new Date('2027-06-15T14:00:00Z'), 'en')).toBe('15 June 2027, 17:00');
  });

  it('emails the representatives of interested members 30, 7 and 1 days before, each once, in their language', async () => {
    const policy = housekeepingPolicy(testConfig());
    const c = await create({
      opensAt: '2027-03-02T08:00:00.000Z',
      deadlineAt: '2031-06-15T14:00:00.000Z',
      titleBg: 'Покана за напомняне',
      titleEn: 'Reminder call',
    });
    await h.query(
      sql`insert into funding_call_interests (call_id, organization_id) values (${c.id}, ${org.alpha}), (${c.id}, ${org.beta}), (${c.id}, ${org.lapsed})`,
    );
    const at = (iso: string) => runHousekeeping(h.db, policy, { now: new Date(iso) });
    const mails = async () => {
      await dispatchEvents(h.db);
      return h.query<{ to_email: string; subject: string; text: string }>(
        sql`select to_email, subject, text from outbox_messages where template = 'call_deadline_reminder' order by id`,
      );
    };
    expect((await at('2031-05-15T09:00:00Z'))?.callReminders).toBe(0); // 31 days before
    expect((await at('2031-05-16T09:00:00Z'))?.callReminders).toBe(2); // 30 days: alpha and beta, not the suspended
    expect((await at('2031-05-16T18:00:00Z'))?.callReminders).toBe(0); // the same day again
    expect((await at('2031-06-01T09:00:00Z'))?.callReminders).toBe(0); // 14 days: nothing new
    expect((await at('2031-06-08T09:00:00Z'))?.callReminders).toBe(2); // 7 days
    expect((await at('2031-06-14T09:00:00Z'))?.callReminders).toBe(2); // 1 day
    expect((await at('2031-06-15T09:00:00Z'))?.callReminders).toBe(0); // the day itself: the 1-day one was sent
    expect((await at('2031-06-16T09:00:00Z'))?.callReminders).toBe(0); // after the deadline
    const sent = await mails();
    expect(sent.filter((m) => m.to_email === email.alpha)).toHaveLength(3);
    expect(sent.filter((m) => m.to_email === email.beta)).toHaveLength(3);
    expect(sent.some((m) => m.to_email === email.lapsedRep)).toBe(false);
    const bg = sent.find((m) => m.to_email === email.alpha)!;
    expect(bg.subject).toBe('Напомняне: крайният срок на „Покана за напомняне“ е 15.06.2031 г., 17:00');
    expect(bg.text).toContain(`/calls/${c.id}`);
    const en = sent.find((m) => m.to_email === email.beta)!;
    expect(en.subject).toBe('Reminder: the deadline of "Reminder call" is 15 June 2031, 17:00');
    expect(await count('funding_call_reminders')).toBe(6);
  });
});

describe('deadline reminders of several calls', () => {
  it('writes every due reminder of a run at once, each threshold per call, and nothing on a second run', async () => {
    const policy = housekeepingPolicy(testConfig());
    const week = await create({
      opensAt: '2027-03-02T08:00:00.000Z',
      deadlineAt: '2032-03-08T10:00:00.000Z',
    });
    const month = await create({
      opensAt: '2027-03-02T08:00:00.000Z',
      deadlineAt: '2032-03-25T10:00:00.000Z',
    });
    // Nobody is interested in this one: no reminder.
    await create({ opensAt: '2027-03-02T08:00:00.000Z', deadlineAt: '2032-03-09T10:00:00.000Z' });
    await h.query(
      sql`insert into funding_call_interests (call_id, organization_id) values (${week.id}, ${org.alpha}), (${week.id}, ${org.beta}), (${month.id}, ${org.beta}), (${month.id}, ${org.lapsed})`,
    );
    const at = (iso: string) => runHousekeeping(h.db, policy, { now: new Date(iso) });
    expect((await at('2032-03-02T09:00:00Z'))?.callReminders).toBe(3);
    expect((await at('2032-03-02T20:00:00Z'))?.callReminders).toBe(0);
    const rows = await h.query<{ call_id: string; organization_id: string; days_before: number }>(
      sql`select call_id, organization_id, days_before from funding_call_reminders
           where call_id in (${week.id}, ${month.id}) order by days_before, organization_id`,
    );
    expect(rows.map((r) => [r.call_id, r.organization_id, Number(r.days_before)])).toEqual(
      [
        [week.id, org.alpha, 7],
        [week.id, org.beta, 7],
        [month.id, org.beta, 30],
      ].sort((a, b) => Number(a[2]) - Number(b[2]) || String(a[1]).localeCompare(String(b[1]))),
    );
    const events = await h.query<{ n: string | number }>(
      sql`select count(*) as n from outbox_events where type = 'call.deadline_reminder'
           and payload->>'callId' in (${week.id}, ${month.id})`,
    );
    expect(Number(events[0]!.n)).toBe(3);
  });
});

describe('personal data', () => {
  it('exports the interest I marked, and erasing my account keeps the interest without me', async () => {
    const c = await create({ opensAt: '2020-01-01T00:00:00.000Z' });
    const me = await insertUser(h, { roles: ['representative'], organizationIds: [org.alpha] });
    const cookie = await logIn(app, me.email);
    expect((await call(cookie, 'PUT', `/api/calls/${c.id}/interests/${org.alpha}`)).statusCode).toBe(200);
    const exported = await call(cookie, 'GET', '/api/account/export');
    expect(exported.statusCode, exported.body).toBe(200);
    expect(AccountExportSchema.parse(exported.json()).fundingCallInterests).toEqual([
      expect.objectContaining({ callId: c.id, organizationId: org.alpha }),
    ]);
    await h.query(sql`delete from user_organizations where user_id = ${me.id}`);
    const erased = await call(cookie, 'POST', '/api/account/erase', { password: TEST_PASSWORD });
    expect(erased.statusCode, erased.body).toBe(204);
    const rows = await h.query<{ marked_by: string | null }>(
      sql`select marked_by from funding_call_interests where call_id = ${c.id}`,
    );
    expect(rows).toEqual([{ marked_by: null }]);
  });
});
