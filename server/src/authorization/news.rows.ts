import { sql } from '@portal/db';
import { expect } from 'vitest';
import {
  ANON,
  allow,
  bodyOf,
  type Expectations,
  everyone,
  FORBIDDEN,
  h,
  nextSeq,
  type Outcome,
  type Row,
} from './matrix.ts';

/** The news (issue 15 §4, decision 040): everyone reads; the committee and administrators write. */
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

/** Member news: representatives of an active member, for their own organisation; nobody on its behalf. */
const proposers = (representative: Outcome): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative,
  committee_member: FORBIDDEN,
  committee_chair: FORBIDDEN,
  admin: FORBIDDEN,
});

const NEWS_NOT_FOUND: Outcome = { deny: 404, code: 'news.not_found' };

/** Inserts a post; returns its id and slug. */
async function insertPost(
  options: { status?: string; organizationId?: string | null; publishAt?: 'past' | 'future' | null } = {},
) {
  const slug = `matrix-post-${nextSeq()}`;
  const status = options.status ?? 'draft';
  const publishAt =
    options.publishAt === 'future'
      ? sql`now() + interval '1 day'`
      : status === 'published' || options.publishAt === 'past'
        ? sql`now() - interval '1 hour'`
        : null;
  const [row] = await h.query<{ id: string }>(
    sql`insert into news_posts (slug, category, status, title_bg, body_bg, summary_bg, organization_id, publish_at)
        values (${slug}, ${options.organizationId ? 'member_news' : 'news'}, ${status}, 'Новина',
          'Текст на **новината**.', 'Кратко', ${options.organizationId ?? null}, ${publishAt})
        returning id`,
  );
  return { id: row!.id, slug };
}

/** A genuine 2×2 PNG (the cover upload's body). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWMwTjtjnHaGAUIBACS2BZUFBQd/AAAAAElFTkSuQmCC',
  'base64',
);

/** A post with a stored cover (its version 2). */
async function insertCovered(status = 'published') {
  const post = await insertPost({ status });
  await h.query(sql`update news_posts set version = 2, cover_version = 2 where id = ${post.id}`);
  await h.query(
    sql`insert into news_covers (post_id, version, source_type, large, small, width, height)
        values (${post.id}, 2, 'image/png', ${PNG}, ${PNG}, 2, 2)`,
  );
  return post;
}

const isImage = (body: unknown) => expect(Buffer.isBuffer(body) && body.length > 0).toBe(true);

const postBody = { category: 'news', titleBg: 'Новина', bodyBg: 'Текст.', areaIds: ['ict-software'] };

