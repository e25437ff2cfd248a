import { FundingCallListResponseSchema, PAGE_SIZE_MAX } from '@portal/shared';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';

// The funding calls a new joint project can be linked to (features/projects); the calls' own pages live in
// features/calls, and features may not import each other, so the endpoint and its cache key live here.
export function useCallOptions() {
  return useQuery({
    queryKey: ['calls', 'options'] as const,
    queryFn: async ({ signal }) => {
      const list = await apiGet('/api/public/calls', FundingCallListResponseSchema, {
        params: { pageSize: PAGE_SIZE_MAX },
        signal,
      });
      // Upcoming and open calls only: a project is not formed for a call that has closed.
      return list.items.filter((c) => c.status !== 'closed');
    },
    staleTime: 60_000,
  });
}
