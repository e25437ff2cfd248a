import { CompetitorsSchema } from '@portal/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '@/lib/api-client.ts';
import { myOrganizationKeys } from './keys.ts';

const url = (id: string) => `/api/account/organizations/${encodeURIComponent(id)}/competitors`;

/** The ЕИК the organisation declares itself a competitor of (decision 013). */
export function getCompetitorsQueryOptions(id: string) {
  return queryOptions({
    queryKey: myOrganizationKeys.competitors(id),
    queryFn: ({ signal }) => apiGet(url(id), CompetitorsSchema, { signal }),
  });
}

export function useCompetitors(id: string) {
  return useQuery(getCompetitorsQueryOptions(id));
}

/** Saves the whole list (the API replaces it); the answer becomes the cached list. */
export function useSaveCompetitors(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (eiks: string[]) => apiSend('PUT', url(id), { eiks }, CompetitorsSchema),
    onSuccess: (saved) => queryClient.setQueryData(myOrganizationKeys.competitors(id), saved),
  });
}
