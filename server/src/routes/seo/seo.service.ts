import { type Db, isoTimestamp, rowsOf, type SQL, sql } from '@portal/db';
import {
  CRAWLER_DISALLOWED_PATHS,
  PAGE_LANGUAGES,
  PUBLIC_RECORD_PAGES,
  PUBLIC_STATIC_PAGES,
  pageInLanguage,
} from '@portal/shared';
import { PUBLIC_POST } from '../news/news.service.ts';

/**
 * The sitemap (issue 17) is a sitemap index: `/sitemap.xml` names its parts, `/sitemap-pages.xml` (the
 * public pages without a parameter) and `/sitemap-<kind>-<n>.xml` (the pages of one kind of record, at
 * most PART_SIZE records each). Every page is listed in both languages, each `<url>` with its alternates
 * (hreflang bg, en, and x-default = bg), so a part holds at most 2 × PART_SIZE URLs: within the
 * protocol's 50 000 URLs (and 50 MB) per file at any number of members.
 */
export const SITEMAP_PART_SIZE = 10_000;

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8';
export const SEO_CACHE_CONTROL = 'public, max-age=3600';

/** The kinds of record with a public page of their own. */
export const SITEMAP_KINDS = ['members', 'news', 'calls', 'minutes'] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];

const HREF: Record<SitemapKind, (key: string) => string> = {
  members: PUBLIC_RECORD_PAGES.member.href,
  news: PUBLIC_RECORD_PAGES.newsPost.href,
  calls: PUBLIC_RECORD_PAGES.call.href,
  minutes: PUBLIC_RECORD_PAGES.publicMinutes.href,
};

/**
 * Each kind's public records in a stable order, as `key` (what the page's address holds) and `lastmod`
 * (ISO 8601, UTC). The same conditions as the public pages' own endpoints: a listed member (active, not a
 * candidate: the directory's read model), a published post whose time has come, any funding call, a
 * meeting whose minutes are public and approved.
 */
const RECORDS: Record<SitemapKind, SQL> = {
  members: sql`select d.organization_id::text as key, ${isoTimestamp('o.updated_at')} as lastmod
    from directory_entries d join organizations o on o.id = d.organization_id
    order by d.organization_id`,
  news: sql`select p.slug as key, ${isoTimestamp('greatest(p.updated_at, p.publish_at)')} as lastmod
    from news_posts p where ${PUBLIC_POST}
    order by p.id`,
  calls: sql`select c.id::text as key, ${isoTimestamp('c.updated_at')} as lastmod
    from funding_calls c
    order by c.id`,
  minutes: sql`select mm.meeting_id::text as key, ${isoTimestamp('max(mm.approved_at)')} as lastmod
    from meeting_minutes mm join meetings m on m.id = mm.meeting_id
    where mm.status = 'approved' and m.minutes_visibility = 'public'
    group by mm.meeting_id
    order by mm.meeting_id`,
};

const COUNTS: Record<SitemapKind, SQL> = {
  members: sql`select count(*) as n from directory_entries`,
  news: sql`select count(*) as n from news_posts p where ${PUBLIC_POST}`,
  calls: sql`select count(*) as n from funding_calls`,
  minutes: sql`select count(distinct mm.meeting_id) as n
    from meeting_minutes mm join meetings m on m.id = mm.meeting_id
    where mm.status = 'approved' and m.minutes_visibility = 'public'`,
};

/** Escapes text for XML content and attribute values. */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

const base = (publicUrl: string) => publicUrl.replace(/\/$/, '');

/** The name of a part's file: `sitemap-pages.xml`, `sitemap-members-2.xml`. */
export const partFile = (part: { kind: 'pages' } | { kind: SitemapKind; n: number }) =>
  part.kind === 'pages' ? 'sitemap-pages.xml' : `sitemap-${part.kind}-${part.n}.xml`;

/** Reads `pages.xml` or `<kind>-<n>.xml` (the part of `/sitemap-<part>`); null: no such part's name. */
export function parsePart(part: string): { kind: 'pages' } | { kind: SitemapKind; n: number } | null {
  if (part === 'pages.xml') return { kind: 'pages' };
  const match = /^([a-z]+)-([1-9][0-9]{0,6})\.xml$/.exec(part);
  if (!match || !(SITEMAP_KINDS as readonly string[]).includes(match[1]!)) return null;
  return { kind: match[1] as SitemapKind, n: Number(match[2]) };
}

async function countOf(db: Db, kind: SitemapKind): Promise<number> {
  const [row] = await rowsOf<{ n: number | string }>(db, COUNTS[kind]);
  return Number(row?.n ?? 0);
}

/** `/sitemap.xml`: the index of the parts, one count per kind of record. */
export async function sitemapIndex(db: Db, publicUrl: string, partSize = SITEMAP_PART_SIZE): Promise<string> {
  const files = [partFile({ kind: 'pages' })];
  for (const kind of SITEMAP_KINDS) {
    const parts = Math.ceil((await countOf(db, kind)) / partSize);
    for (let n = 1; n <= parts; n++) files.push(partFile({ kind, n }));
  }
  const entries = files.map(
    (file) => `<sitemap><loc>${escapeXml(`${base(publicUrl)}/${file}`)}</loc></sitemap>`,
  );
  return `${XML_DECLARATION}\n<sitemapindex xmlns="${SITEMAP_NS}">\n${entries.join('\n')}\n</sitemapindex>\n`;
}

/** The `<url>` entries of one page: one per language, each naming every language's address. */
function urlEntries(publicUrl: string, path: string, lastmod: string | null): string[] {
  const href = (lang: (typeof PAGE_LANGUAGES)[number]) =>
    escapeXml(`${base(publicUrl)}${pageInLanguage(path, lang)}`);
  const alternates = [
    ...PAGE_LANGUAGES.map((lang) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${href(lang)}"/>`),
    `<xhtml:link rel="alternate" hreflang="x-default" href="${href('bg')}"/>`,
  ].join('');
  const modified = lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : '';
  return PAGE_LANGUAGES.map((lang) => `<url><loc>${href(lang)}</loc>${modified}${alternates}</url>`);
}

const urlset = (entries: string[]) =>
  `${XML_DECLARATION}\n<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}">\n${entries.join('\n')}\n</urlset>\n`;

/**
 * One part of the sitemap; null when there is no such part (a kind's number beyond its records). A
 * part reads its slice of one kind's records in one query (offset over the primary key's order).
 */
export async function sitemapPart(
  db: Db,
  publicUrl: string,
  part: { kind: 'pages' } | { kind: SitemapKind; n: number },
  partSize = SITEMAP_PART_SIZE,
): Promise<string | null> {
  if (part.kind === 'pages') {
    return urlset(PUBLIC_STATIC_PAGES.flatMap((path) => urlEntries(publicUrl, path, null)));
  }
  const rows = await rowsOf<{ key: string; lastmod: string | null }>(
    db,
    sql`${RECORDS[part.kind]} limit ${partSize} offset ${(part.n - 1) * partSize}`,
  );
  if (rows.length === 0) return null;
  const href = HREF[part.kind];
  return urlset(rows.flatMap((r) => urlEntries(publicUrl, href(r.key), r.lastmod)));
}

/** robots.txt: every page but the API, the signed-in areas and the emailed links; where the sitemap is. */
export function robotsTxt(publicUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    ...CRAWLER_DISALLOWED_PATHS.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${base(publicUrl)}/sitemap.xml`,
    '',
  ].join('\n');
}
