import { describe, expect, it } from 'vitest';
import { currentPage, readDirectorySearch, withDirectoryChange, withKnownArea } from './search-params.ts';

describe('directory search params', () => {
  it('reads only the directory params and drops empty ones', () => {
    expect(readDirectorySearch(new URLSearchParams('q=+ИКТ+&area=&kind=school&utm_source=x'))).toEqual({
      q: 'ИКТ',
      kind: 'school',
    });
  });

  it('resets the page when anything but the page changes', () => {
    const next = withDirectoryChange(new URLSearchParams('q=a&page=3&sort=-name'), { kind: 'ngo' });
    expect(next.toString()).toBe('q=a&sort=-name&kind=ngo');
  });

  it('keeps the other params when moving pages, and leaves page 1 out of the URL', () => {
    expect(withDirectoryChange(new URLSearchParams('q=a'), { page: '2' }).toString()).toBe('q=a&page=2');
    expect(withDirectoryChange(new URLSearchParams('q=a&page=2'), { page: '1' }).toString()).toBe('q=a');
  });

  it('treats a missing or nonsensical page as the first', () => {
    expect(currentPage({})).toBe(1);
    expect(currentPage({ page: 'abc' })).toBe(1);
    expect(currentPage({ page: '4' })).toBe(4);
  });

  it('leaves out values the API would refuse, so the page falls back to its defaults', () => {
    expect(
      readDirectorySearch(
        new URLSearchParams('q=ИКТ&kind=xyz&size=huge&sort=sideways&page=-1&area=Bad%20Area'),
      ),
    ).toEqual({ q: 'ИКТ' });
    expect(readDirectorySearch(new URLSearchParams('kind=ngo&sort=-name&page=3&area=ict-ai'))).toEqual({
      kind: 'ngo',
      sort: '-name',
      page: '3',
      area: 'ict-ai',
    });
  });

  it('drops an area the cluster does not have once the areas are known', () => {
    expect(withKnownArea({ area: 'gone', q: 'a' }, ['ict'])).toEqual({ q: 'a' });
    expect(withKnownArea({ area: 'ict' }, ['ict'])).toEqual({ area: 'ict' });
    expect(withKnownArea({ area: 'gone' }, undefined)).toEqual({ area: 'gone' });
  });
});
