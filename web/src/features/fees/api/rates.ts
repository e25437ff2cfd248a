import {
  type FeeRatesBody,
  type FeeRatesResponse,
  FeeRatesResponseSchema,
  type FeeSettings,
  FeeSettingsSchema,
} from '@portal/shared';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '@/lib/api-client.ts';
import { feesKeys } from './keys.ts';

export function getRates(year: number, signal?: AbortSignal): Promise<FeeRatesResponse> {
  return apiGet('/api/admin/fees/rates', FeeRatesResponseSchema, {
    params: { year },
    ...(signal ? { signal } : {}),
  });
}

export function getRatesQueryOptions(year: number) {
  return queryOptions({
    queryKey: feesKeys.rates(year),
    queryFn: ({ signal }) => getRates(year, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRates(year: number) {
  return useQuery(getRatesQueryOptions(year));
}

/**
 * Saves a year's rates; the answer replaces the cached year, and every fee page (the committee's list and
 * the members' own pages) is read again.
 */
export function useSaveRates(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FeeRatesBody) =>
      apiSend('PUT', `/api/admin/fees/rates/${year}`, body, FeeRatesResponseSchema),
    onSuccess: (rates) => {
      queryClient.setQueryData(feesKeys.rates(year), rates);
      void queryClient.invalidateQueries({
        queryKey: feesKeys.all,
        predicate: (q) => q.queryKey[1] !== 'rates' || q.queryKey[2] !== year,
      });
    },
  });
}

/** Saves how the year a member joins is charged (decision 016); every fee page is read again. */
export function useSaveFeeSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FeeSettings) => apiSend('PUT', '/api/admin/fees/settings', body, FeeSettingsSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feesKeys.all }),
  });
}
