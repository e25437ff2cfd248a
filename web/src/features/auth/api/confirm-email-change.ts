import type { TokenBody } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client.ts';
import { accountKeys, authKeys } from '@/lib/query-keys.ts';

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
