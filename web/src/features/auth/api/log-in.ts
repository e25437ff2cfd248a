import { type LogInBody, MeSchema, type SessionResponse } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod';
import { currentLanguage, setLanguage } from '@/i18n/index.ts';
import { apiSend } from '@/lib/api-client.ts';
import { authKeys, forgetUserData } from '@/lib/query-keys.ts';

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
