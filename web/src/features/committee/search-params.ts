import type { ListSearch } from '@/lib/search-params.ts';

/**
 * The committee's queue keeps its filters and page in the URL (`/committee?state=submitted&page=2`), like
 * the administration lists, whose URL helpers it uses.
 */
export { currentPage, hasFilters, readSearch, withChange } from '@/lib/search-params.ts';

export const QUEUE_PARAMS = ['state', 'kind', 'area', 'from', 'to', 'page'] as const;
export type QueueSearch = ListSearch<(typeof QUEUE_PARAMS)[number]>;

export const QUEUE_PAGE_SIZE = 20;
