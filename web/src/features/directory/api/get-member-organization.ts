import { type MemberOrganizationProfile, MemberOrganizationProfileSchema } from '@portal/shared';
import { apiGet } from '@/lib/api-client.ts';
// The texts of the members-only contacts (who may see a field), registered before its data can be shown.
import '@/i18n/members-view.ts';

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
