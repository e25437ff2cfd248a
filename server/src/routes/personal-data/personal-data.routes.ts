import {
  AccountExportSchema,
  AdminUserSchema,
  EraseAccountBodySchema,
  IdParamsSchema,
  OrganizationExportSchema,
  ProblemSchema,
} from '@portal/shared';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { AppError } from '../../errors.ts';
import { requireActor, requireUser } from '../../plugins/auth.ts';
import {
  adminEraseUser,
  eraseOrganizationContact,
  eraseOwnAccount,
  exportAccount,
  exportFilename,
  exportOrganization,
} from './personal-data.service.ts';

const denied = { 401: ProblemSchema, 403: ProblemSchema };

/** A JSON download: saved under a dated name, never cached. */
function attachment(reply: FastifyReply, filename: string) {
  reply.header('content-disposition', `attachment; filename="${filename}"`);
}

/**
 * Personal data (issue 5): JSON exports of one's own account and of an organisation one represents;
 * erasing one's own account; administrators erasing a former user or an organisation's contact person.
 * Registered under /api.
 */
export const personalDataRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;

  app.get(
    '/account/export',
    {
      config: { permission: 'account.manage' },
      schema: {
        tags: ['account'],
        summary:
          'Download everything the portal holds about me as JSON (no password, session or token hashes)',
        response: { 200: AccountExportSchema, ...denied },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      attachment(reply, exportFilename('account'));
      return exportAccount(db(), user.id);
    },
  );

  app.get(
    '/account/organizations/:id/export',
    {
      config: { permission: 'organization.view_private' },
      schema: {
        tags: ['account'],
        summary:
          'Download everything the portal holds about an organisation I represent as JSON (administrators: any)',
        params: IdParamsSchema,
        response: { 200: OrganizationExportSchema, 400: ProblemSchema, 404: ProblemSchema, ...denied },
      },
    },
    async (request, reply) => {
      const notFound = new AppError('organization.not_found', 404);
      // Record-level rule: another organisation is "not found", never its data.
      request.authorize(
        'organization.view_private',
        { type: 'organization', id: request.params.id },
        notFound,
      );
      const data = await exportOrganization(db(), request.params.id);
      if (!data) throw notFound;
      const eik = String(data.organization.eik ?? '');
      attachment(reply, exportFilename(`organization-${eik.replace(/[^0-9A-Za-z]/g, '')}`));
      return data;
    },
  );

  app.post(
    '/account/erase',
    {
      config: { permission: 'account.manage' },
      schema: {
        tags: ['account'],
        summary:
          'Erase my account (password required): my personal data is removed or anonymised and I am logged out',
        body: EraseAccountBodySchema,
        response: {
          204: z.null().describe('Erased'),
          400: ProblemSchema,
          409: ProblemSchema,
          429: ProblemSchema,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await eraseOwnAccount({ db: db(), actor, limits: app.rateLimits, ip: request.ip }, request.body);
      reply.clearSessionCookie();
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/admin/users/:id/erase',
    {
      config: { permission: 'personal_data.erase' },
      schema: {
        tags: ['admin'],
        summary: "Erase a former user's personal data (the account is anonymised, its records kept)",
        params: IdParamsSchema,
        response: {
          200: AdminUserSchema,
          400: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          ...denied,
        },
      },
    },
    async (request) => adminEraseUser(db(), requireActor(request), request.params.id),
  );

  app.post(
    '/admin/organizations/:id/erase-contact',
    {
      config: { permission: 'personal_data.erase' },
      schema: {
        tags: ['admin'],
        summary:
          "Erase an organisation's former contact person: the contact fields and their values in its records",
        params: IdParamsSchema,
        response: { 204: z.null().describe('Erased'), 400: ProblemSchema, 404: ProblemSchema, ...denied },
      },
    },
    async (request, reply) => {
      await eraseOrganizationContact(db(), requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
