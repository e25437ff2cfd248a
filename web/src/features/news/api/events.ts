import {
  EventCancelInfoSchema,
  type EventDetailsBody,
  EventEditorSchema,
  type EventRegisterBody,
  EventRegistrationResultSchema,
  EventRegistrationsResponseSchema,
} from '@portal/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { newsKeys } from '@/lib/api/news-latest.ts';
import { apiGet, apiSend } from '@/lib/api-client.ts';

/** Events (decision 042): registering, cancelling by link, the organisers' details and registrations. */

export function useRegister(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EventRegisterBody) =>
      apiSend(
        'POST',
        `/api/news/posts/${encodeURIComponent(slug)}/registrations`,
        body,
        EventRegistrationResultSchema,
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: newsKeys.all }),
  });
}

export function useCancelInfo(token: string) {
  return useQuery({
    queryKey: ['event-cancel', token],
    queryFn: ({ signal }) =>
      apiGet('/api/news/registrations/cancel', EventCancelInfoSchema, { params: { token }, signal }),
    enabled: token !== '',
    retry: false,
  });
}

export function useCancelRegistration(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', '/api/news/registrations/cancel', { token }, EventCancelInfoSchema),
    onSuccess: (info) => {
      client.setQueryData(['event-cancel', token], info);
      void client.invalidateQueries({ queryKey: newsKeys.all });
    },
  });
}

const editor = (id: string, action: string) => `/api/committee/news/${encodeURIComponent(id)}${action}`;

export function useEventRegistrations(id: string) {
  return useQuery({
    queryKey: [...newsKeys.all, 'registrations', id],
    queryFn: ({ signal }) =>
      apiGet(editor(id, '/registrations'), EventRegistrationsResponseSchema, { signal }),
  });
}

export function useSetEventDetails(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EventDetailsBody) => apiSend('PUT', editor(id, '/event'), body, EventEditorSchema),
    onSuccess: () => void client.invalidateQueries({ queryKey: newsKeys.all }),
  });
}
