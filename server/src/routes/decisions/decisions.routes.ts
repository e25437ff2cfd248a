import {
  can,
  DecisionListQuerySchema,
  DecisionListResponseSchema,
  DecisionYearsResponseSchema,
  ProblemSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf } from '../../plugins/auth.ts';
import { decisionYears, listDecisions } from './decisions.service.ts';

export const decisionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['decisions'],
        summary:
          'The decisions register (the public: admissions only; members: everything with tallies, membership decisions too)',
        querystring: DecisionListQuerySchema,
        response: { 200: DecisionListResponseSchema, 400: ProblemSchema },
      },
    },
    async (request) =>
      listDecisions(app.db.db, request.query, can(principalOf(request.user), 'decisions.read_full')),
  );
  app.get(
    '/years',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['decisions'],
        summary: 'The years that hold a decision the caller may see, newest first (the year filter)',
        response: { 200: DecisionYearsResponseSchema },
      },
    },
    async (request) => ({
      years: await decisionYears(app.db.db, can(principalOf(request.user), 'decisions.read_full')),
    }),
  );
};
