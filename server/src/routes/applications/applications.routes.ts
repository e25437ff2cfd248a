import {
  ActionParamsSchema,
  APPLICATION_SECTIONS,
  ApplicationIdParamsSchema,
  ApplicationQueueQuerySchema,
  ApplicationQueueResponseSchema,
  ApplicationSchema,
  CommentBodySchema,
  cleanPdfFileName,
  DocumentInfoSchema,
  DocumentKindSchema,
  MAX_DOCUMENT_BYTES,
  MyApplicationsResponseSchema,
  ProblemSchema,
  SECTION_SCHEMAS,
  type SectionSave,
  TransitionBodySchema,
} from '@portal/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PDFDocument } from 'pdf-lib';
import * as z from 'zod';
import { AppError, fieldError } from '../../errors.ts';
import { principalOf, requireActor, requireUser } from '../../plugins/auth.ts';
import { votingRoutes } from '../voting/voting.routes.ts';
import { assertCanView, loadRow } from './application-row.ts';
import {
  addComment,
  createApplication,
  deleteDraft,
  myApplications,
  presentApplication,
  queue,
  saveSection,
  transition,
} from './applications.service.ts';
import { addDocument, loadDocument, removeDocument } from './documents.service.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

/**
 * A PDF by content, not by name (issue 11 A8, decision 015): it must start with `%PDF-` (no junk before
 * it: an HTML page with `%PDF-` in its first kilobyte is not a PDF), and pdf-lib must parse its structure
 * into a document catalog with at least one page. Encrypted PDFs are accepted (their structure is
 * readable; only the content streams are encrypted).
 */
export async function isPdf(body: Buffer): Promise<boolean> {
  if (body.subarray(0, 5).toString('latin1') !== '%PDF-') return false;
  try {
    const doc = await PDFDocument.load(body, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: true,
    });
    return doc.getPageCount() > 0;
  } catch {
    return false;
  }
}

