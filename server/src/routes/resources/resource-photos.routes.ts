import {
  IdParamsSchema,
  LOGO_TYPES,
  LogoSizeSchema,
  MAX_LOGO_BYTES,
  ProblemSchema,
  ResourcePhotoListSchema,
  ResourcePhotoOrderBodySchema,
  ResourcePhotoParamsSchema,
  ResourcePhotoSchema,
} from '@portal/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { AppError, fieldError } from '../../errors.ts';
import { principalOf, requireActor, requireUser } from '../../plugins/auth.ts';
import { matchesEtag } from '../profiles/logo.service.ts';
import { addPhoto, photoNotFound, removePhoto, reorderPhotos } from './resource-photos.service.ts';
import { findPhotoBytes, findPhotos } from './resources.repository.ts';
import { getResource, viewResource } from './resources.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

/**
 * Registered with prefix /api/resources, as its own plugin so the raw image body parser applies to these
 * routes only: members see a resource's photos; the owner's representatives add, order and remove them.
 */
export const resourcePhotosRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    [...LOGO_TYPES, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_LOGO_BYTES },
    (_req, body, done) => done(null, body),
  );

  /** The resource as the user may see it (404 otherwise). */
  const visible = (request: FastifyRequest, id: string) =>
    getResource(app.db.db, principalOf(requireUser(request)), id);
  /** The resource, if the user represents its owner while it is an active member. */
  const own = async (request: FastifyRequest, id: string) => {
    const resource = await visible(request, id);
    const user = requireUser(request);
    if (
      user.organizationIds.includes(resource.organizationId) &&
      !user.memberOrganizationIds.includes(resource.organizationId)
    ) {
      throw new AppError('membership.inactive', 403);
    }
    request.authorize(
      'resources.manage',
      { type: 'organization', id: resource.organizationId },
      new AppError('resource.not_found', 404),
    );
    return resource;
  };

  app.get(
    '/:id/photos',
    {
      config: { permission: 'resources.view' },
      schema: {
        tags: ['resources'],
        summary: "A shared resource's photos in their order (ids and sizes; the images at /photos/:photoId)",
        params: IdParamsSchema,
        response: { 200: ResourcePhotoListSchema, ...problems },
      },
    },
    async (request) => {
      await viewResource(app.db.db, principalOf(requireUser(request)), request.params.id);
      return { items: await findPhotos(app.db.db, request.params.id) };
    },
  );

  app.get(
    '/:id/photos/:photoId',
    {
      config: { permission: 'resources.view' },
      schema: {
        tags: ['resources'],
        summary: 'A rendition of a photo (image/webp, at most 1280 or 320 px; ETag)',
        params: ResourcePhotoParamsSchema,
        querystring: z.object({ size: LogoSizeSchema.default('large') }),
        response: { ...problems },
      },
    },
    async (request, reply) => {
      await viewResource(app.db.db, principalOf(requireUser(request)), request.params.id);
      const { size } = request.query;
      const bytes = await findPhotoBytes(app.db.db, request.params.id, request.params.photoId, size);
      if (!bytes) throw photoNotFound();
      // A photo never changes (a new upload is a new id), so its id and size name its content.
      const etag = `"${request.params.photoId}-${size}"`;
      reply.header('etag', etag).header('x-content-type-options', 'nosniff');
      if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send(null as never);
      return reply.header('content-type', 'image/webp').send(bytes as never);
    },
  );

  app.post(
    '/:id/photos',
    {
      config: { permission: 'resources.manage' },
      bodyLimit: MAX_LOGO_BYTES,
      schema: {
        tags: ['resources'],
        summary:
          'Add a photo (raw body: a PNG, JPEG or WebP by content, at most 1 MB; at most 6 per resource), after the others',
        params: IdParamsSchema,
        response: {
          201: ResourcePhotoSchema,
          409: ProblemSchema,
          413: ProblemSchema,
          415: ProblemSchema,
          ...problems,
        },
      },
    },
    async (request, reply) => {
      await own(request, request.params.id);
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw fieldError('body', 'logo.not_image');
      const photo = await addPhoto(app.db.db, requireActor(request), request.params.id, body);
      return reply.code(201).send(photo);
    },
  );

  app.put(
    '/:id/photos/order',
    {
      config: { permission: 'resources.manage' },
      schema: {
        tags: ['resources'],
        summary: "Put a resource's photos in a new order (every photo's id once)",
        params: IdParamsSchema,
        body: ResourcePhotoOrderBodySchema,
        response: { 200: ResourcePhotoListSchema, ...problems },
      },
    },
    async (request) => {
      await own(request, request.params.id);
      return reorderPhotos(app.db.db, requireActor(request), request.params.id, request.body.ids);
    },
  );

  app.delete(
    '/:id/photos/:photoId',
    {
      config: { permission: 'resources.manage' },
      schema: {
        tags: ['resources'],
        summary: 'Remove a photo',
        params: ResourcePhotoParamsSchema,
        response: { 204: z.null().describe('Removed'), ...problems },
      },
    },
    async (request, reply) => {
      await own(request, request.params.id);
      await removePhoto(app.db.db, requireActor(request), request.params.id, request.params.photoId);
      return reply.code(204).send(null);
    },
  );
};
