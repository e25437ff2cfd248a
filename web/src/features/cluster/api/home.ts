import { type HomeResponse, HomeResponseSchema } from '@portal/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { clusterKeys } from '@/lib/query-keys.ts';

/** The home page in one answer (issue 17, decision 054): the server keeps it for a minute. */
export function getHome(signal?: AbortSignal): Promise<HomeResponse> {
  return apiGet('/api/home', HomeResponseSchema, signal ? { signal } : {});
}

export function getHomeQueryOptions() {
  return queryOptions({
    queryKey: clusterKeys.home(),
    queryFn: ({ signal }) => getHome(signal),
    staleTime: 60_000,
  });
}

export function useHome() {
  return useQuery(getHomeQueryOptions());
}
