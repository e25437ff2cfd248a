import { createHash } from 'node:crypto';
import { sql } from '@portal/db';
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
  isEditableByApplicant,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENTS,
  MyApplicationsResponseSchema,
  ProblemSchema,
  RecuseBodySchema,
  SECTION_SCHEMAS,
  type SectionSave,
  TransitionBodySchema,
  VoteBodySchema,
} from '@portal/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PDFDocument } from 'pdf-lib';
import * as z from 'zod';
import { recordAudit } from '../../audit.ts';
import { execute } from '../../db.ts';
import { AppError, fieldError } from '../../errors.ts';
import { principalOf } from '../../plugins/auth.ts';
import { actorOf } from '../auth/auth.routes.ts';
import {
  addComment,
  assertApplicant,
  assertCanView,
  createApplication,
  deleteDraft,
  loadRow,
  myApplications,
  notFound,
  presentApplication,
  queue,
  saveSection,
  transition,
} from './applications.service.ts';
import { notifier } from './notifications.ts';
import { castVote, closeVote, recuse } from './votes.service.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

function signedIn(request: FastifyRequest) {
  const user = request.user;
  if (!user) throw new AppError('auth.required', 401);
  return { principal: principalOf(user)!, actor: { ...actorOf(request), userId: user.id } };
}

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
  const notify = notifier(app.config.publicUrl);

  // PDFs arrive as the raw request body (fetch with Content-Type: application/pdf): not a form, so no
  // cross-site form can post one, and a cross-site fetch needs a CORS preflight we never grant.
  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES },
    (_req, body, done) => done(null, body),
  );

  const respond = async (request: FastifyRequest, id: string) => {
    const { principal } = signedIn(request);
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
      const { actor } = signedIn(request);
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
      const { principal, actor } = signedIn(request);
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
    async (request) => ({ items: await myApplications(db(), signedIn(request).actor.userId) }),
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
      const { principal } = signedIn(request);
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
        const { principal, actor } = signedIn(request);
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
      const { principal, actor } = signedIn(request);
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new AppError('media_type.unsupported', 415);
      if (!(await isPdf(body))) throw fieldError('body', 'document.not_pdf');
      const filename = cleanPdfFileName(request.query.filename);
      const info = await db().transaction(async (tx) => {
        const row = await loadRow(tx, request.params.id, true);
        assertApplicant(principal, row);
        if (!isEditableByApplicant(row.state))
          throw new AppError('application.transition_invalid', 409, { values: { state: row.state } });
        const [count] = await execute<{ n: number }>(
          tx,
          sql`select count(*)::int as n from application_documents where application_id = ${row.id}`,
        );
        if (Number(count?.n ?? 0) >= MAX_DOCUMENTS)
          throw new AppError('application.documents_full', 409, { values: { max: MAX_DOCUMENTS } });
        const [doc] = await execute<{ id: string; uploaded_at: string }>(
          tx,
          sql`insert into application_documents (application_id, kind, filename, size, sha256, content, uploaded_by)
              values (${row.id}, ${request.query.kind}, ${filename}, ${body.length},
                ${createHash('sha256').update(body).digest('hex')}, ${body}, ${actor.userId})
              returning id, to_char(uploaded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as uploaded_at`,
        );
        await execute(
          tx,
          sql`update applications set updated_at = now(), version = version + 1 where id = ${row.id}`,
        );
        await recordAudit(tx, actor, {
          action: 'application.document_added',
          entityType: 'application',
          entityId: row.id,
          after: { documentId: doc!.id, kind: request.query.kind, filename, size: body.length },
        });
        return {
          id: doc!.id,
          kind: request.query.kind,
          filename,
          size: body.length,
          uploadedAt: doc!.uploaded_at,
        };
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
      const { principal } = signedIn(request);
      const row = await loadRow(db(), request.params.id);
      assertCanView(principal, row);
      const [doc] = await execute<{ filename: string; content: Buffer | Uint8Array }>(
        db(),
        sql`select filename, content from application_documents where id = ${request.params.documentId} and application_id = ${row.id}`,
      );
      if (!doc) throw notFound();
      const content = Buffer.isBuffer(doc.content) ? doc.content : Buffer.from(doc.content);
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
          .send(content as never)
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
      const { principal, actor } = signedIn(request);
      await db().transaction(async (tx) => {
        const row = await loadRow(tx, request.params.id, true);
        assertApplicant(principal, row);
        if (!isEditableByApplicant(row.state))
          throw new AppError('application.transition_invalid', 409, { values: { state: row.state } });
        const gone = await execute(
          tx,
          sql`delete from application_documents where id = ${request.params.documentId} and application_id = ${row.id} returning id`,
        );
        if (gone.length === 0) throw notFound();
        await recordAudit(tx, actor, {
          action: 'application.document_removed',
          entityType: 'application',
          entityId: row.id,
          before: { documentId: request.params.documentId },
        });
      });
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
      const { principal, actor } = signedIn(request);
      const row = await transition(
        db(),
        { actor, principal, notify: notify.onTransition },
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
      const { principal, actor } = signedIn(request);
      await addComment(
        db(),
        actor,
        principal,
        request.params.id,
        request.body.text,
        request.body.audience,
        notify.onMessage,
      );
      return respond(request, request.params.id);
    },
  );

  const voteRoute = <B extends z.ZodType>(
    url: string,
    permission: 'application.vote' | 'application.chair',
    summary: string,
    body: B | undefined,
    run: (
      tx: Parameters<typeof castVote>[0],
      request: FastifyRequest,
      row: Awaited<ReturnType<typeof loadRow>>,
    ) => Promise<void>,
  ) =>
    app.route({
      method: url.endsWith('/vote') ? 'PUT' : 'POST',
      url,
      config: { permission },
      schema: {
        tags: ['votes'],
        summary,
        params: ApplicationIdParamsSchema,
        ...(body ? { body } : {}),
        response: { 200: ApplicationSchema, ...problems },
      },
      handler: async (request) => {
        const { id } = request.params as { id: string };
        await db().transaction(async (tx) => {
          // The application's row lock serialises every vote, recusal and close of one application.
          const row = await loadRow(tx, id, true);
          assertCanView(principalOf(request.user), row);
          await run(tx, request, row);
        });
        return respond(request, id);
      },
    });

  voteRoute(
    '/:id/vote',
    'application.vote',
    'Vote for, against or abstain (changeable until the vote closes)',
    VoteBodySchema,
    (tx, request, row) =>
      castVote(
        tx,
        signedIn(request).actor,
        row,
        (request.body as z.infer<typeof VoteBodySchema>).choice,
        notify.onDecision,
      ),
  );
  voteRoute(
    '/:id/vote/recuse',
    'application.vote',
    'Declare a conflict of interest: no vote, not counted for quorum',
    RecuseBodySchema,
    (tx, request, row) =>
      recuse(
        tx,
        signedIn(request).actor,
        row,
        (request.body as z.infer<typeof RecuseBodySchema>).reason,
        notify.onDecision,
      ),
  );
  voteRoute(
    '/:id/vote/close',
    'application.chair',
    'Close the vote (chair); the server computes the outcome',
    // No body: nothing a client sends can set the outcome.
    z.strictObject({}).nullish(),
    (tx, request, row) => closeVote(tx, signedIn(request).actor, row, notify.onDecision),
  );
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
