import { type SuggestionsResponse, SuggestionsResponseSchema } from '@portal/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { suggestionsKeys } from './keys.ts';

export function getSuggestions(id: string, signal?: AbortSignal): Promise<SuggestionsResponse> {
  return apiGet(
    `/api/account/organizations/${encodeURIComponent(id)}/suggestions`,
    SuggestionsResponseSchema,
    signal ? { signal } : {},
  );
}

export function getSuggestionsQueryOptions(id: string) {
  return queryOptions({
    queryKey: suggestionsKeys.organization(id),
    queryFn: ({ signal }) => getSuggestions(id, signal),
  });
}

export function useSuggestions(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getSuggestionsQueryOptions(id), enabled: options.enabled ?? true });
}
