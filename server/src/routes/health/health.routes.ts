import { HealthResponseSchema } from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkHealth } from './health.service.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Is the server up and its database reachable?',
        response: { 200: HealthResponseSchema, 503: HealthResponseSchema },
      },
    },
    async (request, reply) => {
      const health = await checkHealth(app.db.db);
      if (health.database !== 'ok') {
        request.log.warn('health check: database unreachable');
        return reply.code(503).header('cache-control', 'no-store').send(health);
      }
      return reply.header('cache-control', 'no-store').send(health);
    },
  );
};
