/**
 * Issue 14 §3: private iCalendar feeds of confirmed bookings, per organisation and per resource. The feed
 * must be valid RFC 5545 (CRLF, folding at 75 octets, escaping, UTC times, stable UIDs, DTSTAMP), which the
 * test proves by parsing it back; the token is stored only hashed, and a reset stops the old URL.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { CalendarFeedResetSchema, CalendarFeedSchema } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { escapeText, foldLine } from '../../email/ical.ts';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
const org = {} as Record<'owner' | 'booker' | 'other', string>;
const as = {} as Record<'owner' | 'booker' | 'other', string>;
let resourceId = '';
const bookingIds: string[] = [];

// Close enough to now to be inside the feed's window whatever the date: tomorrow and the day after.
const DAY0 = Math.floor(Date.now() / 86_400_000) * 86_400_000 + 86_400_000;
const at = (hour: number, day = 0) => new Date(DAY0 + day * 86_400_000 + hour * 3_600_000);

/** Unfolds and splits an iCalendar text into properties of events (a small RFC 5545 reader). */
function parseIcs(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  // Every line ends in CRLF: no bare LF anywhere.
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const unescapeText = (v: string) =>
    v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
  const calendar: Record<string, string> = {};
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) current[name] = unescapeText(value);
    else calendar[name] = unescapeText(value);
  }
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  return { calendar, events };
}
const fromIcs = (v: string) =>
  new Date(v.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));

const call = (cookie: string, method: 'GET' | 'POST', url: string) =>
  app.inject({ method, url, headers: { cookie } });

