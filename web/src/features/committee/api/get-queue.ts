import { type ApplicationQueueResponse, ApplicationQueueResponseSchema } from '@portal/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { QUEUE_PAGE_SIZE, type QueueSearch } from '../search-params.ts';
import { committeeKeys } from './keys.ts';

/** How often the open queue asks again (ms). */
export const QUEUE_REFRESH_MS = 30_000;

/** The URL's values go to the API as they are: the server judges them and answers a bad one with a 400. */
export function getQueue(
  search: QueueSearch,
  pageSize: number,
  signal?: AbortSignal,
): Promise<ApplicationQueueResponse> {
  return apiGet('/api/committee/applications', ApplicationQueueResponseSchema, {
    params: { ...search, pageSize },
    ...(signal ? { signal } : {}),
  });
}

export function getQueueQueryOptions(search: QueueSearch, pageSize = QUEUE_PAGE_SIZE) {
  return queryOptions({
    queryKey: committeeKeys.queue({ ...search, pageSize }),
    queryFn: ({ signal }) => getQueue(search, pageSize, signal),
    placeholderData: keepPreviousData,
    // Applications move while the queue is open (votes close elsewhere): it refreshes itself (decision 020).
    refetchInterval: QUEUE_REFRESH_MS,
  });
}

export function useQueue(search: QueueSearch) {
  return useQuery(getQueueQueryOptions(search));
}
