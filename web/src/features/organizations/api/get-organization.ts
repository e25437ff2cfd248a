import { type OrganizationProfile, OrganizationProfileSchema } from '@portal/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { organizationKeys } from './keys.ts';

export function getOrganization(id: string, signal?: AbortSignal): Promise<OrganizationProfile> {
  return apiGet(
    `/api/organizations/${encodeURIComponent(id)}`,
    OrganizationProfileSchema,
    signal ? { signal } : {},
  );
}

export function getOrganizationQueryOptions(id: string) {
  return queryOptions({
    queryKey: organizationKeys.detail(id),
    queryFn: ({ signal }) => getOrganization(id, signal),
  });
}

export function useOrganization(id: string) {
  return useQuery(getOrganizationQueryOptions(id));
}
