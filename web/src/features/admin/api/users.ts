import {
  type AdminUser,
  type AdminUserListResponse,
  AdminUserListResponseSchema,
  AdminUserSchema,
  type Role,
} from '@portal/shared';
import {
  keepPreviousData,
  type QueryClient,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiGet, apiSend } from '@/lib/api-client.ts';
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
/**
 * Every change to a user answers with the user as it is now: the detail view shows that at once, and the
 * lists and the audit log (the user's history) are asked again.
 */
async function applied(queryClient: QueryClient, user: AdminUser): Promise<void> {
  queryClient.setQueryData(getUserQueryOptions(user.id).queryKey, user);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: adminKeys.userLists() }),
    queryClient.invalidateQueries({ queryKey: adminKeys.audit() }),
  ]);
}

function useUserChange<V>(send: (variables: V) => Promise<AdminUser>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (user) => applied(queryClient, user),
  });
}

export const roleChange = (userId: string, role: Role, grant: boolean) =>
  apiSend(
    grant ? 'PUT' : 'DELETE',
    `${userPath(userId)}/roles/${encodeURIComponent(role)}`,
    undefined,
    AdminUserSchema,
  );

/** Grants (`grant: true`) or revokes a role. */
export function useChangeRole(userId: string) {
  return useUserChange(({ role, grant }: { role: Role; grant: boolean }) => roleChange(userId, role, grant));
}

export const accessChange = (userId: string, enable: boolean) =>
  apiSend('POST', `${userPath(userId)}/${enable ? 'enable' : 'disable'}`, undefined, AdminUserSchema);

/** Disables (the user's sessions end at once) or re-enables a user. */
export function useChangeAccess(userId: string) {
  return useUserChange((enable: boolean) => accessChange(userId, enable));
}

export const organizationChange = (userId: string, organizationId: string, link: boolean) =>
  apiSend(
    link ? 'PUT' : 'DELETE',
    `${userPath(userId)}/organizations/${encodeURIComponent(organizationId)}`,
    undefined,
    AdminUserSchema,
  );

/** Links the user to an organisation as its representative (which grants the role), or unlinks them. */
export function useChangeOrganization(userId: string) {
  return useUserChange(({ organizationId, link }: { organizationId: string; link: boolean }) =>
    organizationChange(userId, organizationId, link),
  );
}
/** Erases a (former) user's personal data; the answer is the anonymised account. */
export function useEraseUser(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', `${userPath(userId)}/erase`, undefined, AdminUserSchema),
    onSuccess: async (user) => {
      queryClient.setQueryData(getUserQueryOptions(user.id).queryKey, user);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.userLists() }),
        queryClient.invalidateQueries({ queryKey: adminKeys.audit() }),
      ]);
    },
  });
}
