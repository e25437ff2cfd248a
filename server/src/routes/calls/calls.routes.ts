import {
  etagOf,
  FundingCallBodySchema,
  FundingCallInterestParamsSchema,
  FundingCallInterestsSchema,
  FundingCallListQuerySchema,
  FundingCallListResponseSchema,
  FundingCallSchema,
  IdParamsSchema,
  ProblemSchema,
} from '@portal/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { AppError } from '../../errors.ts';
import { expectedVersion, IfMatchHeadersSchema } from '../../if-match.ts';
import { principalOf, requireActor, requireUser } from '../../plugins/auth.ts';
import {
  createCall,
  deleteCall,
  getCall,
  listCalls,
  listInterests,
  markInterest,
  unmarkInterest,
  updateCall,
} from './calls.service.ts';

/** Funding calls (issue 16 §3, decision 049). */

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const writeProblems = {
  ...problems,
  404: ProblemSchema,
  409: ProblemSchema,
  412: ProblemSchema,
  428: ProblemSchema,
};
/** Registered with prefix /api/public/calls: what everyone reads (a count of interested members, no names). */
export const callsPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['calls'],
        summary: 'Funding calls, paged, by status (upcoming, open, closed — from their dates)',
        querystring: FundingCallListQuerySchema,
        response: { 200: FundingCallListResponseSchema, 400: ProblemSchema },
      },
    },
    async (request) => listCalls(app.db.db, request.query),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['calls'],
        summary: 'One funding call with its required documents (ETag: its version)',
        params: IdParamsSchema,
        response: { 200: FundingCallSchema, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const call = await getCall(app.db.db, request.params.id);
      reply.header('etag', etagOf(call.version));
      return call;
    },
  );
};

/** Registered with prefix /api/committee/calls: the committee and administrators keep the calls. */
export const callsCommitteeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;
  const manage = { config: { permission: 'calls.manage' as const } };

  app.post(
    '/',
    {
      ...manage,
      schema: {
        tags: ['calls'],
        summary: 'Announce a funding call with its required documents',
        body: FundingCallBodySchema,
        response: { 201: FundingCallSchema, ...writeProblems },
      },
    },
    async (request, reply) => {
      const call = await createCall(db(), requireActor(request), request.body);
      return reply.code(201).header('etag', etagOf(call.version)).send(call);
    },
  );

  app.put(
    '/:id',
    {
      ...manage,
      schema: {
        tags: ['calls'],
        summary:
          "Change a call and its documents list (If-Match required: 428 without, 412 when stale; a document a joint project uses can't go: 409)",
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: FundingCallBodySchema,
        response: { 200: FundingCallSchema, ...writeProblems },
      },
    },
    async (request, reply) => {
      const call = await updateCall(
        db(),
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      reply.header('etag', etagOf(call.version));
      return call;
    },
  );

  app.delete(
    '/:id',
    {
      ...manage,
      schema: {
        tags: ['calls'],
        summary:
          'Remove a call nobody is interested in and no joint project uses (else 409; If-Match required)',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        response: { 204: z.null(), ...writeProblems },
      },
    },
    async (request, reply) => {
      await deleteCall(db(), requireActor(request), request.params.id, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );
};

/** Registered with prefix /api/calls: members see who is interested and mark their organisation's interest. */
export const callsMemberRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;

  app.get(
    '/:id/interests',
    {
      config: { permission: 'members.view' },
      schema: {
        tags: ['calls'],
        summary:
          'The member organisations interested in a call, and which of mine are marked (members, committee, admins)',
        params: IdParamsSchema,
        response: { 200: FundingCallInterestsSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request) =>
      listInterests(db(), request.params.id, principalOf(requireUser(request)).memberOrganizationIds),
  );

  const interest = (request: FastifyRequest<{ Params: { organizationId: string } }>) =>
    request.authorize(
      'calls.interest',
      { type: 'organization', id: request.params.organizationId },
      new AppError('organization.not_found', 404),
    );

  app.put(
    '/:id/interests/:organizationId',
    {
      config: { permission: 'calls.interest' },
      schema: {
        tags: ['calls'],
        summary:
          "Mark my member organisation interested in a call (not a closed one); the answer is the call's interests",
        params: FundingCallInterestParamsSchema,
        response: { 200: FundingCallInterestsSchema, ...writeProblems },
      },
    },
    async (request) => {
      interest(request);
      const actor = requireActor(request);
      await markInterest(db(), actor, request.params.id, request.params.organizationId);
      return listInterests(db(), request.params.id, principalOf(requireUser(request)).memberOrganizationIds, {
        known: true,
      });
    },
  );

  app.delete(
    '/:id/interests/:organizationId',
    {
      config: { permission: 'calls.interest' },
      schema: {
        tags: ['calls'],
        summary: "Unmark my member organisation's interest in a call",
        params: FundingCallInterestParamsSchema,
        response: { 200: FundingCallInterestsSchema, ...writeProblems },
      },
    },
    async (request) => {
      interest(request);
      await unmarkInterest(db(), requireActor(request), request.params.id, request.params.organizationId);
      return listInterests(db(), request.params.id, principalOf(requireUser(request)).memberOrganizationIds, {
        known: true,
      });
    },
  );
};
