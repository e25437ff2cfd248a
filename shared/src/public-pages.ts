import { LANGUAGES, type Language } from './i18n.ts';

/**
 * The public pages (issue 17, decision 055): readable without an account, rendered on the server with their
 * content and head tags, listed in the sitemap, and measured by Lighthouse. Patterns in react-router's
 * syntax (`:param` is one path segment). The signed-in parts stay a client-rendered app.
 */
export const PUBLIC_PAGE_PATTERNS = [
  '/',
  '/members',
  '/members/:id',
  '/governance',
  '/governance/minutes',
  '/governance/minutes/:id',
  '/strategy',
  '/figures',
  '/decisions',
  '/news',
  '/news/:slug',
  '/calls',
  '/calls/:id',
  '/cooperation',
  '/statute',
  '/privacy',
  '/contact',
] as const;

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
