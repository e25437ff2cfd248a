import { type AdminUserListResponse, AdminUserListResponseSchema } from '@portal/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { USERS_PAGE_SIZE, type UserSearch } from '../search-params.ts';
import { adminKeys } from './keys.ts';

/** The URL's values go to the API as they are: the server judges them and answers a bad one with a 400. */
export function getUsers(
  search: UserSearch,
  signal?: AbortSignal,
  pageSize = USERS_PAGE_SIZE,
): Promise<AdminUserListResponse> {
  return apiGet('/api/admin/users', AdminUserListResponseSchema, {
    params: { ...search, pageSize },
    ...(signal ? { signal } : {}),
  });
}

export function getUsersQueryOptions(search: UserSearch) {
  return queryOptions({
    queryKey: adminKeys.userList(search),
    queryFn: ({ signal }) => getUsers(search, signal),
    // Keep the previous page on screen while the next one loads, so the list does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useUsers(search: UserSearch) {
  return useQuery(getUsersQueryOptions(search));
}

/** A few users matching `q`, for pickers (e.g. the audit log's actor filter). */
export function useUserSuggestions(q: string) {
  const search: UserSearch = { q };
  return useQuery({
    queryKey: [...adminKeys.userList(search), 'suggestions'],
    queryFn: ({ signal }) => getUsers(search, signal, 10),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}
