import { OrganizationListQuerySchema } from '@portal/shared';

/**
 * The directory keeps all of its state in the URL (`/members?q=…&area=…&kind=…&size=…&sort=…&page=…`) so a
 * search can be shared and survives a reload. Empty values are left out of the URL.
 */
export const DIRECTORY_PAGE_SIZE = 12;

export const DIRECTORY_PARAMS = ['q', 'area', 'kind', 'size', 'sort', 'page'] as const;
export type DirectoryParam = (typeof DIRECTORY_PARAMS)[number];
export type DirectorySearch = Partial<Record<DirectoryParam, string>>;

/**
 * The directory's params from the URL. A value the API would refuse (`?kind=xyz`, `?sort=evil`,
 * `?page=-1`: a mistyped or outdated link) is left out, so the page falls back to its default for that
 * filter instead of showing validation errors (issue 11 C5). The rule is the API's own query schema.
 */
export function readDirectorySearch(params: URLSearchParams): DirectorySearch {
  const search: DirectorySearch = {};
  for (const key of DIRECTORY_PARAMS) {
    const value = params.get(key)?.trim();
    if (value && OrganizationListQuerySchema.shape[key].safeParse(value).success) search[key] = value;
  }
  return search;
}

/** Leaves out an area the cluster does not have (a well-formed slug of a removed area), once areas are known. */
export function withKnownArea(
  search: DirectorySearch,
  areaIds: readonly string[] | undefined,
): DirectorySearch {
  if (!search.area || !areaIds || areaIds.includes(search.area)) return search;
  const { area: _unknown, ...rest } = search;
  return rest;
}

/** The current page as a number (1 when absent or not a positive integer). */
export function currentPage(search: DirectorySearch): number {
  const page = Number(search.page);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/**
 * Applies a change to the URL's search params. Any change other than the page itself sends the user back to
 * page 1, because the old page number means nothing for a new result set.
 */
export function withDirectoryChange(prev: URLSearchParams, change: DirectorySearch): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const [key, value] of Object.entries(change)) {
    if (value?.trim() && !(key === 'page' && value === '1')) next.set(key, value.trim());
    else next.delete(key);
  }
  if (!('page' in change)) next.delete('page');
  return next;
}

export function hasActiveFilters(search: DirectorySearch): boolean {
  return Boolean(search.q || search.area || search.kind || search.size);
}
