import {
  BodyListResponseSchema,
  type MeetingCancelBody,
  type MeetingCreateBody,
  type MeetingListQuery,
  MeetingListResponseSchema,
  MeetingSchema,
  type MeetingUpdateBody,
  type RsvpBody,
} from '@portal/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '@/lib/api-client.ts';

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (q: Partial<MeetingListQuery>) => [...meetingKeys.all, 'list', q] as const,
  one: (id: string) => [...meetingKeys.all, 'one', id] as const,
  bodies: () => [...meetingKeys.all, 'bodies'] as const,
};

export function useMeetings(q: Partial<MeetingListQuery>) {
  return useQuery({
    queryKey: meetingKeys.list(q),
    queryFn: ({ signal }) =>
      apiGet('/api/meetings', MeetingListResponseSchema, { signal, params: q as Record<string, string> }),
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKeys.one(id),
    queryFn: ({ signal }) => apiGet(`/api/meetings/${id}`, MeetingSchema, { signal }),
  });
}

/** The bodies (public list) to name them and to choose one for a new meeting. */
export function useBodiesForMeetings() {
  return useQuery({
    queryKey: meetingKeys.bodies(),
    queryFn: ({ signal }) => apiGet('/api/bodies', BodyListResponseSchema, { signal }),
  });
}

function useMeetingMutation<V, R>(send: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}

export const useCreateMeeting = () =>
  useMeetingMutation((body: MeetingCreateBody) => apiSend('POST', '/api/meetings', body, MeetingSchema));
export const useUpdateMeeting = (id: string) =>
  useMeetingMutation((body: MeetingUpdateBody) => apiSend('PUT', `/api/meetings/${id}`, body, MeetingSchema));
export const useCancelMeeting = (id: string) =>
  useMeetingMutation((body: MeetingCancelBody) =>
    apiSend('POST', `/api/meetings/${id}/cancel`, body, MeetingSchema),
  );
export const useSendInvitations = (id: string) =>
  useMeetingMutation(() => apiSend('POST', `/api/meetings/${id}/invitations`, {}, MeetingSchema));
export const useRsvp = (id: string) =>
  useMeetingMutation((body: RsvpBody) => apiSend('POST', `/api/meetings/${id}/rsvp`, body, MeetingSchema));
export const useAddAgendaItem = (id: string) =>
  useMeetingMutation((body: { titleBg: string; titleEn: string }) =>
    apiSend('POST', `/api/meetings/${id}/agenda`, { kind: 'text', ...body }, MeetingSchema),
  );
export const useRemoveAgendaItem = (id: string) =>
  useMeetingMutation((itemId: string) =>
    apiSend('DELETE', `/api/meetings/${id}/agenda/${itemId}`, undefined, MeetingSchema),
  );
export const useReorderAgenda = (id: string) =>
  useMeetingMutation((itemIds: string[]) =>
    apiSend('PUT', `/api/meetings/${id}/agenda`, { itemIds }, MeetingSchema),
  );
