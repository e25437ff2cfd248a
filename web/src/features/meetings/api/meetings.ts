import {
  type AgendaItemBody,
  ApplicationQueueResponseSchema,
  BoardListResponseSchema,
  BodyListResponseSchema,
  type MeetingCancelBody,
  type MeetingCreateBody,
  type MeetingDocument,
  MeetingDocumentSchema,
  type MeetingListQuery,
  MeetingListResponseSchema,
  MeetingSchema,
  type MeetingUpdateBody,
  type RsvpBody,
} from '@portal/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, buildUrl, uploadPdf } from '@/lib/api-client.ts';

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
/** Adds an item (no `itemId`) or edits one (with the version read: a stale one is refused with 409). */
export const useSaveAgendaItem = (id: string) =>
  useMeetingMutation(
    ({ itemId, body, version }: { itemId?: string; body: AgendaItemBody; version?: number }) =>
      itemId
        ? apiSend('PUT', `/api/meetings/${id}/agenda/${itemId}`, { ...body, version }, MeetingSchema)
        : apiSend('POST', `/api/meetings/${id}/agenda`, body, MeetingSchema),
  );
export const useRemoveAgendaItem = (id: string) =>
  useMeetingMutation((itemId: string) =>
    apiSend('DELETE', `/api/meetings/${id}/agenda/${itemId}`, undefined, MeetingSchema),
  );
export const useReorderAgenda = (id: string) =>
  useMeetingMutation((itemIds: string[]) =>
    apiSend('PUT', `/api/meetings/${id}/agenda`, { itemIds }, MeetingSchema),
  );

/** Uploads a PDF as the raw body (the server checks the type and size again), optionally for an item. */
async function uploadMeetingDocument(
  meetingId: string,
  file: File,
  agendaItemId: string | null,
): Promise<MeetingDocument> {
  const url = buildUrl(`/api/meetings/${meetingId}/documents`, {
    filename: file.name,
    agendaItemId: agendaItemId ?? undefined,
  });
  return uploadPdf(url, file, MeetingDocumentSchema);
}

export const useUploadMeetingDocument = (id: string) =>
  useMeetingMutation(({ file, agendaItemId }: { file: File; agendaItemId: string | null }) =>
    uploadMeetingDocument(id, file, agendaItemId),
  );
export const useRemoveMeetingDocument = (id: string) =>
  useMeetingMutation((documentId: string) =>
    apiSend('DELETE', `/api/meetings/${id}/documents/${documentId}`),
  );

// ---------- what an agenda item links to (the pickers) ----------

/** Applications the committee may put on an agenda: submitted and not yet decided (the server checks). */
export const OPEN_APPLICATION_STATES = ['submitted', 'under_review', 'changes_requested', 'in_vote'] as const;

export function useOpenApplications(enabled: boolean) {
  return useQuery({
    queryKey: [...meetingKeys.all, 'pick', 'applications'],
    enabled,
    retry: false,
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        OPEN_APPLICATION_STATES.map((state) =>
          apiGet('/api/committee/applications', ApplicationQueueResponseSchema, {
            signal,
            params: { state, pageSize: '100' },
          }),
        ),
      );
      return pages.flatMap((p) => p.items);
    },
  });
}

export function useBoardItems(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...meetingKeys.all, 'pick', 'board', q],
    enabled,
    retry: false,
    queryFn: ({ signal }) =>
      apiGet('/api/board/items', BoardListResponseSchema, { signal, params: { q, pageSize: '50' } }),
  });
}

/** Past meetings of a body (a minutes item approves one of their minutes). */
export function usePastMeetings(bodyId: string, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.list({ when: 'past', bodyId, pageSize: 100 }),
    enabled,
    queryFn: ({ signal }) =>
      apiGet('/api/meetings', MeetingListResponseSchema, {
        signal,
        params: { when: 'past', bodyId, pageSize: '100' },
      }),
  });
}
