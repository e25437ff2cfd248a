import { expect } from 'vitest';
import { everyone, type Row } from './matrix.ts';

/** Text of an allowed answer that is not JSON (the runner passes its raw bytes). */
const textOf = (body: unknown) => Buffer.from(body as Buffer).toString('utf8');

/**
 * For search engines (issue 17), outside /api at the site's root: robots.txt and the sitemap. Public and the
 * same for everyone (a session changes nothing: no private page is listed for a signed-in crawler).
 */
export const ROWS: Row[] = [
  {
    method: 'GET',
    url: '/robots.txt',
    permission: 'public',
    label: 'robots.txt',
    expect: everyone(200),
    build: () => ({ url: '/robots.txt' }),
    check: (body) => expect(textOf(body)).toContain('Disallow: /api/'),
  },
  {
    method: 'GET',
    url: '/sitemap.xml',
    permission: 'public',
    label: 'the sitemap index',
    expect: everyone(200),
    build: () => ({ url: '/sitemap.xml' }),
    check: (body) => expect(textOf(body)).toContain('/sitemap-members-1.xml</loc>'),
  },
  {
    method: 'GET',
    url: '/sitemap-:part',
    permission: 'public',
    label: 'a part of the sitemap (listed members only)',
    expect: everyone(200),
    build: () => ({ url: '/sitemap-members-1.xml' }),
    check: (body, f) => {
      const xml = textOf(body);
      expect(xml).toContain(`/members/${f.orgB.id}</loc>`);
      // The excluded member X is gone; A is listed only while it is an active member.
      expect(xml).not.toContain(f.orgX.id);
    },
  },
];
