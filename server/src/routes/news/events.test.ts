/**
 * Issue 15 §4, decision 042: events. An event post has a date and a place (the end after the start) and,
 * optionally, registration with a capacity and a waiting list; registrants get an email with a link that
 * cancels, a freed seat goes to the first waiting (emailed); members-only events; the organisers' list and
 * CSV; the .ics download; every change audited; a user's export lists their registrations and erasure
 * deletes them (the seat passes on). Bad input is a field error with nothing saved.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import {
  EventEditorSchema,
  EventRegistrationsResponseSchema,
  NewsListResponseSchema,
  NewsPostSchema,
  NewsPublicPostSchema,
} from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  dispatchEvents,
  insertOrganization,
  insertUser,
  lastEmail,
  logIn,
} from '../../testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
const as = {} as Record<'committee' | 'rep' | 'noRole', string>;
let rep: { id: string; email: string };

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
  const org = await insertOrganization(h, { nameBg: 'Лаборатория Алфа', nameEn: 'Alpha Lab' });
  rep = await insertUser(h, {
    roles: ['representative'],
    organizationIds: [org],
    displayName: 'Мария Петрова',
  });
  as.rep = await logIn(app, rep.email);
  as.committee = await logIn(app, (await insertUser(h, { roles: ['committee_member'] })).email);
  as.noRole = await logIn(app, (await insertUser(h)).email);
});

afterAll(async () => {
  await app?.close();
  await h?.close();
});

const call = (cookie: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, ...(payload ? { payload } : {}), headers: cookie ? { cookie } : {} });

const fieldsOf = (res: { json: () => unknown }) =>
  ((res.json() as { errors?: { path: string; code?: string; message: string }[] }).errors ?? []).map(
    (e) => e.path,
  );

const DAY = Date.UTC(new Date().getUTCFullYear() + 1, 2, 12);
const at = (hours: number) => new Date(DAY + hours * 3600_000).toISOString();

const PLACE = 'Зала „Пловдив“, бул. „Марица“ 1';
let seq = 0;
/** A published event post with details; returns its id, slug and version. */
async function eventPost(details: Record<string, unknown> = {}) {
  seq++;
  const created = await call(as.committee, 'POST', '/api/committee/news', {
    category: 'event',
    titleBg: `Ден на отворените врати ${seq}`,
    titleEn: `Open day ${seq}`,
    summaryBg: 'Срещи между членовете и гости.',
    bodyBg: 'Заповядайте.',
    bodyEn: 'Welcome.',
  });
  expect(created.statusCode, created.body).toBe(201);
  let post = NewsPostSchema.parse(created.json());
  const published = await call(as.committee, 'POST', `/api/committee/news/${post.id}/publish`, {
    version: post.version,
  });
  post = NewsPostSchema.parse(published.json());
  const set = await call(as.committee, 'PUT', `/api/committee/news/${post.id}/event`, {
    version: post.version,
    startsAt: at(7),
    endsAt: at(10),
    place: PLACE,
    registrationEnabled: true,
    capacity: 2,
    ...details,
  });
  expect(set.statusCode, set.body).toBe(200);
  return { id: post.id, slug: post.slug, version: post.version + 1 };
}

const registerAs = (slug: string, name: string, email: string, cookie: string | null = null, extra = {}) =>
  call(cookie, 'POST', `/api/news/posts/${slug}/registrations`, { name, email, ...extra });

const tokenOf = (text: string) => /\/events\/cancel\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';

