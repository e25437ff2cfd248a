import type { Language, NewsCategory, NewsPublicPost } from '@portal/shared';
import { newsPath } from '@portal/shared';

/**
 * The RSS 2.0 feed of one language (decision 040): the newest public posts that exist in it, each with its
 * summary as plain text (no HTML, so no reader renders anything the portal did not check). XML built by
 * hand: every text is escaped, dates are RFC 822 as RSS 2.0 requires.
 */

export const xmlEscape = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

const CATEGORY: Record<NewsCategory, Record<Language, string>> = {
  news: { bg: 'Новини', en: 'News' },
  event: { bg: 'Събития', en: 'Events' },
  call: { bg: 'Покани и конкурси', en: 'Calls' },
  member_news: { bg: 'Новини на членовете', en: 'Member news' },
};

export function renderFeed(
  posts: NewsPublicPost[],
  lang: Language,
  options: { publicUrl: string; clusterName: string },
): string {
  const base = options.publicUrl.replace(/\/$/, '');
  const title = lang === 'en' ? `${options.clusterName} — news` : `${options.clusterName} — новини`;
  const description = lang === 'en' ? `News of ${options.clusterName}` : `Новини на ${options.clusterName}`;
  const self = `${base}/api/news/feed/${lang}`;
  const items = posts.map((p) => {
    const link = `${base}${newsPath(p.slug)}`;
    const itemTitle = lang === 'en' ? p.titleEn : p.titleBg;
    const summary = lang === 'en' ? p.summaryEn : p.summaryBg;
    return [
      '    <item>',
      `      <title>${xmlEscape(itemTitle)}</title>`,
      `      <link>${xmlEscape(link)}</link>`,
      `      <guid isPermaLink="true">${xmlEscape(link)}</guid>`,
      `      <pubDate>${new Date(p.publishedAt).toUTCString()}</pubDate>`,
      `      <category>${xmlEscape(CATEGORY[p.category][lang])}</category>`,
      summary ? `      <description>${xmlEscape(summary)}</description>` : null,
      '    </item>',
    ]
      .filter((line) => line !== null)
      .join('\n');
  });
  const latest = posts[0] ? new Date(posts[0].publishedAt) : new Date();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${xmlEscape(title)}</title>`,
    `    <link>${xmlEscape(`${base}/news`)}</link>`,
    `    <description>${xmlEscape(description)}</description>`,
    `    <language>${lang}</language>`,
    `    <lastBuildDate>${latest.toUTCString()}</lastBuildDate>`,
    `    <atom:link href="${xmlEscape(self)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
