import type { QueryClient } from '@tanstack/react-query';
export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
};

/**
 * Drops every cached query except the session, so nothing one user loaded (account, administration)
 * is shown to whoever signs in next on this browser. Public data is simply fetched again.
 */
export function forgetUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
}