export const applicationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;

  // PDFs arrive as the raw request body (fetch with Content-Type: application/pdf): not a form, so no
  // cross-site form can post one, and a cross-site fetch needs a CORS preflight we never grant.
  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES },
    (_req, body, done) => done(null, body),
  );

  const respond = async (request: FastifyRequest, id: string) => {
    const principal = principalOf(requireUser(request));
    return presentApplication(db(), await loadRow(db(), id), principal);
  };

  app.post(
    '/',
    {
      config: { permission: 'application.create' },
      schema: {
        tags: ['applications'],
        summary: 'Start a join application (a draft); the caller becomes an applicant',
        response: { 200: ApplicationSchema, 201: ApplicationSchema, ...problems },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      // 200 with the user's untouched draft when there is one (a double click makes one draft).
      const { id, created } = await createApplication(db(), actor);
      return reply.code(created ? 201 : 200).send(await respond(request, id));
    },
  );

  app.delete(
    '/:id',
    {
      config: { permission: 'application.edit' },
      schema: {
        tags: ['applications'],
        summary: 'Delete a draft (its applicant only; a submitted application is withdrawn instead)',
        params: ApplicationIdParamsSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const principal = principalOf(requireUser(request));
      const actor = requireActor(request);
      await deleteDraft(db(), actor, principal, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/mine',
    {
      config: { permission: 'application.create' },
      schema: {
        tags: ['applications'],
        summary: 'My applications',
        response: { 200: MyApplicationsResponseSchema, ...problems },
      },
    },
    async (request) => ({ items: await myApplications(db(), requireActor(request).userId) }),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'application.view' },
      schema: {
        tags: ['applications'],
        summary: 'An application (its applicant, the committee, administrators)',
        params: ApplicationIdParamsSchema,
        response: { 200: ApplicationSchema, ...problems },
      },
    },
    async (request) => {
      const principal = principalOf(requireUser(request));
      const row = await loadRow(db(), request.params.id);
      assertCanView(principal, row);
      return presentApplication(db(), row, principal);
    },
  );

  for (const section of APPLICATION_SECTIONS) {
    app.put(
      `/:id/sections/${section}`,
      {
        config: { permission: 'application.edit' },
        schema: {
          tags: ['applications'],
          summary: `Save the "${section}" step of a draft (or of an application returned for changes)`,
          params: ApplicationIdParamsSchema,
          body: SECTION_SCHEMAS[section],
          response: { 200: ApplicationSchema, ...problems },
        },
      },
      async (request) => {
        const principal = principalOf(requireUser(request));
        const actor = requireActor(request);
        const row = await saveSection(
          db(),
          actor,
          principal,
          request.params.id,
          // The body is the output of SECTION_SCHEMAS[section]; TypeScript cannot tie a loop's key to it.
          { section, value: request.body } as SectionSave,
        );
        return presentApplication(db(), row, principal);
      },
    );
  }

  app.post(
    '/:id/documents',
    {
      config: { permission: 'application.edit' },
      bodyLimit: MAX_DOCUMENT_BYTES,
      schema: {
        tags: ['applications'],
        summary: 'Upload a PDF (raw body, Content-Type: application/pdf; at most 10 MB, 5 per application)',
        params: ApplicationIdParamsSchema,
        querystring: z.object({ kind: DocumentKindSchema, filename: z.string().trim().min(1).max(200) }),
        response: { 201: DocumentInfoSchema, ...problems, 413: ProblemSchema, 415: ProblemSchema },
      },
    },
    async (request, reply) => {
      const principal = principalOf(requireUser(request));
      const actor = requireActor(request);
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new AppError('media_type.unsupported', 415);
      if (!(await isPdf(body))) throw fieldError('body', 'document.not_pdf');
      const info = await addDocument(db(), actor, principal, request.params.id, {
        kind: request.query.kind,
        filename: cleanPdfFileName(request.query.filename),
        content: body,
      });
      return reply.code(201).send(info);
    },
  );

  const DocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });

  app.get(
    '/:id/documents/:documentId',
    {
      config: { permission: 'application.view' },
      schema: {
        tags: ['applications'],
        summary: 'Download a document (PDF)',
        params: DocumentParams,
        response: { ...problems },
      },
    },
    async (request, reply) => {
      const principal = principalOf(requireUser(request));
      const doc = await loadDocument(db(), principal, request.params.id, request.params.documentId);
      return (
        reply
          .header('content-type', 'application/pdf')
          // Always a download named `….pdf`, never shown inline, never sniffed, and sandboxed (no scripts, no
          // same-origin) should a browser render it anyway: a PDF's own JavaScript never runs in our origin.
          .header(
            'content-disposition',
            `attachment; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(cleanPdfFileName(doc.filename))}`,
          )
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "sandbox; default-src 'none'")
          .send(doc.content as never)
      );
    },
  );

  app.delete(
    '/:id/documents/:documentId',
    {
      config: { permission: 'application.edit' },
      schema: {
        tags: ['applications'],
        summary: 'Remove a document',
        params: DocumentParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const principal = principalOf(requireUser(request));
      const actor = requireActor(request);
      await removeDocument(db(), actor, principal, request.params.id, request.params.documentId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/:id/actions/:action',
    {
      config: { permission: 'application.view' },
      schema: {
        tags: ['applications'],
        summary:
          'Move the application: submit, resubmit, withdraw (applicant); start_review, request_changes (committee); open_vote (chair)',
        params: ActionParamsSchema,
        body: TransitionBodySchema,
        response: { 200: ApplicationSchema, ...problems },
      },
    },
    async (request) => {
      const principal = principalOf(requireUser(request));
      const actor = requireActor(request);
      const row = await transition(
        db(),
        { actor, principal },
        request.params.id,
        request.params.action,
        request.body?.comment || undefined,
      );
      return presentApplication(db(), row, principal);
    },
  );

  app.post(
    '/:id/comments',
    {
      config: { permission: 'application.view' },
      schema: {
        tags: ['applications'],
        summary: 'Comment: an internal committee note, or a message between the committee and the applicant',
        params: ApplicationIdParamsSchema,
        body: CommentBodySchema,
        response: { 200: ApplicationSchema, ...problems },
      },
    },
    async (request) => {
      const principal = principalOf(requireUser(request));
      const actor = requireActor(request);
      await addComment(db(), actor, principal, request.params.id, request.body.text, request.body.audience);
      return respond(request, request.params.id);
    },
  );

  // The vote routes (voting/voting.routes.ts), registered inside this plugin: same prefix, and the same
  // encapsulation context (content-type parsers) as when they were written here.
  await app.register(votingRoutes);
};

export const committeeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/applications',
    {
      config: { permission: 'application.review' },
      schema: {
        tags: ['applications'],
        summary: "The committee's queue with filters and the pipeline's counts per state",
        querystring: ApplicationQueueQuerySchema,
        response: { 200: ApplicationQueueResponseSchema, ...problems },
      },
    },
    async (request) => queue(app.db.db, request.query),
  );
};
