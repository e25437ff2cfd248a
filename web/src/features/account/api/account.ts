import {
  AcceptedResponseSchema,
  type ChangeEmailBody,
  type ChangePasswordBody,
  type Me,
  MeSchema,
  type MyOrganization,
  MyOrganizationListResponseSchema,
  type SessionResponse,
  type UpdateAccountBody,
} from '@portal/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { currentLanguage, setLanguage } from '@/i18n/index.ts';
import { apiGet, apiSend } from '@/lib/api-client.ts';
import { accountKeys, authKeys } from '@/lib/query-keys.ts';

export function getAccount(signal?: AbortSignal): Promise<Me> {
  return apiGet('/api/account', MeSchema, signal ? { signal } : {});
}

export function getAccountQueryOptions() {
  return queryOptions({ queryKey: accountKeys.me(), queryFn: ({ signal }) => getAccount(signal) });
}

export function useAccount() {
  return useQuery(getAccountQueryOptions());
}

export function updateAccount(body: UpdateAccountBody): Promise<Me> {
  return apiSend('PATCH', '/api/account', body, MeSchema);
}

/** Saves the profile; the header (session) shows the new name and the UI follows the saved language. */
export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAccount,
    onSuccess: async (me) => {
      queryClient.setQueryData(accountKeys.me(), me);
      queryClient.setQueryData<SessionResponse>(authKeys.session(), { user: me });
      if (me.language !== currentLanguage()) await setLanguage(me.language);
    },
  });
}
export function changePassword(body: ChangePasswordBody) {
  return apiSend('POST', '/api/account/password', body);
}

/** Changing the password ends the user's other sessions, so the session list is stale afterwards. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions() }),
  });
}

/** Sends a confirmation link to the new address; the email changes only when it is opened. */
export function changeEmail(body: ChangeEmailBody) {
  return apiSend('POST', '/api/account/email', body, AcceptedResponseSchema);
}

export function useChangeEmail() {
  return useMutation({ mutationFn: changeEmail });
}
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
