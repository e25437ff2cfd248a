import {
  type MinutesDraftBody,
  type MinutesView,
  MinutesViewSchema,
  PublicMinutesListSchema,
} from '@portal/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod';
import { apiGet, apiSend, isApiError } from '@/lib/api-client.ts';

/** The minutes' query keys (the meeting page refetches them when the meeting's record changes). */
export const minutesKeys = { minutes: (meetingId: string) => ['minutes', meetingId] as const };
const keys = minutesKeys;

/** The minutes as the reader may see them; null when there are none they may read (the server's 404). */
export function useMinutes(meetingId: string) {
  return useQuery({
    queryKey: keys.minutes(meetingId),
    queryFn: async ({ signal }) => {
      try {
        return await apiGet(`/api/meetings/${encodeURIComponent(meetingId)}/minutes`, MinutesViewSchema, {
          signal,
        });
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    retry: false,
  });
}

export function fetchPrefill(meetingId: string, lang: 'bg' | 'en'): Promise<string> {
  return apiGet(
    `/api/meetings/${encodeURIComponent(meetingId)}/minutes/prefill`,
    z.object({ text: z.string() }),
    {
      params: { lang },
    },
  ).then((r) => r.text);
}

function useMinutesMutation<A>(meetingId: string, send: (args: A) => Promise<MinutesView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (view) => client.setQueryData(keys.minutes(meetingId), view),
  });
}

const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/minutes`;

export const useSaveDraft = (meetingId: string) =>
  useMinutesMutation(meetingId, (body: MinutesDraftBody) =>
    apiSend('PUT', `${base(meetingId)}/draft`, body, MinutesViewSchema),
  );
export const useComment = (meetingId: string) =>
  useMinutesMutation(meetingId, (text: string) =>
    apiSend('POST', `${base(meetingId)}/comments`, { text }, MinutesViewSchema),
  );
export const useApprove = (meetingId: string) =>
  useMinutesMutation(meetingId, (version: number) =>
    apiSend('POST', `${base(meetingId)}/approve`, { version }, MinutesViewSchema),
  );

export const minutesPdfUrl = (meetingId: string, lang: 'bg' | 'en', revision?: number) =>
  `${base(meetingId)}.pdf?lang=${lang}${revision ? `&revision=${revision}` : ''}`;

/** Meetings with public approved minutes (anyone, no account needed). */
export function usePublicMinutes(page: number) {
  return useQuery({
    queryKey: ['minutes', 'public', page],
    queryFn: ({ signal }) =>
      apiGet('/api/public/minutes', PublicMinutesListSchema, { signal, params: { page, pageSize: 20 } }),
  });
}
