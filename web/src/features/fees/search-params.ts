import type { ListSearch } from '@/lib/search-params.ts';

/** The committee's fee list keeps its year, filters and page in the URL (`/committee/fees?year=2026&status=overdue`). */
export { currentPage, hasFilters, readSearch, withChange } from '@/lib/search-params.ts';

export const FEES_PARAMS = ['year', 'status', 'q', 'page'] as const;
export type FeesSearch = ListSearch<(typeof FEES_PARAMS)[number]>;

export const FEES_PAGE_SIZE = 20;
