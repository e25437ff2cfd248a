import {
  IdParamsSchema,
  MinutesApproveBodySchema,
  MinutesCommentBodySchema,
  MinutesDraftBodySchema,
  MinutesViewSchema,
  ProblemSchema,
  PublicMinutesListSchema,
  PublicMinutesQuerySchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { principalOf, requireActor, requireUser } from '../../plugins/auth.ts';
import { getClusterTexts } from '../site-content/site-content.service.ts';
import { minutesPdf } from './minutes.pdf.ts';
import {
  approveDraft,
  commentOnDraft,
  getMinutes,
  listPublicMinutes,
  prefillMinutes,
  printableRevision,
  saveDraft,
} from './minutes.service.ts';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeProblems = { ...problems, 409: ProblemSchema };
/** Minutes may be long (200 000 characters in each language): room for both, encoded. */
const MINUTES_REQUEST_LIMIT = 2 * 1024 * 1024;

const PrintQuerySchema = z.object({
  lang: z.enum(['bg', 'en']).default('bg'),
  revision: z.coerce.number().int().min(1).max(1000).optional(),
});
const LangQuerySchema = z.object({ lang: z.enum(['bg', 'en']).default('bg') });

/** The minutes of a meeting (decision 045), registered with prefix /api/meetings. */
export const minutesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;

  app.get(
    '/:id/minutes',
    {
      // Public minutes are read by anyone; the service decides from the meeting's visibility and the reader.
      config: { permission: 'public' },
      schema: {
        tags: ['meetings'],
        summary:
          "A meeting's minutes: approved revisions, and the draft with its comments for the meeting's people",
        params: IdParamsSchema,
        response: { 200: MinutesViewSchema, 404: ProblemSchema, 400: ProblemSchema },
      },
    },
    async (request) => getMinutes(db(), principalOf(request.user ?? null), request.params.id),
  );

  app.get(
    '/:id/minutes.pdf',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['meetings'],
        summary: 'The minutes as PDF (the latest approved revision unless one is named)',
        params: IdParamsSchema,
        querystring: PrintQuerySchema,
        response: { 200: z.any().describe('application/pdf'), 404: ProblemSchema, 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { lang, revision } = request.query;
      const user = principalOf(request.user ?? null);
      const [printable, texts] = await Promise.all([
        printableRevision(db(), user, request.params.id, revision),
        getClusterTexts(db()),
      ]);
      const pdf = await minutesPdf(
        lang === 'en' ? texts.nameEn : texts.nameBg,
        printable.view,
        printable.revision,
        lang,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `inline; filename="minutes-${printable.view.meeting.startsAt.slice(0, 10)}-r${printable.revision.revision}-${lang}.pdf"`,
        )
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/:id/minutes/prefill',
    {
      config: { permission: 'meetings.manage' },
      schema: {
        tags: ['meetings'],
        summary:
          "A draft of the minutes from the meeting's record (attendance, quorum, items, tallies, decisions)",
        params: IdParamsSchema,
        querystring: LangQuerySchema,
        response: { 200: z.object({ text: z.string() }), ...problems },
      },
    },
    async (request) => ({
      text: await prefillMinutes(
        db(),
        principalOf(requireUser(request)),
        request.params.id,
        request.query.lang,
      ),
    }),
  );

  app.put(
    '/:id/minutes/draft',
    {
      config: { permission: 'meetings.manage' },
      bodyLimit: MINUTES_REQUEST_LIMIT,
      schema: {
        tags: ['meetings'],
        summary: 'Save the draft (its version), or start one: the first, or a correction of approved minutes',
        params: IdParamsSchema,
        body: MinutesDraftBodySchema,
        response: { 200: MinutesViewSchema, ...writeProblems },
      },
    },
    async (request) =>
      saveDraft(
        db(),
        requireActor(request),
        principalOf(requireUser(request)),
        request.params.id,
        request.body,
      ),
  );

  app.post(
    '/:id/minutes/comments',
    {
      config: { permission: 'meetings.attend' },
      schema: {
        tags: ['meetings'],
        summary: "Comment on the draft (the meeting's seats and officers)",
        params: IdParamsSchema,
        body: MinutesCommentBodySchema,
        response: { 200: MinutesViewSchema, ...writeProblems },
      },
    },
    async (request) =>
      commentOnDraft(
        db(),
        requireActor(request),
        principalOf(requireUser(request)),
        request.params.id,
        request.body.text,
      ),
  );

  app.post(
    '/:id/minutes/approve',
    {
      config: { permission: 'meetings.manage' },
      schema: {
        tags: ['meetings'],
        summary:
          'Approve the draft read (its version): the chair or an administrator; approved minutes are locked',
        params: IdParamsSchema,
        body: MinutesApproveBodySchema,
        response: { 200: MinutesViewSchema, ...writeProblems },
      },
    },
    async (request) =>
      approveDraft(
        db(),
        requireActor(request),
        principalOf(requireUser(request)),
        request.params.id,
        request.body,
      ),
  );
};

/**
 * The public list of approved public minutes (issue 15 §3), registered with prefix /api/public/minutes:
 * for visitors without an account (the meeting pages are for members only).
 */
export const publicMinutesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['meetings'],
        summary: 'Meetings with public approved minutes (anyone), newest first',
        querystring: PublicMinutesQuerySchema,
        response: { 200: PublicMinutesListSchema, 400: ProblemSchema },
      },
    },
    async (request) => listPublicMinutes(app.db.db, request.query),
  );
};
