import {
  MemberOrganizationListResponseSchema,
  MemberOrganizationProfileSchema,
  OrganizationIdParamsSchema,
  OrganizationListQuerySchema,
  ProblemSchema,
  viewerLevel,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';
import { principalOf } from '../../plugins/auth.ts';
import { getOrganizationProfile, listMemberOrganizations } from '../directory/directory.service.ts';

/**
 * The members-only directory (issue 5, privacy): the listed members with the contact fields the viewer
 * may see — representatives `members` fields, the committee and administrators everything. The public
 * endpoints (/api/organizations) stay public-level for everyone, so they can be cached safely.
 */
export const membersRoutes: FastifyPluginAsyncZod = async (app) => {
  const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

  app.get(
    '/organizations',
    {
      config: { permission: 'members.view' },
      schema: {
        tags: ['members'],
        summary:
          'The member directory with the contacts I may see (same search, filters and paging as the public one)',
        querystring: OrganizationListQuerySchema,
        response: { 200: MemberOrganizationListResponseSchema, ...problems },
      },
    },
    async (request) =>
      listMemberOrganizations(app.db.db, request.query, viewerLevel(principalOf(request.user))),
  );

  app.get(
    '/organizations/:id',
    {
      config: { permission: 'members.view' },
      schema: {
        tags: ['members'],
        summary: "A listed member's profile with the contacts I may see",
        params: OrganizationIdParamsSchema,
        response: { 200: MemberOrganizationProfileSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request) => {
      const level = viewerLevel(principalOf(request.user));
      const profile = await getOrganizationProfile(app.db.db, request.params.id, level);
      if (!profile) throw new AppError('organization.not_found', 404);
      return { ...profile, level };
    },
  );
};
