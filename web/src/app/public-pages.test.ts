import { CRAWLER_DISALLOWED_PATHS, PUBLIC_RECORD_PAGES, PUBLIC_STATIC_PAGES } from '@portal/shared';
import { isValidElement } from 'react';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { RequireAuth } from '@/features/auth/components/require-auth.tsx';
import { paths } from '@/lib/paths.ts';
import { routes } from './router.tsx';

/** Every route's path, and whether a `<RequireAuth>` guards it (signed-in pages). */
function routePaths(list: RouteObject[], guarded = false): { path: string; guarded: boolean }[] {
  return list.flatMap((route) => {
    const guards = guarded || (isValidElement(route.element) && route.element.type === RequireAuth);
    return [
      ...(route.path ? [{ path: route.path, guarded: guards }] : []),
      ...routePaths(route.children ?? [], guards),
    ];
  });
}

const all = routePaths(routes);
const patterns = new Set(Object.values(paths).map((p) => p.path));

/**
 * The public pages shared with the server (sitemap, robots.txt, server-side rendering; issue 17) are the
 * SPA's routes that need no account: a route that moves or gets a guard fails here.
 */
describe('the public pages for search engines', () => {
  it.each([...PUBLIC_STATIC_PAGES, ...Object.values(PUBLIC_RECORD_PAGES).map((p) => p.path)])(
    '%s is a route of paths.ts that needs no account',
    (path) => {
      expect(patterns.has(path), path).toBe(true);
      expect(all.filter((r) => r.path === path)).toEqual([{ path, guarded: false }]);
    },
  );

  it('keeps crawlers off every page that needs an account', () => {
    expect(all.filter((r) => r.guarded).length).toBeGreaterThan(20);
    const open = all.filter(
      (r) => r.guarded && !CRAWLER_DISALLOWED_PATHS.some((prefix) => r.path.startsWith(prefix)),
    );
    expect(open).toEqual([]);
  });
});
