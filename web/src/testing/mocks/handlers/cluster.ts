import { http } from 'msw';
import { areasFixture, clusterFixture, homeFixture } from '@/testing/fixtures.ts';
import { json } from '../responses.ts';

/**
 * The public cluster information every page reads: the cluster and its areas; the home page's one answer
 * and its board teaser (empty).
 */
export const clusterHandlers = [
  http.get('/api/cluster', () => json(clusterFixture)),
  http.get('/api/areas', () => json(areasFixture)),
  http.get('/api/home', () => json(homeFixture)),
  http.get('/api/board/public', () => json({ total: 0, byType: [], byArea: [], latest: [] })),
  http.get('/api/news', () => json({ items: [], total: 0, page: 1, pageSize: 3 })),
];
