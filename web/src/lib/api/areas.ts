import { type AreaListResponse, AreaListResponseSchema } from '@portal/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';

// The specialisation taxonomy is shared by the home page (member counts) and the directory (area facet);
// features may not import each other, so its endpoint lives here.
export const areaKeys = {
  all: ['areas'] as const,
  list: () => [...areaKeys.all, 'list'] as const,
};

export function getAreas(signal?: AbortSignal): Promise<AreaListResponse> {
  return apiGet('/api/areas', AreaListResponseSchema, signal ? { signal } : {});
}

export function getAreasQueryOptions() {
  return queryOptions({
    queryKey: areaKeys.list(),
    queryFn: ({ signal }) => getAreas(signal),
    staleTime: 5 * 60_000,
  });
}

export function useAreas() {
  return useQuery(getAreasQueryOptions());
}
