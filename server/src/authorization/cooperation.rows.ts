import { expect } from 'vitest';
import { allow, bodyOf, committeeOnly, type Expectations, FORBIDDEN, type Row } from './matrix.ts';

/** The overview of cooperation and the network picture (issue 14 §5): the committee and administrators. */
const overviewReaders = (status: number): Expectations => ({
  ...committeeOnly(status, FORBIDDEN),
  admin: allow(status),
});

export const ROWS: Row[] = [
  {
    method: 'GET',
    url: '/api/committee/cooperation/overview',
    permission: 'cooperation.overview',
    label: 'the overview of cooperation',
    expect: overviewReaders(200),
    build: () => ({ url: '/api/committee/cooperation/overview?from=2026-01&to=2026-12' }),
    check: (body) => expect(bodyOf(body)).toMatchObject({ from: '2026-01', to: '2026-12', area: null }),
  },
  {
    method: 'GET',
    url: '/api/committee/cooperation/overview.csv',
    permission: 'cooperation.overview',
    label: 'the overview of cooperation as CSV',
    expect: overviewReaders(200),
    build: () => ({ url: '/api/committee/cooperation/overview.csv?from=2026-01&to=2026-02' }),
    check: (body) =>
      expect((body as Buffer).toString('utf8')).toContain('items_per_month,2026-01,,infrastructure'),
  },
  {
    method: 'GET',
    url: '/api/committee/cooperation/network',
    permission: 'cooperation.overview',
    label: 'the network picture of the cluster',
    expect: overviewReaders(200),
    build: () => ({ url: '/api/committee/cooperation/network' }),
    check: (body, f) => {
      const nodes = bodyOf(body).nodes as { id: string }[];
      expect(nodes.map((n) => n.id)).toContain(f.orgB.id);
    },
  },
];
