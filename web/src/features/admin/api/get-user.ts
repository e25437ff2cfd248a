import { type AdminUser, AdminUserSchema } from '@portal/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { adminKeys } from './keys.ts';

export const userPath = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

export function getUser(id: string, signal?: AbortSignal): Promise<AdminUser> {
  return apiGet(userPath(id), AdminUserSchema, signal ? { signal } : {});
}

export function getUserQueryOptions(id: string) {
  return queryOptions({
    queryKey: adminKeys.user(id),
    queryFn: ({ signal }) => getUser(id, signal),
  });
}

export function useUser(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getUserQueryOptions(id), enabled: options.enabled ?? true });
}
