import {
  type AttendanceBody,
  type ConductView,
  ConductViewSchema,
  type ItemTally,
  type OpenItemVoteBody,
  type VoteChoice,
} from '@portal/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, isApiError } from '@/lib/api-client.ts';

export const conductKeys = {
  all: ['meeting-conduct'] as const,
  one: (meetingId: string) => [...conductKeys.all, meetingId] as const,
};

/** How often a running meeting's view is fetched again, so the quorum and the ballots are live. */
export const CONDUCT_POLL_MS = 10_000;

const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

/**
 * The meeting's attendance, quorum and votes (decision 043); null when the viewer may not see them (the
 * server's 404). `live` polls it while the meeting is running; `enabled` false fetches nothing.
 */
export function useConduct(meetingId: string, live: boolean, enabled = true) {
  return useQuery({
    enabled,
    queryKey: conductKeys.one(meetingId),
    queryFn: async ({ signal }) => {
      try {
        return await apiGet(`${base(meetingId)}/conduct`, ConductViewSchema, { signal });
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    retry: false,
    refetchInterval: live ? CONDUCT_POLL_MS : false,
    refetchIntervalInBackground: false,
  });
}

/** Each act answers the conduct view as it is after it: that becomes the cached view. */
function useConductMutation<A>(
  meetingId: string,
  send: (args: A) => Promise<ConductView>,
  onChanged?: () => void,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (view) => {
      client.setQueryData(conductKeys.one(meetingId), view);
      onChanged?.();
    },
    onError: (error) => {
      // A conflict (the meeting moved on, the vote closed meanwhile): show the view as it is now.
      if (isApiError(error, 409)) void client.invalidateQueries({ queryKey: conductKeys.one(meetingId) });
    },
  });
}

export const useRecordAttendance = (meetingId: string, onChanged?: () => void) =>
  useConductMutation(
    meetingId,
    (body: AttendanceBody) => apiSend('PUT', `${base(meetingId)}/attendance`, body, ConductViewSchema),
    onChanged,
  );

export const useOpenVote = (meetingId: string, onChanged?: () => void) =>
  useConductMutation(
    meetingId,
    ({ itemId, body }: { itemId: string; body: OpenItemVoteBody }) =>
      apiSend('POST', `${base(meetingId)}/items/${encodeURIComponent(itemId)}/vote`, body, ConductViewSchema),
    onChanged,
  );

export const useCastBallot = (meetingId: string) =>
  useConductMutation(
    meetingId,
    ({ itemId, participantId, choice }: { itemId: string; participantId: string; choice: VoteChoice }) =>
      apiSend(
        'PUT',
        `${base(meetingId)}/items/${encodeURIComponent(itemId)}/ballot`,
        { participantId, choice },
        ConductViewSchema,
      ),
  );

export const useCloseVote = (meetingId: string, onChanged?: () => void) =>
  useConductMutation(
    meetingId,
    ({ itemId, tally }: { itemId: string; tally?: ItemTally }) =>
      apiSend(
        'POST',
        `${base(meetingId)}/items/${encodeURIComponent(itemId)}/vote/close`,
        tally ? { tally } : {},
        ConductViewSchema,
      ),
    onChanged,
  );
