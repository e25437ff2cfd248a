import { type DbHandle, rowsOf, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { CRAWLER_DISALLOWED_PATHS, PUBLIC_STATIC_PAGES } from '@portal/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertOrganization } from '../../testing.ts';
import { escapeXml, parsePart, SITEMAP_NS, sitemapIndex, sitemapPart, XHTML_NS } from './seo.service.ts';

const PUBLIC_URL = 'https://portal.example.bg';

let h: DbHandle;
let app: FastifyInstance;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h, { publicUrl: PUBLIC_URL });
  ids.active = await insertOrganization(h, { nameBg: 'Активен член', nameEn: 'Active member' });
  ids.second = await insertOrganization(h, { nameBg: 'Втори член', nameEn: 'Second member' });
  ids.withdrawn = await insertOrganization(h, { nameBg: 'Напуснал', status: 'withdrawn' });
  ids.excluded = await insertOrganization(h, { nameBg: 'Изключен', status: 'excluded' });
  ids.suspended = await insertOrganization(h, { nameBg: 'Спрян', status: 'suspended' });
  ids.candidate = await insertOrganization(h, { nameBg: 'Кандидат', category: 'candidate' });
  ids.leftCandidate = await insertOrganization(h, {
    nameBg: 'Напуснал кандидат',
    category: 'candidate',
    status: 'withdrawn',
  });

  await h.db.execute(sql`insert into news_posts (slug, category, status, title_bg, title_en, publish_at) values
    ('public-post', 'news', 'published', 'Новина', 'News', now() - interval '1 day'),
    ('scheduled-post', 'news', 'published', 'Бъдеща', 'Future', now() + interval '1 day'),
    ('draft-post', 'news', 'draft', 'Чернова', 'Draft', null),
    ('archived-post', 'news', 'archived', 'Архив', 'Archive', now() - interval '2 days')`);
  const [call] = await rowsOf<{ id: string }>(
    h.db,
    sql`insert into funding_calls (programme, code, title_bg, title_en, opens_at, deadline_at)
      values ('ПКИП', 'BG-1', 'Покана', 'Call', now(), now() + interval '30 days') returning id`,
  );
  ids.call = call!.id;
  const [body] = await rowsOf<{ id: string }>(
    h.db,
    sql`insert into governing_bodies (kind, name_bg, name_en)
      values ('working_group', 'Работна група', 'Working group') returning id`,
  );
  const meeting = async (visibility: string, minutes: 'approved' | 'draft') => {
    const [m] = await rowsOf<{ id: string }>(
      h.db,
      sql`insert into meetings (body_id, title_bg, starts_at, ends_at, status, quorum, majority,
          allows_proxy, minutes_visibility)
        values (${body!.id}, 'Заседание', now() - interval '7 days', now() - interval '7 days' + interval '2 hours',
          'held', 'more_than_half', 'simple', false, ${visibility}) returning id`,
    );
    await h.db.execute(sql`insert into meeting_minutes (meeting_id, revision, status, text_bg, approved_at)
      values (${m!.id}, 1, ${minutes}, 'Протокол', ${minutes === 'approved' ? sql`now()` : sql`null`})`);
    return m!.id;
  };
  ids.publicMinutes = await meeting('public', 'approved');
  ids.membersMinutes = await meeting('members', 'approved');
  ids.draftMinutes = await meeting('public', 'draft');
});

afterAll(async () => {
  await app?.close();
  await h?.close();
});

const get = (url: string) => app.inject({ method: 'GET', url });

/** Every `<loc>` of a sitemap or sitemap index. */
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);

/** The whole sitemap as search engines read it: the index, then every part it names. */
async function wholeSitemap(): Promise<string> {
  const index = await get('/sitemap.xml');
  expect(index.statusCode).toBe(200);
  const parts = await Promise.all(
    locs(index.body).map(async (loc) => {
      const res = await get(new URL(loc).pathname);
      expect(res.statusCode, loc).toBe(200);
      return res.body;
    }),
  );
  return parts.join('\n');
}

