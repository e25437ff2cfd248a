import {
  GoalInputSchema,
  IndicatorInputSchema,
  IndicatorValueInputSchema,
  ObjectiveInputSchema,
  ProblemSchema,
  StrategyIdParamsSchema,
  StrategyResponseSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { expectedVersion, IfMatchHeadersSchema } from '../../if-match.ts';
import { requireActor } from '../../plugins/auth.ts';
import {
  createGoal,
  createIndicator,
  createObjective,
  enterValue,
  getStrategy,
  removeGoal,
  removeIndicator,
  removeObjective,
  updateGoal,
  updateIndicator,
  updateObjective,
} from './strategy.service.ts';

const denied = { 401: ProblemSchema, 403: ProblemSchema };
const problems = { 400: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, ...denied };
const conditional = { ...problems, 412: ProblemSchema, 428: ProblemSchema };
/** Public: the cluster's strategy with every indicator's current value (issue 16 §1), under /api/public/strategy. */
export const publicStrategyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['strategy'],
        summary: "The cluster's strategy: goals, objectives and indicators with current value and progress",
        response: { 200: StrategyResponseSchema },
      },
    },
    async () => getStrategy(app.db.db),
  );
};

/**
 * The committee and administrators edit the strategy, under /api/committee/strategy. Every change answers
 * the whole strategy as it now stands; updates and deletes name the version read (If-Match).
 */
export const committeeStrategyRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;
  const config = { permission: 'strategy.manage' as const };
  const tags = ['strategy'];
  const params = StrategyIdParamsSchema;

  app.post(
    '/goals',
    {
      config,
      schema: {
        tags,
        summary: 'Add a strategic goal',
        body: GoalInputSchema,
        response: { 201: StrategyResponseSchema, ...problems },
      },
    },
    async (request, reply) => {
      await createGoal(db(), requireActor(request), request.body);
      reply.code(201);
      return getStrategy(db());
    },
  );
  app.put(
    '/goals/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change a goal (If-Match required: 428 without, 412 when stale)',
        params,
        headers: IfMatchHeadersSchema,
        body: GoalInputSchema,
        response: { 200: StrategyResponseSchema, ...conditional },
      },
    },
    async (request) => {
      await updateGoal(
        db(),
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      return getStrategy(db());
    },
  );
  app.delete(
    '/goals/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a goal with its objectives and indicators (If-Match required)',
        params,
        headers: IfMatchHeadersSchema,
        response: { 204: z.null().describe('Deleted'), ...conditional },
      },
    },
    async (request, reply) => {
      await removeGoal(db(), requireActor(request), request.params.id, expectedVersion(request));
      reply.code(204);
      return null;
    },
  );

  app.post(
    '/goals/:id/objectives',
    {
      config,
      schema: {
        tags,
        summary: 'Add an objective to a goal',
        params,
        body: ObjectiveInputSchema,
        response: { 201: StrategyResponseSchema, ...problems },
      },
    },
    async (request, reply) => {
      await createObjective(db(), requireActor(request), request.params.id, request.body);
      reply.code(201);
      return getStrategy(db());
    },
  );
  app.put(
    '/objectives/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change an objective, its owner or status (If-Match required: 428 without, 412 when stale)',
        params,
        headers: IfMatchHeadersSchema,
        body: ObjectiveInputSchema,
        response: { 200: StrategyResponseSchema, ...conditional },
      },
    },
    async (request) => {
      await updateObjective(
        db(),
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      return getStrategy(db());
    },
  );
  app.delete(
    '/objectives/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete an objective with its indicators (If-Match required)',
        params,
        headers: IfMatchHeadersSchema,
        response: { 204: z.null().describe('Deleted'), ...conditional },
      },
    },
    async (request, reply) => {
      await removeObjective(db(), requireActor(request), request.params.id, expectedVersion(request));
      reply.code(204);
      return null;
    },
  );

  app.post(
    '/objectives/:id/indicators',
    {
      config,
      schema: {
        tags,
        summary: 'Add an indicator to an objective (computed by a registry key, or entered)',
        params,
        body: IndicatorInputSchema,
        response: { 201: StrategyResponseSchema, ...problems },
      },
    },
    async (request, reply) => {
      await createIndicator(db(), requireActor(request), request.params.id, request.body);
      reply.code(201);
      return getStrategy(db());
    },
  );
  app.put(
    '/indicators/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change an indicator (If-Match required: 428 without, 412 when stale)',
        params,
        headers: IfMatchHeadersSchema,
        body: IndicatorInputSchema,
        response: { 200: StrategyResponseSchema, ...conditional },
      },
    },
    async (request) => {
      await updateIndicator(
        db(),
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      return getStrategy(db());
    },
  );
  app.delete(
    '/indicators/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete an indicator with its values (If-Match required)',
        params,
        headers: IfMatchHeadersSchema,
        response: { 204: z.null().describe('Deleted'), ...conditional },
      },
    },
    async (request, reply) => {
      await removeIndicator(db(), requireActor(request), request.params.id, expectedVersion(request));
      reply.code(204);
      return null;
    },
  );
  app.post(
    '/indicators/:id/values',
    {
      config,
      schema: {
        tags,
        summary: 'Enter a value of an entered indicator, with its source and day',
        params,
        body: IndicatorValueInputSchema,
        response: { 201: StrategyResponseSchema, ...problems },
      },
    },
    async (request, reply) => {
      await enterValue(db(), requireActor(request), request.params.id, request.body);
      reply.code(201);
      return getStrategy(db());
    },
  );
};
