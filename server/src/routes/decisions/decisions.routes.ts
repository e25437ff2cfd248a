import {
  can,
  DecisionListQuerySchema,
  DecisionListResponseSchema,
  DecisionYearsResponseSchema,
  ProblemSchema,
  VotingSettingsSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf, requireActor } from '../../plugins/auth.ts';
import { decisionYears, listDecisions } from './decisions.service.ts';
import { readVotingSettings, updateVotingSettings } from './voting-settings.service.ts';

export const decisionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['decisions'],
        summary:
          'The decisions register (the public: admissions only; members: everything with tallies, membership decisions too)',
        querystring: DecisionListQuerySchema,
        response: { 200: DecisionListResponseSchema, 400: ProblemSchema },
      },
    },
    async (request) =>
      listDecisions(app.db.db, request.query, can(principalOf(request.user), 'decisions.read_full')),
  );
  app.get(
    '/years',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['decisions'],
        summary: 'The years that hold a decision the caller may see, newest first (the year filter)',
        response: { 200: DecisionYearsResponseSchema },
      },
    },
    async (request) => ({
      years: await decisionYears(app.db.db, can(principalOf(request.user), 'decisions.read_full')),
    }),
  );
};

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
  app.get(
    '/voting',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Voting rules for admissions',
        response: { 200: VotingSettingsSchema, ...problems },
      },
    },
    async () => readVotingSettings(app.db.db),
  );
  app.put(
    '/voting',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Change the voting rules (votes already open keep the rules they opened with)',
        body: VotingSettingsSchema,
        response: { 200: VotingSettingsSchema, ...problems },
      },
    },
    async (request) => updateVotingSettings(app.db.db, requireActor(request), request.body),
  );
};
