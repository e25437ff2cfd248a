import { type ClusterResponse, ClusterResponseSchema } from '@portal/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { clusterKeys } from '@/lib/query-keys.ts';

export function getCluster(signal?: AbortSignal): Promise<ClusterResponse> {
  return apiGet('/api/cluster', ClusterResponseSchema, signal ? { signal } : {});
}

export function getClusterQueryOptions() {
  return queryOptions({
    queryKey: clusterKeys.detail(),
    queryFn: ({ signal }) => getCluster(signal),
    staleTime: 5 * 60_000,
  });
}

export function useCluster() {
  return useQuery(getClusterQueryOptions());
}