export const ROWS: Row[] = [
  {
    method: 'GET',
    url: '/api/news',
    permission: 'public',
    label: 'the published news',
    expect: everyone(200),
    build: async () => {
      await insertPost({ status: 'published' });
      return { url: '/api/news?pageSize=100' };
    },
    check: (body) => expect(Number(bodyOf(body).total)).toBeGreaterThan(0),
  },
  {
    method: 'GET',
    url: '/api/news/posts/:slug',
    permission: 'public',
    label: 'a published post',
    expect: everyone(200),
    build: async () => ({ url: `/api/news/posts/${(await insertPost({ status: 'published' })).slug}` }),
    check: (body) =>
      expect(bodyOf(body)).toMatchObject({ titleBg: 'Новина', bodyBg: 'Текст на **новината**.' }),
  },
  {
    method: 'GET',
    url: '/api/news/posts/:slug',
    permission: 'public',
    label: 'a scheduled post before its time (nobody sees it on the public side)',
    record: true,
    expect: {
      anonymous: NEWS_NOT_FOUND,
      no_role: NEWS_NOT_FOUND,
      applicant: NEWS_NOT_FOUND,
      other_applicant: NEWS_NOT_FOUND,
      representative: NEWS_NOT_FOUND,
      committee_member: NEWS_NOT_FOUND,
      committee_chair: NEWS_NOT_FOUND,
      admin: NEWS_NOT_FOUND,
    },
    build: async () => ({
      url: `/api/news/posts/${(await insertPost({ status: 'published', publishAt: 'future' })).slug}`,
    }),
  },
  {
    method: 'GET',
    url: '/api/news/feed/:lang',
    permission: 'public',
    label: 'the RSS feed in Bulgarian',
    expect: everyone(200),
    build: async () => {
      await insertPost({ status: 'published' });
      return { url: '/api/news/feed/bg' };
    },
    check: (body) => expect(String(body)).toContain('<rss version="2.0"'),
  },
  {
    method: 'GET',
    url: '/api/news/covers/:id',
    permission: 'public',
    label: "a published post's cover",
    expect: everyone(200),
    build: async () => ({ url: `/api/news/covers/${(await insertCovered()).id}?size=small` }),
    check: isImage,
  },
  {
    method: 'GET',
    url: '/api/committee/news/:id/cover',
    permission: 'news.manage',
    label: "a draft's cover, for its editors",
    expect: editors(200),
    build: async () => ({ url: `/api/committee/news/${(await insertCovered('draft')).id}/cover?size=large` }),
    check: isImage,
  },
  {
    method: 'PUT',
    url: '/api/committee/news/:id/cover',
    permission: 'news.manage',
    label: "uploading a post's cover",
    expect: editors(200),
    build: async () => ({
      url: `/api/committee/news/${(await insertPost()).id}/cover`,
      payload: PNG,
      contentType: 'image/png',
    }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ coverVersion: 2, version: 2 }),
  },
  {
    method: 'DELETE',
    url: '/api/committee/news/:id/cover',
    permission: 'news.manage',
    label: "removing a post's cover",
    expect: editors(200),
    build: async () => ({ url: `/api/committee/news/${(await insertCovered()).id}/cover` }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ coverVersion: null, version: 3 }),
  },
  {
    method: 'GET',
    url: '/api/committee/news',
    permission: 'news.manage',
    label: 'every post for the editors',
    expect: editors(200),
    build: async () => {
      await insertPost();
      return { url: '/api/committee/news?status=draft' };
    },
    check: (body) => expect(Number(bodyOf(body).total)).toBeGreaterThan(0),
  },
  {
    method: 'POST',
    url: '/api/committee/news',
    permission: 'news.manage',
    label: 'writing a post',
    expect: editors(201),
    build: () => ({ url: '/api/committee/news', payload: postBody }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ status: 'draft', category: 'news' }),
  },
  {
    method: 'GET',
    url: '/api/committee/news/:id',
    permission: 'news.manage',
    label: 'a draft post',
    expect: editors(200),
    build: async () => ({ url: `/api/committee/news/${(await insertPost()).id}` }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ status: 'draft' }),
  },
  {
    method: 'PUT',
    url: '/api/committee/news/:id',
    permission: 'news.manage',
    label: 'changing a draft post',
    expect: editors(200),
    build: async () => {
      const { id, slug } = await insertPost();
      return { url: `/api/committee/news/${id}`, payload: { ...postBody, slug, version: 1 } };
    },
    check: (body) => expect(bodyOf(body)).toMatchObject({ bodyBg: 'Текст.', version: 2 }),
  },
  {
    method: 'POST',
    url: '/api/committee/news/:id/publish',
    permission: 'news.manage',
    label: 'publishing a draft post',
    expect: editors(200),
    build: async () => ({
      url: `/api/committee/news/${(await insertPost()).id}/publish`,
      payload: { version: 1 },
    }),
    check: (body) =>
      expect(bodyOf(body)).toMatchObject({ status: 'published', effectiveStatus: 'published' }),
  },
  {
    method: 'POST',
    url: '/api/committee/news/:id/archive',
    permission: 'news.manage',
    label: 'archiving a published post',
    expect: editors(200),
    build: async () => ({
      url: `/api/committee/news/${(await insertPost({ status: 'published' })).id}/archive`,
      payload: { version: 1 },
    }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ status: 'archived' }),
  },
  {
    method: 'POST',
    url: '/api/committee/news/:id/return',
    permission: 'news.manage',
    label: "returning organisation B's submitted member news",
    expect: editors(200),
    build: async (f) => ({
      url: `/api/committee/news/${(await insertPost({ status: 'submitted', organizationId: f.orgB.id })).id}/return`,
      payload: { version: 1, reason: 'Добавете снимка.' },
    }),
    check: (body) =>
      expect(bodyOf(body)).toMatchObject({ status: 'returned', returnReason: 'Добавете снимка.' }),
  },
  {
    method: 'GET',
    url: '/api/account/news',
    permission: 'news.propose',
    label: "the member news of the representative's organisation A",
    record: true,
    expect: proposers(allow(200)),
    build: async (f) => {
      await insertPost({ organizationId: f.orgA.id });
      return { url: '/api/account/news' };
    },
    check: (body) => expect(bodyOf(body).items).toEqual(expect.arrayContaining([expect.anything()])),
  },
  {
    method: 'POST',
    url: '/api/account/news',
    permission: 'news.propose',
    label: 'proposing member news for organisation A',
    record: true,
    expect: proposers(allow(201)),
    build: (f) => ({
      url: '/api/account/news',
      payload: { organizationId: f.orgA.id, titleBg: 'Наша новина', bodyBg: 'Текст.' },
    }),
    check: (body, f) =>
      expect(bodyOf(body)).toMatchObject({
        status: 'draft',
        category: 'member_news',
        organization: { id: f.orgA.id },
      }),
  },
  {
    method: 'POST',
    url: '/api/account/news',
    permission: 'news.propose',
    label: 'proposing member news for another organisation B',
    record: true,
    expect: proposers({ deny: 404, code: 'organization.not_found' }),
    build: (f) => ({
      url: '/api/account/news',
      payload: { organizationId: f.orgB.id, titleBg: 'Чужда новина', bodyBg: 'Текст.' },
    }),
  },
  {
    method: 'PUT',
    url: '/api/account/news/:id',
    permission: 'news.propose',
    label: "changing organisation A's draft member news",
    record: true,
    expect: proposers(allow(200)),
    build: async (f) => ({
      url: `/api/account/news/${(await insertPost({ organizationId: f.orgA.id })).id}`,
      payload: { titleBg: 'Ново заглавие', bodyBg: 'Текст.', version: 1 },
    }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ titleBg: 'Ново заглавие' }),
  },
  {
    method: 'PUT',
    url: '/api/account/news/:id',
    permission: 'news.propose',
    label: "changing organisation B's member news",
    record: true,
    expect: proposers(NEWS_NOT_FOUND),
    build: async (f) => ({
      url: `/api/account/news/${(await insertPost({ organizationId: f.orgB.id })).id}`,
      payload: { titleBg: 'Ново заглавие', bodyBg: 'Текст.', version: 1 },
    }),
  },
  {
    method: 'POST',
    url: '/api/account/news/:id/submit',
    permission: 'news.propose',
    label: "submitting organisation A's member news to the committee",
    record: true,
    expect: proposers(allow(200)),
    build: async (f) => ({
      url: `/api/account/news/${(await insertPost({ organizationId: f.orgA.id })).id}/submit`,
      payload: { version: 1 },
    }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ status: 'submitted' }),
  },
];