describe('GET /sitemap.xml', () => {
  it('is a sitemap index of parts at the root of the public URL, cacheable XML', async () => {
    const res = await get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="([^"]+)">/);
    expect(res.body).toContain(`<sitemapindex xmlns="${SITEMAP_NS}">`);
    expect(locs(res.body)).toEqual([
      `${PUBLIC_URL}/sitemap-pages.xml`,
      `${PUBLIC_URL}/sitemap-members-1.xml`,
      `${PUBLIC_URL}/sitemap-news-1.xml`,
      `${PUBLIC_URL}/sitemap-calls-1.xml`,
      `${PUBLIC_URL}/sitemap-minutes-1.xml`,
    ]);
  });

  it('lists an active member in both languages, each with its hreflang alternates (x-default: bg)', async () => {
    const res = await get('/sitemap-members-1.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.body).toContain(`<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}">`);
    const bg = `${PUBLIC_URL}/members/${ids.active}`;
    const en = `${bg}?lang=en`;
    const alternates =
      `<xhtml:link rel="alternate" hreflang="bg" href="${bg}"/>` +
      `<xhtml:link rel="alternate" hreflang="en" href="${en}"/>` +
      `<xhtml:link rel="alternate" hreflang="x-default" href="${bg}"/>`;
    expect(res.body).toMatch(
      new RegExp(
        `<url><loc>${escapeRe(bg)}</loc><lastmod>\\d{4}-\\d\\d-\\d\\dT[^<]+Z</lastmod>${escapeRe(alternates)}</url>`,
      ),
    );
    expect(res.body).toMatch(
      new RegExp(`<url><loc>${escapeRe(en)}</loc><lastmod>[^<]+</lastmod>${escapeRe(alternates)}</url>`),
    );
    expect(locs(res.body).sort()).toEqual(
      [ids.active, ids.second]
        .flatMap((id) => [`${PUBLIC_URL}/members/${id}`, `${PUBLIC_URL}/members/${id}?lang=en`])
        .sort(),
    );
  });

  it('leaves out members that left, suspended members and candidates, drafts and private items', async () => {
    const all = await wholeSitemap();
    for (const key of [
      'withdrawn',
      'excluded',
      'suspended',
      'candidate',
      'leftCandidate',
      'membersMinutes',
      'draftMinutes',
    ])
      expect(all, key).not.toContain(ids[key]);
    for (const slug of ['scheduled-post', 'draft-post', 'archived-post'])
      expect(all, slug).not.toContain(slug);
    for (const loc of locs(all)) expect(loc.startsWith(`${PUBLIC_URL}/`), loc).toBe(true);
  });

  it('lists the public pages, the published post, the funding call and the public approved minutes, in both languages', async () => {
    const all = locs(await wholeSitemap());
    const both = (path: string) => [`${PUBLIC_URL}${path}`, `${PUBLIC_URL}${path}?lang=en`];
    for (const path of [
      ...PUBLIC_STATIC_PAGES,
      '/news/public-post',
      `/calls/${ids.call}`,
      `/governance/minutes/${ids.publicMinutes}`,
    ])
      expect(all).toEqual(expect.arrayContaining(both(path)));
    expect(all).toContain(`${PUBLIC_URL}/`);
    expect(all).toContain(`${PUBLIC_URL}/?lang=en`);
    // Each page once per language.
    expect(new Set(all).size).toBe(all.length);
  });

  it('answers 404 for a part that does not exist', async () => {
    for (const url of [
      '/sitemap-members-2.xml',
      '/sitemap-nope-1.xml',
      '/sitemap-members-0.xml',
      '/sitemap-pages',
    ])
      expect((await get(url)).statusCode, url).toBe(404);
  });

  it('splits a kind into parts of at most the part size, and lists every record once', async () => {
    const index = await sitemapIndex(h.db, PUBLIC_URL, 1);
    expect(locs(index)).toEqual(
      expect.arrayContaining([`${PUBLIC_URL}/sitemap-members-1.xml`, `${PUBLIC_URL}/sitemap-members-2.xml`]),
    );
    expect(locs(index)).not.toContain(`${PUBLIC_URL}/sitemap-members-3.xml`);
    const first = await sitemapPart(h.db, PUBLIC_URL, { kind: 'members', n: 1 }, 1);
    const second = await sitemapPart(h.db, PUBLIC_URL, { kind: 'members', n: 2 }, 1);
    expect(locs(first!)).toHaveLength(2);
    expect(locs(second!)).toHaveLength(2);
    expect(new Set([...locs(first!), ...locs(second!)]).size).toBe(4);
    expect(await sitemapPart(h.db, PUBLIC_URL, { kind: 'members', n: 3 }, 1)).toBeNull();
  });

  it('escapes what it writes', () => {
    expect(escapeXml(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;');
    expect(parsePart('members-1.xml')).toEqual({ kind: 'members', n: 1 });
    expect(parsePart('pages.xml')).toEqual({ kind: 'pages' });
    expect(parsePart('members-01.xml')).toBeNull();
    expect(parsePart('../members-1.xml')).toBeNull();
  });

  it('writes the URLs with the public URL, escaped', async () => {
    const xml = await sitemapPart(h.db, 'https://portal.example.bg/a&b', { kind: 'pages' });
    expect(xml).toContain('<loc>https://portal.example.bg/a&amp;b/members</loc>');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });
});

describe('GET /robots.txt', () => {
  it('allows the public pages, keeps crawlers off the API and the signed-in areas, and names the sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    const lines = res.body.split('\n');
    expect(lines[0]).toBe('User-agent: *');
    for (const path of ['/api/', '/admin', '/committee', '/my/', '/account'])
      expect(lines).toContain(`Disallow: ${path}`);
    expect(lines).toContain(`Sitemap: ${PUBLIC_URL}/sitemap.xml`);
    // No public page falls under a disallowed prefix.
    const disallowed = lines
      .filter((l) => l.startsWith('Disallow: '))
      .map((l) => l.slice('Disallow: '.length));
    expect(disallowed).toEqual([...CRAWLER_DISALLOWED_PATHS]);
    for (const page of [...PUBLIC_STATIC_PAGES, '/members/x', '/news/x', '/calls/x', '/governance/minutes/x'])
      expect(
        disallowed.filter((prefix) => page.startsWith(prefix)),
        page,
      ).toEqual([]);
  });
});

