import '@/i18n/members-view.ts';
import {
  type MemberOrganizationListResponse,
  MemberOrganizationListResponseSchema,
  type MemberOrganizationProfile,
  MemberOrganizationProfileSchema,
} from '@portal/shared';
import { apiGet } from '@/lib/api-client.ts';
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
/**
 * A listed member's profile with the contacts the viewer may see (members.view). Loaded lazily, only for
 * users who may use it, with its texts.
 */
export function getMemberOrganization(id: string, signal?: AbortSignal): Promise<MemberOrganizationProfile> {
  return apiGet(
    `/api/members/organizations/${encodeURIComponent(id)}`,
    MemberOrganizationProfileSchema,
    signal ? { signal } : {},
  );
}
