import {
  type MemberOrganizationListResponse,
  type MemberOrganizationProfile,
  type OrganizationListResponse,
  OrganizationListResponseSchema,
  type OrganizationProfile,
  OrganizationProfileSchema,
} from '@portal/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { directoryKeys, organizationKeys } from '@/lib/query-keys.ts';
import { DIRECTORY_PAGE_SIZE, type DirectorySearch } from '../search-params.ts';

/**
 * The URL's values go to the API as they are (not pre-validated here): the server is the one judge of a
 * valid search, and a hand-edited URL gets its 400 with field errors shown on the page.
 */
export function getOrganizations(
  search: DirectorySearch,
  signal?: AbortSignal,
): Promise<OrganizationListResponse> {
  return apiGet('/api/organizations', OrganizationListResponseSchema, {
    params: { ...search, pageSize: DIRECTORY_PAGE_SIZE },
    ...(signal ? { signal } : {}),
  });
}

/** A page of the directory in either view: the members view's items also carry contact fields. */
export type DirectoryData = OrganizationListResponse | MemberOrganizationListResponse;

/**
 * The directory's results: the public list, or with `members` the members-only one (its code, schema and
 * texts load on first use, so the public page does not carry them). `enabled: false` holds the request,
 * e.g. while the session that decides the view is still loading.
 */
export function useOrganizations(
  search: DirectorySearch,
  { members = false, enabled = true }: { members?: boolean; enabled?: boolean } = {},
) {
  return useQuery<DirectoryData>({
    queryKey: members ? directoryKeys.memberList(search) : directoryKeys.list(search),
    queryFn: ({ signal }) =>
      members
        ? import('./member-organizations.ts').then((m) => m.getMemberOrganizations(search, signal))
        : getOrganizations(search, signal),
    // Keep the previous page on screen while the next one loads, so the list does not jump.
    placeholderData: keepPreviousData,
    enabled,
  });
}
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
      import('./member-organizations.ts').then((m) => m.getMemberOrganization(id, signal)),
    enabled,
  });
}
