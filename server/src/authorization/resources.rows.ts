import { sql } from '@portal/db';
import { expect } from 'vitest';
import { newToken, tokenHash } from '../auth/tokens.ts';
import {
  ANON,
  allow,
  bodyOf,
  type Expectations,
  everyone,
  everySignedIn,
  FORBIDDEN,
  h,
  INACTIVE_MEMBER,
  nextSeq,
  ORG_NOT_FOUND,
  type Outcome,
  type Row,
} from './matrix.ts';

/**
 * Shared resources and their bookings (issue 14 §3, decision 034). The representative is linked to A:
 * A shares resources and confirms their bookings while it is an active member; A books B's resources.
 * A booking is seen by its two sides only.
 */

const RESOURCE_NOT_FOUND: Outcome = { deny: 404, code: 'resource.not_found' };
const BOOKING_NOT_FOUND: Outcome = { deny: 404, code: 'booking.not_found' };
const NOT_ALLOWED: Outcome = { deny: 403, code: 'booking.not_allowed' };
/** A candidate for membership asking for a resource that is not open to applicants (decision 034). */
const MEMBERS_ONLY_RESOURCE: Outcome = { deny: 403, code: 'resource.members_only' };

/** Members: active members' representatives, the committee and administrators. */
const members = (status: number): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative: allow(status),
  committee_member: allow(status),
  committee_chair: allow(status),
  admin: allow(status),
});
/** A representative acting for their own organisation (record-level); nobody else. */
const representativeOnly = (representative: Outcome): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative,
  committee_member: FORBIDDEN,
  committee_chair: FORBIDDEN,
  admin: FORBIDDEN,
});

