import {
  AcceptedResponseSchema,
  ChangeEmailBodySchema,
  ChangePasswordBodySchema,
  IdParamsSchema,
  MeSchema,
  MyOrganizationListResponseSchema,
  MyOrganizationSchema,
  ProblemSchema,
  SessionListResponseSchema,
  UpdateAccountBodySchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { AppError } from '../../errors.ts';
import { requireActor, requireUser } from '../../plugins/auth.ts';
import { loadMe } from '../../users.ts';
import {
  changePassword,
  endOwnSession,
  listSessions,
  myOrganizations,
  organizationPrivateView,
  requestEmailChange,
  updateAccount,
} from './account.service.ts';

const denied = { 401: ProblemSchema, 403: ProblemSchema };

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;

  app.get(
    '/',
    {
      config: { permission: 'account.manage' },
      schema: { tags: ['account'], summary: 'My account', response: { 200: MeSchema, ...denied } },
    },
    async (request) => {
      const user = requireUser(request);
      const me = await loadMe(db(), user.id);
      if (!me) throw new AppError('user.not_found', 404);
      return me;
    },
  );

  app.patch(
    '/',
    {
      config: { permission: 'account.manage' },
      schema: {
        tags: ['account'],
        summary: 'Change my display name or language',
        body: UpdateAccountBodySchema,
        response: { 200: MeSchema, 400: ProblemSchema, ...denied },
      },
    },
    async (request) => updateAccount(db(), requireActor(request), request.body),
  );

  app.post(
    '/password',
    {
      config: { permission: 'account.manage' },
      schema: {
        tags: ['account'],
        summary: 'Change my password (current password required); my other sessions end',
        body: ChangePasswordBodySchema,
        response: { 204: z.null().describe('Changed'), 400: ProblemSchema, 429: ProblemSchema, ...denied },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const actor = requireActor(request);
      await changePassword(db(), actor, user.sessionId, request.body, app.config.publicUrl, app.rateLimits);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/email',
    {
      config: { permission: 'account.manage' },
      schema: {
        tags: ['account'],
        summary: 'Change my email (current password required): a link is sent to the new address',
        body: ChangeEmailBodySchema,
        response: { 202: AcceptedResponseSchema, 400: ProblemSchema, 429: ProblemSchema, ...denied },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const actor = requireActor(request);
      await requestEmailChange(
        db(),
        actor,
        user.sessionId,
        request.body,
        app.config.publicUrl,
        app.rateLimits,
      );
      return reply.code(202).send({ status: 'accepted' });
    },
  );

  app.get(
    '/sessions',
    {
      config: { permission: 'account.manage' },
      schema: {
        tags: ['account'],
        summary: 'My active sessions',
        response: { 200: SessionListResponseSchema, ...denied },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return { items: await listSessions(db(), user.id, user.sessionId) };
    },
  );

  app.delete(
    '/sessions/:id',
    {
      config: { permission: 'account.manage' },
      schema: {
        tags: ['account'],
        summary: 'End one of my sessions',
        params: IdParamsSchema,
        response: { 204: z.null().describe('Ended'), 400: ProblemSchema, 404: ProblemSchema, ...denied },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await endOwnSession(db(), actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/organizations',
    {
      config: { permission: 'account.manage' },
      schema: {
        tags: ['account'],
        summary: 'The organisations I represent',
        response: { 200: MyOrganizationListResponseSchema, ...denied },
      },
    },
    async (request) => ({ items: await myOrganizations(db(), requireUser(request).id) }),
  );

  app.get(
    '/organizations/:id',
    {
      config: { permission: 'organization.view_private' },
      schema: {
        tags: ['account'],
        summary: 'The private view of an organisation I represent (administrators: any)',
        params: IdParamsSchema,
        response: { 200: MyOrganizationSchema, 400: ProblemSchema, 404: ProblemSchema, ...denied },
      },
    },
    async (request) => {
      const notFound = new AppError('organization.not_found', 404);
      // Record-level rule: another organisation is "not found", never its data.
      request.authorize(
        'organization.view_private',
        { type: 'organization', id: request.params.id },
        notFound,
      );
      const org = await organizationPrivateView(db(), request.params.id);
      if (!org) throw notFound;
      return org;
    },
  );
};
