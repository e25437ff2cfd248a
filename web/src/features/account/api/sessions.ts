import { type SessionListResponse, SessionListResponseSchema } from '@portal/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '@/lib/api-client.ts';
import { accountKeys } from '@/lib/query-keys.ts';

export function getSessions(signal?: AbortSignal): Promise<SessionListResponse> {
  return apiGet('/api/account/sessions', SessionListResponseSchema, signal ? { signal } : {});
}

export function getSessionsQueryOptions() {
  return queryOptions({ queryKey: accountKeys.sessions(), queryFn: ({ signal }) => getSessions(signal) });
}

export function useSessions() {
  return useQuery(getSessionsQueryOptions());
}

export function endSession(id: string) {
  return apiSend('DELETE', `/api/account/sessions/${encodeURIComponent(id)}`);
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endSession,
    onSuccess: (_data, id) => {
      // Drop it from the list at once, then ask the server for the truth.
      queryClient.setQueryData<SessionListResponse>(accountKeys.sessions(), (old) =>
        old ? { items: old.items.filter((s) => s.id !== id) } : old,
      );
      return queryClient.invalidateQueries({ queryKey: accountKeys.sessions() });
    },
  });
}
