import {
  AcceptedResponseSchema,
  ChangeEmailBodySchema,
  ChangePasswordBodySchema,
  EditableProfileSchema,
  etagOf,
  IdParamsSchema,
  MeSchema,
  MyOrganizationListResponseSchema,
  MyOrganizationSchema,
  ProblemSchema,
  ProfileEditBodySchema,
  ProfileHistoryResponseSchema,
  SessionListResponseSchema,
  StoredProfileSchema,
  UpdateAccountBodySchema,
  versionFromEtag,
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
import { accountLogoRoutes } from './logo.routes.ts';
import { loadProfile, profileHistory, updateProfile } from './profile.service.ts';

const denied = { 401: ProblemSchema, 403: ProblemSchema };

const IfMatchHeadersSchema = z.looseObject({
  'if-match': z
    .string()
    .optional()
    .describe('The ETag of the version being edited, as GET answered it: `"<version>"`. Required.'),
});

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;
  await app.register(accountLogoRoutes);

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

  // ---------- the organisation's profile, edited by its representatives (issue 5) ----------

  app.get(
    '/organizations/:id/profile',
    {
      config: { permission: 'organization.edit' },
      schema: {
        tags: ['account'],
        summary: 'The editable profile of an organisation I represent (administrators: any); ETag = version',
        params: IdParamsSchema,
        response: { 200: StoredProfileSchema, 400: ProblemSchema, 404: ProblemSchema, ...denied },
      },
    },
    async (request, reply) => {
      const notFound = new AppError('organization.not_found', 404);
      // Record-level rule: another organisation is "not found", never its data.
      request.authorize('organization.edit', { type: 'organization', id: request.params.id }, notFound);
      const profile = await loadProfile(db(), request.params.id);
      if (!profile) throw notFound;
      reply.header('etag', etagOf(profile.version));
      return profile;
    },
  );

  app.put(
    '/organizations/:id/profile',
    {
      config: { permission: 'organization.edit' },
      schema: {
        tags: ['account'],
        summary:
          'Save the profile if nobody changed it since I read it (If-Match required: 428 without, 412 when stale)',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: ProfileEditBodySchema,
        response: {
          200: EditableProfileSchema,
          400: ProblemSchema,
          404: ProblemSchema,
          412: ProblemSchema,
          428: ProblemSchema,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id } = request.params;
      request.authorize(
        'organization.edit',
        { type: 'organization', id },
        new AppError('organization.not_found', 404),
      );
      const ifMatch = request.headers['if-match']?.trim();
      // `*` would match any version, which is exactly the lost update this guards against.
      if (!ifMatch || ifMatch === '*') throw new AppError('precondition.required', 428);
      // A value that names no version matches none.
      const expected = versionFromEtag(ifMatch);
      if (expected === null) throw new AppError('precondition.failed', 412);
      const profile = await updateProfile(db(), actor, id, expected, request.body);
      reply.header('etag', etagOf(profile.version));
      return profile;
    },
  );

  app.get(
    '/organizations/:id/history',
    {
      // Its representatives, the committee and administrators; record-level below.
      config: { permission: 'organization.history' },
      schema: {
        tags: ['account'],
        summary:
          "An organisation's change history, newest first (its representatives, the committee, administrators)",
        params: IdParamsSchema,
        response: { 200: ProfileHistoryResponseSchema, 400: ProblemSchema, 404: ProblemSchema, ...denied },
      },
    },
    async (request) => {
      const notFound = new AppError('organization.not_found', 404);
      const { id } = request.params;
      request.authorize('organization.history', { type: 'organization', id }, notFound);
      const items = await profileHistory(db(), id);
      if (!items) throw notFound;
      return { items };
    },
  );
};
