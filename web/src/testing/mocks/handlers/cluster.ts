import { http } from 'msw';
import { areasFixture, clusterFixture } from '@/testing/fixtures.ts';
import { json } from '../responses.ts';

/**
 * The public cluster information every page reads: the cluster and its areas; the home page's board teaser
 * and latest news (both empty).
 */
export const clusterHandlers = [
  http.get('/api/cluster', () => json(clusterFixture)),
  http.get('/api/areas', () => json(areasFixture)),
  http.get('/api/board/public', () => json({ total: 0, byType: [], byArea: [], latest: [] })),
  http.get('/api/news', () => json({ items: [], total: 0, page: 1, pageSize: 3 })),
];
