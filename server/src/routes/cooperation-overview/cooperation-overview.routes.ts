import {
  CooperationNetworkSchema,
  CooperationOverviewSchema,
  CooperationQuerySchema,
  CSV_BOM,
  ProblemSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { cooperationNetwork, cooperationOverview, overviewCsv } from './cooperation-overview.service.ts';

/** The committee's overview of cooperation and the network picture (issue 14 §5, decision 037). */

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const csvResponse = z.string().describe('text/csv (UTF-8 with a byte-order mark)');

/** Registered with prefix /api/committee/cooperation. */
export const cooperationOverviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/overview',
    {
      config: { permission: 'cooperation.overview' },
      schema: {
        tags: ['committee'],
        summary:
          'The overview of cooperation for a period of Sofia months and a theme: items per month, type and area; bookings; conversations and partnerships; the most active members; unanswered requests',
        querystring: CooperationQuerySchema,
        response: { 200: CooperationOverviewSchema, ...problems },
      },
    },
    async (request) => cooperationOverview(app.db.db, request.query),
  );

  app.get(
    '/overview.csv',
    {
      config: { permission: 'cooperation.overview' },
      schema: {
        tags: ['committee'],
        summary: 'The overview of cooperation as CSV (one row per series and month or area)',
        querystring: CooperationQuerySchema,
        response: { 200: csvResponse, ...problems },
      },
    },
    async (request, reply) => {
      const overview = await cooperationOverview(app.db.db, request.query);
      const name = `cooperation-${overview.from}-${overview.to}${overview.area ? `-${overview.area}` : ''}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('x-content-type-options', 'nosniff')
        .send(CSV_BOM + overviewCsv(overview));
    },
  );

  app.get(
    '/network',
    {
      config: { permission: 'cooperation.overview' },
      schema: {
        tags: ['committee'],
        summary:
          'The network of the cluster: active members as nodes (kind, first theme), agreed partnerships and confirmed bookings in the period as links',
        querystring: CooperationQuerySchema,
        response: { 200: CooperationNetworkSchema, ...problems },
      },
    },
    async (request) => cooperationNetwork(app.db.db, request.query),
  );
};
