import { type MemberOrganizationListResponse, MemberOrganizationListResponseSchema } from '@portal/shared';
import { apiGet } from '@/lib/api-client.ts';
// The texts of the members-only view, registered before its data can be shown.
import '@/i18n/members-view.ts';
import { DIRECTORY_PAGE_SIZE, type DirectorySearch } from '../search-params.ts';

/**
 * The members-only directory (same search, filters and paging as the public one, plus the contacts the
 * viewer may see). Loaded lazily, only for users who may use it (members.view), with its texts.
 */
export function getMemberOrganizations(
  search: DirectorySearch,
  signal?: AbortSignal,
): Promise<MemberOrganizationListResponse> {
  return apiGet('/api/members/organizations', MemberOrganizationListResponseSchema, {
    params: { ...search, pageSize: DIRECTORY_PAGE_SIZE },
    ...(signal ? { signal } : {}),
  });
}
