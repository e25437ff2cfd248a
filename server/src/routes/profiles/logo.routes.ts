import {
  IdParamsSchema,
  LOGO_TYPES,
  LogoInfoSchema,
  LogoQuerySchema,
  MAX_LOGO_BYTES,
  ProblemSchema,
} from '@portal/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { AppError, fieldError } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import { loadLogo, removeLogo, renderLogo, saveLogo, sendLogo } from './logo.service.ts';

const denied = { 401: ProblemSchema, 403: ProblemSchema };

/**
 * The logo of an organisation its representatives manage (administrators: any), under
 * /api/account/organizations/:id/logo. Its own plugin, so the raw-bytes body parsers apply to these routes
 * only.
 */
export const accountLogoRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;

  // The image arrives as the raw request body (fetch with the file as body): not a form, so no cross-site
  // form can post one. The declared type is only a way in: what it is is decided by its bytes.
  app.addContentTypeParser(
    [...LOGO_TYPES, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_LOGO_BYTES },
    (_req, body, done) => done(null, body),
  );

  const editable = (request: FastifyRequest<{ Params: { id: string } }>) => {
    const actor = requireActor(request);
    // Record-level rule: another organisation is "not found", never its data.
    request.authorize(
      'organization.edit',
      { type: 'organization', id: request.params.id },
      new AppError('organization.not_found', 404),
    );
    return actor;
  };

  app.get(
    '/organizations/:id/logo',
    {
      config: { permission: 'organization.edit' },
      schema: {
        tags: ['account'],
        summary:
          'The logo of an organisation I represent, listed or not (image/webp, ETag; for the editor, not stored by caches)',
        params: IdParamsSchema,
        querystring: LogoQuerySchema,
        response: { 400: ProblemSchema, 404: ProblemSchema, ...denied },
      },
    },
    async (request, reply) => {
      editable(request);
      const logo = await loadLogo(db(), request.params.id, request.query.size, false);
      if (!logo) throw new AppError('organization.not_found', 404);
      return sendLogo(request, reply, logo, request.query.size, request.query.v, 'private');
    },
  );

  app.put(
    '/organizations/:id/logo',
    {
      config: { permission: 'organization.edit' },
      bodyLimit: MAX_LOGO_BYTES,
      schema: {
        tags: ['account'],
        summary:
          'Upload the logo (raw body: a PNG, JPEG or WebP by content, at most 1 MB); stored as WebP renditions of at most 512 and 128 px',
        params: IdParamsSchema,
        response: {
          200: LogoInfoSchema,
          400: ProblemSchema,
          404: ProblemSchema,
          413: ProblemSchema,
          415: ProblemSchema,
          ...denied,
        },
      },
    },
    async (request) => {
      const actor = editable(request);
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw fieldError('body', 'logo.not_image');
      const logo = await renderLogo(body);
      return saveLogo(db(), actor, request.params.id, logo, body.length);
    },
  );

  app.delete(
    '/organizations/:id/logo',
    {
      config: { permission: 'organization.edit' },
      schema: {
        tags: ['account'],
        summary: 'Remove the logo (nothing to remove is not an error)',
        params: IdParamsSchema,
        response: { 204: z.null().describe('Removed'), 400: ProblemSchema, 404: ProblemSchema, ...denied },
      },
    },
    async (request, reply) => {
      const actor = editable(request);
      await removeLogo(db(), actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
