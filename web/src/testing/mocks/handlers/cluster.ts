import { http } from 'msw';
import { areasFixture, clusterFixture } from '@/testing/fixtures.ts';
import { json } from '../responses.ts';

/** The public cluster information every page reads: the cluster and its areas. */
export const clusterHandlers = [
  http.get('/api/cluster', () => json(clusterFixture)),
  http.get('/api/areas', () => json(areasFixture)),
];