describe('GET /api/organizations/:id of an organisation that is not a listed member', () => {
  it('answers 410 Gone for a member that withdrew or was excluded, saying nothing about it', async () => {
    for (const key of ['withdrawn', 'excluded']) {
      for (const lang of ['bg', 'en']) {
        const res = await app.inject({
          method: 'GET',
          url: `/api/organizations/${ids[key]}`,
          headers: { 'accept-language': lang },
        });
        expect(res.statusCode, key).toBe(410);
        expect(res.headers['content-type']).toContain('application/problem+json');
        const body = res.json();
        expect(body).toMatchObject({ status: 410, code: 'organization.former_member' });
        expect(body.title).toBe(
          lang === 'bg'
            ? 'Организацията вече не е член на клъстера'
            : 'The organisation is no longer a member of the cluster',
        );
        expect(res.body).not.toContain(key === 'withdrawn' ? 'Напуснал' : 'Изключен');
        const standard = ['type', 'title', 'status', 'detail', 'instance', 'code'];
        expect(Object.keys(body).filter((k) => !standard.includes(k))).toEqual([]);
      }
    }
  });

  it('answers 404 for an unknown id, a suspended member, a candidate and a candidate that left', async () => {
    for (const id of [
      '7d1f7a3e-0000-4000-8000-000000000000',
      ids.suspended!,
      ids.candidate!,
      ids.leftCandidate!,
    ]) {
      const res = await get(`/api/organizations/${id}`);
      expect(res.statusCode, id).toBe(404);
      expect(res.json()).toMatchObject({ code: 'organization.not_found' });
    }
  });

  it('still answers 200 for an active member', async () => {
    expect((await get(`/api/organizations/${ids.active}`)).statusCode).toBe(200);
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
