import { expect } from 'vitest';
import { allow, bodyOf, committeeOnly, type Expectations, everyone, FORBIDDEN, type Row } from './matrix.ts';

/** The dashboard (issue 16 §1, decision 048): the committee and administrators; its public figures: anyone. */
const dashboardReaders = (status: number): Expectations => ({
  ...committeeOnly(status, FORBIDDEN),
  admin: allow(status),
});

export const ROWS: Row[] = [
  {
    method: 'GET',
    url: '/api/committee/dashboard',
    permission: 'cooperation.overview',
    label: 'the dashboard of the cluster',
    expect: dashboardReaders(200),
    build: () => ({ url: '/api/committee/dashboard' }),
    check: (body) => {
      const b = bodyOf(body);
      expect(b.months).toHaveLength(12);
      expect(b).toHaveProperty('funnel');
    },
  },
  {
    method: 'GET',
    url: '/api/public/dashboard',
    permission: 'public',
    label: 'the public figures of the cluster',
    expect: everyone(200),
    build: () => ({ url: '/api/public/dashboard' }),
    check: (body) => {
      const b = bodyOf(body);
      expect(b.months).toHaveLength(12);
      expect(b).not.toHaveProperty('funnel');
      expect(b).not.toHaveProperty('fees');
    },
  },
];
