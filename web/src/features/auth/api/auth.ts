import {
  AcceptedResponseSchema,
  type ForgotPasswordBody,
  type LogInBody,
  MeSchema,
  type ResetPasswordBody,
  type SessionResponse,
  type SignUpBody,
  type TokenBody,
} from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import * as z from 'zod';
import { currentLanguage, setLanguage } from '@/i18n/index.ts';
import { apiSend, isApiError } from '@/lib/api-client.ts';
import { paths } from '@/lib/paths.ts';
import { accountKeys, authKeys, forgetUserData, logOutMutationKey } from '@/lib/query-keys.ts';

const LogInResponseSchema = z.object({ user: MeSchema });

export function logIn(body: LogInBody) {
  return apiSend('POST', '/api/auth/log-in', body, LogInResponseSchema);
}

/**
 * Logs in; on success the session query holds the user at once (no extra round trip), data of whoever
 * was signed in before is dropped, and the UI switches to the user's saved language.
 */
export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logIn,
    onSuccess: async ({ user }) => {
      forgetUserData(queryClient);
      queryClient.setQueryData<SessionResponse>(authKeys.session(), { user });
      if (user.language !== currentLanguage()) await setLanguage(user.language);
    },
  });
}
export async function logOut(): Promise<void> {
  try {
    await apiSend('POST', '/api/auth/log-out');
  } catch (error) {
    // Already logged out (expired session): the goal is reached all the same.
    if (!isApiError(error, 401)) throw error;
  }
}

/** Logs out, goes to the home page, then forgets the user and their data. */
export function useLogOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationKey: logOutMutationKey,
    mutationFn: logOut,
    onSuccess: async () => {
      await navigate(paths.home.href());
      forgetUserData(queryClient);
      queryClient.setQueryData<SessionResponse>(authKeys.session(), { user: null });
    },
  });
}
/** Accepted whether or not the email is registered: the answer never reveals that. */
export function signUp(body: SignUpBody) {
  return apiSend('POST', '/api/auth/sign-up', body, AcceptedResponseSchema);
}

export function useSignUp() {
  return useMutation({ mutationFn: signUp });
}
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
export function confirmEmailChange(body: TokenBody) {
  return apiSend('POST', '/api/auth/confirm-email-change', body);
}

/** The user's email changes: the session and the account page ask the server again. */
export function useConfirmEmailChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmEmailChange,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: authKeys.session() }),
        queryClient.invalidateQueries({ queryKey: accountKeys.all }),
      ]);
    },
  });
}
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
