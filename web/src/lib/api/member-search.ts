import { MemberOrganizationListResponseSchema } from '@portal/shared';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';

// Picking a member organisation by name (a meeting's membership item, a project's invitation): several
// features search the members this way and may not import each other, so the query lives here.
export function useMemberOrganizationSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['members', 'search', q] as const,
    enabled,
    retry: false,
    queryFn: ({ signal }) =>
      apiGet('/api/members/organizations', MemberOrganizationListResponseSchema, {
        signal,
        params: { q, pageSize: '50' },
      }),
  });
}
