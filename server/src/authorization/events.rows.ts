import { sql } from '@portal/db';
import { expect } from 'vitest';
import { tokenHash } from '../auth/tokens.ts';
import {
  ANON,
  allow,
  bodyOf,
  type Expectations,
  everyone,
  FORBIDDEN,
  h,
  nextSeq,
  type Row,
} from './matrix.ts';

/** Events (issue 15 §4, decision 042): everyone reads and registers; the news editors organise. */
const editors = (status: number): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative: FORBIDDEN,
  committee_member: allow(status),
  committee_chair: allow(status),
  admin: allow(status),
});

const MEMBERS_ONLY = { deny: 403, code: 'event.members_only' } as const;

/** A published event post with a future date and open registration; returns its id and slug. */
async function insertEvent(options: { openTo?: 'public' | 'members'; capacity?: number | null } = {}) {
  const slug = `matrix-event-${nextSeq()}`;
  const [row] = await h.query<{ id: string }>(
    sql`insert into news_posts (slug, category, status, title_bg, body_bg, summary_bg, publish_at)
        values (${slug}, 'event', 'published', 'Събитие', 'Текст.', 'Кратко', now() - interval '1 hour')
        returning id`,
  );
  await h.query(
    sql`insert into news_events (post_id, starts_at, ends_at, place, registration_enabled,
          registration_open_to, capacity)
        values (${row!.id}, now() + interval '30 days', now() + interval '30 days 2 hours', 'Зала', true,
          ${options.openTo ?? 'public'}, ${options.capacity === undefined ? 50 : options.capacity})`,
  );
  return { id: row!.id, slug };
}

/** A confirmed registration with a known cancellation token. */
async function insertRegistration(postId: string) {
  const token = `matrix-cancel-token-${nextSeq()}-abcdefgh`;
  await h.query(
    sql`insert into event_registrations (post_id, name, email, status, cancel_token_hash, confirmed_at)
        values (${postId}, 'Гост', ${`guest-${nextSeq()}@example.bg`}, 'confirmed', ${tokenHash(token)}, now())`,
  );
  return token;
}

const details = {
  startsAt: '2030-03-12T08:00:00.000Z',
  endsAt: '2030-03-12T11:00:00.000Z',
  place: 'Зала „Пловдив“',
  registrationEnabled: true,
  capacity: 30,
};

export const ROWS: Row[] = [
  {
    method: 'GET',
    url: '/api/news/posts/:slug/event.ics',
    permission: 'public',
    label: 'a public event as an iCalendar file',
    expect: everyone(200),
    build: async () => ({ url: `/api/news/posts/${(await insertEvent()).slug}/event.ics` }),
    check: (body) => expect(String(body)).toContain('BEGIN:VEVENT'),
  },
  {
    method: 'POST',
    url: '/api/news/posts/:slug/registrations',
    permission: 'public',
    label: 'registering for a public event',
    expect: everyone(201),
    build: async () => ({
      url: `/api/news/posts/${(await insertEvent()).slug}/registrations`,
      payload: { name: 'Гост', email: `matrix-guest-${nextSeq()}@example.bg` },
    }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ status: 'confirmed' }),
  },
  {
    method: 'POST',
    url: '/api/news/posts/:slug/registrations',
    permission: 'public',
    label: 'registering for a members-only event (signed in, a member or the committee)',
    record: true,
    expect: {
      anonymous: ANON,
      no_role: MEMBERS_ONLY,
      applicant: MEMBERS_ONLY,
      other_applicant: MEMBERS_ONLY,
      representative: allow(201),
      committee_member: allow(201),
      committee_chair: allow(201),
      admin: allow(201),
    },
    lapsed: MEMBERS_ONLY,
    candidate: MEMBERS_ONLY,
    build: async () => ({
      url: `/api/news/posts/${(await insertEvent({ openTo: 'members', capacity: null })).slug}/registrations`,
      payload: { name: 'Член', email: `matrix-member-${nextSeq()}@example.bg` },
    }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ status: 'confirmed' }),
  },
  {
    method: 'GET',
    url: '/api/news/registrations/cancel',
    permission: 'public',
    label: "the registration a cancellation link names (the link's token is the key)",
    expect: everyone(200),
    build: async () => ({
      url: `/api/news/registrations/cancel?token=${await insertRegistration((await insertEvent()).id)}`,
    }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ status: 'confirmed', name: 'Гост' }),
  },
  {
    method: 'POST',
    url: '/api/news/registrations/cancel',
    permission: 'public',
    label: 'cancelling a registration by its link',
    expect: everyone(200),
    build: async () => ({
      url: '/api/news/registrations/cancel',
      payload: { token: await insertRegistration((await insertEvent()).id) },
    }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ status: 'cancelled' }),
  },
  {
    method: 'PUT',
    url: '/api/committee/news/:id/event',
    permission: 'news.manage',
    label: "setting an event's date, place and registration",
    expect: editors(200),
    build: async () => ({
      url: `/api/committee/news/${(await insertEvent()).id}/event`,
      payload: { ...details, version: 1 },
    }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ capacity: 30, place: 'Зала „Пловдив“' }),
  },
  {
    method: 'GET',
    url: '/api/committee/news/:id/registrations',
    permission: 'news.manage',
    label: "an event's registrations, for its organisers",
    expect: editors(200),
    build: async () => {
      const { id } = await insertEvent();
      await insertRegistration(id);
      return { url: `/api/committee/news/${id}/registrations` };
    },
    check: (body) => expect(bodyOf(body).items).toEqual([expect.objectContaining({ name: 'Гост' })]),
  },
  {
    method: 'GET',
    url: '/api/committee/news/:id/registrations.csv',
    permission: 'news.manage',
    label: "an event's registrations as CSV",
    expect: editors(200),
    build: async () => {
      const { id } = await insertEvent();
      await insertRegistration(id);
      return { url: `/api/committee/news/${id}/registrations.csv` };
    },
    check: (body) => expect(String(body)).toContain('Гост'),
  },
];
