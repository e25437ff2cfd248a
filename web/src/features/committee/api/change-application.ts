import { type Application, ApplicationSchema, type VoteChoice } from '@portal/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applicationPath } from '@/lib/api/applications.ts';
import { apiSend } from '@/lib/api-client.ts';
import { getApplicationQueryOptions } from './get-application.ts';
import { committeeKeys } from './keys.ts';

/** The moves a committee member (start review, request changes) or the chair (open vote) may ask for. */
export type ReviewAction = 'start_review' | 'request_changes' | 'open_vote';

/**
 * Every change answers with the application as it is now: the page shows that at once, and the queue
 * (its states and pipeline counts) is asked again.
 */
function useApplicationChange<V>(id: string, send: (variables: V) => Promise<Application>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (application) => {
      queryClient.setQueryData(getApplicationQueryOptions(id).queryKey, application);
      await queryClient.invalidateQueries({ queryKey: committeeKeys.queues() });
    },
    // Refused (e.g. the vote was closed elsewhere meanwhile): what is on screen is stale, ask again.
    onError: async () => {
      await queryClient.invalidateQueries({ queryKey: getApplicationQueryOptions(id).queryKey });
      await queryClient.invalidateQueries({ queryKey: committeeKeys.queues() });
    },
  });
}

export function useReviewAction(id: string) {
  return useApplicationChange(id, ({ action, comment }: { action: ReviewAction; comment?: string }) =>
    apiSend(
      'POST',
      `${applicationPath(id)}/actions/${action}`,
      comment ? { comment } : {},
      ApplicationSchema,
    ),
  );
}

export function useAddComment(id: string) {
  return useApplicationChange(id, (body: { text: string; audience: 'committee' | 'applicant' }) =>
    apiSend('POST', `${applicationPath(id)}/comments`, body, ApplicationSchema),
  );
}

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
