import { CompetitorsSchema, ProblemSchema } from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { AppError } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import { declareCompetitors, loadCompetitors } from './competitors.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const Params = z.object({ id: z.uuid() });

/**
 * /api/account/organizations/:id/competitors — the organisations (by ЕИК) a member declares itself a
 * competitor of. The member's representatives on the committee are recused from applications with one of
 * these ЕИК (decision 013). Record-level: the organisation's representatives, administrators any.
 */
export const competitorsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;
  const notFound = () => new AppError('organization.not_found', 404);

  app.get(
    '/:id/competitors',
    {
      config: { permission: 'organization.edit' },
      schema: {
        tags: ['account'],
        summary: 'The organisations (by ЕИК) my organisation declares itself a competitor of',
        params: Params,
        response: { 200: CompetitorsSchema, ...problems },
      },
    },
    async (request) => {
      request.authorize('organization.edit', { type: 'organization', id: request.params.id }, notFound());
      return loadCompetitors(db(), request.params.id);
    },
  );

  app.put(
    '/:id/competitors',
    {
      config: { permission: 'organization.edit' },
      schema: {
        tags: ['account'],
        summary:
          'Declare the competitors (by ЕИК): our representatives on the committee are recused from their applications',
        params: Params,
        body: CompetitorsSchema,
        response: { 200: CompetitorsSchema, ...problems },
      },
    },
    async (request) => {
      const { id } = request.params;
      request.authorize('organization.edit', { type: 'organization', id }, notFound());
      return declareCompetitors(db(), requireActor(request), id, request.body.eiks);
    },
  );
};
