import { AdminUserSchema } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client.ts';
import { getUserQueryOptions, userPath } from './get-user.ts';
import { adminKeys } from './keys.ts';

/** Erases a (former) user's personal data; the answer is the anonymised account. */
export function useEraseUser(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', `${userPath(userId)}/erase`, undefined, AdminUserSchema),
    onSuccess: async (user) => {
      queryClient.setQueryData(getUserQueryOptions(user.id).queryKey, user);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.userLists() }),
        queryClient.invalidateQueries({ queryKey: adminKeys.audit() }),
      ]);
    },
  });
}
