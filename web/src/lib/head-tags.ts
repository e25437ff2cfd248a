import { LANGUAGE_PARAM, type Language } from '@portal/shared';
import type { PageHead } from '@/components/page-title.tsx';

/** Only the server uses this module (entry-server.tsx): the browser gets these tags with the page's HTML. */

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON for an inline script: nothing in it can close the script or start a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The page's URL in a language: Bulgarian is the plain URL, English adds `?lang=en`; other params stay, sorted. */
export function pageUrl(origin: string, url: URL, language: Language): string {
  const params = new URLSearchParams(url.search);
  params.delete(LANGUAGE_PARAM);
  if (language !== 'bg') params.set(LANGUAGE_PARAM, language);
  params.sort();
  const query = params.toString();
  return `${origin}${url.pathname}${query ? `?${query}` : ''}`;
}

const LOCALES: Record<Language, string> = { bg: 'bg_BG', en: 'en_GB' };

/** `<head>` tags of a server-rendered page: every value escaped. */
export function renderHeadTags(
  head: PageHead,
  options: { origin: string; url: URL; language: Language; indexable: boolean },
): string {
  const { origin, url, language } = options;
  const absolute = (href: string) => (href.startsWith('/') ? `${origin}${href}` : href);
  const title = head.title || head.siteName || '';
  const description = head.description || head.siteDescription || '';
  const canonical = pageUrl(origin, url, language);
  const other: Language = language === 'bg' ? 'en' : 'bg';
  const attr = escapeHtml;
  const tags = [
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${attr(description)}" />`,
    ...(options.indexable ? [] : ['<meta name="robots" content="noindex" />']),
    `<link rel="canonical" href="${attr(canonical)}" />`,
    `<link rel="alternate" hreflang="bg" href="${attr(pageUrl(origin, url, 'bg'))}" />`,
    `<link rel="alternate" hreflang="en" href="${attr(pageUrl(origin, url, 'en'))}" />`,
    `<link rel="alternate" hreflang="x-default" href="${attr(pageUrl(origin, url, 'bg'))}" />`,
    `<meta property="og:type" content="${head.type ?? 'website'}" />`,
    `<meta property="og:title" content="${attr(title)}" />`,
    `<meta property="og:description" content="${attr(description)}" />`,
    `<meta property="og:url" content="${attr(canonical)}" />`,
    ...(head.siteName ? [`<meta property="og:site_name" content="${attr(head.siteName)}" />`] : []),
    `<meta property="og:locale" content="${LOCALES[language]}" />`,
    `<meta property="og:locale:alternate" content="${LOCALES[other]}" />`,
    ...(head.image
      ? [
          `<meta property="og:image" content="${attr(absolute(head.image))}" />`,
          '<meta name="twitter:card" content="summary" />',
          `<meta name="twitter:image" content="${attr(absolute(head.image))}" />`,
        ]
      : ['<meta name="twitter:card" content="summary" />']),
    `<meta name="twitter:title" content="${attr(title)}" />`,
    `<meta name="twitter:description" content="${attr(description)}" />`,
    ...(head.jsonLd ? [`<script type="application/ld+json">${scriptJson(head.jsonLd)}</script>`] : []),
  ];
  return tags.join('\n    ');
}
