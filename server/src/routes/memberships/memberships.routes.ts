import {
  CommitteeMemberListQuerySchema,
  CommitteeMemberListResponseSchema,
  MembershipActionBodySchema,
  MembershipConflictSchema,
  MembershipDetailSchema,
  MembershipIdParamsSchema,
  ProblemSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PROBLEM_CONTENT_TYPE, problem } from '../../errors.ts';
import { requestLanguage } from '../../plugins/error-handling.ts';
import { actorOf } from '../auth/auth.routes.ts';
import {
  listMembers,
  MembershipConflict,
  membershipDetail,
  takeMembershipAction,
} from './memberships.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/**
 * /api/committee/members: the committee's (and administrators') administration of memberships — the list
 * of every organisation with a membership, one membership with its history, and the actions on it.
 */
export const membershipsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;

  app.get(
    '/',
    {
      config: { permission: 'memberships.manage' },
      schema: {
        tags: ['memberships'],
        summary: 'Every organisation with a membership (any status), searched by name or ЕИК, paginated',
        querystring: CommitteeMemberListQuerySchema,
        response: { 200: CommitteeMemberListResponseSchema, ...problems },
      },
    },
    async (request) => listMembers(db(), request.query),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'memberships.manage' },
      schema: {
        tags: ['memberships'],
        summary: 'A membership (by organisation id) with its history and the actions open now',
        params: MembershipIdParamsSchema,
        response: { 200: MembershipDetailSchema, ...problems },
      },
    },
    async (request) => membershipDetail(db(), request.params.id),
  );

  app.post(
    '/:id/actions',
    {
      config: { permission: 'memberships.manage' },
      schema: {
        tags: ['memberships'],
        summary:
          'Change the category, suspend, reinstate, record a withdrawal or exclude, with the register decision the statute requires (409 with the current membership when the version is stale or the action is not open)',
        params: MembershipIdParamsSchema,
        body: MembershipActionBodySchema,
        response: { 200: MembershipDetailSchema, ...problems, 409: MembershipConflictSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      try {
        await db().transaction((tx) =>
          takeMembershipAction(tx, actorOf(request), id, request.body, app.config.publicUrl),
        );
      } catch (error) {
        if (!(error instanceof MembershipConflict)) throw error;
        const lang = requestLanguage(request);
        return reply
          .code(409)
          .header('content-type', PROBLEM_CONTENT_TYPE)
          .header('content-language', lang)
          .header('vary', 'Accept-Language')
          .send({
            ...problem(lang, error.code, 409, error.params.values),
            current: await membershipDetail(db(), id),
          });
      }
      return membershipDetail(db(), id);
    },
  );
};
