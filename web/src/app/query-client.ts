import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-client.ts';
import { authKeys } from '@/lib/query-keys.ts';

export function createQueryClient(): QueryClient {
  // "Not signed in" means the session ended (expired, or ended from another device) and "forbidden" that
  // the roles may have changed: ask who is signed in again, so protected pages react (log-in page, 403).
  const onError = (error: unknown) => {
    if (!isApiError(error)) return;
    const sessionChanged =
      (error.status === 401 && (error.code === undefined || error.code === 'auth.required')) ||
      (error.status === 403 && error.code === 'auth.forbidden');
    if (sessionChanged) void queryClient.invalidateQueries({ queryKey: authKeys.session() });
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx answer will not change on retry; network errors and 5xx get two more chances.
        retry: (failureCount, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return queryClient;
}
