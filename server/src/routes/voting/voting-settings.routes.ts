import { ProblemSchema, VotingSettingsSchema } from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import { readVotingSettings, updateVotingSettings } from './voting-settings.service.ts';

/** The cluster's voting rules for admissions, under /api/admin/settings (administrators). */
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
