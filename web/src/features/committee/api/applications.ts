import {
  type ApplicationQueueResponse,
  ApplicationQueueResponseSchema,
  ApplicationSchema,
} from '@portal/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  applicationPath,
  getApplicationQueryOptions as applicationQueryOptions,
  useApplicationChange,
} from '@/lib/api/applications.ts';
import { apiGet, apiSend } from '@/lib/api-client.ts';
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
/**
 * While a vote is open other members vote and the chair may close it: the panel asks again this often
 * (ms), and at once when the window regains focus or a vote is refused (decision 020).
 */
export const OPEN_VOTE_REFRESH_MS = 10_000;

/**
 * The application as the committee reads it: the resource's own query (the same key the applicant's
 * pages use), asked again while its vote is open.
 */
export function getApplicationQueryOptions(id: string) {
  return queryOptions({
    ...applicationQueryOptions(id),
    refetchInterval: (query) =>
      query.state.data?.vote && query.state.data.vote.closedAt === null ? OPEN_VOTE_REFRESH_MS : false,
  });
}

export function useApplication(id: string) {
  return useQuery(getApplicationQueryOptions(id));
}
/** The moves a committee member (start review, request changes) or the chair (open vote) may ask for. */
export type ReviewAction = 'start_review' | 'request_changes' | 'open_vote';

export function useReviewAction(id: string) {
  return useApplicationChange(id, ({ action, comment }: { action: ReviewAction; comment?: string }) =>
    apiSend(
      'POST',
      `${applicationPath(id)}/actions/${action}`,
      comment ? { comment } : {},
      ApplicationSchema,
    ),
  );
}

export function useAddComment(id: string) {
  return useApplicationChange(id, (body: { text: string; audience: 'committee' | 'applicant' }) =>
    apiSend('POST', `${applicationPath(id)}/comments`, body, ApplicationSchema),
  );
}
