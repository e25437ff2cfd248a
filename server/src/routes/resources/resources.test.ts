/**
 * Issue 14 §3: shared resources with booking. A representative of an active member shares a resource;
 * another member's representative asks for a time; the owner confirms or declines; either side cancels.
 * Bad ranges are field errors that save nothing; two confirmed bookings of one resource never overlap,
 * which the database itself enforces (the exclusion constraint, on PGlite as on PostgreSQL).
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import {
  BookingListResponseSchema,
  BookingSchema,
  CalendarResponseSchema,
  type Problem,
  ResourceListResponseSchema,
  SharedResourceSchema,
} from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS, type RateLimits } from '../../auth/rate-limit.ts';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';
import { moveBooking } from './resources.service.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
const org = {} as Record<'owner' | 'booker' | 'other' | 'candidate' | 'suspended', string>;
const as = {} as Record<'owner' | 'booker' | 'other' | 'candidate' | 'suspended' | 'committee', string>;

const allDay = Array.from({ length: 7 }, () => ({ opens: '00:00', closes: '24:00' }));
const resourceBody = (organizationId: string, extra: object = {}) => ({
  organizationId,
  kind: 'lab',
  nameBg: 'GPU лаборатория',
  nameEn: 'GPU lab',
  descriptionBg: 'Осем карти',
  descriptionEn: 'Eight cards',
  location: 'София, бул. Цариградско шосе 111',
  capacity: 6,
  conditions: 'cost_sharing',
  minNoticeHours: 0,
  maxBookingHours: 8,
  openingHours: allDay,
  ...extra,
});

/** A day well ahead, at `hour`:00 UTC, plus `hours`. */
const DAY = Date.UTC(new Date().getUTCFullYear() + 1, 4, 12);
const at = (hour: number, day = 0) => new Date(DAY + day * 86_400_000 + hour * 3_600_000).toISOString();

const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

