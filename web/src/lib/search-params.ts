/**
 * Lists keep their filters and page in the URL (`/admin/users?q=…&role=…&page=2`), so a view can be
 * shared, reloaded and reached again with the back button. Empty values stay out of the URL.
 */
export type ListSearch<K extends string> = Partial<Record<K | 'page', string>>;

/** Only the listed params, trimmed, without empty ones. */
export function readSearch<K extends string>(params: URLSearchParams, keys: readonly K[]): ListSearch<K> {
  const search: Partial<Record<string, string>> = {};
  for (const key of keys) {
    const value = params.get(key)?.trim();
    if (value) search[key] = value;
  }
  return search as ListSearch<K>;
}

/** The current page as a number (1 when absent or not a positive integer). */
export function currentPage(search: { page?: string | undefined }): number {
  const page = Number(search.page);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/**
 * Applies a change to the URL's params. Any change other than the page itself goes back to page 1, since
 * the old page number means nothing for a new result set; page 1 is left out of the URL.
 */
export function withChange(
  prev: URLSearchParams,
  change: Record<string, string | undefined>,
): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const [key, value] of Object.entries(change)) {
    if (value?.trim() && !(key === 'page' && value === '1')) next.set(key, value.trim());
    else next.delete(key);
  }
  if (!('page' in change)) next.delete('page');
  return next;
}

/** Does the search filter anything (page aside)? */
export function hasFilters(search: Record<string, string | undefined>): boolean {
  return Object.entries(search).some(([key, value]) => key !== 'page' && Boolean(value));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value.trim());
}
