import {
  EditableProfileSchema,
  etagOf,
  IdParamsSchema,
  ProblemSchema,
  ProfileEditBodySchema,
  ProfileHistoryResponseSchema,
  StoredProfileSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';
import { expectedVersion, IfMatchHeadersSchema } from '../../if-match.ts';
import { requireActor } from '../../plugins/auth.ts';
import { loadProfile, profileHistory, updateProfile } from './profile.service.ts';

const denied = { 401: ProblemSchema, 403: ProblemSchema };

/**
 * The organisation's profile, edited by its representatives (issue 5), and its change history, under
 * /api/account/organizations/:id. Registered in app.ts right after the account routes.
 */
export const profileRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;

  app.get(
    '/organizations/:id/profile',
    {
      config: { permission: 'organization.edit' },
      schema: {
        tags: ['account'],
        summary: 'The editable profile of an organisation I represent (administrators: any); ETag = version',
        params: IdParamsSchema,
        response: { 200: StoredProfileSchema, 400: ProblemSchema, 404: ProblemSchema, ...denied },
      },
    },
    async (request, reply) => {
      const notFound = new AppError('organization.not_found', 404);
      // Record-level rule: another organisation is "not found", never its data.
      request.authorize('organization.edit', { type: 'organization', id: request.params.id }, notFound);
      const profile = await loadProfile(db(), request.params.id);
      if (!profile) throw notFound;
      reply.header('etag', etagOf(profile.version));
      return profile;
    },
  );

  app.put(
    '/organizations/:id/profile',
    {
      config: { permission: 'organization.edit' },
      schema: {
        tags: ['account'],
        summary:
          'Save the profile if nobody changed it since I read it (If-Match required: 428 without, 412 when stale)',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: ProfileEditBodySchema,
        response: {
          200: EditableProfileSchema,
          400: ProblemSchema,
          404: ProblemSchema,
          412: ProblemSchema,
          428: ProblemSchema,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id } = request.params;
      request.authorize(
        'organization.edit',
        { type: 'organization', id },
        new AppError('organization.not_found', 404),
      );
      const expected = expectedVersion(request);
      const profile = await updateProfile(db(), actor, id, expected, request.body);
      reply.header('etag', etagOf(profile.version));
      return profile;
    },
  );

  app.get(
    '/organizations/:id/history',
    {
      // Its representatives, the committee and administrators; record-level below.
      config: { permission: 'organization.history' },
      schema: {
        tags: ['account'],
        summary:
          "An organisation's change history, newest first (its representatives, the committee, administrators)",
        params: IdParamsSchema,
        response: { 200: ProfileHistoryResponseSchema, 400: ProblemSchema, 404: ProblemSchema, ...denied },
      },
    },
    async (request) => {
      const notFound = new AppError('organization.not_found', 404);
      const { id } = request.params;
      request.authorize('organization.history', { type: 'organization', id }, notFound);
      const items = await profileHistory(db(), id);
      if (!items) throw notFound;
      return { items };
    },
  );
};