async function newResource(extra: object = {}): Promise<string> {
  const res = await call(as.owner, 'POST', '/api/resources', resourceBody(org.owner, extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function book(
  resourceId: string,
  from: string,
  to: string,
  cookie = as.booker,
  organizationId = org.booker,
) {
  return call(cookie, 'POST', `/api/resources/${resourceId}/bookings`, {
    organizationId,
    startsAt: from,
    endsAt: to,
  });
}
const countBookings = async () =>
  Number((await h.query<{ n: number }>(sql`select count(*)::int as n from resource_bookings`))[0]!.n);

beforeAll(async () => {
  h = await createTestDb();
  const generous = Object.fromEntries(
    Object.keys(RATE_LIMITS).map((k) => [k, { max: 100_000, windowSeconds: 60 }]),
  ) as RateLimits;
  app = await buildTestApp(h, {}, { rateLimits: generous });
  org.owner = await insertOrganization(h, { nameBg: 'Собственик', nameEn: 'Owner' });
  org.booker = await insertOrganization(h, { nameBg: 'Наемател', nameEn: 'Booker' });
  org.other = await insertOrganization(h, { nameBg: 'Друг', nameEn: 'Other' });
  org.candidate = await insertOrganization(h, {
    nameBg: 'Кандидат',
    nameEn: 'Candidate',
    category: 'candidate',
  });
  org.suspended = await insertOrganization(h, { nameBg: 'Спрян', nameEn: 'Suspended', status: 'suspended' });
  for (const k of ['owner', 'booker', 'other', 'candidate', 'suspended'] as const) {
    const u = await insertUser(h, { roles: ['representative'], organizationIds: [org[k]] });
    as[k] = await logIn(app, u.email);
  }
  const c = await insertUser(h, { roles: ['committee_member'] });
  as.committee = await logIn(app, c.email);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('shared resources', () => {
  it('lets a representative of an active member share a resource, and members list and read it', async () => {
    const id = await newResource();
    const list = ResourceListResponseSchema.parse((await call(as.other, 'GET', '/api/resources')).json());
    expect(list.items.map((r) => r.id)).toContain(id);
    const detail = SharedResourceSchema.parse(
      (await call(as.committee, 'GET', `/api/resources/${id}`)).json(),
    );
    expect(detail).toMatchObject({ nameEn: 'GPU lab', organizationNameEn: 'Owner', version: 1 });
    const [audit] = await h.query<{ action: string }>(
      sql`select action from audit_events where entity_id = ${id} order by occurred_at`,
    );
    expect(audit?.action).toBe('resource.created');
  });

  it('refuses to share for another organisation (404) or for one that is not an active member (403)', async () => {
    expect((await call(as.booker, 'POST', '/api/resources', resourceBody(org.owner))).statusCode).toBe(404);
    const lapsed = await call(as.suspended, 'POST', '/api/resources', resourceBody(org.suspended));
    expect(lapsed.statusCode).toBe(403);
    expect(lapsed.json<Problem>().code).toBe('membership.inactive');
    const candidate = await call(as.candidate, 'POST', '/api/resources', resourceBody(org.candidate));
    expect(candidate.statusCode).toBe(403);
  });

  it('requires a fee with its unit exactly when the conditions say "fee"', async () => {
    const res = await call(
      as.owner,
      'POST',
      '/api/resources',
      resourceBody(org.owner, { conditions: 'fee' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>().errors?.map((e) => e.path)).toContain('body.feeCents');
    const ok = await call(
      as.owner,
      'POST',
      '/api/resources',
      resourceBody(org.owner, { conditions: 'fee', feeCents: 2500, feeUnit: 'hour' }),
    );
    expect(ok.statusCode).toBe(201);
  });

  it('changes a resource with the version read and refuses a stale version', async () => {
    const id = await newResource();
    const { organizationId: _o, ...fields } = resourceBody(org.owner);
    const changed = await call(as.owner, 'PUT', `/api/resources/${id}`, {
      ...fields,
      nameEn: 'GPU lab 2',
      version: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ nameEn: 'GPU lab 2', version: 2 });
    const stale = await call(as.owner, 'PUT', `/api/resources/${id}`, { ...fields, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Problem>().code).toBe('resource.stale');
    expect((await call(as.booker, 'PUT', `/api/resources/${id}`, { ...fields, version: 2 })).statusCode).toBe(
      404,
    );
  });

  it('hides a withdrawn resource from other members', async () => {
    const id = await newResource();
    const { organizationId: _o, ...fields } = resourceBody(org.owner);
    await call(as.owner, 'PUT', `/api/resources/${id}`, { ...fields, active: false, version: 1 });
    expect((await call(as.other, 'GET', `/api/resources/${id}`)).statusCode).toBe(404);
    expect((await call(as.owner, 'GET', `/api/resources/${id}`)).statusCode).toBe(200);
    expect((await book(id, at(10), at(11))).statusCode).toBe(404);
  });
});

describe('booking a resource', () => {
  it('asks, confirms, shows the booking in the calendars and audits each step', async () => {
    const id = await newResource();
    const asked = await book(id, at(9), at(11));
    expect(asked.statusCode, asked.body).toBe(201);
    const booking = BookingSchema.parse(asked.json());
    expect(booking).toMatchObject({
      status: 'requested',
      organizationId: org.booker,
      ownerOrganizationId: org.owner,
    });
    // The one who asked cannot confirm; the owner can.
    expect((await call(as.booker, 'POST', `/api/bookings/${booking.id}/confirm`)).statusCode).toBe(404);
    const confirmed = await call(as.owner, 'POST', `/api/bookings/${booking.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed' });

    const range = `from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(24))}`;
    const calendar = CalendarResponseSchema.parse(
      (await call(as.other, 'GET', `/api/resources/${id}/calendar?${range}`)).json(),
    );
    expect(calendar.items).toEqual([{ id: booking.id, resourceId: id, startsAt: at(9), endsAt: at(11) }]);
    for (const side of ['owner', 'booker'] as const) {
      const mine = BookingListResponseSchema.parse(
        (
          await call(
            as[side],
            'GET',
            `/api/account/organizations/${org[side]}/bookings?${range}&status=confirmed`,
          )
        ).json(),
      );
      expect(mine.items.map((b) => b.id)).toContain(booking.id);
    }
    const actions = await h.query<{ action: string; before: unknown; after: unknown }>(
      sql`select action, before, after from audit_events where entity_id = ${booking.id} order by occurred_at, id`,
    );
    expect(actions.map((a) => a.action)).toEqual(['booking.requested', 'booking.confirmed']);
    expect(actions[1]).toMatchObject({ before: { status: 'requested' }, after: { status: 'confirmed' } });
  });

  it('refuses a request overlapping a confirmed booking with 409 naming its time, and saves nothing', async () => {
    const id = await newResource();
    const first = (await book(id, at(9), at(11))).json();
    await call(as.owner, 'POST', `/api/bookings/${first.id}/confirm`);
    const before = await countBookings();
    const clash = await book(id, at(10), at(12), as.other, org.other);
    expect(clash.statusCode).toBe(409);
    const problem = clash.json<Problem>();
    expect(problem.code).toBe('booking.clash');
    // Sofia time (UTC+3 in May): 12:00–14:00.
    expect(problem.detail).toContain(`${at(9).slice(0, 10)} 12:00`);
    expect(problem.detail).toContain('14:00');
    expect(await countBookings()).toBe(before);
    // Back to back is no overlap: [11:00, 12:00) starts as the other ends.
    expect((await book(id, at(11), at(12), as.other, org.other)).statusCode).toBe(201);
  });

  it('refuses to confirm a second overlapping request: the exclusion constraint decides, 409 names the clash', async () => {
    const id = await newResource();
    const a = (await book(id, at(13), at(15))).json();
    const b = (await book(id, at(14), at(16), as.other, org.other)).json();
    expect((await call(as.owner, 'POST', `/api/bookings/${a.id}/confirm`)).statusCode).toBe(200);
    const second = await call(as.owner, 'POST', `/api/bookings/${b.id}/confirm`);
    expect(second.statusCode).toBe(409);
    expect(second.json<Problem>()).toMatchObject({ code: 'booking.clash' });
    expect(second.json<Problem>().detail).toContain('16:00');
    const [row] = await h.query<{ status: string }>(
      sql`select status from resource_bookings where id = ${b.id}`,
    );
    expect(row?.status).toBe('requested');
    // Once the first is cancelled, the second can be confirmed.
    expect(
      (await call(as.booker, 'POST', `/api/bookings/${a.id}/cancel`, { reason: 'Plans changed' })).statusCode,
    ).toBe(200);
    expect((await call(as.owner, 'POST', `/api/bookings/${b.id}/confirm`)).statusCode).toBe(200);
  });

  it('lets the database itself refuse two overlapping confirmed bookings of one resource', async () => {
    const id = await newResource();
    const insert = (from: string, to: string) =>
      h.query(
        sql`insert into resource_bookings (resource_id, organization_id, starts_at, ends_at, status)
            values (${id}, ${org.booker}, ${from}, ${to}, 'confirmed')`,
      );
    await insert(at(1), at(3));
    await expect(insert(at(2), at(4))).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '23P01' }),
    });
    // Requested ones may overlap; a confirmed one next to it may not start before it ends.
    await h.query(
      sql`insert into resource_bookings (resource_id, organization_id, starts_at, ends_at)
          values (${id}, ${org.booker}, ${at(2)}, ${at(4)})`,
    );
    await insert(at(3), at(4));
  });

  it('answers a bad range with field errors in the request language and saves nothing', async () => {
    const id = await newResource({
      minNoticeHours: 48,
      maxBookingHours: 2,
      openingHours: Array(7).fill({ opens: '09:00', closes: '17:00' }),
    });
    const before = await countBookings();
    const cases: [string, string, string, string][] = [
      [at(12), at(10), 'body.endsAt', 'The end must be after the start.'],
      [at(-48 * 400), at(-48 * 400 + 1), 'body.startsAt', 'The start is in the past.'],
      [
        new Date(Date.now() + 3_600_000).toISOString(),
        new Date(Date.now() + 7_200_000).toISOString(),
        'body.startsAt',
        'at least 48 hours',
      ],
      [at(7), at(10), 'body.endsAt', 'at most 2 hours'],
      [at(4), at(6), 'body.startsAt', 'opening hours'],
    ];
    for (const [from, to, path, message] of cases) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/resources/${id}/bookings`,
        headers: { cookie: as.booker, 'accept-language': 'en' },
        payload: { organizationId: org.booker, startsAt: from, endsAt: to },
      });
      expect(res.statusCode, `${from}–${to}`).toBe(400);
      const errors = res.json<Problem>().errors ?? [];
      expect(errors.find((e) => e.path === path)?.message ?? JSON.stringify(errors)).toContain(message);
    }
    expect(await countBookings()).toBe(before);
  });

  it('lets a candidate book only where the owner allows applicants, and never a suspended member', async () => {
    const membersOnly = await newResource();
    const open = await newResource({ whoMayBook: 'members_and_applicants' });
    const refused = await book(membersOnly, at(9, 1), at(10, 1), as.candidate, org.candidate);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<Problem>().code).toBe('booking.not_allowed');
    expect((await book(open, at(9, 1), at(10, 1), as.candidate, org.candidate)).statusCode).toBe(201);
    expect((await book(open, at(11, 1), at(12, 1), as.suspended, org.suspended)).statusCode).toBe(403);
    // For another organisation than one's own: not found.
    expect((await book(open, at(13, 1), at(14, 1), as.booker, org.other)).statusCode).toBe(404);
  });

  it('shows a candidate the resources open to applicants, says in its language why not the others, and follows its membership now', async () => {
    const membersOnly = await newResource();
    const open = await newResource({ whoMayBook: 'members_and_applicants' });
    // The session tells the web app that the organisation is a candidate (its standing stays "none").
    const session = (await call(as.candidate, 'GET', '/api/auth/session')).json();
    expect(session.user.organizations).toEqual([
      expect.objectContaining({ id: org.candidate, standing: 'none', candidate: true }),
    ]);
    const list = ResourceListResponseSchema.parse((await call(as.candidate, 'GET', '/api/resources')).json());
    expect(list.items.map((r) => r.id)).toContain(open);
    expect(list.items.map((r) => r.id)).not.toContain(membersOnly);
    expect(list.items.every((r) => r.whoMayBook === 'members_and_applicants')).toBe(true);
    expect((await call(as.candidate, 'GET', `/api/resources/${open}`)).statusCode).toBe(200);
    const calendar = await call(
      as.candidate,
      'GET',
      `/api/resources/${open}/calendar?from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(0, 7))}`,
    );
    expect(calendar.statusCode, calendar.body).toBe(200);
    expect((await call(as.candidate, 'GET', `/api/resources/${open}/photos`)).statusCode).toBe(200);

    const refused = await app.inject({
      url: `/api/resources/${membersOnly}`,
      headers: { cookie: as.candidate, 'accept-language': 'en' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<Problem>()).toMatchObject({ code: 'resource.members_only' });
    expect(refused.json<Problem>().detail).toMatch(/active members of the cluster only/);
    const refusedBg = await app.inject({
      url: `/api/resources/${membersOnly}/calendar?from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(0, 7))}`,
      headers: { cookie: as.candidate, 'accept-language': 'bg' },
    });
    expect(refusedBg.json<Problem>()).toMatchObject({ code: 'resource.members_only' });
    expect(refusedBg.json<Problem>().detail).toMatch(/само на действащите членове/);
    // Members see both.
    const members = ResourceListResponseSchema.parse((await call(as.other, 'GET', '/api/resources')).json());
    expect(members.items.map((r) => r.id)).toEqual(expect.arrayContaining([open, membersOnly]));

    // Admitted as a full member: the same session sees every resource at once.
    await h.query(sql`update memberships set category = 'regular' where organization_id = ${org.candidate}`);
    try {
      const now = ResourceListResponseSchema.parse(
        (await call(as.candidate, 'GET', '/api/resources')).json(),
      );
      expect(now.items.map((r) => r.id)).toEqual(expect.arrayContaining([open, membersOnly]));
    } finally {
      await h.query(
        sql`update memberships set category = 'candidate' where organization_id = ${org.candidate}`,
      );
    }
    // No longer a candidate (withdrawn): nothing, with the members-only reason.
    await h.query(sql`update memberships set status = 'withdrawn' where organization_id = ${org.candidate}`);
    try {
      const lapsed = await call(as.candidate, 'GET', '/api/resources');
      expect(lapsed.statusCode).toBe(403);
      expect(lapsed.json<Problem>().code).toBe('membership.inactive');
    } finally {
      await h.query(sql`update memberships set status = 'active' where organization_id = ${org.candidate}`);
    }
  });

  it('lets the owner decline with a reason, and refuses moves from a finished state', async () => {
    const id = await newResource();
    const b = (await book(id, at(9, 2), at(10, 2))).json();
    expect((await call(as.owner, 'POST', `/api/bookings/${b.id}/decline`, {})).statusCode).toBe(400);
    const declined = await call(as.owner, 'POST', `/api/bookings/${b.id}/decline`, {
      reason: 'Maintenance that day',
    });
    expect(declined.json()).toMatchObject({ status: 'declined', reason: 'Maintenance that day' });
    const again = await call(as.owner, 'POST', `/api/bookings/${b.id}/confirm`);
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('booking.transition_invalid');
    expect((await call(as.booker, 'POST', `/api/bookings/${b.id}/cancel`, {})).statusCode).toBe(409);
  });

  it('checks again when the owner confirms: the resource, both members and the start, each with its own 409', async () => {
    const status = async (bookingId: string) =>
      (
        await h.query<{ status: string }>(sql`select status from resource_bookings where id = ${bookingId}`)
      )[0]?.status;
    const confirm = async (bookingId: string) => {
      const res = await call(as.owner, 'POST', `/api/bookings/${bookingId}/confirm`);
      expect(res.statusCode, res.body).toBe(409);
      expect(await status(bookingId)).toBe('requested');
      return res.json<Problem>();
    };

    // The owner withdrew the resource after the request came in.
    const withdrawn = await newResource();
    const early = BookingSchema.parse((await book(withdrawn, at(9), at(10))).json());
    await h.query(sql`update shared_resources set active = false where id = ${withdrawn}`);
    expect((await confirm(early.id)).code).toBe('booking.resource_inactive');

    // The organisation that asked has been suspended since.
    const leaver = await insertOrganization(h, { nameBg: 'Напускащ', nameEn: 'Leaver' });
    const leaverUser = await insertUser(h, { roles: ['representative'], organizationIds: [leaver] });
    const leaverCookie = await logIn(app, leaverUser.email);
    const id = await newResource();
    const asked = BookingSchema.parse((await book(id, at(9), at(10), leaverCookie, leaver)).json());
    await h.query(sql`update memberships set status = 'suspended' where organization_id = ${leaver}`);
    const lapsed = await confirm(asked.id);
    expect(lapsed.code).toBe('booking.requester_inactive');

    // A request whose time has come and gone is not confirmed afterwards; the message names its start.
    const past = await h.query<{ id: string }>(
      sql`insert into resource_bookings (resource_id, organization_id, starts_at, ends_at)
          values (${id}, ${org.booker}, now() - interval '2 hours', now() - interval '1 hour') returning id`,
    );
    const late = await app.inject({
      method: 'POST',
      url: `/api/bookings/${past[0]!.id}/confirm`,
      headers: { cookie: as.owner, 'accept-language': 'bg' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json<Problem>()).toMatchObject({ code: 'booking.in_past' });
    expect(late.json<Problem>().detail).toMatch(/вече е минало/);

    // The owner's own membership lapsing is refused before the service (membership.inactive) and by it.
    const fresh = BookingSchema.parse((await book(id, at(12), at(13))).json());
    await h.query(sql`update memberships set status = 'suspended' where organization_id = ${org.owner}`);
    try {
      const ownerLapsed = await call(as.owner, 'POST', `/api/bookings/${fresh.id}/confirm`);
      expect(ownerLapsed.statusCode).toBe(403);
      await expect(
        moveBooking(h.db, { userId: null as unknown as string, requestId: null }, fresh.id, 'confirm', null),
      ).rejects.toMatchObject({ code: 'booking.owner_inactive' });
    } finally {
      await h.query(sql`update memberships set status = 'active' where organization_id = ${org.owner}`);
    }
    expect(await status(fresh.id)).toBe('requested');
  });

  it('shows a booking to its two sides only', async () => {
    const id = await newResource();
    const b = (await book(id, at(9, 3), at(10, 3))).json();
    expect((await call(as.owner, 'GET', `/api/bookings/${b.id}`)).statusCode).toBe(200);
    expect((await call(as.booker, 'GET', `/api/bookings/${b.id}`)).statusCode).toBe(200);
    expect((await call(as.other, 'GET', `/api/bookings/${b.id}`)).statusCode).toBe(404);
    expect((await call(as.other, 'POST', `/api/bookings/${b.id}/cancel`, {})).statusCode).toBe(404);
    const range = `from=${encodeURIComponent(at(0, 3))}&to=${encodeURIComponent(at(24, 3))}`;
    expect(
      (await call(as.other, 'GET', `/api/account/organizations/${org.booker}/bookings?${range}`)).statusCode,
    ).toBe(404);
  });

  it('refuses a calendar period that ends before it starts or is longer than 62 days', async () => {
    const id = await newResource();
    const q = (from: string, to: string) =>
      call(
        as.other,
        'GET',
        `/api/resources/${id}/calendar?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      );
    expect((await q(at(10), at(9))).statusCode).toBe(400);
    expect((await q(at(0), at(0, 63))).statusCode).toBe(400);
  });
});
