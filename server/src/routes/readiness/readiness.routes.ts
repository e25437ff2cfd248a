import {
  cleanPdfFileName,
  MAX_DOCUMENT_BYTES,
  ProblemSchema,
  ReadinessCriterionInputSchema,
  ReadinessEvidenceInputSchema,
  ReadinessIdParamsSchema,
  ReadinessManualInputSchema,
  ReadinessSetInputSchema,
  ReadinessSetListSchema,
  ReadinessSetSchema,
  ReadinessSlugParamsSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { AppError, fieldError } from '../../errors.ts';
import { expectedVersion, IfMatchHeadersSchema } from '../../if-match.ts';
import { requireActor } from '../../plugins/auth.ts';
import { isPdf } from '../applications/applications.routes.ts';
import { getClusterTexts } from '../site-content/site-content.service.ts';
import { readinessPdf } from './readiness.pdf.ts';
import {
  addEvidence,
  createCriterion,
  createSet,
  getSet,
  getSetById,
  listSets,
  loadEvidenceDocument,
  markManual,
  removeCriterion,
  removeEvidence,
  runCheck,
  updateCriterion,
  updateSet,
} from './readiness.service.ts';

const denied = { 401: ProblemSchema, 403: ProblemSchema };
const problems = { 400: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, ...denied };
const conditional = { ...problems, 412: ProblemSchema, 428: ProblemSchema };
const tags = ['readiness'];

/**
 * The committee and administrators read the readiness checks, run them, add evidence and mark manual items
 * (issue 16 §2, decision 051), under /api/committee/readiness. Evidence documents are committee-only.
 */
export const committeeReadinessRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;
  const config = { permission: 'readiness.check' as const };

  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/',
    {
      config,
      schema: {
        tags,
        summary: 'The criteria sets with their counts of green, amber and red criteria',
        response: { 200: ReadinessSetListSchema, ...denied },
      },
    },
    async () => listSets(db()),
  );
  app.get(
    '/:slug',
    {
      config,
      schema: {
        tags,
        summary: "A set's criteria with status, figure, evidence and next step, and the history of its runs",
        params: ReadinessSlugParamsSchema,
        response: { 200: ReadinessSetSchema, ...problems },
      },
    },
    async (request) => getSet(db(), request.params.slug),
  );
  app.get(
    '/:slug/export.pdf',
    {
      config,
      schema: {
        tags,
        summary: 'The set with its statuses, figures and evidence list as a PDF',
        params: ReadinessSlugParamsSchema,
        querystring: z.object({ lang: z.enum(['bg', 'en']).default('bg') }),
        response: { 200: z.any().describe('application/pdf'), ...problems },
      },
    },
    async (request, reply) => {
      const { lang } = request.query;
      const [set, texts] = await Promise.all([getSet(db(), request.params.slug), getClusterTexts(db())]);
      const pdf = await readinessPdf(lang === 'en' ? texts.nameEn : texts.nameBg, set, lang);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="readiness-${set.slug}-${set.asOf}-${lang}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
  app.post(
    '/:slug/runs',
    {
      config,
      schema: {
        tags,
        summary: 'Run the check: store each criterion’s status and figure now (history)',
        params: ReadinessSlugParamsSchema,
        response: { 201: ReadinessSetSchema, ...problems },
      },
    },
    async (request, reply) => {
      await runCheck(db(), requireActor(request), request.params.slug);
      reply.code(201);
      return getSet(db(), request.params.slug);
    },
  );
  app.put(
    '/criteria/:id/manual',
    {
      config,
      schema: {
        tags,
        summary: 'Mark a manual evidence item missing, partial or complete',
        params: ReadinessIdParamsSchema,
        body: ReadinessManualInputSchema,
        response: { 200: ReadinessSetSchema, ...problems },
      },
    },
    async (request) => {
      const slug = await markManual(db(), requireActor(request), request.params.id, request.body.status);
      return getSet(db(), slug);
    },
  );
  app.post(
    '/criteria/:id/evidence',
    {
      config,
      schema: {
        tags,
        summary: 'Add a link to a page or to a numbered decision as evidence for a criterion',
        params: ReadinessIdParamsSchema,
        body: ReadinessEvidenceInputSchema,
        response: { 201: ReadinessSetSchema, ...problems },
      },
    },
    async (request, reply) => {
      const slug = await addEvidence(db(), requireActor(request), request.params.id, request.body);
      reply.code(201);
      return getSet(db(), slug);
    },
  );
  app.post(
    '/criteria/:id/documents',
    {
      config,
      bodyLimit: MAX_DOCUMENT_BYTES,
      schema: {
        tags,
        summary: 'Upload a PDF as evidence (raw body, Content-Type: application/pdf; at most 10 MB)',
        params: ReadinessIdParamsSchema,
        querystring: z.object({ filename: z.string().trim().min(1).max(200) }),
        response: { 201: ReadinessSetSchema, ...problems, 413: ProblemSchema, 415: ProblemSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new AppError('media_type.unsupported', 415);
      if (!(await isPdf(body))) throw fieldError('body', 'document.not_pdf');
      const slug = await addEvidence(db(), requireActor(request), request.params.id, {
        kind: 'document',
        fileName: cleanPdfFileName(request.query.filename),
        content: body,
      });
      reply.code(201);
      return getSet(db(), slug);
    },
  );
  app.get(
    '/evidence/:id/document',
    {
      config,
      schema: {
        tags,
        summary: 'Download an evidence document (PDF)',
        params: ReadinessIdParamsSchema,
        response: { ...problems },
      },
    },
    async (request, reply) => {
      const doc = await loadEvidenceDocument(db(), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(cleanPdfFileName(doc.fileName))}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .send(doc.content as never);
    },
  );
  app.delete(
    '/evidence/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Remove an item of evidence',
        params: ReadinessIdParamsSchema,
        response: { 204: z.null().describe('Removed'), ...problems },
      },
    },
    async (request, reply) => {
      await removeEvidence(db(), requireActor(request), request.params.id);
      reply.code(204);
      return null;
    },
  );
};

/** Administrators edit the sets and their criteria, under /api/admin/readiness (If-Match on changes). */
export const adminReadinessRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;
  const config = { permission: 'readiness.manage' as const };
  const params = ReadinessIdParamsSchema;

  app.post(
    '/sets',
    {
      config,
      schema: {
        tags,
        summary: 'Add a criteria set',
        body: ReadinessSetInputSchema,
        response: { 201: ReadinessSetSchema, ...problems },
      },
    },
    async (request, reply) => {
      const row = await createSet(db(), requireActor(request), request.body);
      reply.code(201);
      return getSet(db(), row.slug);
    },
  );
  app.put(
    '/sets/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change a criteria set (If-Match required: 428 without, 412 when stale)',
        params,
        headers: IfMatchHeadersSchema,
        body: ReadinessSetInputSchema,
        response: { 200: ReadinessSetSchema, ...conditional },
      },
    },
    async (request) => {
      const row = await updateSet(
        db(),
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      return getSet(db(), row.slug);
    },
  );
  app.post(
    '/sets/:id/criteria',
    {
      config,
      schema: {
        tags,
        summary: 'Add a criterion (a rule over a computed indicator, or a manual evidence item)',
        params,
        body: ReadinessCriterionInputSchema,
        response: { 201: ReadinessSetSchema, ...problems },
      },
    },
    async (request, reply) => {
      await createCriterion(db(), requireActor(request), request.params.id, request.body);
      reply.code(201);
      return getSetById(db(), request.params.id);
    },
  );
  app.put(
    '/criteria/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change a criterion (If-Match required: 428 without, 412 when stale)',
        params,
        headers: IfMatchHeadersSchema,
        body: ReadinessCriterionInputSchema,
        response: { 200: ReadinessSetSchema, ...conditional },
      },
    },
    async (request) => {
      const row = await updateCriterion(
        db(),
        requireActor(request),
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      return getSetById(db(), row.setId);
    },
  );
  app.delete(
    '/criteria/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a criterion with its evidence (If-Match required)',
        params,
        headers: IfMatchHeadersSchema,
        response: { 204: z.null().describe('Deleted'), ...conditional },
      },
    },
    async (request, reply) => {
      await removeCriterion(db(), requireActor(request), request.params.id, expectedVersion(request));
      reply.code(204);
      return null;
    },
  );
};