beforeAll(async () => {
  h = await createTestDb();
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });
  org.owner = await insertOrganization(h, { nameBg: 'Студио „Звук; Образ“', nameEn: 'Sound, Vision; Ltd' });
  org.booker = await insertOrganization(h, { nameBg: 'Наемател', nameEn: 'Booker' });
  org.other = await insertOrganization(h, { nameBg: 'Друг', nameEn: 'Other' });
  for (const k of ['owner', 'booker', 'other'] as const) {
    const u = await insertUser(h, { roles: ['representative'], organizationIds: [org[k]] });
    as[k] = await logIn(app, u.email);
  }
  const hours = JSON.stringify(Array.from({ length: 7 }, () => ({ opens: '00:00', closes: '24:00' })));
  const longName = 'Звукозаписно студио с много дълго име, за да се пренесе редът, и с точка и запетая; край';
  const [r] = await h.query<{ id: string }>(
    sql`insert into shared_resources (organization_id, kind, name_bg, name_en, location, conditions, opening_hours)
        values (${org.owner}, 'studio', ${longName}, 'Studio A', 'ул. „Шипка“ 6, ет. 2', 'free', ${hours}::jsonb)
        returning id`,
  );
  resourceId = r!.id;
  for (const [start, end, status] of [
    [at(9), at(11), 'confirmed'],
    [at(12), at(13, 1), 'confirmed'],
    [at(14), at(15), 'requested'],
    [at(16), at(17), 'cancelled'],
  ] as const) {
    const [b] = await h.query<{ id: string }>(
      sql`insert into resource_bookings (resource_id, organization_id, starts_at, ends_at, status)
          values (${resourceId}, ${org.booker}, ${start.toISOString()}, ${end.toISOString()}, ${status})
          returning id`,
    );
    bookingIds.push(b!.id);
  }
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('the iCalendar writer', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
  it('folds at 75 octets without splitting a Cyrillic character', () => {
    const folded = foldLine(`SUMMARY:${'Ж'.repeat(100)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(`SUMMARY:${'Ж'.repeat(100)}`);
  });
});

describe('calendar feeds', () => {
  it("gives the organisation's representative a URL once, stores only its hash, and serves the confirmed bookings as valid iCalendar", async () => {
    const before = CalendarFeedSchema.parse(
      (await call(as.booker, 'GET', `/api/account/organizations/${org.booker}/calendar-feed`)).json(),
    );
    expect(before).toEqual({ active: false, createdAt: null });
    const made = await call(as.booker, 'POST', `/api/account/organizations/${org.booker}/calendar-feed`);
    expect(made.statusCode, made.body).toBe(201);
    const { url } = CalendarFeedResetSchema.parse(made.json());
    const token = new URL(url).searchParams.get('token')!;
    expect(new URL(url).pathname).toBe(`/api/calendar-feeds/organizations/${org.booker}/bookings.ics`);
    const stored = await h.query<{ token_hash: string }>(sql`select token_hash from calendar_feeds`);
    expect(JSON.stringify(stored)).not.toContain(token);
    const after = CalendarFeedSchema.parse(
      (await call(as.booker, 'GET', `/api/account/organizations/${org.booker}/calendar-feed`)).json(),
    );
    expect(after.active).toBe(true);
    expect(JSON.stringify(after)).not.toContain(token);

    // No session: the token is the credential.
    const feed = await app.inject({ method: 'GET', url: new URL(url).pathname + new URL(url).search });
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const { calendar, events } = parseIcs(feed.body);
    expect(calendar).toMatchObject({ VERSION: '2.0', 'X-WR-CALNAME': 'Резервации на споделени ресурси' });
    expect(calendar.PRODID).toBeTruthy();
    // Confirmed only, in time order, with the times in UTC.
    expect(events).toHaveLength(2);
    expect(events.map((e) => fromIcs(e.DTSTART!).toISOString())).toEqual([
      at(9).toISOString(),
      at(12).toISOString(),
    ]);
    expect(fromIcs(events[1]!.DTEND!).toISOString()).toBe(at(13, 1).toISOString());
    expect(events[0]!.UID).toBe(`booking-${bookingIds[0]}@${new URL(app.config.publicUrl).host}`);
    expect(events[0]!.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    // The booker sees whose resource it is; the text survives escaping and folding whole.
    expect(events[0]!.SUMMARY).toBe(
      'Звукозаписно студио с много дълго име, за да се пренесе редът, и с точка и запетая; край (Студио „Звук; Образ“)',
    );
    expect(events[0]!.LOCATION).toBe('ул. „Шипка“ 6, ет. 2');
    expect(events[0]!.DESCRIPTION).toBe('Резервирано от: Наемател\nРесурс на: Студио „Звук; Образ“');

    // The same booking keeps its UID on the next poll.
    const again = parseIcs((await app.inject({ method: 'GET', url: url.slice(url.indexOf('/api/')) })).body);
    expect(again.events.map((e) => e.UID)).toEqual(events.map((e) => e.UID));

    // English titles on request.
    const english = await app.inject({ method: 'GET', url: `${url.slice(url.indexOf('/api/'))}&lang=en` });
    expect(parseIcs(english.body).events[0]!.SUMMARY).toBe('Studio A (Sound, Vision; Ltd)');
  });

  it('lets only the owner make the feed of a resource, which names who booked', async () => {
    expect((await call(as.booker, 'POST', `/api/resources/${resourceId}/calendar-feed`)).statusCode).toBe(
      404,
    );
    const made = await call(as.owner, 'POST', `/api/resources/${resourceId}/calendar-feed`);
    expect(made.statusCode, made.body).toBe(201);
    const { url } = CalendarFeedResetSchema.parse(made.json());
    const feed = await app.inject({ method: 'GET', url: `${url.slice(url.indexOf('/api/'))}&lang=en` });
    const { calendar, events } = parseIcs(feed.body);
    expect(calendar['X-WR-CALNAME']).toBe('Studio A — bookings');
    expect(events.map((e) => e.SUMMARY)).toEqual(['Studio A — Booker', 'Studio A — Booker']);
  });

  it('stops the old URL when a representative resets it, and audits the reset without the token', async () => {
    const first = CalendarFeedResetSchema.parse(
      (await call(as.owner, 'POST', `/api/account/organizations/${org.owner}/calendar-feed`)).json(),
    );
    const second = CalendarFeedResetSchema.parse(
      (await call(as.owner, 'POST', `/api/account/organizations/${org.owner}/calendar-feed`)).json(),
    );
    expect(second.url).not.toBe(first.url);
    const path = (u: string) => u.slice(u.indexOf('/api/'));
    const old = await app.inject({ method: 'GET', url: path(first.url) });
    expect(old.statusCode).toBe(404);
    expect(old.json().code).toBe('calendar_feed.not_found');
    const current = await app.inject({ method: 'GET', url: path(second.url) });
    expect(current.statusCode).toBe(200);
    // The owner's organisation feed names who booked its resource.
    expect(parseIcs(current.body).events[0]!.SUMMARY).toMatch(/— Наемател$/);
    // A token of one organisation opens no other's feed.
    const token = new URL(second.url).searchParams.get('token');
    const elsewhere = await app.inject({
      method: 'GET',
      url: `/api/calendar-feeds/organizations/${org.booker}/bookings.ics?token=${token}`,
    });
    expect(elsewhere.statusCode).toBe(404);
    const audits = await h.query<{ action: string; before: unknown; after: unknown }>(
      sql`select action, before, after from audit_events where entity_id = ${org.owner} and action = 'calendar_feed.reset' order by occurred_at, id`,
    );
    expect(audits).toHaveLength(2);
    expect(audits[1]!.before).toMatchObject({ feedCreatedAt: expect.any(String) });
    expect(JSON.stringify(audits)).not.toContain(token);
  });

  it("refuses another organisation's feed settings and a made-up token", async () => {
    expect(
      (await call(as.other, 'GET', `/api/account/organizations/${org.booker}/calendar-feed`)).statusCode,
    ).toBe(404);
    const res = await app.inject({
      method: 'GET',
      url: `/api/calendar-feeds/organizations/${org.other}/bookings.ics?token=${'x'.repeat(43)}`,
    });
    expect(res.statusCode).toBe(404);
  });
});
