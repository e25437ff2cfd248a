import { type Application, ApplicationSchema } from '@portal/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { committeeKeys } from './keys.ts';

export const applicationPath = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

export const documentHref = (applicationId: string, documentId: string) =>
  `${applicationPath(applicationId)}/documents/${encodeURIComponent(documentId)}`;

/**
 * While a vote is open other members vote and the chair may close it: the panel asks again this often
 * (ms), and at once when the window regains focus or a vote is refused (decision 020).
 */
export const OPEN_VOTE_REFRESH_MS = 10_000;

export function getApplication(id: string, signal?: AbortSignal): Promise<Application> {
  return apiGet(applicationPath(id), ApplicationSchema, signal ? { signal } : {});
}

export function getApplicationQueryOptions(id: string) {
  return queryOptions({
    queryKey: committeeKeys.application(id),
    queryFn: ({ signal }) => getApplication(id, signal),
    refetchInterval: (query) =>
      query.state.data?.vote && query.state.data.vote.closedAt === null ? OPEN_VOTE_REFRESH_MS : false,
  });
}

export function useApplication(id: string) {
  return useQuery(getApplicationQueryOptions(id));
}
