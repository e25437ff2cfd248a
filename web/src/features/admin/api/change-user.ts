import { type AdminUser, AdminUserSchema, type Role } from '@portal/shared';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client.ts';
import { getUserQueryOptions, userPath } from './get-user.ts';
import { adminKeys } from './keys.ts';

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
