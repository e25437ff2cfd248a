import type { ListSearch } from '@/lib/search-params.ts';

/** The register keeps its search, filters and page in the URL (`/decisions?q=…&year=2026&page=2`). */
export { currentPage, hasFilters, readSearch, withChange } from '@/lib/search-params.ts';

export const DECISION_PARAMS = ['q', 'outcome', 'year', 'page'] as const;
export type DecisionSearch = ListSearch<(typeof DECISION_PARAMS)[number]>;

export const DECISIONS_PAGE_SIZE = 20;
