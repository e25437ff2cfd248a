import { AcceptedResponseSchema, type ForgotPasswordBody, type ResetPasswordBody } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client.ts';
import { authKeys } from '@/lib/query-keys.ts';

export function forgotPassword(body: ForgotPasswordBody) {
  return apiSend('POST', '/api/auth/forgot-password', body, AcceptedResponseSchema);
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}

export function resetPassword(body: ResetPasswordBody) {
  return apiSend('POST', '/api/auth/reset-password', body);
}

/** A reset may end the user's sessions, so the session is asked again afterwards. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.session() }),
  });
}
