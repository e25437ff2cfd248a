import { createContext, useContext, useEffect } from 'react';

/** The cluster's name in the UI language, provided by the app layout once /api/cluster has answered. */
export const SiteNameContext = createContext<string | undefined>(undefined);

/** Sets `document.title` to "<page> — <cluster name>" (or just the page while the name is loading). */
export function usePageTitle(pageTitle: string | undefined): void {
  const siteName = useContext(SiteNameContext);
  useEffect(() => {
    const parts = [pageTitle, siteName].filter((part): part is string => Boolean(part));
    if (parts.length > 0) document.title = [...new Set(parts)].join(' — ');
  }, [pageTitle, siteName]);
}
