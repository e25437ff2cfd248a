import { type BoardTeaserResponse, BoardTeaserResponseSchema } from '@portal/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';

// The board's public teaser is read by the home page (features/cluster) and the cooperation page
// (features/board); features may not import each other, so its endpoint lives here.
export const boardTeaserKeys = {
  all: ['board-teaser'] as const,
  teaser: (limit: number) => [...boardTeaserKeys.all, limit] as const,
};

export function getBoardTeaser(limit: number, signal?: AbortSignal): Promise<BoardTeaserResponse> {
  return apiGet('/api/board/public', BoardTeaserResponseSchema, {
    params: { limit },
    ...(signal ? { signal } : {}),
  });
}

export function getBoardTeaserQueryOptions(limit = 10) {
  return queryOptions({
    queryKey: boardTeaserKeys.teaser(limit),
    queryFn: ({ signal }) => getBoardTeaser(limit, signal),
    staleTime: 60_000,
  });
}

export function useBoardTeaser(limit = 10) {
  return useQuery(getBoardTeaserQueryOptions(limit));
}
