import {
  type MemberOrganizationProfile,
  type OrganizationProfile,
  OrganizationProfileSchema,
} from '@portal/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { organizationKeys } from '@/lib/query-keys.ts';

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

/**
 * The profile with the contacts the viewer may see, for users with members.view (`enabled`): its code and
 * texts load on first use, so the public profile page does not carry them.
 */
export function useMemberOrganization(id: string, enabled: boolean) {
  return useQuery<MemberOrganizationProfile>({
    queryKey: organizationKeys.members(id),
    queryFn: ({ signal }) =>
      import('./get-member-organization.ts').then((m) => m.getMemberOrganization(id, signal)),
    enabled,
  });
}
