import {
  IdParamsSchema,
  LOGO_TYPES,
  LogoQuerySchema,
  MAX_LOGO_BYTES,
  NEWS_COVER_SIZES,
  NewsPostSchema,
  ProblemSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, fieldError } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import { renderLogo, sendLogo } from '../profiles/logo.service.ts';
import { loadCover, removeCover, saveCover } from './news.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const notFound = () => new AppError('news.not_found', 404);

/**
 * A post's cover image under /api/committee/news/:id/cover (decision 040): the organisation logos'
 * pipeline (bytes checked, at most 1 MB, WebP renditions of at most 1200 and 400 px, nothing else kept).
 * Its own plugin, so the raw-bytes body parser applies to these routes only.
 */
export const newsCoverRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;
  app.addContentTypeParser(
    [...LOGO_TYPES, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_LOGO_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/:id/cover',
    {
      config: { permission: 'news.manage' },
      schema: {
        tags: ['news'],
        summary: "A post's cover in any status, for its editors (image/webp)",
        params: IdParamsSchema,
        querystring: LogoQuerySchema,
        response: problems,
      },
    },
    async (request, reply) => {
      const cover = await loadCover(db(), request.params.id, request.query.size, false);
      if (!cover) throw notFound();
      return sendLogo(request, reply, cover, request.query.size, request.query.v, 'private');
    },
  );

  app.put(
    '/:id/cover',
    {
      config: { permission: 'news.manage' },
      bodyLimit: MAX_LOGO_BYTES,
      schema: {
        tags: ['news'],
        summary: 'Upload the cover (raw body: a PNG, JPEG or WebP by content, at most 1 MB)',
        params: IdParamsSchema,
        response: { 200: NewsPostSchema, 413: ProblemSchema, 415: ProblemSchema, ...problems },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw fieldError('body', 'logo.not_image');
      const rendered = await renderLogo(body, NEWS_COVER_SIZES);
      return saveCover(
        db(),
        actor,
        request.params.id,
        {
          sourceType: rendered.sourceType,
          large: rendered.large,
          small: rendered.small,
          width: rendered.width,
          height: rendered.height,
        },
        body.length,
      );
    },
  );

  app.delete(
    '/:id/cover',
    {
      config: { permission: 'news.manage' },
      schema: {
        tags: ['news'],
        summary: 'Remove the cover (nothing to remove is not an error)',
        params: IdParamsSchema,
        response: { 200: NewsPostSchema, ...problems },
      },
    },
    async (request) => removeCover(db(), requireActor(request), request.params.id),
  );
};
