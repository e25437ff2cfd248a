import {
  type FeeListResponse,
  FeeListResponseSchema,
  type FeePaymentBody,
  FeePaymentCreatedSchema,
} from '@portal/shared';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '@/lib/api-client.ts';
import { FEES_PAGE_SIZE, type FeesSearch } from '../search-params.ts';
import { feesKeys } from './keys.ts';

/** The URL's values go to the API as they are: the server judges them and answers a bad one with a 400. */
export function getMemberFees(
  search: Omit<FeesSearch, 'year'> & { year: number },
  pageSize: number,
  signal?: AbortSignal,
): Promise<FeeListResponse> {
  return apiGet('/api/committee/fees', FeeListResponseSchema, {
    params: { ...search, pageSize },
    ...(signal ? { signal } : {}),
  });
}

export function getMemberFeesQueryOptions(
  search: Omit<FeesSearch, 'year'> & { year: number },
  pageSize = FEES_PAGE_SIZE,
) {
  return queryOptions({
    queryKey: feesKeys.list({ ...search, pageSize }),
    queryFn: ({ signal }) => getMemberFees(search, pageSize, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMemberFees(search: Omit<FeesSearch, 'year'> & { year: number }) {
  return useQuery(getMemberFeesQueryOptions(search));
}

/** After a payment is recorded or deleted, every cached fee list and member status is stale. */
function useInvalidateFees() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: feesKeys.all });
}

export function useRecordPayment() {
  const invalidate = useInvalidateFees();
  return useMutation({
    mutationFn: (body: FeePaymentBody) =>
      apiSend('POST', '/api/committee/fees/payments', body, FeePaymentCreatedSchema),
    onSuccess: () => invalidate(),
  });
}

export function useDeletePayment() {
  const invalidate = useInvalidateFees();
  return useMutation({
    mutationFn: (id: string) => apiSend('DELETE', `/api/committee/fees/payments/${encodeURIComponent(id)}`),
    onSuccess: () => invalidate(),
  });
}
