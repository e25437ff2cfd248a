import type { MembershipDetail } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-client.ts';
import { FEES_QUERY_ROOT, membershipKeys } from '@/lib/query-keys.ts';

/**
 * The membership resource as the committee administers it: the memberships feature reads and changes
 * it, the voting feature votes on a change to it.
 */
export const membershipsPath = '/api/committee/members';
export const membershipPath = (id: string) => `${membershipsPath}/${encodeURIComponent(id)}`;

/**
 * A step of a membership vote (issue 11 B1): the chair opens or closes it, a committee member votes.
 * Each answers the membership as it is now (an adopted change already applied); a 409 reads it again.
 */
export function useMembershipVoteChange<V>(id: string, send: (variables: V) => Promise<MembershipDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (membership) => {
      queryClient.setQueryData(membershipKeys.detail(id), membership);
      await queryClient.invalidateQueries({ queryKey: membershipKeys.lists() });
      await queryClient.invalidateQueries({ queryKey: FEES_QUERY_ROOT });
    },
    onError: async (error) => {
      if (isApiError(error, 409))
        await queryClient.invalidateQueries({ queryKey: membershipKeys.detail(id) });
    },
  });
}
