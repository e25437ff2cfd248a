import {
  AdminOrganizationListResponseSchema,
  AdminOrganizationQuerySchema,
  AdminUserListQuerySchema,
  AdminUserListResponseSchema,
  AdminUserSchema,
  AuditListResponseSchema,
  AuditQuerySchema,
  IdParamsSchema,
  MailboxListResponseSchema,
  MailboxQuerySchema,
  ProblemSchema,
  UserOrganizationParamsSchema,
  UserRoleParamsSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import {
  disableUser,
  enableUser,
  getUser,
  grantRole,
  linkOrganization,
  listAudit,
  listMailbox,
  listUsers,
  revokeRole,
  searchOrganizations,
  unlinkOrganization,
} from './admin.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const userResponse = { 200: AdminUserSchema, 404: ProblemSchema, 409: ProblemSchema, ...problems };

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;
  const users = { permission: 'users.manage' as const };

  app.get(
    '/users',
    {
      config: users,
      schema: {
        tags: ['admin'],
        summary: 'List and search users',
        querystring: AdminUserListQuerySchema,
        response: { 200: AdminUserListResponseSchema, ...problems },
      },
    },
    async (request) => listUsers(db(), request.query),
  );

  app.get(
    '/users/:id',
    {
      config: users,
      schema: { tags: ['admin'], summary: 'One user', params: IdParamsSchema, response: userResponse },
    },
    async (request) => getUser(db(), request.params.id),
  );

  app.put(
    '/users/:id/roles/:role',
    {
      config: users,
      schema: {
        tags: ['admin'],
        summary: 'Grant a role',
        params: UserRoleParamsSchema,
        response: userResponse,
      },
    },
    async (request) => grantRole(db(), requireActor(request), request.params.id, request.params.role),
  );

  app.delete(
    '/users/:id/roles/:role',
    {
      config: users,
      schema: {
        tags: ['admin'],
        summary: 'Revoke a role',
        params: UserRoleParamsSchema,
        response: userResponse,
      },
    },
    async (request) => revokeRole(db(), requireActor(request), request.params.id, request.params.role),
  );

  app.post(
    '/users/:id/disable',
    {
      config: users,
      schema: {
        tags: ['admin'],
        summary: 'Disable a user (their sessions end at once)',
        params: IdParamsSchema,
        response: userResponse,
      },
    },
    async (request) => disableUser(db(), requireActor(request), request.params.id),
  );

  app.post(
    '/users/:id/enable',
    {
      config: users,
      schema: {
        tags: ['admin'],
        summary: 'Re-enable a user',
        params: IdParamsSchema,
        response: userResponse,
      },
    },
    async (request) => enableUser(db(), requireActor(request), request.params.id),
  );

  app.put(
    '/users/:id/organizations/:organizationId',
    {
      config: users,
      schema: {
        tags: ['admin'],
        summary: 'Link a representative to an organisation',
        params: UserOrganizationParamsSchema,
        response: userResponse,
      },
    },
    async (request) =>
      linkOrganization(db(), requireActor(request), request.params.id, request.params.organizationId),
  );

  app.delete(
    '/users/:id/organizations/:organizationId',
    {
      config: users,
      schema: {
        tags: ['admin'],
        summary: 'Unlink a representative from an organisation',
        params: UserOrganizationParamsSchema,
        response: userResponse,
      },
    },
    async (request) =>
      unlinkOrganization(db(), requireActor(request), request.params.id, request.params.organizationId),
  );

  app.get(
    '/organizations',
    {
      config: users,
      schema: {
        tags: ['admin'],
        summary: 'Find any organisation by name or ЕИК (for linking representatives)',
        querystring: AdminOrganizationQuerySchema,
        response: { 200: AdminOrganizationListResponseSchema, ...problems },
      },
    },
    async (request) => ({ items: await searchOrganizations(db(), request.query.q) }),
  );

  app.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['admin'],
        summary: 'The audit log, newest first, filtered by actor, entity, action and date',
        querystring: AuditQuerySchema,
        response: { 200: AuditListResponseSchema, ...problems },
      },
    },
    async (request) => listAudit(db(), request.query),
  );

  app.get(
    '/mailbox',
    {
      config: { permission: 'mailbox.read' },
      schema: {
        tags: ['admin'],
        summary: 'The email outbox: every message queued, sent or failed',
        querystring: MailboxQuerySchema,
        response: { 200: MailboxListResponseSchema, ...problems },
      },
    },
    async (request) => listMailbox(db(), request.query),
  );
};
