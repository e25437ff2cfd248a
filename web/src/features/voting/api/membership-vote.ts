import { MembershipDetailSchema, type VoteChoice } from '@portal/shared';
import { membershipPath, useMembershipVoteChange } from '@/lib/api/memberships.ts';
import { apiSend } from '@/lib/api-client.ts';

/** A committee member's ballot and the chair's close of the open membership vote. */
export function useMembershipVote(id: string) {
  return {
    ballot: useMembershipVoteChange(id, (choice: VoteChoice) =>
      apiSend('POST', `${membershipPath(id)}/votes/current/ballot`, { choice }, MembershipDetailSchema),
    ),
    close: useMembershipVoteChange(id, () =>
      apiSend('POST', `${membershipPath(id)}/votes/current/close`, undefined, MembershipDetailSchema),
    ),
  };
}
