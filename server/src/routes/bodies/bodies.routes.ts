import {
  BodyCreateBodySchema,
  BodyListResponseSchema,
  BodyParamsSchema,
  BodySchema,
  BodyUpdateBodySchema,
  PositionCreateBodySchema,
  PositionEndBodySchema,
  PositionParamsSchema,
  PositionUpdateBodySchema,
  ProblemSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import {
  addPosition,
  createBody,
  endPosition,
  erasePositionHolder,
  getBody,
  listBodies,
  updateBody,
  updatePosition,
} from './bodies.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };

/** "Who runs the cluster" (public) and the history of every term (members only), under /api/bodies. */
export const bodiesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['bodies'],
        summary: "The cluster's bodies in existence today and the positions held today",
        response: { 200: BodyListResponseSchema },
      },
    },
    async () => listBodies(app.db.db, 'public'),
  );
  app.get(
    '/history',
    {
      config: { permission: 'members.view' },
      schema: {
        tags: ['bodies'],
        summary: 'Every body with every term, past ones included (members, the committee, administrators)',
        response: { 200: BodyListResponseSchema, ...problems },
      },
    },
    async () => listBodies(app.db.db, 'history'),
  );
};

/** Administrators manage the bodies and positions, under /api/admin/bodies. */
export const adminBodiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;
  const manage = { permission: 'bodies.manage' as const };
  const one = { 200: BodySchema, 404: ProblemSchema, 409: ProblemSchema, ...problems };
  app.get(
    '/',
    {
      config: manage,
      schema: {
        tags: ['admin'],
        summary: 'Every body with every term',
        response: { 200: BodyListResponseSchema, ...problems },
      },
    },
    async () => listBodies(db(), 'admin'),
  );
  app.post(
    '/',
    {
      config: manage,
      schema: {
        tags: ['admin'],
        summary: 'Create a body',
        body: BodyCreateBodySchema,
        response: { ...one, 201: BodySchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return createBody(db(), requireActor(request), request.body);
    },
  );
  app.get(
    '/:id',
    {
      config: manage,
      schema: {
        tags: ['admin'],
        summary: 'One body with every term',
        params: BodyParamsSchema,
        response: one,
      },
    },
    async (request) => getBody(db(), request.params.id),
  );
  app.put(
    '/:id',
    {
      config: manage,
      schema: {
        tags: ['admin'],
        summary: "Change a body's names, kind and rules (with the version read)",
        params: BodyParamsSchema,
        body: BodyUpdateBodySchema,
        response: one,
      },
    },
    async (request) => updateBody(db(), requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/:id/positions',
    {
      config: manage,
      schema: {
        tags: ['admin'],
        summary: 'Give someone a position for a term',
        params: BodyParamsSchema,
        body: PositionCreateBodySchema,
        response: { ...one, 201: BodySchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return addPosition(db(), requireActor(request), request.params.id, request.body);
    },
  );
  app.put(
    '/:id/positions/:positionId',
    {
      config: manage,
      schema: {
        tags: ['admin'],
        summary: 'Correct a position (with the version read)',
        params: PositionParamsSchema,
        body: PositionUpdateBodySchema,
        response: one,
      },
    },
    async (request) =>
      updatePosition(db(), requireActor(request), request.params.id, request.params.positionId, request.body),
  );
  app.post(
    '/:id/positions/:positionId/end',
    {
      config: manage,
      schema: {
        tags: ['admin'],
        summary: 'End a position on a day (today by default)',
        params: PositionParamsSchema,
        body: PositionEndBodySchema,
        response: one,
      },
    },
    async (request) =>
      endPosition(db(), requireActor(request), request.params.id, request.params.positionId, request.body),
  );
  app.post(
    '/:id/positions/:positionId/erase-holder',
    {
      config: { permission: 'personal_data.erase' },
      schema: {
        tags: ['admin'],
        summary: "Erase a named person's name from a position (the term stays in the history)",
        params: PositionParamsSchema,
        response: one,
      },
    },
    async (request) =>
      erasePositionHolder(db(), requireActor(request), request.params.id, request.params.positionId),
  );
};
