import { AdminOrganizationListResponseSchema, type OrganizationRef } from '@portal/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { adminKeys } from './keys.ts';

/** Any organisation (a member or not) by name or ЕИК; at most 20. */
export async function searchOrganizations(q: string, signal?: AbortSignal): Promise<OrganizationRef[]> {
  const response = await apiGet('/api/admin/organizations', AdminOrganizationListResponseSchema, {
    params: { q },
    ...(signal ? { signal } : {}),
  });
  return response.items;
}

export function searchOrganizationsQueryOptions(q: string) {
  return queryOptions({
    queryKey: adminKeys.organizations(q),
    queryFn: ({ signal }) => searchOrganizations(q, signal),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useOrganizationSearch(q: string) {
  return useQuery(searchOrganizationsQueryOptions(q));
}
