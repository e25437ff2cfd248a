import { FEES_QUERY_ROOT } from '@/lib/query-keys.ts';
import type { FeesSearch } from '../search-params.ts';

/** Everything the fee pages cache lives under `fees`. */
export const feesKeys = {
  all: FEES_QUERY_ROOT,
  rates: (year: number) => [...feesKeys.all, 'rates', year] as const,
  lists: () => [...feesKeys.all, 'list'] as const,
  list: (search: Omit<FeesSearch, 'year'> & { year: number; pageSize: number }) =>
    [...feesKeys.lists(), search] as const,
  organization: (id: string) => [...feesKeys.all, 'organization', id] as const,
};
