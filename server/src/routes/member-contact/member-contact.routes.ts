import {
  MemberContactBodySchema,
  MemberContactResultSchema,
  OrganizationIdParamsSchema,
  ProblemSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hitRateLimit } from '../../auth/rate-limit.ts';
import { assertAccepts, findContactTarget, isHoneypot, sendMemberContact } from './member-contact.service.ts';

/** Registered with prefix /api/organizations: a visitor writes to a member (issue 17, decision 053). */
export const memberContactRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;

  app.post(
    '/:id/contact',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['organizations'],
        summary:
          "Write to a listed member that accepts messages: emailed to its representatives with Reply-To the sender; the member's address is never shown",
        params: OrganizationIdParamsSchema,
        body: MemberContactBodySchema,
        response: {
          202: MemberContactResultSchema,
          400: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
          429: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const target = await findContactTarget(db(), request.params.id);
      assertAccepts(target);
      // Counted only for a form that exists: a wrong id or a closed form costs the sender nothing.
      await hitRateLimit(db(), `contact:ip:${request.ip}`, app.rateLimits.contactPerIp);
      // A filled honeypot is a robot: answered like a sent message, nothing sent, and it does not spend
      // the member's daily allowance (which would shut the form for people).
      if (isHoneypot(request.body)) return reply.code(202).send({ sent: true });
      await hitRateLimit(db(), `contact:org:${target.id}`, app.rateLimits.contactPerOrganization);
      await sendMemberContact(db(), request.actor, target, request.body, app.config.publicUrl);
      return reply.code(202).send({ sent: true });
    },
  );
};
