/**
 * The directory keeps all of its state in the URL (`/members?q=…&area=…&kind=…&size=…&sort=…&page=…`) so a
 * search can be shared and survives a reload. Empty values are left out of the URL.
 */
export const DIRECTORY_PAGE_SIZE = 12;

export const DIRECTORY_PARAMS = ['q', 'area', 'kind', 'size', 'sort', 'page'] as const;
export type DirectoryParam = (typeof DIRECTORY_PARAMS)[number];
export type DirectorySearch = Partial<Record<DirectoryParam, string>>;

export function readDirectorySearch(params: URLSearchParams): DirectorySearch {
  const search: DirectorySearch = {};
  for (const key of DIRECTORY_PARAMS) {
    const value = params.get(key)?.trim();
    if (value) search[key] = value;
  }
  return search;
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
