import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client.ts';
import { getSuggestionsQueryOptions } from './get-suggestions.ts';

const base = (id: string) => `/api/account/organizations/${encodeURIComponent(id)}/suggestions/dismissals`;

export function dismissSuggestion(id: string, organizationId: string): Promise<void> {
  return apiSend('POST', base(id), { organizationId });
}

export function restoreSuggestion(id: string, organizationId: string): Promise<void> {
  return apiSend('DELETE', `${base(id)}/${encodeURIComponent(organizationId)}`);
}

/** "Not relevant" for `organizationId` in `id`'s suggestions; the list is read again afterwards. */
export function useDismissSuggestion(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: string) => dismissSuggestion(id, organizationId),
    onSettled: () => queryClient.invalidateQueries(getSuggestionsQueryOptions(id)),
  });
}

/** Undoes a dismissal. */
export function useRestoreSuggestion(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: string) => restoreSuggestion(id, organizationId),
    onSettled: () => queryClient.invalidateQueries(getSuggestionsQueryOptions(id)),
  });
}
