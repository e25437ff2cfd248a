import { describe, expect, it } from 'vitest';
import { safeNextPath } from '@/lib/paths.ts';

describe('where to go after logging in', () => {
  it('keeps a path of this site with its query and hash', () => {
    expect(safeNextPath('/members?q=икт&page=2#results')).toBe(
      '/members?q=%D0%B8%D0%BA%D1%82&page=2#results',
    );
    expect(safeNextPath('/account')).toBe('/account');
  });

  it('goes to the account page for anything that could lead to another site, or nowhere', () => {
    for (const next of [
      null,
      '',
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example/x',
      '/\t/evil.example/x',
      'javascript:alert(1)',
      'members',
      '/login?next=/account',
    ]) {
      expect(safeNextPath(next), String(next)).toBe('/account');
    }
  });
});
