import { type PublicFeeRatesResponse, PublicFeeRatesResponseSchema } from '@portal/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client.ts';
import { FEES_QUERY_ROOT } from '@/lib/query-keys.ts';

// The annual fee per category is shown where a category is chosen (the application form, the committee's
// category change: issue 11 C6); features may not import each other, so its endpoint lives here. Its key
// sits under the fees root, so saving rates refreshes it too.
export const publicFeeRatesKey = () => [...FEES_QUERY_ROOT, 'public-rates'] as const;

export function getPublicFeeRates(signal?: AbortSignal): Promise<PublicFeeRatesResponse> {
  return apiGet('/api/fees/rates', PublicFeeRatesResponseSchema, signal ? { signal } : {});
}

/** `enabled: false` reads nothing (e.g. while the form shows no category choice). */
export function usePublicFeeRates(enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: publicFeeRatesKey(),
      queryFn: ({ signal }) => getPublicFeeRates(signal),
      staleTime: 5 * 60_000,
      enabled,
    }),
  );
}
