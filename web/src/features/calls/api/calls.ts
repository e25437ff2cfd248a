import {
  type FundingCall,
  type FundingCallBodyInput,
  FundingCallInterestsSchema,
  type FundingCallListQueryInput,
  FundingCallListResponseSchema,
  FundingCallSchema,
} from '@portal/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiGetResponse, apiSend, apiSendResponse } from '@/lib/api-client.ts';

/** Funding calls (issue 16 §3): one key root, so every change refreshes every view of them. */
export const callKeys = {
  all: ['calls'] as const,
  list: (query: FundingCallListQueryInput) => [...callKeys.all, 'list', query] as const,
  one: (id: string) => [...callKeys.all, 'one', id] as const,
  interests: (id: string) => [...callKeys.all, 'interests', id] as const,
};

export function useCalls(query: FundingCallListQueryInput) {
  return useQuery({
    queryKey: callKeys.list(query),
    queryFn: ({ signal }) =>
      apiGet('/api/public/calls', FundingCallListResponseSchema, {
        params: {
          status: query.status,
          page: query.page as number | undefined,
          pageSize: query.pageSize as number | undefined,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** A call with the ETag it was read with: the version a change or removal must name in `If-Match`. */
export function useCall(id: string | undefined) {
  return useQuery({
    queryKey: callKeys.one(id ?? ''),
    queryFn: async ({ signal }) => {
      const { data, headers } = await apiGetResponse(
        `/api/public/calls/${encodeURIComponent(id ?? '')}`,
        FundingCallSchema,
        { signal },
      );
      return { call: data, etag: headers.get('etag') ?? `"${data.version}"` };
    },
    enabled: id !== undefined,
    retry: false,
  });
}

/** Who is interested (members, the committee, administrators only). */
export function useCallInterests(id: string, enabled: boolean) {
  return useQuery({
    queryKey: callKeys.interests(id),
    queryFn: ({ signal }) =>
      apiGet(`/api/calls/${encodeURIComponent(id)}/interests`, FundingCallInterestsSchema, { signal }),
    enabled,
  });
}

export function useToggleInterest(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ organizationId, interested }: { organizationId: string; interested: boolean }) =>
      apiSend(
        interested ? 'PUT' : 'DELETE',
        `/api/calls/${encodeURIComponent(callId)}/interests/${encodeURIComponent(organizationId)}`,
        undefined,
        FundingCallInterestsSchema,
      ),
    onSuccess: (data) => {
      client.setQueryData(callKeys.interests(callId), data);
      void client.invalidateQueries({ queryKey: callKeys.all });
    },
  });
}

export function useSaveCall(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      body,
      etag,
    }: {
      body: FundingCallBodyInput;
      etag?: string;
    }): Promise<FundingCall> => {
      if (id === undefined) return apiSend('POST', '/api/committee/calls', body, FundingCallSchema);
      const { data } = await apiSendResponse(
        'PUT',
        `/api/committee/calls/${encodeURIComponent(id)}`,
        body,
        FundingCallSchema,
        { headers: { 'If-Match': etag ?? '' } },
      );
      return data;
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: callKeys.all }),
  });
}

export function useDeleteCall(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (etag: string) =>
      apiSend('DELETE', `/api/committee/calls/${encodeURIComponent(id)}`, undefined, undefined, {
        headers: { 'If-Match': etag },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: callKeys.all }),
  });
}
