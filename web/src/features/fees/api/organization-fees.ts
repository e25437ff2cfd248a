import { type OrganizationFeesResponse, OrganizationFeesResponseSchema } from '@portal/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { feesKeys } from './keys.ts';

export function getOrganizationFees(id: string, signal?: AbortSignal): Promise<OrganizationFeesResponse> {
  return apiGet(
    `/api/account/organizations/${encodeURIComponent(id)}/fees`,
    OrganizationFeesResponseSchema,
    signal ? { signal } : {},
  );
}

export function getOrganizationFeesQueryOptions(id: string) {
  return queryOptions({
    queryKey: feesKeys.organization(id),
    queryFn: ({ signal }) => getOrganizationFees(id, signal),
  });
}

export function useOrganizationFees(id: string) {
  return useQuery(getOrganizationFeesQueryOptions(id));
}
