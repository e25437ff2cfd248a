import { DashboardSchema, ProblemSchema, PublicDashboardSchema } from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { servedDashboard, servedPublicDashboard } from './dashboard.service.ts';

/** The dashboard of the cluster (issue 16 §1, decision 048). */

/** Registered with prefix /api/committee/dashboard: the committee and administrators. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'cooperation.overview' },
      schema: {
        tags: ['dashboard'],
        summary:
          'The dashboard: members over the last twelve months by category, kind, size class and theme; the SME share; the application funnel; fee collection; cooperation activity; coverage of the areas',
        response: { 200: DashboardSchema, 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async () => servedDashboard(app.db),
  );
};

/** Registered with prefix /api/public/dashboard: anyone; aggregate numbers only, never a name. */
export const publicDashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['dashboard'],
        summary:
          'The cluster in figures: members over the last twelve months by kind, size class and theme; the SME share; cooperation activity; coverage of the areas (aggregates only)',
        response: { 200: PublicDashboardSchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return servedPublicDashboard(app.db);
    },
  );
};
