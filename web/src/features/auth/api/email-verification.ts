import { AcceptedResponseSchema, type ForgotPasswordBody, type TokenBody } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client.ts';
import { authKeys } from '@/lib/query-keys.ts';

export function verifyEmail(body: TokenBody) {
  return apiSend('POST', '/api/auth/verify-email', body);
}

/** Confirms the address from the sign-up email; a signed-in user's `emailVerified` changes with it. */
export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyEmail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.session() }),
  });
}

export function resendVerification(body: ForgotPasswordBody) {
  return apiSend('POST', '/api/auth/resend-verification', body, AcceptedResponseSchema);
}

export function useResendVerification() {
  return useMutation({ mutationFn: resendVerification });
}
