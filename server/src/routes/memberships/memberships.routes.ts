import {
  CommitteeMemberListQuerySchema,
  CommitteeMemberListResponseSchema,
  MembershipActionBodySchema,
  MembershipConflictSchema,
  MembershipDetailSchema,
  MembershipIdParamsSchema,
  MembershipVoteOpenBodySchema,
  ProblemSchema,
  VoteBodySchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import {
  castMembershipVote,
  closeMembershipVote,
  openMembershipVote,
} from '../voting/membership-votes.service.ts';
import {
  inMembershipTransaction,
  listMembers,
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
    async (request) => membershipDetail(db(), request.params.id, request.actor.userId),
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
    async (request) =>
      inMembershipTransaction(db(), request.params.id, request.actor.userId, (tx) =>
        takeMembershipAction(tx, requireActor(request), request.params.id, request.body),
      ),
  );

  app.post(
    '/:id/votes',
    {
      config: { permission: 'application.chair' },
      schema: {
        tags: ['memberships'],
        summary:
          'The chair opens a vote of the committee on a change of the membership (409 when a vote is open, the version is stale or the action is not open)',
        params: MembershipIdParamsSchema,
        body: MembershipVoteOpenBodySchema,
        response: { 200: MembershipDetailSchema, ...problems, 409: MembershipConflictSchema },
      },
    },
    async (request) =>
      inMembershipTransaction(db(), request.params.id, request.actor.userId, (tx) =>
        openMembershipVote(tx, requireActor(request), request.params.id, request.body),
      ),
  );

  app.post(
    '/:id/votes/current/ballot',
    {
      config: { permission: 'application.vote' },
      schema: {
        tags: ['memberships'],
        summary:
          'A committee member votes on the open membership vote; the last eligible vote closes it and the server applies an adopted change',
        params: MembershipIdParamsSchema,
        body: VoteBodySchema,
        response: { 200: MembershipDetailSchema, ...problems, 409: MembershipConflictSchema },
      },
    },
    async (request) =>
      inMembershipTransaction(db(), request.params.id, request.actor.userId, (tx) =>
        castMembershipVote(tx, requireActor(request), request.params.id, request.body.choice),
      ),
  );

  app.post(
    '/:id/votes/current/close',
    {
      config: { permission: 'application.chair' },
      schema: {
        tags: ['memberships'],
        summary:
          'The chair closes the open membership vote: the server computes the outcome, records the decision and applies an adopted change',
        params: MembershipIdParamsSchema,
        response: { 200: MembershipDetailSchema, ...problems, 409: MembershipConflictSchema },
      },
    },
    async (request) =>
      inMembershipTransaction(db(), request.params.id, request.actor.userId, (tx) =>
        closeMembershipVote(tx, requireActor(request), request.params.id),
      ),
  );
};
