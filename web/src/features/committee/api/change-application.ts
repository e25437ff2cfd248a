import { ApplicationSchema } from '@portal/shared';
import { applicationPath, useApplicationChange } from '@/lib/api/applications.ts';
import { apiSend } from '@/lib/api-client.ts';

/** The moves a committee member (start review, request changes) or the chair (open vote) may ask for. */
export type ReviewAction = 'start_review' | 'request_changes' | 'open_vote';

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
