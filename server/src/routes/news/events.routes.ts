import {
  can,
  EventCancelBodySchema,
  EventCancelInfoSchema,
  EventCancelQuerySchema,
  EventDetailsBodySchema,
  EventEditorSchema,
  EventRegisterBodySchema,
  EventRegistrationResultSchema,
  EventRegistrationsResponseSchema,
  IdParamsSchema,
  NewsFeedParamsSchema,
  NewsSlugParamsSchema,
  ProblemSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { hitRateLimit } from '../../auth/rate-limit.ts';
import { principalOf, requireActor } from '../../plugins/auth.ts';
import {
  cancelInfo,
  cancelRegistration,
  eventCalendar,
  listRegistrations,
  register,
  registrationsCsv,
  setEventDetails,
} from './events.service.ts';

/** Events (issue 15 §4, decision 042): registration, cancellation by link, the organisers' list and CSV. */

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const writeProblems = { ...problems, 404: ProblemSchema, 409: ProblemSchema };

/** Registered with prefix /api/news: everyone. */
export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;

  app.get(
    '/posts/:slug/event.ics',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['news'],
        summary: 'A public event as an iCalendar file (add to calendar); ?lang=en for the English title',
        params: NewsSlugParamsSchema,
        querystring: z.object({ lang: NewsFeedParamsSchema.shape.lang.default('bg') }),
        response: { 200: z.string().describe('text/calendar'), 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const ics = await eventCalendar(db(), request.params.slug, request.query.lang, app.config.publicUrl);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.slug}.ics"`)
        .send(ics);
    },
  );

  app.post(
    '/posts/:slug/registrations',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['news'],
        summary:
          'Register for a public event: a seat while there is one, else the waiting list (an email with a cancellation link either way); a signed-in user registers with their own address',
        params: NewsSlugParamsSchema,
        body: EventRegisterBodySchema,
        response: { 201: EventRegistrationResultSchema, ...writeProblems, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      await hitRateLimit(db(), `event-register:ip:${request.ip}`, app.rateLimits.eventRegisterPerIp);
      const user = request.user;
      const result = await register(
        {
          db: db(),
          actor: request.actor,
          user: user
            ? { id: user.id, email: user.email, isMember: can(principalOf(user), 'members.view') }
            : null,
          publicUrl: app.config.publicUrl,
        },
        request.params.slug,
        request.body,
      );
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/registrations/cancel',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['news'],
        summary: 'The registration a cancellation link names (the token is the key)',
        querystring: EventCancelQuerySchema,
        response: { 200: EventCancelInfoSchema, 400: ProblemSchema, 404: ProblemSchema, 429: ProblemSchema },
      },
    },
    // A read writes nothing (not even a rate-limit count; the API fuzz test holds every GET to that): the
    // token is 32 random bytes, and cancelling — the POST below — is rate-limited.
    async (request) => cancelInfo(db(), request.query.token),
  );

  app.post(
    '/registrations/cancel',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['news'],
        summary: "Cancel the link's registration (again: no change); a freed seat goes to the waiting list",
        body: EventCancelBodySchema,
        response: { 200: EventCancelInfoSchema, 400: ProblemSchema, 404: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request) => {
      await hitRateLimit(db(), `token:ip:${request.ip}`, app.rateLimits.tokenPerIp);
      return cancelRegistration(db(), request.actor, request.body.token);
    },
  );
};

/** Registered with prefix /api/committee/news: the organisers (news editors). */
export const eventEditorRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;
  const manage = { config: { permission: 'news.manage' as const } };

  app.put(
    '/:id/event',
    {
      ...manage,
      schema: {
        tags: ['news'],
        summary:
          "Set an event post's date, place and registration rules (naming the post's version); more seats go to the waiting list",
        params: IdParamsSchema,
        body: EventDetailsBodySchema,
        response: { 200: EventEditorSchema, ...writeProblems },
      },
    },
    async (request) => setEventDetails(db(), requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/:id/registrations',
    {
      ...manage,
      schema: {
        tags: ['news'],
        summary: "An event's details and every registration (confirmed, waiting in order, cancelled)",
        params: IdParamsSchema,
        response: { 200: EventRegistrationsResponseSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request) => listRegistrations(db(), request.params.id),
  );

  app.get(
    '/:id/registrations.csv',
    {
      ...manage,
      schema: {
        tags: ['news'],
        summary: "An event's registrations as CSV (UTF-8 with a byte-order mark)",
        params: IdParamsSchema,
        response: { 200: z.string().describe('text/csv'), 404: ProblemSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { csv, slug } = await registrationsCsv(db(), request.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="registrations-${slug}.csv"`)
        .header('x-content-type-options', 'nosniff')
        .send(csv);
    },
  );
};
