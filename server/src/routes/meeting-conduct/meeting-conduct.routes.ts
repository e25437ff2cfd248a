import {
  AttendanceBodySchema,
  CloseItemVoteBodySchema,
  ConductItemParamsSchema,
  ConductParamsSchema,
  ConductViewSchema,
  ItemBallotBodySchema,
  OpenItemVoteBodySchema,
  ProblemSchema,
} from '@portal/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf, requireActor, requireUser } from '../../plugins/auth.ts';
import {
  type Context,
  castItemBallot,
  closeItemVote,
  getConduct,
  openItemVote,
  recordAttendance,
} from './meeting-conduct.service.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

/**
 * What happens at a meeting (decision 043), under /api/meetings: attendance and the live quorum, the
 * votes on agenda items and the ballots. Each act answers the meeting's conduct view as it is after it.
 */
export const meetingConductRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;
  const contextOf = (request: FastifyRequest): Context => ({
    actor: requireActor(request),
    principal: principalOf(requireUser(request)),
  });
  const view = (request: FastifyRequest, id: string) =>
    getConduct(db(), principalOf(requireUser(request)), id);
  const manage = { permission: 'meetings.manage' as const };
  const response = { 200: ConductViewSchema, ...problems };

  app.get(
    '/:id/conduct',
    {
      config: { permission: 'meetings.attend' },
      schema: {
        tags: ['meetings'],
        summary: "A meeting's attendance, live quorum and votes (its officers, its seats, members)",
        params: ConductParamsSchema,
        response,
      },
    },
    (request) => view(request, request.params.id),
  );
  app.put(
    '/:id/attendance',
    {
      config: manage,
      schema: {
        tags: ['meetings'],
        summary: 'Record attendance per seat: present, by proxy, absent (an invited meeting becomes held)',
        params: ConductParamsSchema,
        body: AttendanceBodySchema,
        response,
      },
    },
    async (request) => {
      await recordAttendance(db(), contextOf(request), request.params.id, request.body);
      return view(request, request.params.id);
    },
  );
  app.post(
    '/:id/items/:itemId/vote',
    {
      config: manage,
      schema: {
        tags: ['meetings'],
        summary: 'Open the vote on an agenda item with its motion (tally entered, or ballots in the portal)',
        params: ConductItemParamsSchema,
        body: OpenItemVoteBodySchema,
        response,
      },
    },
    async (request) => {
      await openItemVote(db(), contextOf(request), request.params.id, request.params.itemId, request.body);
      return view(request, request.params.id);
    },
  );
  app.put(
    '/:id/items/:itemId/ballot',
    {
      config: { permission: 'meetings.attend' },
      schema: {
        tags: ['meetings'],
        summary: "Cast (or change) a seat's ballot on an item's open vote",
        params: ConductItemParamsSchema,
        body: ItemBallotBodySchema,
        response,
      },
    },
    async (request) => {
      await castItemBallot(db(), contextOf(request), request.params.id, request.params.itemId, request.body);
      return view(request, request.params.id);
    },
  );
  app.post(
    '/:id/items/:itemId/vote/close',
    {
      config: manage,
      schema: {
        tags: ['meetings'],
        summary:
          "Close an item's vote: the outcome by the meeting's rules and, if decided, the register's entry",
        params: ConductItemParamsSchema,
        body: CloseItemVoteBodySchema,
        response,
      },
    },
    async (request) => {
      await closeItemVote(
        db(),
        contextOf(request),
        request.params.id,
        request.params.itemId,
        request.body.tally,
      );
      return view(request, request.params.id);
    },
  );
};
