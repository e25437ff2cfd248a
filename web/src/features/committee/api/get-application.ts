import { type Application, ApplicationSchema } from '@portal/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { committeeKeys } from './keys.ts';

export const applicationPath = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

export const documentHref = (applicationId: string, documentId: string) =>
  `${applicationPath(applicationId)}/documents/${encodeURIComponent(documentId)}`;

/** While a vote is open other members vote too: the panel asks again this often (ms). */
export const OPEN_VOTE_REFRESH_MS = 30_000;

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
