/**
 * Issue 15 §4: news. The committee and administrators write posts in Markdown (no HTML, safe links only),
 * publish now or at a time (not public before it, with no job), archive; representatives of active members
 * propose member news the committee approves or returns, the proposer hears by email; the public list,
 * post, RSS feed (read by a real feed parser) and the Open Graph tags of /news/:slug.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import {
  NEWS_BODY_MAX,
  NewsListResponseSchema,
  NewsPostListResponseSchema,
  NewsPostSchema,
  NewsPublicPostSchema,
} from '@portal/shared';
import Parser from 'rss-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertOrganization, insertUser, lastEmail, logIn } from '../../testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let dist: string;
const org = {} as Record<'member' | 'other', string>;
const as = {} as Record<'committee' | 'admin' | 'rep' | 'noRole', string>;
let repUser: { id: string; email: string };

beforeAll(async () => {
  h = await createTestDb();
  dist = await mkdtemp(join(tmpdir(), 'portal-news-web-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(
    join(dist, 'index.html'),
    '<!doctype html><html lang="bg"><head><meta name="description" content="Портал" /><title>Портал</title></head><body><div id="root"></div></body></html>',
  );
  app = await buildTestApp(h, { webDistDir: dist });
  org.member = await insertOrganization(h, {
    nameBg: 'Лаборатория Алфа',
    nameEn: 'Alpha Lab',
    areas: ['ict'],
  });
  org.other = await insertOrganization(h, { nameBg: 'Студио Гама', nameEn: 'Gamma Studio', areas: ['ict'] });
  repUser = await insertUser(h, { roles: ['representative'], organizationIds: [org.member], language: 'en' });
  as.rep = await logIn(app, repUser.email);
  as.committee = await logIn(app, (await insertUser(h, { roles: ['committee_member'] })).email);
  as.admin = await logIn(app, (await insertUser(h, { roles: ['admin'] })).email);
  as.noRole = await logIn(app, (await insertUser(h)).email);
});

afterAll(async () => {
  await app?.close();
  await h?.close();
  await rm(dist, { recursive: true, force: true });
});

const call = (cookie: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, ...(payload ? { payload } : {}), headers: cookie ? { cookie } : {} });

const draft = (overrides: Record<string, unknown> = {}) => ({
  category: 'news',
  titleBg: 'Първо заседание на инициативния комитет',
  titleEn: 'First meeting of the initiative committee',
  summaryBg: 'Комитетът прие визията и целите на клъстера.',
  summaryEn: 'The committee adopted the vision and goals of the cluster.',
  bodyBg: 'Комитетът прие **визията** на клъстера. Вижте [стратегията](https://example.bg/isis).',
  bodyEn: 'The committee adopted the **vision** of the cluster.',
  areaIds: ['ict-software'],
  ...overrides,
});

async function create(body: object = draft(), cookie = as.committee) {
  const res = await call(cookie, 'POST', '/api/committee/news', body);
  expect(res.statusCode, res.body).toBe(201);
  return NewsPostSchema.parse(res.json());
}

async function publish(id: string, version: number, publishAt: string | null = null) {
  const res = await call(as.committee, 'POST', `/api/committee/news/${id}/publish`, { version, publishAt });
  expect(res.statusCode, res.body).toBe(200);
  return NewsPostSchema.parse(res.json());
}

const fieldsOf = (res: { json: () => unknown }) =>
  (res.json() as { errors?: { path: string; message: string }[] }).errors ?? [];

describe('writing and publishing', () => {
  it('creates a draft with an address from the title, not public until published, and audits each step', async () => {
    const post = await create();
    expect(post).toMatchObject({
      status: 'draft',
      effectiveStatus: 'draft',
      slug: 'first-meeting-of-the-initiative-committee',
      areaIds: ['ict-software'],
      author: { id: expect.any(String) },
    });
    expect((await call(null, 'GET', `/api/news/posts/${post.slug}`)).statusCode).toBe(404);

    const published = await publish(post.id, post.version);
    expect(published.effectiveStatus).toBe('published');
    const res = await call(null, 'GET', `/api/news/posts/${post.slug}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(NewsPublicPostSchema.parse(res.json())).toMatchObject({
      titleEn: 'First meeting of the initiative committee',
      areas: [{ id: 'ict-software' }],
    });

    // A second post with the same title gets its own address.
    const twin = await create();
    expect(twin.slug).toBe('first-meeting-of-the-initiative-committee-2');

    const audit = await h.query<{ action: string }>(
      sql`select action from audit_events where entity_type = 'news_post' and entity_id = ${post.id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['news.created', 'news.published']);
  });

  it('makes a Bulgarian-only post its address by transliteration', async () => {
    const post = await create(draft({ titleEn: '', summaryEn: '', bodyEn: '', titleBg: 'Покана за ОПИК' }));
    expect(post.slug).toBe('pokana-za-opik');
  });

  it('keeps a scheduled post out of the list, the page and the feed until its time, with no job', async () => {
    const post = await create(draft({ titleEn: 'Scheduled news', titleBg: 'Насрочена новина' }));
    const future = new Date(Date.now() + 3600_000).toISOString();
    const scheduled = await publish(post.id, post.version, future);
    expect(scheduled.effectiveStatus).toBe('scheduled');
    expect((await call(null, 'GET', `/api/news/posts/${post.slug}`)).statusCode).toBe(404);
    const list = NewsListResponseSchema.parse((await call(null, 'GET', '/api/news?pageSize=100')).json());
    expect(list.items.map((i) => i.id)).not.toContain(post.id);
    const editors = NewsPostListResponseSchema.parse(
      (await call(as.committee, 'GET', '/api/committee/news?status=scheduled')).json(),
    );
    expect(editors.items.map((i) => i.id)).toContain(post.id);

    // Its time comes (moved into the past in the database: no job runs in between).
    await h.query(sql`update news_posts set publish_at = now() - interval '1 minute' where id = ${post.id}`);
    expect((await call(null, 'GET', `/api/news/posts/${post.slug}`)).statusCode).toBe(200);
  });

  it('archives a published post (it leaves the public site) and refuses a stale version', async () => {
    const post = await publish((await create()).id, 1);
    const stale = await call(as.committee, 'POST', `/api/committee/news/${post.id}/archive`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'news.stale' });
    const res = await call(as.admin, 'POST', `/api/committee/news/${post.id}/archive`, {
      version: post.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(NewsPostSchema.parse(res.json())).toMatchObject({
      status: 'archived',
      editor: { id: expect.any(String) },
    });
    expect((await call(null, 'GET', `/api/news/posts/${post.slug}`)).statusCode).toBe(404);
  });
});

describe('Markdown bodies', () => {
  const refused = async (bodyBg: string, code: string) => {
    const before = await h.query<{ n: number }>(sql`select count(*)::int as n from news_posts`);
    const res = await call(as.committee, 'POST', '/api/committee/news', draft({ bodyBg }));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation.failed' });
    const fields = fieldsOf(res);
    expect(fields.map((f) => f.path)).toEqual(['body.bodyBg']);
    const after = await h.query<{ n: number }>(sql`select count(*)::int as n from news_posts`);
    expect(after[0]!.n).toBe(before[0]!.n);
    return { fields, code };
  };

  it('refuses <script> and any raw HTML, with a Bulgarian message', async () => {
    const { fields } = await refused('Текст <script>alert(1)</script>', 'news.markdown_html');
    expect(fields[0]!.message).toContain('HTML');
    await refused('<img src=x onerror=alert(1)>', 'news.markdown_html');
    await refused('<!-- скрито -->', 'news.markdown_html');
  });

  it('refuses javascript: and data: links however they are written', async () => {
    await refused('[натисни](javascript:alert(1))', 'news.markdown_link');
    await refused('[натисни](JaVa&#115;cript:alert(1))', 'news.markdown_link');
    await refused('[x]: data:text/html,hi', 'news.markdown_link');
    await refused('<javascript:alert(1)>', 'news.markdown_link');
  });

  it('refuses 1 MB of text with a clear field error in the asked language, saving nothing', async () => {
    const before = await h.query<{ n: number }>(sql`select count(*)::int as n from news_posts`);
    const res = await app.inject({
      method: 'POST',
      url: '/api/committee/news',
      payload: draft({ bodyEn: 'a'.repeat(1024 * 1024) }),
      headers: { cookie: as.committee, 'accept-language': 'en' },
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(400);
    const fields = fieldsOf(res);
    expect(fields.map((f) => f.path)).toEqual(['body.bodyEn']);
    expect(fields[0]!.message).toContain(`at most ${NEWS_BODY_MAX}`);
    const after = await h.query<{ n: number }>(sql`select count(*)::int as n from news_posts`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('member news', () => {
  it('is proposed by a representative, submitted, returned with a reason, then approved; the proposer is emailed', async () => {
    const created = await call(as.rep, 'POST', '/api/account/news', {
      organizationId: org.member,
      titleEn: 'Alpha Lab opens a new lab',
      bodyEn: 'We opened a lab.',
    });
    expect(created.statusCode, created.body).toBe(201);
    let post = NewsPostSchema.parse(created.json());
    expect(post).toMatchObject({
      category: 'member_news',
      status: 'draft',
      organization: { id: org.member },
    });

    // Not the committee's to publish before it is submitted.
    const early = await call(as.committee, 'POST', `/api/committee/news/${post.id}/publish`, {
      version: post.version,
    });
    expect(early.statusCode).toBe(409);

    let res = await call(as.rep, 'POST', `/api/account/news/${post.id}/submit`, { version: post.version });
    expect(res.statusCode, res.body).toBe(200);
    post = NewsPostSchema.parse(res.json());
    expect(post.status).toBe('submitted');
    const queue = NewsPostListResponseSchema.parse(
      (await call(as.committee, 'GET', '/api/committee/news?status=submitted')).json(),
    );
    expect(queue.items.map((i) => i.id)).toContain(post.id);

    res = await call(as.committee, 'POST', `/api/committee/news/${post.id}/return`, {
      version: post.version,
      reason: 'Please add the opening date.',
    });
    expect(res.statusCode, res.body).toBe(200);
    post = NewsPostSchema.parse(res.json());
    expect(post).toMatchObject({ status: 'returned', returnReason: 'Please add the opening date.' });
    const returned = await lastEmail(h, repUser.email);
    expect(returned.subject).toContain('returned');
    expect(returned.text).toContain('Please add the opening date.');

    res = await call(as.rep, 'PUT', `/api/account/news/${post.id}`, {
      titleEn: 'Alpha Lab opens a new lab on 1 March',
      bodyEn: 'We opened a lab on 1 March.',
      version: post.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    post = NewsPostSchema.parse(res.json());
    res = await call(as.rep, 'POST', `/api/account/news/${post.id}/submit`, { version: post.version });
    post = NewsPostSchema.parse(res.json());
    expect(post).toMatchObject({ status: 'submitted', returnReason: null });

    post = await publish(post.id, post.version);
    expect(post.status).toBe('published');
    const approved = await lastEmail(h, repUser.email);
    expect(approved.subject).toContain('approved');
    expect(approved.text).toContain(`/news/${post.slug}`);

    // Once submitted, the proposer can no longer change it.
    const late = await call(as.rep, 'PUT', `/api/account/news/${post.id}`, {
      titleEn: 'Changed',
      bodyEn: 'Changed.',
      version: post.version,
    });
    expect(late.statusCode).toBe(409);
  });

  it("does not let a representative propose or change another organisation's news", async () => {
    const res = await call(as.rep, 'POST', '/api/account/news', {
      organizationId: org.other,
      titleBg: 'Чужда',
      bodyBg: 'Текст.',
    });
    expect(res.statusCode).toBe(404);
  });

  it("is in the proposer's personal-data export and keeps its authorship as a former user after erasure", async () => {
    const user = await insertUser(h, { roles: ['representative'], organizationIds: [org.member] });
    const cookie = await logIn(app, user.email);
    const created = await call(cookie, 'POST', '/api/account/news', {
      organizationId: org.member,
      titleBg: 'Новина за износ',
      bodyBg: 'Текст.',
    });
    const post = NewsPostSchema.parse(created.json());
    const exported = await call(cookie, 'GET', '/api/account/export');
    expect(exported.statusCode, exported.body.slice(0, 300)).toBe(200);
    expect((exported.json() as { newsPosts: { id: string }[] }).newsPosts.map((p) => p.id)).toEqual([
      post.id,
    ]);

    await h.query(sql`update users set erased_at = now(), display_name = '' where id = ${user.id}`);
    const read = NewsPostSchema.parse(
      (await call(as.committee, 'GET', `/api/committee/news/${post.id}`)).json(),
    );
    expect(read.author).toBeNull();
    const [row] = await h.query<{ author_id: string }>(
      sql`select author_id from news_posts where id = ${post.id}`,
    );
    expect(row!.author_id).toBe(user.id);
  });
});

describe('the public side', () => {
  it('serves an RSS 2.0 feed per language that a real feed parser reads', async () => {
    const post = await publish(
      (
        await create(
          draft({
            titleBg: 'Новина с <знаци> & „кавички“',
            titleEn: 'News with <signs> & "quotes"',
            summaryEn: 'Summary & more',
          }),
        )
      ).id,
      1,
    );
    const bgOnly = await publish(
      (await create(draft({ titleEn: '', summaryEn: '', bodyEn: '', titleBg: 'Само на български' }))).id,
      1,
    );
    const res = await call(null, 'GET', '/api/news/feed/en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/rss+xml');
    const feed = await new Parser().parseString(res.body);
    expect(feed.title).toContain('news');
    const item = feed.items.find((i) => i.link?.endsWith(`/news/${post.slug}`));
    expect(item).toMatchObject({ title: 'News with <signs> & "quotes"', contentSnippet: 'Summary & more' });
    expect(item?.isoDate).toBe(new Date(post.publishAt!).toISOString().replace(/\.\d+Z$/, '.000Z'));
    expect(feed.items.some((i) => i.link?.endsWith(`/news/${bgOnly.slug}`))).toBe(false);

    const bg = await new Parser().parseString((await call(null, 'GET', '/api/news/feed/bg')).body);
    expect(bg.items.some((i) => i.title === 'Само на български')).toBe(true);
  });

  it('puts the post’s Open Graph tags, HTML-escaped, into the page the server sends for /news/:slug', async () => {
    const post = await publish(
      (
        await create(
          draft({
            titleBg: 'Заглавие "с кавички" <b>',
            summaryBg: 'Описание & <script>alert(1)</script>',
            titleEn: 'English title',
            summaryEn: 'English summary',
          }),
        )
      ).id,
      1,
    );
    const res = await app.inject({ method: 'GET', url: `/news/${post.slug}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(
      '<meta property="og:title" content="Заглавие &quot;с кавички&quot; &lt;b&gt;" />',
    );
    expect(res.body).toContain(
      '<meta property="og:description" content="Описание &amp; &lt;script&gt;alert(1)&lt;/script&gt;" />',
    );
    expect(res.body).toContain(`<meta property="og:url" content="http`);
    expect(res.body).toContain(`/news/${post.slug}" />`);
    expect(res.body).toContain('<title>Заглавие &quot;с кавички&quot; &lt;b&gt;</title>');
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).not.toContain('<title>Портал</title>');
    expect(res.body).toContain('<div id="root">');

    const en = await app.inject({
      method: 'GET',
      url: `/news/${post.slug}`,
      headers: { 'accept-language': 'en' },
    });
    expect(en.body).toContain('<meta property="og:title" content="English title" />');

    const missing = await app.inject({ method: 'GET', url: '/news/no-such-post' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('<div id="root">');
  });

  it('takes a cover through the logos’ pipeline, shows it only once public, and shares it as og:image', async () => {
    const post = await create(draft({ titleBg: 'Новина с корица', titleEn: 'News with a cover' }));
    const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#3366aa' } })
      .png()
      .toBuffer();
    const up = await app.inject({
      method: 'PUT',
      url: `/api/committee/news/${post.id}/cover`,
      payload: png,
      headers: { cookie: as.committee, 'content-type': 'image/png' },
    });
    expect(up.statusCode, up.body).toBe(200);
    const covered = NewsPostSchema.parse(up.json());
    expect(covered.coverVersion).toBe(covered.version);
    const notImage = await app.inject({
      method: 'PUT',
      url: `/api/committee/news/${post.id}/cover`,
      payload: Buffer.from('<svg></svg>'),
      headers: { cookie: as.committee, 'content-type': 'image/png' },
    });
    expect(notImage.statusCode).toBe(400);

    const cover = `/api/news/covers/${post.id}?size=large&v=${covered.coverVersion}`;
    expect((await call(null, 'GET', cover)).statusCode).toBe(404);
    await publish(post.id, covered.version);
    const image = await call(null, 'GET', cover);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/webp');
    expect((await sharp(image.rawPayload).metadata()).width).toBe(1200);
    const page = await app.inject({ method: 'GET', url: `/news/${post.slug}` });
    expect(page.body).toContain(`<meta property="og:image" content="http`);
    expect(page.body).toContain(`${cover.replace(/&/g, '&amp;')}" />`);
  });

  it('lists the published posts newest first, paged, by category', async () => {
    const call1 = await publish((await create(draft({ category: 'call', titleEn: 'A call' }))).id, 1);
    const page = NewsListResponseSchema.parse((await call(null, 'GET', '/api/news?category=call')).json());
    expect(page.items.map((i) => i.id)).toEqual([call1.id]);
    const first = NewsListResponseSchema.parse((await call(null, 'GET', '/api/news?pageSize=2')).json());
    expect(first.items).toHaveLength(2);
    expect(first.total).toBeGreaterThan(2);
    expect(first.items[0]!.publishedAt >= first.items[1]!.publishedAt).toBe(true);
  });

  it('keeps the editors’ routes from others', async () => {
    expect((await call(as.rep, 'GET', '/api/committee/news')).statusCode).toBe(403);
    expect(
      (await call(as.noRole, 'POST', '/api/account/news', { organizationId: org.member })).statusCode,
    ).toBe(403);
  });
});