describe('event details', () => {
  it('shows the date, place and seats with the public post and in the list', async () => {
    const { slug, id } = await eventPost();
    const post = NewsPublicPostSchema.parse((await call(null, 'GET', `/api/news/posts/${slug}`)).json());
    expect(post.event).toMatchObject({
      startsAt: at(7),
      endsAt: at(10),
      place: 'Зала „Пловдив“, бул. „Марица“ 1',
      capacity: 2,
      seatsLeft: 2,
      waiting: 0,
      registrationOpen: true,
    });
    const list = NewsListResponseSchema.parse((await call(null, 'GET', '/api/news?category=event')).json());
    expect(list.items.find((i) => i.id === id)?.event?.seatsLeft).toBe(2);
  });

  it('refuses an end before the start, no place, and a non-event post, with field errors and nothing saved', async () => {
    const { id, version } = await eventPost();
    const bad = await call(as.committee, 'PUT', `/api/committee/news/${id}/event`, {
      version,
      startsAt: at(10),
      endsAt: at(9),
      place: '',
      capacity: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['body.endsAt', 'body.place', 'body.capacity']));
    const en = await app.inject({
      method: 'PUT',
      url: `/api/committee/news/${id}/event`,
      headers: { cookie: as.committee, 'accept-language': 'en' },
      payload: { version, startsAt: at(10), endsAt: at(9), place: 'Hall' },
    });
    expect(en.json().errors[0].message).toBe('The end must be after the start.');
    const [row] = await h.query<{ version: number; capacity: number }>(
      sql`select p.version, e.capacity from news_posts p join news_events e on e.post_id = p.id where p.id = ${id}`,
    );
    expect(row).toMatchObject({ version, capacity: 2 });

    const news = NewsPostSchema.parse(
      (
        await call(as.committee, 'POST', '/api/committee/news', {
          category: 'news',
          titleBg: 'Н',
          bodyBg: 'Т',
        })
      ).json(),
    );
    const notEvent = await call(as.committee, 'PUT', `/api/committee/news/${news.id}/event`, {
      version: news.version,
      startsAt: at(1),
      endsAt: at(2),
      place: 'Зала',
    });
    expect(notEvent.statusCode).toBe(400);
    expect(fieldsOf(notEvent)).toEqual(['body.startsAt']);

    const stale = await call(as.committee, 'PUT', `/api/committee/news/${id}/event`, {
      version: version - 1,
      startsAt: at(1),
      endsAt: at(2),
      place: 'Зала',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('serves the event as an .ics file', async () => {
    const { slug } = await eventPost();
    const res = await call(null, 'GET', `/api/news/posts/${slug}/event.ics?lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const start = at(7)
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    expect(res.body).toContain(`DTSTART:${start}`);
    expect(res.body).toMatch(/SUMMARY:Open day \d+/);
    expect(res.body).toContain('LOCATION:Зала „Пловдив“\\, бул. „Марица“ 1');
  });
});

describe('registration', () => {
  it('gives seats up to the capacity, then the waiting list; a cancelled seat goes to the first waiting, who is emailed', async () => {
    const { slug, id } = await eventPost();
    const a = await registerAs(slug, 'Анна', 'anna@example.bg');
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ status: 'confirmed', waitingPosition: null });
    expect((await registerAs(slug, 'Борис', 'boris@example.bg')).json().status).toBe('confirmed');
    const c = await registerAs(slug, 'Цвета', 'cveta@example.bg', null, { language: 'en' });
    expect(c.json()).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    expect((await registerAs(slug, 'Димо', 'dimo@example.bg')).json()).toMatchObject({ waitingPosition: 2 });

    const post = NewsPublicPostSchema.parse((await call(null, 'GET', `/api/news/posts/${slug}`)).json());
    expect(post.event).toMatchObject({ seatsLeft: 0, waiting: 2 });

    const mail = await lastEmail(h, 'anna@example.bg');
    expect(mail.subject).toMatch(/Записани сте за „Ден на отворените врати/);
    expect(mail.text).toContain(`/news/${slug}`);
    const waitMail = await lastEmail(h, 'cveta@example.bg');
    expect(waitMail.subject).toMatch(/You are on the waiting list/);
    // A seat comes with the event as a calendar entry (text/calendar + .ics); the waiting list without.
    const calendarOf = async (to: string) =>
      (
        await h.query<{ calendar: string | null }>(
          sql`select calendar from outbox_messages where to_email = ${to} order by created_at desc, id desc limit 1`,
        )
      )[0]?.calendar ?? null;
    const ics = await calendarOf('anna@example.bg');
    expect(ics).toContain(`UID:event-${id}@`);
    expect(ics).toContain(
      `DTSTART:${at(7)
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '')}`,
    );
    expect(ics).toContain(`URL:http`);
    expect(await calendarOf('cveta@example.bg')).toBeNull();

    // The same address again: a field error, nothing saved.
    const twice = await registerAs(slug, 'Анна', 'ANNA@example.bg');
    expect(twice.statusCode).toBe(400);
    expect(fieldsOf(twice)).toEqual(['body.email']);

    // Anna cancels from her link: Cveta (first waiting) gets the seat and an email.
    const token = tokenOf(mail.text);
    const info = await call(null, 'GET', `/api/news/registrations/cancel?token=${token}`);
    expect(info.json()).toMatchObject({ slug, name: 'Анна', status: 'confirmed' });
    const cancelled = await call(null, 'POST', '/api/news/registrations/cancel', { token });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect((await lastEmail(h, 'cveta@example.bg')).subject).toMatch(/A seat became free/);
    expect(await calendarOf('cveta@example.bg')).toContain('SUMMARY:Open day');
    // Cancelling again changes nothing (Dimo stays waiting).
    expect((await call(null, 'POST', '/api/news/registrations/cancel', { token })).statusCode).toBe(200);

    const list = EventRegistrationsResponseSchema.parse(
      (await call(as.committee, 'GET', `/api/committee/news/${id}/registrations`)).json(),
    );
    expect(list.items.map((r) => [r.name, r.status])).toEqual([
      ['Борис', 'confirmed'],
      ['Цвета', 'confirmed'],
      ['Димо', 'waiting'],
      ['Анна', 'cancelled'],
    ]);
    expect(list.event).toMatchObject({ confirmed: 2, waiting: 1, seatsLeft: 0 });

    // She may register again (the cancelled registration does not hold the address): now she waits.
    expect((await registerAs(slug, 'Анна', 'anna@example.bg')).json()).toMatchObject({ waitingPosition: 2 });

    // More seats: the waiting list moves up at once, in its order.
    const more = await call(as.committee, 'PUT', `/api/committee/news/${id}/event`, {
      version: (await h.query<{ version: number }>(sql`select version from news_posts where id = ${id}`))[0]!
        .version,
      startsAt: at(7),
      endsAt: at(10),
      place: PLACE,
      registrationEnabled: true,
      capacity: 3,
    });
    expect(EventEditorSchema.parse(more.json())).toMatchObject({ confirmed: 3, waiting: 1, seatsLeft: 0 });
    expect((await lastEmail(h, 'dimo@example.bg')).subject).toMatch(/Освободи се място/);

    const audit = await h.query<{ action: string; n: number }>(
      sql`select action, count(*)::int as n from audit_events
        where entity_type = 'event_registration' or (entity_type = 'news_post' and entity_id = ${id}
          and action = 'news.event_updated')
        group by action order by action`,
    );
    expect(Object.fromEntries(audit.map((r) => [r.action, Number(r.n)]))).toMatchObject({
      'event.cancelled': 1,
      'event.promoted': 2,
      'news.event_updated': 2,
    });
  });

  it('tells the registrants of a new time or place (seats with the updated calendar entry); other changes send nothing', async () => {
    const { slug, id } = await eventPost();
    await registerAs(slug, 'Анна', 'anna@example.bg');
    await registerAs(slug, 'Борис', 'boris@example.bg');
    await registerAs(slug, 'Цвета', 'cveta@example.bg', null, { language: 'en' });
    const versionOf = async () =>
      (await h.query<{ version: number }>(sql`select version from news_posts where id = ${id}`))[0]!.version;
    const countOf = async (template: string) => {
      await dispatchEvents(h.db);
      return Number(
        (
          await h.query<{ n: number }>(
            sql`select count(*)::int as n from outbox_messages where template = ${template}
              and to_email in ('anna@example.bg', 'boris@example.bg', 'cveta@example.bg')`,
          )
        )[0]!.n,
      );
    };
    const put = async (details: Record<string, unknown>) => {
      const res = await call(as.committee, 'PUT', `/api/committee/news/${id}/event`, {
        version: await versionOf(),
        startsAt: at(7),
        endsAt: at(10),
        place: PLACE,
        registrationEnabled: true,
        capacity: 2,
        ...details,
      });
      expect(res.statusCode, res.body).toBe(200);
    };

    // Closing the registration earlier is no news for those registered.
    await put({ registrationClosesAt: at(2) });
    expect(await countOf('event_changed')).toBe(0);
    expect(await countOf('event_changed_waiting')).toBe(0);

    // A new start and place: the two seats get the update with the calendar entry, the waiting list the text.
    await put({ startsAt: at(9), endsAt: at(12), place: 'Зала „Европа“', registrationClosesAt: at(2) });
    expect(await countOf('event_changed')).toBe(2);
    expect(await countOf('event_changed_waiting')).toBe(1);
    const anna = await lastEmail(h, 'anna@example.bg');
    expect(anna.subject).toMatch(/^Промяна: „Ден на отворените врати/);
    expect(anna.text).toContain('Зала „Европа“');
    const [calendar] = await h.query<{ calendar: string | null }>(
      sql`select calendar from outbox_messages where to_email = 'anna@example.bg' and template = 'event_changed'`,
    );
    expect(calendar?.calendar).toContain(`UID:event-${id}@`);
    expect(calendar?.calendar).toMatch(/SEQUENCE:[1-9]/);
    expect(calendar?.calendar).toContain('LOCATION:Зала „Европа“');
    const cveta = await lastEmail(h, 'cveta@example.bg');
    expect(cveta.subject).toMatch(/^Change: "Open day/);
    expect(cveta.text).toContain('still on the waiting list');
    const [waitingCalendar] = await h.query<{ calendar: string | null }>(
      sql`select calendar from outbox_messages where to_email = 'cveta@example.bg' and template = 'event_changed_waiting'`,
    );
    expect(waitingCalendar?.calendar).toBeNull();
  });

  it('refuses bad input with field errors in the language asked, saving nothing', async () => {
    const { slug, id } = await eventPost();
    const res = await app.inject({
      method: 'POST',
      url: `/api/news/posts/${slug}/registrations`,
      headers: { 'accept-language': 'bg' },
      payload: { name: '  ', email: 'not-an-address', organizationName: 'x'.repeat(201) },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res).sort()).toEqual(['body.email', 'body.name', 'body.organizationName']);
    const [n] = await h.query<{ n: number }>(
      sql`select count(*)::int as n from event_registrations where post_id = ${id}`,
    );
    expect(Number(n!.n)).toBe(0);
  });

  it('is closed after its closing time, when disabled, and for a post that is not public', async () => {
    const closed = await eventPost();
    await h.query(
      sql`update news_events set registration_closes_at = now() - interval '1 minute' where post_id = ${closed.id}`,
    );
    const late = await registerAs(closed.slug, 'Анна', 'late@example.bg');
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('event.registration_closed');
    expect(
      NewsPublicPostSchema.parse((await call(null, 'GET', `/api/news/posts/${closed.slug}`)).json()).event
        ?.registrationOpen,
    ).toBe(false);

    const off = await eventPost({ registrationEnabled: false });
    expect((await registerAs(off.slug, 'Анна', 'off@example.bg')).statusCode).toBe(409);

    const hidden = await eventPost();
    await h.query(sql`update news_posts set status = 'archived' where id = ${hidden.id}`);
    expect((await registerAs(hidden.slug, 'Анна', 'hidden@example.bg')).statusCode).toBe(404);
  });

  it('lets only members register for a members-only event, with their own account address', async () => {
    const { slug, id } = await eventPost({ registrationOpenTo: 'members', capacity: null });
    expect((await registerAs(slug, 'Гост', 'guest@example.bg')).statusCode).toBe(401);
    expect((await registerAs(slug, 'Гост', 'guest@example.bg', as.noRole)).statusCode).toBe(403);
    const ok = await registerAs(slug, 'Мария Петрова', 'someone-else@example.bg', as.rep);
    expect(ok.statusCode, ok.body).toBe(201);
    const list = EventRegistrationsResponseSchema.parse(
      (await call(as.committee, 'GET', `/api/committee/news/${id}/registrations`)).json(),
    );
    expect(list.items).toEqual([expect.objectContaining({ email: rep.email, member: true })]);
    expect(list.event?.seatsLeft).toBeNull();
  });

  it('exports the registrations as CSV with a BOM, waiting positions and formulas neutralised', async () => {
    const { slug, id } = await eventPost({ capacity: 1 });
    await registerAs(slug, '=HYPERLINK("http://evil")', 'formula@example.bg', null, {
      organizationName: 'Алфа, ООД',
    });
    await registerAs(slug, 'Второ име', 'second@example.bg');
    const res = await call(as.committee, 'GET', `/api/committee/news/${id}/registrations.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(`registrations-${slug}.csv`);
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe(
      '\ufeffstatus,waiting_position,name,email,organization,member,registered_at,confirmed_at,cancelled_at',
    );
    expect(lines[1]).toMatch(
      /^confirmed,,"'=HYPERLINK\(""http:\/\/evil""\)",formula@example\.bg,"Алфа, ООД",no,/,
    );
    expect(lines[2]).toMatch(/^waiting,1,Второ име,second@example\.bg,,no,/);
    expect((await call(as.rep, 'GET', `/api/committee/news/${id}/registrations.csv`)).statusCode).toBe(403);
  });
});

describe('personal data', () => {
  it("lists a user's registrations in their export; erasing the account deletes them and the seat passes on", async () => {
    const { slug, id } = await eventPost({ capacity: 1 });
    const user = await insertUser(h, { roles: ['representative'], displayName: 'Иво' });
    const cookie = await logIn(app, user.email);
    expect((await registerAs(slug, 'Иво', user.email, cookie)).json().status).toBe('confirmed');
    expect((await registerAs(slug, 'Чакащ', 'waiter@example.bg')).json().status).toBe('waiting');

    const exported = await call(cookie, 'GET', '/api/account/export');
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json().eventRegistrations).toEqual([
      expect.objectContaining({ slug, name: 'Иво', email: user.email, status: 'confirmed' }),
    ]);

    const erased = await call(cookie, 'POST', '/api/account/erase', { password: user.password });
    expect(erased.statusCode, erased.body).toBeLessThan(300);
    const rows = await h.query<{ email: string; status: string }>(
      sql`select email, status from event_registrations where post_id = ${id}`,
    );
    expect(rows).toEqual([{ email: 'waiter@example.bg', status: 'confirmed' }]);
    expect((await lastEmail(h, 'waiter@example.bg')).subject).toMatch(/Освободи се място/);
  });
});
