import {
  ClusterTextsEditBodySchema,
  ClusterTextsSchema,
  etagOf,
  IdParamsSchema,
  ProblemSchema,
  SitePageEditBodySchema,
  SitePageParamsSchema,
  SitePageSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { expectedVersion, IfMatchHeadersSchema } from '../../if-match.ts';
import { requireActor } from '../../plugins/auth.ts';
import { forgetHome } from '../home/home.service.ts';
import {
  getClusterTexts,
  getSitePage,
  removeOrganization,
  updateClusterTexts,
  updateSitePage,
} from './site-content.service.ts';

const denied = { 401: ProblemSchema, 403: ProblemSchema };
const conditional = { 400: ProblemSchema, 412: ProblemSchema, 428: ProblemSchema, ...denied };
/** Public: the information pages (statute, privacy notice, contacts). */
export const sitePagesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:slug',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['cluster'],
        summary: 'An information page of the cluster: the statute, the privacy notice or the contacts',
        params: SitePageParamsSchema,
        response: { 200: SitePageSchema, 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      const page = await getSitePage(app.db.db, request.params.slug);
      reply.header('etag', etagOf(page.version));
      return page;
    },
  );
};

/** Administrators: write the information pages and the home page's texts; remove a mistaken organisation. */
export const siteContentAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/pages/:slug',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Change an information page (If-Match required: 428 without, 412 when stale)',
        params: SitePageParamsSchema,
        headers: IfMatchHeadersSchema,
        body: SitePageEditBodySchema,
        response: { 200: SitePageSchema, ...conditional },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request);
      const page = await updateSitePage(
        app.db.db,
        requireActor(request),
        request.params.slug,
        version,
        request.body,
      );
      reply.header('etag', etagOf(page.version));
      return page;
    },
  );

  app.get(
    '/settings/texts',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags: ['admin'],
        summary: "The home page's texts (the cluster's name, tagline, mission, strategy) with their version",
        response: { 200: ClusterTextsSchema, ...denied },
      },
    },
    async (_request, reply) => {
      const texts = await getClusterTexts(app.db.db);
      reply.header('etag', etagOf(texts.version));
      return texts;
    },
  );

  app.put(
    '/settings/texts',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags: ['admin'],
        summary: "Change the home page's texts (If-Match required: 428 without, 412 when stale)",
        headers: IfMatchHeadersSchema,
        body: ClusterTextsEditBodySchema,
        response: { 200: ClusterTextsSchema, ...conditional },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request);
      const texts = await updateClusterTexts(app.db.db, requireActor(request), version, request.body);
      // The editor is told "the home page shows them": its cached answer must not lag a minute behind.
      forgetHome(app.db);
      reply.header('etag', etagOf(texts.version));
      return texts;
    },
  );

  app.delete(
    '/organizations/:id',
    {
      config: { permission: 'organizations.remove' },
      schema: {
        tags: ['admin'],
        summary:
          'Remove an organisation entered by mistake (only one with no representatives, applications, decisions, payments or membership changes)',
        params: IdParamsSchema,
        response: { 204: z.null(), 404: ProblemSchema, 409: ProblemSchema, 400: ProblemSchema, ...denied },
      },
    },
    async (request, reply) => {
      await removeOrganization(app.db.db, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
