import {
  OrganizationIdParamsSchema,
  OrganizationListQuerySchema,
  OrganizationListResponseSchema,
  OrganizationProfileSchema,
  ProblemSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';
import { getOrganizationProfile, listOrganizations } from './organizations.service.ts';

export const organizationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['organizations'],
        summary: 'Search, filter, sort and page the publicly listed members',
        querystring: OrganizationListQuerySchema,
        response: { 200: OrganizationListResponseSchema, 400: ProblemSchema },
      },
    },
    async (request) => listOrganizations(app.db.db, request.query),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['organizations'],
        summary: "A publicly listed member's public profile",
        params: OrganizationIdParamsSchema,
        response: { 200: OrganizationProfileSchema, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const profile = await getOrganizationProfile(app.db.db, request.params.id);
      if (!profile) throw new AppError('organization.not_found', 404);
      return profile;
    },
  );
};
