import {
  LogoQuerySchema,
  OrganizationIdParamsSchema,
  OrganizationListQuerySchema,
  OrganizationListResponseSchema,
  OrganizationProfileSchema,
  ProblemSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';
import { publicPartners } from '../conversations/conversations.service.ts';
import { loadLogo, sendLogo } from '../profiles/logo.service.ts';
import { isFormerMember } from './directory.repository.ts';
import { getOrganizationProfile, listOrganizations } from './directory.service.ts';

export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
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
        description:
          'A member whose membership has ended (withdrawn or excluded) answers 410 `organization.former_member`, with nothing about the organisation; an organisation that never was a listed member (or is suspended) answers 404.',
        params: OrganizationIdParamsSchema,
        response: {
          200: OrganizationProfileSchema,
          400: ProblemSchema,
          404: ProblemSchema,
          410: ProblemSchema,
        },
      },
    },
    async (request) => {
      // Public-level for every reader, signed in or not: members see more through /api/members.
      const profile = await getOrganizationProfile(app.db.db, request.params.id, 'public');
      if (!profile) {
        // Gone for good (search engines drop the page), without a word about who it was.
        if (await isFormerMember(app.db.db, request.params.id))
          throw new AppError('organization.former_member', 410);
        throw new AppError('organization.not_found', 404);
      }
      return { ...profile, partners: await publicPartners(app.db.db, profile.id) };
    },
  );

  app.get(
    '/:id/logo',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['organizations'],
        summary:
          "A publicly listed member's logo (image/webp, ETag). At the current `v` (the profile's logoUrl): cacheable for a year, immutable; otherwise for 5 minutes",
        params: OrganizationIdParamsSchema,
        querystring: LogoQuerySchema,
        response: { 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { size, v } = request.query;
      const logo = await loadLogo(app.db.db, request.params.id, size, true);
      if (!logo) throw new AppError('organization.not_found', 404);
      return sendLogo(request, reply, logo, size, v, 'public');
    },
  );
};
