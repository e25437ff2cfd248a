import { ApplicationSchema, type VoteChoice } from '@portal/shared';
import { applicationPath, useApplicationChange } from '@/lib/api/applications.ts';
import { apiSend } from '@/lib/api-client.ts';

/** Casts or changes the caller's vote (allowed until the vote closes). */
export function useCastVote(id: string) {
  return useApplicationChange(id, (choice: VoteChoice) =>
    apiSend('PUT', `${applicationPath(id)}/vote`, { choice }, ApplicationSchema),
  );
}

/** Declares a conflict of interest: the caller no longer votes nor counts towards the quorum. */
export function useRecuse(id: string) {
  return useApplicationChange(id, (reason: string) =>
    apiSend('POST', `${applicationPath(id)}/vote/recuse`, { reason }, ApplicationSchema),
  );
}

/** The chair closes the vote; the server computes the outcome (and numbers the decision). */
export function useCloseVote(id: string) {
  return useApplicationChange(id, () =>
    apiSend('POST', `${applicationPath(id)}/vote/close`, undefined, ApplicationSchema),
  );
}
