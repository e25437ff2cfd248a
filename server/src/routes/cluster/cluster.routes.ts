import { ClusterResponseSchema } from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getCluster } from './cluster.service.ts';

export const clusterRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['cluster'],
        summary: "The cluster's name, tagline, mission and strategy, with its public member count",
        response: { 200: ClusterResponseSchema },
      },
    },
    async () => getCluster(app.db.db),
  );
};
