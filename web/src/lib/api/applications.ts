import {
  type Application,
  ApplicationSchema,
  type ApplicationSummary,
  MyApplicationsResponseSchema,
} from '@portal/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { applicationKeys, COMMITTEE_QUEUE_ROOT } from '@/lib/query-keys.ts';

/**
 * The membership-application resource as every feature reads it: the applicant's own pages, the account
 * overview, the log-in landing and the committee's review all cache an application under
 * `applicationKeys.detail(id)`, so a change made through either side refreshes the other. The
 * applicant's and the committee's changes stay with their features (`features/applications/api`,
 * `features/committee/api`).
 */
export const applicationPath = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

export function documentUrl(applicationId: string, documentId: string): string {
  return `${applicationPath(applicationId)}/documents/${encodeURIComponent(documentId)}`;
}

export async function getMyApplications(signal?: AbortSignal): Promise<ApplicationSummary[]> {
  const response = await apiGet(
    '/api/applications/mine',
    MyApplicationsResponseSchema,
    signal ? { signal } : {},
  );
  return response.items;
}

export function getMyApplicationsQueryOptions() {
  return queryOptions({
    queryKey: applicationKeys.mine(),
    queryFn: ({ signal }) => getMyApplications(signal),
  });
}

export function useMyApplications() {
  return useQuery(getMyApplicationsQueryOptions());
}

export function getApplication(id: string, signal?: AbortSignal): Promise<Application> {
  return apiGet(applicationPath(id), ApplicationSchema, signal ? { signal } : {});
}

export function getApplicationQueryOptions(id: string) {
  return queryOptions({
    queryKey: applicationKeys.detail(id),
    queryFn: ({ signal }) => getApplication(id, signal),
  });
}

export function useApplication(id: string) {
  return useQuery(getApplicationQueryOptions(id));
}

/**
 * A committee-side change to an application (a review step, a comment, a vote). Each answers with the
 * application as it is now: the page shows that at once, and the committee's queue (its states and
 * pipeline counts) is asked again.
 */
export function useApplicationChange<V>(id: string, send: (variables: V) => Promise<Application>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (application) => {
      queryClient.setQueryData(getApplicationQueryOptions(id).queryKey, application);
      await queryClient.invalidateQueries({ queryKey: COMMITTEE_QUEUE_ROOT });
    },
    // Refused (e.g. the vote was closed elsewhere meanwhile): what is on screen is stale, ask again.
    onError: async () => {
      await queryClient.invalidateQueries({ queryKey: getApplicationQueryOptions(id).queryKey });
      await queryClient.invalidateQueries({ queryKey: COMMITTEE_QUEUE_ROOT });
    },
  });
}
