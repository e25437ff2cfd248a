import {
  IdParamsSchema,
  ProblemSchema,
  SuggestionDismissalParamsSchema,
  SuggestionDismissBodySchema,
  SuggestionsQuerySchema,
  SuggestionsResponseSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { AppError } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import { dismissSuggestion, restoreSuggestion, suggestionsFor } from './suggestions.service.ts';

/** Explained partner suggestions (issue 14 §4, decision 035). Registered with prefix /api/account/organizations. */

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const orgNotFound = () => new AppError('organization.not_found', 404);

export const suggestionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/suggestions',
    {
      config: { permission: 'suggestions.view' },
      schema: {
        tags: ['suggestions'],
        summary:
          "The organisation's suggested partners, ranked, each with its reasons and weights; and its dismissals",
        params: IdParamsSchema,
        querystring: SuggestionsQuerySchema,
        response: { 200: SuggestionsResponseSchema, ...problems },
      },
    },
    async (request) => {
      request.authorize('suggestions.view', { type: 'organization', id: request.params.id }, orgNotFound());
      return suggestionsFor(app.db.db, request.params.id, request.query.limit);
    },
  );

  app.post(
    '/:id/suggestions/dismissals',
    {
      config: { permission: 'suggestions.dismiss' },
      schema: {
        tags: ['suggestions'],
        summary: 'Mark a suggested partner "not relevant": hidden from now on, and used as a signal',
        params: IdParamsSchema,
        body: SuggestionDismissBodySchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      request.authorize('suggestions.dismiss', { type: 'organization', id }, orgNotFound());
      await dismissSuggestion(app.db.db, requireActor(request), id, request.body.organizationId);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/:id/suggestions/dismissals/:dismissedId',
    {
      config: { permission: 'suggestions.dismiss' },
      schema: {
        tags: ['suggestions'],
        summary: 'Undo "not relevant": the organisation may be suggested again',
        params: SuggestionDismissalParamsSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const { id, dismissedId } = request.params;
      request.authorize('suggestions.dismiss', { type: 'organization', id }, orgNotFound());
      await restoreSuggestion(app.db.db, requireActor(request), id, dismissedId);
      return reply.code(204).send(null);
    },
  );
};
