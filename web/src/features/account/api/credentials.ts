import { AcceptedResponseSchema, type ChangeEmailBody, type ChangePasswordBody } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client.ts';
import { accountKeys } from '@/lib/query-keys.ts';

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
