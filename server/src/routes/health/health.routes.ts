import { HealthResponseSchema, LiveResponseSchema } from '@portal/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { databaseReachable } from './health.service.ts';

/** Liveness and readiness for process managers, container runtimes and load balancers (decision 025). */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/live',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Is the process up? (liveness; the database is not asked)',
        response: { 200: LiveResponseSchema },
      },
    },
    async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  );

  const ready = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('cache-control', 'no-store');
    // Shutting down: fail at once so a load balancer stops sending traffic while requests still succeed.
    if (app.lifecycle.draining) return reply.code(503).send({ status: 'draining' });
    if (!(await databaseReachable(app.db.db))) {
      request.log.warn('health check: database unreachable');
      return reply.code(503).send({ status: 'error', database: 'unreachable' });
    }
    return reply.send({ status: 'ok', database: 'ok' });
  };
  const readySchema = {
    tags: ['health'],
    response: { 200: HealthResponseSchema, 503: HealthResponseSchema },
  };

  app.get(
    '/ready',
    {
      config: { permission: 'public' },
      schema: {
        ...readySchema,
        summary:
          'Ready for traffic? (readiness: the database answers within 2 s and the server is not draining)',
      },
    },
    ready,
  );
  app.get(
    '/',
    {
      config: { permission: 'public' },
      schema: { ...readySchema, summary: 'Ready for traffic? (the same as /api/health/ready)' },
    },
    ready,
  );
};
