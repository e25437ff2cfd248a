import {
  ApplicationIdParamsSchema,
  ApplicationSchema,
  ProblemSchema,
  RecuseBodySchema,
  VoteBodySchema,
} from '@portal/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { principalOf, requireActor, requireUser } from '../../plugins/auth.ts';
import { loadRow } from '../applications/application-row.ts';
import { presentApplication } from '../applications/applications.service.ts';
import { actOnVote, type VoteAct } from './votes.service.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

/**
 * The vote on an application (under /api/applications/:id/vote), registered by the applications plugin:
 * cast, recuse, close. Each answers the application as it is after the act.
 */
export const votingRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;

  const respond = async (request: FastifyRequest, id: string) => {
    const principal = principalOf(requireUser(request));
    return presentApplication(db(), await loadRow(db(), id), principal);
  };

  /** The vote routes' options: one application's vote, answered with the application as it is then. */
  const voteOptions = <B extends z.ZodType>(
    permission: 'application.vote' | 'application.chair',
    summary: string,
    body: B,
  ) => ({
    config: { permission },
    schema: {
      tags: ['votes'],
      summary,
      params: ApplicationIdParamsSchema,
      body,
      response: { 200: ApplicationSchema, ...problems },
    },
  });
  /** The handler the vote routes share: one act on the vote, then the application. */
  const vote = async (request: FastifyRequest<{ Params: { id: string } }>, act: VoteAct) => {
    const principal = principalOf(requireUser(request));
    const context = { actor: requireActor(request), principal };
    await actOnVote(db(), context, request.params.id, act);
    return respond(request, request.params.id);
  };

  app.put(
    '/:id/vote',
    voteOptions(
      'application.vote',
      'Vote for, against or abstain (changeable until the vote closes)',
      VoteBodySchema,
    ),
    (request) => vote(request, { kind: 'cast', choice: request.body.choice }),
  );
  app.post(
    '/:id/vote/recuse',
    voteOptions(
      'application.vote',
      'Declare a conflict of interest: no vote, not counted for quorum',
      RecuseBodySchema,
    ),
    (request) => vote(request, { kind: 'recuse', reason: request.body.reason }),
  );
  app.post(
    '/:id/vote/close',
    voteOptions(
      'application.chair',
      'Close the vote (chair); the server computes the outcome',
      // No body: nothing a client sends can set the outcome.
      z.strictObject({}).nullish(),
    ),
    (request) => vote(request, { kind: 'close' }),
  );
};
