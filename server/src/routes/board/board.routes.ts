import {
  BoardConflictSchema,
  BoardItemCloseBodySchema,
  BoardItemCreateBodySchema,
  BoardItemParamsSchema,
  BoardItemPublishBodySchema,
  BoardItemRevisionsResponseSchema,
  BoardItemSchema,
  BoardItemUpdateBodySchema,
  BoardListQuerySchema,
  BoardListResponseSchema,
  BoardTeaserQuerySchema,
  BoardTeaserResponseSchema,
  IdParamsSchema,
  OwnBoardItemsResponseSchema,
  ProblemSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';
import { principalOf, requireActor, requireUser } from '../../plugins/auth.ts';
import {
  boardItemRevisions,
  boardTeaser,
  closeBoardItem,
  createBoardItem,
  getBoardItem,
  listBoard,
  organizationBoardItems,
  publishBoardItem,
  updateBoardItem,
} from './board.service.ts';

/** The cooperation board (issue 14 §1, decision 033). */

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const writeProblems = { ...problems, 404: ProblemSchema, 409: BoardConflictSchema };

/** Registered with prefix /api/board. */
export const boardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['board'],
        summary:
          'The public teaser: items on the board per type and area, and the latest public items (title, type, areas, organisation only)',
        querystring: BoardTeaserQuerySchema,
        response: { 200: BoardTeaserResponseSchema, 400: ProblemSchema },
      },
    },
    async (request) => boardTeaser(app.db.db, request.query.limit),
  );

  app.get(
    '/items',
    {
      config: { permission: 'board.view' },
      schema: {
        tags: ['board'],
        summary:
          'Offers and requests on the board (members): search in bg and en, filters, newest or ending soon, paged',
        querystring: BoardListQuerySchema,
        response: { 200: BoardListResponseSchema, ...problems },
      },
    },
    async (request) => listBoard(app.db.db, request.query),
  );

  app.get(
    '/items/:id',
    {
      config: { permission: 'board.view' },
      schema: {
        tags: ['board'],
        summary:
          "One item on the board (members); the reader's own organisation's items in any status, others 404",
        params: IdParamsSchema,
        response: { 200: BoardItemSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request) =>
      getBoardItem(app.db.db, request.params.id, principalOf(requireUser(request)).memberOrganizationIds),
  );
};

/** Registered with prefix /api/account/organizations: an organisation's own items (its representatives). */
export const accountBoardRoutes: FastifyPluginAsyncZod = async (app) => {
  const orgNotFound = () => new AppError('organization.not_found', 404);

  app.get(
    '/:id/board-items',
    {
      config: { permission: 'board.post' },
      schema: {
        tags: ['board'],
        summary: "My organisation's board items in every status (representatives of an active member)",
        params: IdParamsSchema,
        response: { 200: OwnBoardItemsResponseSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request) => {
      request.authorize('board.post', { type: 'organization', id: request.params.id }, orgNotFound());
      return organizationBoardItems(app.db.db, request.params.id);
    },
  );

  app.post(
    '/:id/board-items',
    {
      config: { permission: 'board.post' },
      schema: {
        tags: ['board'],
        summary: 'Create a draft offer or request for my organisation (it is published separately)',
        params: IdParamsSchema,
        body: BoardItemCreateBodySchema,
        response: { 201: BoardItemSchema, ...writeProblems },
      },
    },
    async (request, reply) => {
      request.authorize('board.post', { type: 'organization', id: request.params.id }, orgNotFound());
      const item = await createBoardItem(app.db.db, requireActor(request), request.params.id, request.body);
      return reply.code(201).send(item);
    },
  );

  app.put(
    '/:id/board-items/:itemId',
    {
      config: { permission: 'board.post' },
      schema: {
        tags: ['board'],
        summary:
          'Edit an item at the version read (409 board.stale otherwise); a published item keeps the old text as a revision',
        params: BoardItemParamsSchema,
        body: BoardItemUpdateBodySchema,
        response: { 200: BoardItemSchema, ...writeProblems },
      },
    },
    async (request) => {
      const { id, itemId } = request.params;
      request.authorize('board.post', { type: 'organization', id }, orgNotFound());
      return updateBoardItem(app.db.db, requireActor(request), id, itemId, request.body);
    },
  );

  app.get(
    '/:id/board-items/:itemId/revisions',
    {
      config: { permission: 'organization.history' },
      schema: {
        tags: ['board'],
        summary:
          "An item's history: its content before each edit (the organisation's representatives, the committee)",
        params: BoardItemParamsSchema,
        response: { 200: BoardItemRevisionsResponseSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request) => {
      const { id, itemId } = request.params;
      request.authorize('organization.history', { type: 'organization', id }, orgNotFound());
      return boardItemRevisions(app.db.db, id, itemId);
    },
  );

  app.post(
    '/:id/board-items/:itemId/publish',
    {
      config: { permission: 'board.post' },
      schema: {
        tags: ['board'],
        summary: 'Publish a draft until its date (90 days from today when it names none)',
        params: BoardItemParamsSchema,
        body: BoardItemPublishBodySchema,
        response: { 200: BoardItemSchema, ...writeProblems },
      },
    },
    async (request) => {
      const { id, itemId } = request.params;
      request.authorize('board.post', { type: 'organization', id }, orgNotFound());
      return publishBoardItem(app.db.db, requireActor(request), id, itemId, request.body);
    },
  );

  app.post(
    '/:id/board-items/:itemId/close',
    {
      config: { permission: 'board.post' },
      schema: {
        tags: ['board'],
        summary:
          'Close a published or expired item with its outcome (partnership formed, no longer needed, other)',
        params: BoardItemParamsSchema,
        body: BoardItemCloseBodySchema,
        response: { 200: BoardItemSchema, ...writeProblems },
      },
    },
    async (request) => {
      const { id, itemId } = request.params;
      request.authorize('board.post', { type: 'organization', id }, orgNotFound());
      return closeBoardItem(app.db.db, requireActor(request), id, itemId, request.body);
    },
  );
};
