import { AreaListResponseSchema } from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAreas } from './areas.service.ts';

export const areasRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['areas'],
        summary: 'Specialisation areas and sub-areas with their public member counts',
        response: { 200: AreaListResponseSchema },
      },
    },
    async () => ({ items: await listAreas(app.db.db) }),
  );
};