const allDay = JSON.stringify(Array.from({ length: 7 }, () => ({ opens: '00:00', closes: '24:00' })));
/** A fresh resource of `organizationId`, open all week, members only (or also candidates: `open`). */
async function resourceOf(organizationId: string, open = false): Promise<string> {
  const whoMayBook = open ? 'members_and_applicants' : 'members';
  const [row] = await h.query<{ id: string }>(
    sql`insert into shared_resources (organization_id, kind, name_bg, name_en, conditions, opening_hours,
          who_may_book)
        values (${organizationId}, 'lab', 'Лаборатория', 'Lab', 'free', ${allDay}::jsonb, ${whoMayBook})
        returning id`,
  );
  return row!.id;
}
/** A time next year, a fresh hour for every call. */
const slot = () => {
  const start = Date.UTC(new Date().getUTCFullYear() + 1, 0, 5) + nextSeq() * 3_600_000;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString() };
};
/** A requested booking by `organizationId` of a fresh resource of `ownerId`. */
async function bookingOf(ownerId: string, organizationId: string): Promise<string> {
  const resourceId = await resourceOf(ownerId);
  const { startsAt, endsAt } = slot();
  const [row] = await h.query<{ id: string }>(
    sql`insert into resource_bookings (resource_id, organization_id, starts_at, ends_at)
        values (${resourceId}, ${organizationId}, ${startsAt}, ${endsAt}) returning id`,
  );
  return row!.id;
}
const resourceFields = {
  kind: 'studio',
  nameBg: 'Студио',
  nameEn: 'Studio',
  conditions: 'free',
  minNoticeHours: 0,
  maxBookingHours: 8,
  openingHours: JSON.parse(allDay),
};
/** A fresh feed of an organisation or a resource, with its token (the URL a calendar client polls). */
async function feedOf(column: 'organization_id' | 'resource_id', id: string): Promise<string> {
  const token = newToken();
  if (column === 'organization_id') {
    await h.query(sql`delete from calendar_feeds where organization_id = ${id}`);
    await h.query(
      sql`insert into calendar_feeds (organization_id, token_hash) values (${id}, ${tokenHash(token)})`,
    );
  } else {
    await h.query(
      sql`insert into calendar_feeds (resource_id, token_hash) values (${id}, ${tokenHash(token)})`,
    );
  }
  return token;
}
/** A 2×2 PNG, the smallest image the logo pipeline takes. */
const PHOTO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWMwTjtjnHaGAUIBACS2BZUFBQd/AAAAAElFTkSuQmCC',
  'base64',
);
/** A fresh resource of `organizationId` with one stored photo; its ids. */
async function photoOf(organizationId: string): Promise<{ resourceId: string; photoId: string }> {
  const resourceId = await resourceOf(organizationId);
  const [row] = await h.query<{ id: string }>(
    sql`insert into resource_photos (resource_id, position, source_type, large, small, width, height)
        values (${resourceId}, 0, 'image/png', ${PHOTO_PNG}, ${PHOTO_PNG}, 2, 2) returning id`,
  );
  return { resourceId, photoId: row!.id };
}
const FEED_NOT_FOUND: Outcome = { deny: 404, code: 'calendar_feed.not_found' };
/** A wrong token is refused to everyone alike, signed in or not: the token is the only credential. */
const feedRefused: Expectations = { ...everySignedIn(FEED_NOT_FOUND), anonymous: FEED_NOT_FOUND };
const isCalendar = (body: unknown) =>
  expect(Buffer.from(body as Buffer).toString('utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
const range = `from=${encodeURIComponent(`${new Date().getUTCFullYear() + 1}-01-01T00:00:00Z`)}&to=${encodeURIComponent(`${new Date().getUTCFullYear() + 1}-02-01T00:00:00Z`)}`;

export const ROWS: Row[] = [
  {
    method: 'GET',
    url: '/api/resources',
    permission: 'resources.view',
    label: "the members' shared resources",
    expect: members(200),
    // A candidate lists only the resources open to applicants.
    candidate: allow(200),
    build: async (f) => {
      await resourceOf(f.orgB.id);
      await resourceOf(f.orgB.id, true);
      return { url: '/api/resources' };
    },
    check: (body, f, actor) => {
      const items = bodyOf(body).items as { whoMayBook: string; organizationId: string }[];
      expect(items.length).toBeGreaterThan(0);
      // Of others' resources, a candidate sees only those open to applicants (its own, shared earlier, too).
      const others = items.filter((r) => r.organizationId !== f.orgA.id);
      const open = others.filter((r) => r.whoMayBook === 'members_and_applicants');
      if (actor.standing === 'candidate') expect(open).toEqual(others);
      else expect(open.length).toBeLessThan(others.length);
    },
  },
  {
    method: 'POST',
    url: '/api/resources',
    permission: 'resources.manage',
    label: 'sharing a resource of their own organisation A',
    expect: representativeOnly(allow(201)),
    lapsed: INACTIVE_MEMBER,
    build: (f) => ({ url: '/api/resources', payload: { ...resourceFields, organizationId: f.orgA.id } }),
    check: (body, f) => expect(body).toMatchObject({ organizationId: f.orgA.id }),
  },
  {
    method: 'POST',
    url: '/api/resources',
    permission: 'resources.manage',
    label: 'sharing a resource of another organisation B',
    record: true,
    expect: representativeOnly(ORG_NOT_FOUND),
    build: (f) => ({ url: '/api/resources', payload: { ...resourceFields, organizationId: f.orgB.id } }),
  },
  {
    method: 'GET',
    url: '/api/resources/:id',
    permission: 'resources.view',
    label: 'a shared resource',
    expect: members(200),
    candidate: MEMBERS_ONLY_RESOURCE,
    build: async (f) => ({ url: `/api/resources/${await resourceOf(f.orgB.id)}` }),
    check: (body, f) => expect(body).toMatchObject({ organizationId: f.orgB.id }),
  },
  {
    method: 'GET',
    url: '/api/resources/:id',
    permission: 'resources.view',
    label: 'a shared resource open to applicants',
    expect: members(200),
    candidate: allow(200),
    build: async (f) => ({ url: `/api/resources/${await resourceOf(f.orgB.id, true)}` }),
    check: (body) => expect(body).toMatchObject({ whoMayBook: 'members_and_applicants' }),
  },
  {
    method: 'PUT',
    url: '/api/resources/:id',
    permission: 'resources.manage',
    label: 'changing a resource of their own organisation A',
    expect: representativeOnly(allow(200)),
    lapsed: INACTIVE_MEMBER,
    build: async (f) => ({
      url: `/api/resources/${await resourceOf(f.orgA.id)}`,
      payload: { ...resourceFields, version: 1 },
    }),
    check: (body) => expect(body).toMatchObject({ nameEn: 'Studio', version: 2 }),
  },
  {
    method: 'PUT',
    url: '/api/resources/:id',
    permission: 'resources.manage',
    label: 'changing a resource of another organisation B',
    record: true,
    expect: representativeOnly(RESOURCE_NOT_FOUND),
    build: async (f) => ({
      url: `/api/resources/${await resourceOf(f.orgB.id)}`,
      payload: { ...resourceFields, version: 1 },
    }),
  },
  {
    method: 'GET',
    url: '/api/resources/:id/calendar',
    permission: 'resources.view',
    label: "a resource's confirmed bookings (when, not who)",
    expect: members(200),
    candidate: MEMBERS_ONLY_RESOURCE,
    build: async (f) => ({ url: `/api/resources/${await resourceOf(f.orgB.id)}/calendar?${range}` }),
    check: (body) => expect(bodyOf(body).items).toEqual([]),
  },
  {
    method: 'GET',
    url: '/api/resources/:id/calendar',
    permission: 'resources.view',
    label: 'the confirmed bookings of a resource open to applicants',
    expect: members(200),
    candidate: allow(200),
    build: async (f) => ({ url: `/api/resources/${await resourceOf(f.orgB.id, true)}/calendar?${range}` }),
    check: (body) => expect(bodyOf(body).items).toEqual([]),
  },
  {
    method: 'POST',
    url: '/api/resources/:id/bookings',
    permission: 'resources.book',
    label: "asking, for A, for a booking of B's resource",
    expect: representativeOnly(allow(201)),
    // Members only: A while suspended, withdrawn, excluded, a candidate or without membership may not.
    lapsed: NOT_ALLOWED,
    build: async (f) => ({
      url: `/api/resources/${await resourceOf(f.orgB.id)}/bookings`,
      payload: { organizationId: f.orgA.id, ...slot() },
    }),
    check: (body, f) => expect(body).toMatchObject({ organizationId: f.orgA.id, status: 'requested' }),
  },
  {
    method: 'POST',
    url: '/api/resources/:id/bookings',
    permission: 'resources.book',
    label: "asking, for A, for a booking of B's resource open to applicants",
    expect: representativeOnly(allow(201)),
    // Lapsed members may not; a candidate may, as the owner allows applicants (decision 034).
    lapsed: NOT_ALLOWED,
    candidate: allow(201),
    build: async (f) => ({
      url: `/api/resources/${await resourceOf(f.orgB.id, true)}/bookings`,
      payload: { organizationId: f.orgA.id, ...slot() },
    }),
    check: (body, f) => expect(body).toMatchObject({ organizationId: f.orgA.id, status: 'requested' }),
  },
  {
    method: 'POST',
    url: '/api/resources/:id/bookings',
    permission: 'resources.book',
    label: 'asking for a booking for another organisation B',
    record: true,
    expect: representativeOnly(ORG_NOT_FOUND),
    build: async (f) => ({
      url: `/api/resources/${await resourceOf(f.orgB.id)}/bookings`,
      payload: { organizationId: f.orgB.id, ...slot() },
    }),
  },
  {
    method: 'GET',
    url: '/api/bookings/:id',
    permission: 'resources.book',
    label: 'a booking A asked for',
    record: true,
    expect: representativeOnly(allow(200)),
    build: async (f) => ({ url: `/api/bookings/${await bookingOf(f.orgB.id, f.orgA.id)}` }),
    check: (body, f) => expect(body).toMatchObject({ organizationId: f.orgA.id }),
  },
  {
    method: 'GET',
    url: '/api/bookings/:id',
    permission: 'resources.book',
    label: 'a booking between others (B of its own resource)',
    record: true,
    expect: representativeOnly(BOOKING_NOT_FOUND),
    build: async (f) => ({ url: `/api/bookings/${await bookingOf(f.orgB.id, f.orgB.id)}` }),
  },
  {
    method: 'POST',
    url: '/api/bookings/:id/confirm',
    permission: 'resources.manage',
    label: "confirming B's request for A's resource",
    expect: representativeOnly(allow(200)),
    lapsed: INACTIVE_MEMBER,
    build: async (f) => ({ url: `/api/bookings/${await bookingOf(f.orgA.id, f.orgB.id)}/confirm` }),
    check: (body) => expect(body).toMatchObject({ status: 'confirmed' }),
  },
  {
    method: 'POST',
    url: '/api/bookings/:id/confirm',
    permission: 'resources.manage',
    label: "confirming A's own request for B's resource",
    record: true,
    expect: representativeOnly(BOOKING_NOT_FOUND),
    build: async (f) => ({ url: `/api/bookings/${await bookingOf(f.orgB.id, f.orgA.id)}/confirm` }),
  },
  {
    method: 'POST',
    url: '/api/bookings/:id/decline',
    permission: 'resources.manage',
    label: "declining B's request for A's resource",
    expect: representativeOnly(allow(200)),
    lapsed: INACTIVE_MEMBER,
    build: async (f) => ({
      url: `/api/bookings/${await bookingOf(f.orgA.id, f.orgB.id)}/decline`,
      payload: { reason: 'Closed for maintenance' },
    }),
    check: (body) => expect(body).toMatchObject({ status: 'declined', reason: 'Closed for maintenance' }),
  },
  {
    method: 'POST',
    url: '/api/bookings/:id/cancel',
    permission: 'resources.book',
    label: 'cancelling a booking A asked for',
    record: true,
    expect: representativeOnly(allow(200)),
    build: async (f) => ({
      url: `/api/bookings/${await bookingOf(f.orgB.id, f.orgA.id)}/cancel`,
      payload: {},
    }),
    check: (body) => expect(body).toMatchObject({ status: 'cancelled' }),
  },
  {
    method: 'POST',
    url: '/api/bookings/:id/cancel',
    permission: 'resources.book',
    label: 'cancelling a booking between others',
    record: true,
    expect: representativeOnly(BOOKING_NOT_FOUND),
    build: async (f) => ({
      url: `/api/bookings/${await bookingOf(f.orgB.id, f.orgB.id)}/cancel`,
      payload: {},
    }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/bookings',
    permission: 'resources.book',
    label: "the bookings of the representative's own organisation A",
    record: true,
    expect: representativeOnly(allow(200)),
    build: (f) => ({ url: `/api/account/organizations/${f.orgA.id}/bookings?${range}` }),
    check: (body) => expect(Array.isArray(bodyOf(body).items)).toBe(true),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/bookings',
    permission: 'resources.book',
    label: 'the bookings of another organisation B',
    record: true,
    expect: representativeOnly(ORG_NOT_FOUND),
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}/bookings?${range}` }),
  },
  {
    method: 'GET',
    url: '/api/resources/:id/calendar-feed',
    permission: 'resources.manage',
    label: 'whether a resource of A has a calendar feed',
    expect: representativeOnly(allow(200)),
    lapsed: INACTIVE_MEMBER,
    build: async (f) => ({ url: `/api/resources/${await resourceOf(f.orgA.id)}/calendar-feed` }),
    check: (body) => expect(body).toEqual({ active: false, createdAt: null }),
  },
  {
    method: 'GET',
    url: '/api/resources/:id/calendar-feed',
    permission: 'resources.manage',
    label: 'whether a resource of another organisation B has a calendar feed',
    record: true,
    expect: representativeOnly(RESOURCE_NOT_FOUND),
    build: async (f) => ({ url: `/api/resources/${await resourceOf(f.orgB.id)}/calendar-feed` }),
  },
  {
    method: 'POST',
    url: '/api/resources/:id/calendar-feed',
    permission: 'resources.manage',
    label: 'making or resetting the calendar feed of a resource of A',
    expect: representativeOnly(allow(201)),
    lapsed: INACTIVE_MEMBER,
    build: async (f) => ({ url: `/api/resources/${await resourceOf(f.orgA.id)}/calendar-feed` }),
    check: (body) => expect(String(bodyOf(body).url)).toMatch(/bookings\.ics\?token=/),
  },
  {
    method: 'POST',
    url: '/api/resources/:id/calendar-feed',
    permission: 'resources.manage',
    label: 'resetting the calendar feed of a resource of another organisation B',
    record: true,
    expect: representativeOnly(RESOURCE_NOT_FOUND),
    build: async (f) => ({ url: `/api/resources/${await resourceOf(f.orgB.id)}/calendar-feed` }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/calendar-feed',
    permission: 'resources.book',
    label: "whether the representative's own organisation A has a calendar feed",
    record: true,
    expect: representativeOnly(allow(200)),
    build: (f) => ({ url: `/api/account/organizations/${f.orgA.id}/calendar-feed` }),
    check: (body) => expect(typeof bodyOf(body).active).toBe('boolean'),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/calendar-feed',
    permission: 'resources.book',
    label: 'whether another organisation B has a calendar feed',
    record: true,
    expect: representativeOnly(ORG_NOT_FOUND),
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}/calendar-feed` }),
  },
  {
    method: 'POST',
    url: '/api/account/organizations/:id/calendar-feed',
    permission: 'resources.book',
    label: "making or resetting the calendar feed of the representative's own organisation A",
    record: true,
    expect: representativeOnly(allow(201)),
    build: (f) => ({ url: `/api/account/organizations/${f.orgA.id}/calendar-feed` }),
    check: (body) => expect(String(bodyOf(body).url)).toMatch(/bookings\.ics\?token=/),
  },
  {
    method: 'POST',
    url: '/api/account/organizations/:id/calendar-feed',
    permission: 'resources.book',
    label: 'resetting the calendar feed of another organisation B',
    record: true,
    expect: representativeOnly(ORG_NOT_FOUND),
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}/calendar-feed` }),
  },
  {
    method: 'GET',
    url: '/api/calendar-feeds/organizations/:id/bookings.ics',
    permission: 'public',
    label: "an organisation's calendar feed with its current token (the token is the credential)",
    expect: everyone(200),
    build: async (f) => ({
      url: `/api/calendar-feeds/organizations/${f.orgB.id}/bookings.ics?token=${await feedOf('organization_id', f.orgB.id)}`,
    }),
    check: isCalendar,
  },
  {
    method: 'GET',
    url: '/api/calendar-feeds/organizations/:id/bookings.ics',
    permission: 'public',
    label: "an organisation's calendar feed with a wrong token",
    record: true,
    expect: feedRefused,
    build: (f) => ({
      url: `/api/calendar-feeds/organizations/${f.orgB.id}/bookings.ics?token=${newToken()}`,
    }),
  },
  {
    method: 'GET',
    url: '/api/calendar-feeds/resources/:id/bookings.ics',
    permission: 'public',
    label: "a resource's calendar feed with its current token",
    expect: everyone(200),
    build: async (f) => {
      const id = await resourceOf(f.orgB.id);
      return {
        url: `/api/calendar-feeds/resources/${id}/bookings.ics?token=${await feedOf('resource_id', id)}`,
      };
    },
    check: isCalendar,
  },
  {
    method: 'GET',
    url: '/api/calendar-feeds/resources/:id/bookings.ics',
    permission: 'public',
    label: "a resource's calendar feed with another resource's token",
    record: true,
    expect: feedRefused,
    build: async (f) => {
      const token = await feedOf('resource_id', await resourceOf(f.orgB.id));
      const other = await resourceOf(f.orgB.id);
      return { url: `/api/calendar-feeds/resources/${other}/bookings.ics?token=${token}` };
    },
  },
  {
    method: 'GET',
    url: '/api/resources/:id/photos',
    permission: 'resources.view',
    label: "a shared resource's photos",
    expect: members(200),
    candidate: MEMBERS_ONLY_RESOURCE,
    build: async (f) => ({ url: `/api/resources/${(await photoOf(f.orgB.id)).resourceId}/photos` }),
    check: (body) => expect((bodyOf(body).items as unknown[]).length).toBe(1),
  },
  {
    method: 'GET',
    url: '/api/resources/:id/photos/:photoId',
    permission: 'resources.view',
    label: "a shared resource's photo",
    expect: members(200),
    candidate: MEMBERS_ONLY_RESOURCE,
    build: async (f) => {
      const { resourceId, photoId } = await photoOf(f.orgB.id);
      return { url: `/api/resources/${resourceId}/photos/${photoId}?size=small` };
    },
    check: (body) => expect(Buffer.from(body as Buffer).equals(PHOTO_PNG)).toBe(true),
  },
  {
    method: 'POST',
    url: '/api/resources/:id/photos',
    permission: 'resources.manage',
    label: 'adding a photo to a resource of A',
    expect: representativeOnly(allow(201)),
    lapsed: INACTIVE_MEMBER,
    build: async (f) => ({
      url: `/api/resources/${await resourceOf(f.orgA.id)}/photos`,
      payload: PHOTO_PNG,
      contentType: 'image/png',
    }),
    check: (body) => expect(body).toMatchObject({ position: 0, width: 2, height: 2 }),
  },
  {
    method: 'POST',
    url: '/api/resources/:id/photos',
    permission: 'resources.manage',
    label: 'adding a photo to a resource of another organisation B',
    record: true,
    expect: representativeOnly(RESOURCE_NOT_FOUND),
    build: async (f) => ({
      url: `/api/resources/${await resourceOf(f.orgB.id)}/photos`,
      payload: PHOTO_PNG,
      contentType: 'image/png',
    }),
  },
  {
    method: 'PUT',
    url: '/api/resources/:id/photos/order',
    permission: 'resources.manage',
    label: 'ordering the photos of a resource of A',
    expect: representativeOnly(allow(200)),
    lapsed: INACTIVE_MEMBER,
    build: async (f) => {
      const { resourceId, photoId } = await photoOf(f.orgA.id);
      return { url: `/api/resources/${resourceId}/photos/order`, payload: { ids: [photoId] } };
    },
    check: (body) => expect((bodyOf(body).items as unknown[]).length).toBe(1),
  },
  {
    method: 'PUT',
    url: '/api/resources/:id/photos/order',
    permission: 'resources.manage',
    label: 'ordering the photos of a resource of another organisation B',
    record: true,
    expect: representativeOnly(RESOURCE_NOT_FOUND),
    build: async (f) => {
      const { resourceId, photoId } = await photoOf(f.orgB.id);
      return { url: `/api/resources/${resourceId}/photos/order`, payload: { ids: [photoId] } };
    },
  },
  {
    method: 'DELETE',
    url: '/api/resources/:id/photos/:photoId',
    permission: 'resources.manage',
    label: 'removing a photo of a resource of A',
    expect: representativeOnly(allow(204)),
    lapsed: INACTIVE_MEMBER,
    build: async (f) => {
      const { resourceId, photoId } = await photoOf(f.orgA.id);
      return { url: `/api/resources/${resourceId}/photos/${photoId}` };
    },
  },
  {
    method: 'DELETE',
    url: '/api/resources/:id/photos/:photoId',
    permission: 'resources.manage',
    label: 'removing a photo of a resource of another organisation B',
    record: true,
    expect: representativeOnly(RESOURCE_NOT_FOUND),
    build: async (f) => {
      const { resourceId, photoId } = await photoOf(f.orgB.id);
      return { url: `/api/resources/${resourceId}/photos/${photoId}` };
    },
  },
];
