import {
  AcceptInvitationResponseSchema,
  IdParamsSchema,
  InvitationParamsSchema,
  InvitationPreviewSchema,
  InvitationTokenBodySchema,
  InviteBodySchema,
  InviteResponseSchema,
  ProblemSchema,
  RepresentativeParamsSchema,
  RepresentativesResponseSchema,
} from '@portal/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { hitRateLimit } from '../../auth/rate-limit.ts';
import { AppError } from '../../errors.ts';
import { requireActor, requireUser } from '../../plugins/auth.ts';
import {
  acceptInvitation,
  inviteRepresentative,
  listRepresentatives,
  previewInvitation,
  removeRepresentative,
  revokeInvitation,
} from './representatives.service.ts';

const denied = { 401: ProblemSchema, 403: ProblemSchema };

/**
 * Record-level rule of every route about an organisation's representatives: its own representatives (and
 * administrators, any organisation); another organisation is "not found", never its data. Returns whether
 * the caller may act on any organisation (administrators), which the service needs once it holds the lock.
 */
function authorizeOrganization(request: FastifyRequest, id: string): boolean {
  request.authorize(
    'organization.manage_representatives',
    { type: 'organization', id },
    new AppError('organization.not_found', 404),
  );
  return requireUser(request).roles.includes('admin');
}

/** /api/account/organizations/:id/… — an organisation's representatives and its invitations. */
export const representativesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;

  app.get(
    '/:id/representatives',
    {
      config: { permission: 'organization.manage_representatives' },
      schema: {
        tags: ['account'],
        summary:
          "An organisation's representatives and open invitations (its representatives; administrators)",
        params: IdParamsSchema,
        response: { 200: RepresentativesResponseSchema, 400: ProblemSchema, 404: ProblemSchema, ...denied },
      },
    },
    async (request) => {
      authorizeOrganization(request, request.params.id);
      const result = await listRepresentatives(db(), request.params.id, requireUser(request).id);
      if (!result) throw new AppError('organization.not_found', 404);
      return result;
    },
  );

  app.post(
    '/:id/invitations',
    {
      config: { permission: 'organization.manage_representatives' },
      schema: {
        tags: ['account'],
        summary:
          'Invite a colleague by email to represent the organisation (201); an open invitation to the same address is re-sent with a new link (200)',
        params: IdParamsSchema,
        body: InviteBodySchema,
        response: {
          200: InviteResponseSchema,
          201: InviteResponseSchema,
          400: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema.describe('The address belongs to a representative already (field error)'),
          429: ProblemSchema,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const anyOrganization = authorizeOrganization(request, request.params.id);
      const user = requireUser(request);
      const actor = requireActor(request);
      await hitRateLimit(db(), `invite:user:${user.id}`, app.rateLimits.invitePerUser);
      const result = await inviteRepresentative(db(), actor, {
        organizationId: request.params.id,
        email: request.body.email,
        anyOrganization,
        publicUrl: app.config.publicUrl,
      });
      return reply.code(result.resent ? 200 : 201).send(result);
    },
  );

  app.delete(
    '/:id/invitations/:invitationId',
    {
      config: { permission: 'organization.manage_representatives' },
      schema: {
        tags: ['account'],
        summary: 'Revoke an open invitation: its link stops working',
        params: InvitationParamsSchema,
        response: { 204: z.null().describe('Revoked'), 400: ProblemSchema, 404: ProblemSchema, ...denied },
      },
    },
    async (request, reply) => {
      const anyOrganization = authorizeOrganization(request, request.params.id);
      await revokeInvitation(db(), requireActor(request), {
        organizationId: request.params.id,
        invitationId: request.params.invitationId,
        anyOrganization,
      });
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/:id/representatives/:userId',
    {
      config: { permission: 'organization.manage_representatives' },
      schema: {
        tags: ['account'],
        summary:
          'Remove a representative (oneself too); the last one cannot be removed (409). Without organisations left, the user loses the representative role',
        params: RepresentativeParamsSchema,
        response: {
          204: z.null().describe('Removed'),
          400: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema.describe('The organisation’s last representative'),
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const anyOrganization = authorizeOrganization(request, request.params.id);
      await removeRepresentative(db(), requireActor(request), {
        organizationId: request.params.id,
        userId: request.params.userId,
        anyOrganization,
      });
      return reply.code(204).send(null);
    },
  );
};

/** /api/invitations/… — the invitee's side: see and accept an emailed invitation, signed in. */
export const invitationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;
  const gone = ProblemSchema.describe('The invitation expired, was accepted already or was revoked');

  app.post(
    '/preview',
    {
      config: { permission: 'account.manage' },
      schema: {
        tags: ['account'],
        summary: 'What an emailed invitation is for: the organisation and the invited address',
        body: InvitationTokenBodySchema,
        response: {
          200: InvitationPreviewSchema,
          400: ProblemSchema,
          404: ProblemSchema,
          410: gone,
          429: ProblemSchema,
          ...denied,
        },
      },
    },
    async (request) => {
      await hitRateLimit(db(), `token:ip:${request.ip}`, app.rateLimits.tokenPerIp);
      return previewInvitation(db(), requireUser(request).id, request.body.token);
    },
  );

  app.post(
    '/accept',
    {
      config: { permission: 'account.manage' },
      schema: {
        tags: ['account'],
        summary:
          'Accept an invitation with the account of the invited email (403 otherwise): become a representative. Accepting again is harmless (200, alreadyAccepted)',
        body: InvitationTokenBodySchema,
        response: {
          200: AcceptInvitationResponseSchema,
          400: ProblemSchema,
          404: ProblemSchema,
          410: gone,
          429: ProblemSchema,
          ...denied,
        },
      },
    },
    async (request) => {
      await hitRateLimit(db(), `token:ip:${request.ip}`, app.rateLimits.tokenPerIp);
      return acceptInvitation(db(), requireActor(request), request.body.token);
    },
  );
};
