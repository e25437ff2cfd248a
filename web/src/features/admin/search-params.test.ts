import { describe, expect, it } from 'vitest';
import { currentPage, hasFilters, isUuid, readSearch, USER_PARAMS, withChange } from './search-params.ts';

describe('administration search params', () => {
  it('reads only the params of the list and drops empty ones', () => {
    expect(readSearch(new URLSearchParams('q=+ана+&role=&status=disabled&x=1'), USER_PARAMS)).toEqual({
      q: 'ана',
      status: 'disabled',
    });
  });

  it('goes back to the first page when a filter changes and keeps page 1 out of the URL', () => {
    expect(withChange(new URLSearchParams('q=a&page=3'), { role: 'admin' }).toString()).toBe(
      'q=a&role=admin',
    );
    expect(withChange(new URLSearchParams('q=a'), { page: '2' }).toString()).toBe('q=a&page=2');
    expect(withChange(new URLSearchParams('q=a&page=2'), { page: '1' }).toString()).toBe('q=a');
    expect(withChange(new URLSearchParams('q=a&role=admin'), { q: '', role: undefined }).toString()).toBe('');
  });

  it('treats a missing or nonsensical page as the first', () => {
    expect(currentPage({})).toBe(1);
    expect(currentPage({ page: '-2' })).toBe(1);
    expect(currentPage({ page: '3' })).toBe(3);
  });

  it('tells filters from the page alone', () => {
    expect(hasFilters({ page: '2' })).toBe(false);
    expect(hasFilters({ to: 'a@b.bg' })).toBe(true);
  });

  it('recognises a user id', () => {
    expect(isUuid('0b6c3f5e-8f2a-4b8e-9d7a-1c2b3d4e5f60')).toBe(true);
    expect(isUuid('ana@example.bg')).toBe(false);
  });
});
