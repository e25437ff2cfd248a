import { type MyOrganization, MyOrganizationListResponseSchema } from '@portal/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { accountKeys } from '@/lib/query-keys.ts';

export async function getMyOrganizations(signal?: AbortSignal): Promise<MyOrganization[]> {
  const response = await apiGet(
    '/api/account/organizations',
    MyOrganizationListResponseSchema,
    signal ? { signal } : {},
  );
  return response.items;
}

export function getMyOrganizationsQueryOptions() {
  return queryOptions({
    queryKey: accountKeys.organizations(),
    queryFn: ({ signal }) => getMyOrganizations(signal),
  });
}

export function useMyOrganizations() {
  return useQuery(getMyOrganizationsQueryOptions());
}
