import * as z from 'zod';
import { LANGUAGES, type Language } from './i18n.ts';

/**
 * The pages anyone may read without an account, for search engines (issue 17): the sitemap lists them, the
 * server-side rendering serves them, robots.txt keeps crawlers off everything else. Paths are the SPA's
 * route patterns (web/src/lib/paths.ts; a web test checks they match). Each page exists in both languages:
 * Bulgarian (the default) at its plain path, English at the same path with `?lang=en`.
 */

/** The public pages without a parameter (home, directory, strategy, …). */
export const PUBLIC_STATIC_PAGES = [
  '/',
  '/members',
  '/strategy',
  '/figures',
  '/governance',
  '/governance/minutes',
  '/statute',
  '/privacy',
  '/contact',
  '/news',
  '/calls',
  '/decisions',
  '/cooperation',
] as const;
export type PublicStaticPage = (typeof PUBLIC_STATIC_PAGES)[number];

/** The public pages of one record each: their route pattern and a link to one. */
export const PUBLIC_RECORD_PAGES = {
  /** An active member's public profile, by organisation id. */
  member: { path: '/members/:id', href: (id: string) => `/members/${encodeURIComponent(id)}` },
  /** A published news post, by slug. */
  newsPost: { path: '/news/:slug', href: (slug: string) => `/news/${encodeURIComponent(slug)}` },
  /** A funding call, by id (every call is public). */
  call: { path: '/calls/:id', href: (id: string) => `/calls/${encodeURIComponent(id)}` },
  /** A meeting's approved public minutes, by meeting id. */
  publicMinutes: {
    path: '/governance/minutes/:id',
    href: (id: string) => `/governance/minutes/${encodeURIComponent(id)}`,
  },
} as const;

/**
 * Path prefixes of the pages crawlers must not visit: the API, the signed-in areas, and the pages of
 * accounts and emailed links (tokens in the query). robots.txt disallows each (a prefix match).
 */
export const CRAWLER_DISALLOWED_PATHS = [
  '/api/',
  '/account',
  '/admin',
  '/committee',
  '/my/',
  '/apply',
  '/applications/',
  '/invitations/',
  '/conversations',
  '/meetings',
  '/projects',
  '/resources',
  '/board',
  '/login',
  '/sign-up',
  '/verify-email',
  '/forgot-password',
  '/reset-password',
  '/confirm-email',
  '/events/',
] as const;

/** The languages of every public page: bg (the default, at the plain path) and en (`?lang=en`). */
export const PAGE_LANGUAGES = ['bg', 'en'] as const;

/** A public page's path in a language: the plain path for bg, `?lang=en` added for en. */
export function pageInLanguage(path: string, lang: (typeof PAGE_LANGUAGES)[number]): string {
  if (lang === 'bg') return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=en`;
}

/** The part of a sitemap file's name, `/sitemap-<part>` (`members-2.xml`); the server reads its kind and number. */
export const SitemapPartParamsSchema = z.object({ part: z.string().max(40) });

/**
 * Every public page's route pattern (react-router syntax: `:param` is one path segment): rendered on the
 * server with its content and head tags (decision 055), listed in the sitemap, measured by Lighthouse. The
 * signed-in parts stay a client-rendered app.
 */
export const PUBLIC_PAGE_PATTERNS: readonly string[] = [
  ...PUBLIC_STATIC_PAGES,
  ...Object.values(PUBLIC_RECORD_PAGES).map((page) => page.path),
];

/** Whether `pathname` (no query) is one of the public pages. A trailing slash is not the same page. */
export function isPublicPagePath(pathname: string): boolean {
  const segments = pathname.split('/');
  return PUBLIC_PAGE_PATTERNS.some((pattern) => {
    const parts = pattern.split('/');
    return (
      parts.length === segments.length &&
      parts.every((part, i) => {
        const segment = segments[i] ?? '';
        return part.startsWith(':') ? segment !== '' : part === segment;
      })
    );
  });
}

/** The query parameter of a page's English version: `/members?lang=en` (Bulgarian is the plain URL). */
export const LANGUAGE_PARAM = 'lang';

/** The cookie that carries the visitor's chosen language to the server, which renders the page in it. */
export const LANGUAGE_COOKIE = 'portal_lang';

/** The id of the inline script holding the state a server-rendered page hydrates from. */
export const SSR_STATE_ID = 'portal-state';

/** Whether `value` is one of the portal's languages. */
export function isPortalLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
