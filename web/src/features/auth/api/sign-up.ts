import { AcceptedResponseSchema, type SignUpBody } from '@portal/shared';
import { useMutation } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client.ts';

/** Accepted whether or not the email is registered: the answer never reveals that. */
export function signUp(body: SignUpBody) {
  return apiSend('POST', '/api/auth/sign-up', body, AcceptedResponseSchema);
}

export function useSignUp() {
  return useMutation({ mutationFn: signUp });
}
