import { createContext, useContext, useEffect } from 'react';

/** The cluster's name in the UI language, provided by the app layout once /api/cluster has answered. */
export const SiteNameContext = createContext<string | undefined>(undefined);

/** What a page tells search engines and link previews (issue 17): the server writes it into `<head>`. */
export interface PageHead {
  /** The whole title, "<page> — <cluster name>". */
  title?: string;
  description?: string;
  /** The site-wide description (the cluster's tagline), for pages without their own. */
  siteDescription?: string;
  siteName?: string;
  /** Absolute or root-relative URL of an image for link previews (an organisation's logo, a post's picture). */
  image?: string;
  type?: 'website' | 'article' | 'profile';
  /** Structured data (schema.org JSON-LD), e.g. an `Organization`. */
  jsonLd?: Record<string, unknown>;
}

/**
 * Set only while the server renders a page: each page's head reaches it during the render (effects do not
 * run there). In the browser there is none and the hooks below only set `document.title`.
 */
export const HeadCollector = createContext<((head: PageHead) => void) | null>(null);

function joinTitle(pageTitle: string | undefined, siteName: string | undefined): string {
  return [...new Set([pageTitle, siteName].filter((part): part is string => Boolean(part)))].join(' — ');
}

/** Sets `document.title` to "<page> — <cluster name>" (or just the page while the name is loading). */
export function usePageTitle(pageTitle: string | undefined): void {
  usePageMeta({ title: pageTitle });
}

/**
 * The page's title and, for link previews and search engines, its description, image and structured data.
 * In the browser only the title matters (the head tags come with the server's HTML of a public page).
 */
export function usePageMeta(meta: Omit<PageHead, 'siteDescription' | 'siteName'>): void {
  const siteName = useContext(SiteNameContext);
  const collect = useContext(HeadCollector);
  const title = joinTitle(meta.title, siteName);
  if (collect) collect({ ...meta, title });
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}
