import { queryOptions, useQuery } from '@tanstack/react-query';
import { getApplicationQueryOptions as applicationQueryOptions } from '@/lib/api/applications.ts';

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
