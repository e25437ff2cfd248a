import { type OrganizationListResponse, OrganizationListResponseSchema } from '@portal/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { DIRECTORY_PAGE_SIZE, type DirectorySearch } from '../search-params.ts';
import { directoryKeys } from './keys.ts';

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

export function getOrganizationsQueryOptions(search: DirectorySearch) {
  return queryOptions({
    queryKey: directoryKeys.list(search),
    queryFn: ({ signal }) => getOrganizations(search, signal),
    // Keep the previous page on screen while the next one loads, so the list does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useOrganizations(search: DirectorySearch) {
  return useQuery(getOrganizationsQueryOptions(search));
}
