import { SitemapPartParamsSchema } from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  parsePart,
  robotsTxt,
  SEO_CACHE_CONTROL,
  SITEMAP_CONTENT_TYPE,
  sitemapIndex,
  sitemapPart,
} from './seo.service.ts';

/**
 * For search engines (issue 17), at the site's root (the sitemap protocol allows a sitemap to list only
 * the addresses under its own folder): `/robots.txt`, the sitemap index `/sitemap.xml` and its parts
 * `/sitemap-<part>.xml`. Public, the same for everyone, cached for an hour.
 */
export const seoRoutes: FastifyPluginAsyncZod = async (app) => {
  const publicUrl = app.config.publicUrl;

  app.get(
    '/robots.txt',
    { config: { permission: 'public' }, schema: { hide: true } },
    async (_request, reply) =>
      reply
        .header('cache-control', SEO_CACHE_CONTROL)
        .type('text/plain; charset=utf-8')
        .send(robotsTxt(publicUrl)),
  );

  app.get(
    '/sitemap.xml',
    { config: { permission: 'public' }, schema: { hide: true } },
    async (_request, reply) =>
      reply
        .header('cache-control', SEO_CACHE_CONTROL)
        .type(SITEMAP_CONTENT_TYPE)
        .send(await sitemapIndex(app.db.db, publicUrl)),
  );

  app.get(
    '/sitemap-:part',
    {
      config: { permission: 'public' },
      schema: { hide: true, params: SitemapPartParamsSchema },
    },
    async (request, reply) => {
      const part = parsePart(request.params.part);
      const xml = part && (await sitemapPart(app.db.db, publicUrl, part));
      if (!xml) return reply.callNotFound();
      return reply.header('cache-control', SEO_CACHE_CONTROL).type(SITEMAP_CONTENT_TYPE).send(xml);
    },
  );
};
