import { BoardListQuerySchema, boardLastPage } from '@portal/shared';

/**
 * The board keeps its state in the URL (`/board?q=…&kind=offer&type=…&area=…&organizationKind=…&sort=…&page=…`),
 * like the directory: a search can be shared and survives a reload; empty values stay out of the URL.
 */
export const BOARD_PAGE_SIZE = 12;

export const BOARD_PARAMS = ['q', 'kind', 'type', 'area', 'organizationKind', 'sort', 'page'] as const;
export type BoardParam = (typeof BOARD_PARAMS)[number];
export type BoardSearch = Partial<Record<BoardParam, string>>;

/**
 * The board's params from the URL. A value the API would refuse (a mistyped or outdated link) is left out,
 * so the page falls back to its default for it; the rule is the API's own query schema, and a page past
 * the last one the capped total reaches (decision 038) is left out too.
 */
export function readBoardSearch(params: URLSearchParams): BoardSearch {
  const search: BoardSearch = {};
  for (const key of BOARD_PARAMS) {
    const value = params.get(key)?.trim();
    if (value && BoardListQuerySchema.shape[key].safeParse(value).success) search[key] = value;
  }
  if (search.page && Number(search.page) > boardLastPage(BOARD_PAGE_SIZE)) delete search.page;
  return search;
}

export function hasBoardFilters(search: BoardSearch): boolean {
  return Boolean(search.q || search.kind || search.type || search.area || search.organizationKind);
}
