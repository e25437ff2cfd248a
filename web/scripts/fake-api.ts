/**
 * A stand-in for the portal API, answering from the web test fixtures, for working on the SPA (or taking
 * screenshots) while the real server is not at hand. Not a test double for anything else.
 *
 *   npx tsx web/scripts/fake-api.ts            # listens on 127.0.0.1:3000, where Vite proxies /api
 *   FAKE_API_PORT=3200 npx tsx web/scripts/fake-api.ts
 */
import { createServer, type ServerResponse } from 'node:http';
import type { OrganizationSummary } from '@portal/shared';
import {
  areasFixture,
  clusterFixture,
  makeSummaries,
  profileFixture,
  summaryOf,
} from '../src/testing/fixtures.ts';

const port = Number(process.env.FAKE_API_PORT ?? 3000);
const organizations: OrganizationSummary[] = [summaryOf(profileFixture), ...makeSummaries(25)];

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': type });
  res.end(JSON.stringify(body));
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/cluster') return send(res, 200, clusterFixture);
  if (url.pathname === '/api/areas') return send(res, 200, areasFixture);
  if (url.pathname === '/api/organizations') {
    const q = url.searchParams.get('q')?.toLowerCase() ?? '';
    const kind = url.searchParams.get('kind');
    const area = url.searchParams.get('area');
    const page = Number(url.searchParams.get('page') ?? 1);
    const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
    if (!Number.isInteger(page) || page < 1) {
      return send(
        res,
        400,
        {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          errors: [{ path: 'page', message: 'Invalid number' }],
        },
        'application/problem+json',
      );
    }
    const matching = organizations.filter(
      (o) =>
        (!q || `${o.nameBg} ${o.nameEn} ${o.summaryBg} ${o.summaryEn}`.toLowerCase().includes(q)) &&
        (!kind || o.kind === kind) &&
        (!area || o.areas.some((a) => a.id === area || a.id.startsWith(`${area}-`))),
    );
    return send(res, 200, {
      items: matching.slice((page - 1) * pageSize, page * pageSize),
      total: matching.length,
      page,
      pageSize,
    });
  }
  if (url.pathname === `/api/organizations/${profileFixture.id}`) return send(res, 200, profileFixture);
  return send(res, 404, { type: 'about:blank', title: 'Not Found', status: 404 }, 'application/problem+json');
}).listen(port, '127.0.0.1', () => console.log(`fake API on http://127.0.0.1:${port}`));
