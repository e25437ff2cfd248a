import type { SessionResponse } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { paths } from '@/app/paths.ts';
import { apiSend, isApiError } from '@/lib/api-client.ts';
import { authKeys, forgetUserData } from './keys.ts';

export async function logOut(): Promise<void> {
  try {
    await apiSend('POST', '/api/auth/log-out');
  } catch (error) {
    // Already logged out (expired session): the goal is reached all the same.
    if (!isApiError(error, 401)) throw error;
  }
}

/** Lets a protected page tell "the user logged out here" from "the session ended" (see RequireAuth). */
export const logOutMutationKey = [...authKeys.all, 'log-out'] as const;

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
