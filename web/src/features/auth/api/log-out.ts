import type { SessionResponse } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { apiSend, isApiError } from '@/lib/api-client.ts';
import { paths } from '@/lib/paths.ts';
import { authKeys, forgetUserData, logOutMutationKey } from '@/lib/query-keys.ts';

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
