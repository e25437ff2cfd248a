import { HomeResponseSchema } from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { servedHome } from './home.service.ts';

/** Registered with prefix /api/home: the public home page in one answer (issue 17, decision 054). */
export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['cluster'],
        summary:
          "The home page in one answer: the cluster's identity, key figures, areas with a few members, a logo strip, the latest news, the next events, the open calls and this year's fees (public data only; computed at most once a minute)",
        response: { 200: HomeResponseSchema },
      },
    },
    // No browser caching: the server's copy is at most a minute old, and an administrator who has just
    // saved the cluster's texts must see them at once (site-content forgets the copy).
    async () => servedHome(app.db),
  );
};
