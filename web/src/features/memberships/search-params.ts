import type { ListSearch } from '@/lib/search-params.ts';

/** The committee's list of members keeps its search, filters and page in the URL, like the queue. */
export { currentPage, hasFilters, readSearch, withChange } from '@/lib/search-params.ts';

export const MEMBER_PARAMS = ['q', 'status', 'category', 'page'] as const;
export type MemberSearch = ListSearch<(typeof MEMBER_PARAMS)[number]>;

export const MEMBERS_PAGE_SIZE = 20;
