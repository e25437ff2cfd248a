/**
 * Every route's path pattern and an `href()` that builds a link to it. Components link through these,
 * never through hand-written strings. (A leaf module: features may import it.)
 */
export const paths = {
  home: {
    path: '/',
    href: (hash?: string) => (hash ? `/#${hash}` : '/'),
  },
  members: {
    path: '/members',
    /** `search` is a query string (`?area=ict`) or the directory's params as an object. */
    href: (search?: string | Record<string, string>) => {
      if (!search) return '/members';
      const query =
        typeof search === 'string' ? search.replace(/^\?/, '') : new URLSearchParams(search).toString();
      return query ? `/members?${query}` : '/members';
    },
  },
  member: {
    path: '/members/:id',
    href: (id: string) => `/members/${encodeURIComponent(id)}`,
  },
  notFound: {
    path: '*',
  },
} as const;

/** Navigation state a profile reads to link back to the same directory search (`?q=…&page=2`). */
export interface DirectoryReturnState {
  directorySearch: string;
}

export function isDirectoryReturnState(state: unknown): state is DirectoryReturnState {
  return (
    typeof state === 'object' &&
    state !== null &&
    typeof (state as Partial<DirectoryReturnState>).directorySearch === 'string'
  );
}
