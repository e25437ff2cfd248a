import { type ProfileHistoryEntry, ProfileHistoryResponseSchema } from '@portal/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { myOrganizationKeys } from './keys.ts';

export async function getProfileHistory(id: string, signal?: AbortSignal): Promise<ProfileHistoryEntry[]> {
  const response = await apiGet(
    `/api/account/organizations/${encodeURIComponent(id)}/history`,
    ProfileHistoryResponseSchema,
    signal ? { signal } : {},
  );
  return response.items;
}

export function getProfileHistoryQueryOptions(id: string) {
  return queryOptions({
    queryKey: myOrganizationKeys.history(id),
    queryFn: ({ signal }) => getProfileHistory(id, signal),
  });
}

export function useProfileHistory(id: string) {
  return useQuery(getProfileHistoryQueryOptions(id));
}
