import {
  CSV_BOM,
  cleanPdfFileName,
  etagOf,
  IdParamsSchema,
  PROJECT_DOCUMENT_MAX_BYTES,
  PROJECT_JOIN_STATUSES,
  ProblemSchema,
  ProjectBudgetBodySchema,
  ProjectCreateBodySchema,
  ProjectDocumentParamsSchema,
  ProjectExternalPartnerBodySchema,
  ProjectInvitationBodySchema,
  ProjectJoinAnswerBodySchema,
  ProjectJoinParamsSchema,
  ProjectJoinRequestBodySchema,
  ProjectListQuerySchema,
  ProjectListResponseSchema,
  ProjectPartnerParamsSchema,
  ProjectPartnerRoleBodySchema,
  ProjectSchema,
  ProjectTaskBodySchema,
  ProjectTaskParamsSchema,
  ProjectUpdateBodySchema,
  ProjectUploadQuerySchema,
} from '@portal/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { AppError, fieldError } from '../../errors.ts';
import { expectedVersion, IfMatchHeadersSchema } from '../../if-match.ts';
import { principalOf, requireActor, requireUser } from '../../plugins/auth.ts';
import { requestLanguage } from '../../plugins/error-handling.ts';
import { isPdf } from '../applications/applications.routes.ts';
import { getClusterTexts } from '../site-content/site-content.service.ts';
import { projectSummaryPdf } from './projects.pdf.ts';
import {
  addDocument,
  addExternalPartner,
  answerJoin,
  consortiumCsv,
  consortiumXlsx,
  createProject,
  createTask,
  invitePartner,
  listProjects,
  loadDocument,
  loadProject,
  myInvitations,
  removeDocument,
  removePartner,
  removeTask,
  requestToJoin,
  saveBudget,
  setPartnerRole,
  updateProject,
  updateTask,
} from './projects.service.ts';

/** Joint projects and consortia (issue 16 §4, decision 050), registered with prefix /api/projects. */

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const withConflict = { ...problems, 409: ProblemSchema };
const one = { 200: ProjectSchema, ...withConflict };

/** A file name fit for a header: letters, digits, dot, dash, underscore. */
const safeName = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'project';

export const projectsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;
  const who = (request: FastifyRequest) => principalOf(requireUser(request));

  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: PROJECT_DOCUMENT_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/',
    {
      config: { permission: 'projects.view' },
      schema: {
        tags: ['projects'],
        summary:
          "Joint projects: scope=mine my organisations' projects; forming: forming projects to ask to join (title, call, lead only); all: every project (the committee)",
        querystring: ProjectListQuerySchema,
        response: { 200: ProjectListResponseSchema, ...problems },
      },
    },
    async (request) => listProjects(db(), who(request), request.query.scope),
  );

  app.post(
    '/',
    {
      config: { permission: 'projects.work' },
      schema: {
        tags: ['projects'],
        summary: 'Start a project idea led by an organisation I represent (an active member now)',
        body: ProjectCreateBodySchema,
        response: { 201: ProjectSchema, ...problems },
      },
    },
    async (request, reply) => {
      const project = await createProject(db(), requireActor(request), who(request), request.body);
      return reply.code(201).header('etag', etagOf(project.version)).send(project);
    },
  );

  app.get(
    '/invitations',
    {
      config: { permission: 'projects.work' },
      schema: {
        tags: ['projects'],
        summary: 'Pending invitations to my organisations to join a project (to accept or decline)',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                projectId: z.uuid(),
                titleBg: z.string(),
                titleEn: z.string(),
                organizationId: z.uuid(),
                message: z.string(),
                createdAt: z.string(),
              }),
            ),
          }),
          ...problems,
        },
      },
    },
    async (request) => myInvitations(db(), who(request)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'projects.view' },
      schema: {
        tags: ['projects'],
        summary:
          "A project with its partners, budget, checklist, tasks and requests (its partners' representatives; the committee read-only); ETag = version",
        params: IdParamsSchema,
        response: one,
      },
    },
    async (request, reply) => {
      const project = await loadProject(db(), who(request), request.params.id);
      reply.header('etag', etagOf(project.version));
      return project;
    },
  );

  app.put(
    '/:id',
    {
      config: { permission: 'projects.work' },
      schema: {
        tags: ['projects'],
        summary: 'Change the idea and move its status (the lead; with the version read: 409 when stale)',
        params: IdParamsSchema,
        body: ProjectUpdateBodySchema,
        response: one,
      },
    },
    async (request, reply) => {
      const project = await updateProject(
        db(),
        requireActor(request),
        who(request),
        request.params.id,
        request.body,
      );
      reply.header('etag', etagOf(project.version));
      return project;
    },
  );

  app.put(
    '/:id/budget',
    {
      config: { permission: 'projects.work' },
      schema: {
        tags: ['projects'],
        summary:
          'Replace the budget: the total and every partner’s share, in euro cents; shares ≥ 0 summing to the total exactly (any partner; If-Match required: 428 without, 412 when stale)',
        params: IdParamsSchema,
        headers: IfMatchHeadersSchema,
        body: ProjectBudgetBodySchema,
        response: { ...one, 412: ProblemSchema, 428: ProblemSchema },
      },
    },
    async (request, reply) => {
      const expected = expectedVersion(request);
      const project = await saveBudget(
        db(),
        requireActor(request),
        who(request),
        request.params.id,
        expected,
        request.body,
      );
      reply.header('etag', etagOf(project.version));
      return project;
    },
  );

  app.post(
    '/:id/partners',
    {
      config: { permission: 'projects.work' },
      schema: {
        tags: ['projects'],
        summary: 'Add a named external partner (name, country, kind, role; the lead)',
        params: IdParamsSchema,
        body: ProjectExternalPartnerBodySchema,
        response: { 201: ProjectSchema, ...withConflict },
      },
    },
    async (request, reply) => {
      const project = await addExternalPartner(
        db(),
        requireActor(request),
        who(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(project);
    },
  );

  app.put(
    '/:id/partners/:partnerId',
    {
      config: { permission: 'projects.work' },
      schema: {
        tags: ['projects'],
        summary: "Change a partner's role (the lead)",
        params: ProjectPartnerParamsSchema,
        body: ProjectPartnerRoleBodySchema,
        response: one,
      },
    },
    async (request) =>
      setPartnerRole(
        db(),
        requireActor(request),
        who(request),
        request.params.id,
        request.params.partnerId,
        request.body.role,
      ),
  );

  app.delete(
    '/:id/partners/:partnerId',
    {
      config: { permission: 'projects.work' },
      schema: {
        tags: ['projects'],
        summary: 'Remove a partner (the lead; never the lead itself): its share leaves the total with it',
        params: ProjectPartnerParamsSchema,
        response: one,
      },
    },
    async (request) =>
      removePartner(db(), requireActor(request), who(request), request.params.id, request.params.partnerId),
  );

  app.post(
    '/:id/invitations',
    {
      config: { permission: 'projects.work' },
      schema: {
        tags: ['projects'],
        summary: 'Invite a member organisation to join as a partner (the lead); its representative answers',
        params: IdParamsSchema,
        body: ProjectInvitationBodySchema,
        response: { 201: ProjectSchema, ...withConflict },
      },
    },
    async (request, reply) => {
      const project = await invitePartner(
        db(),
        requireActor(request),
        who(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(project);
    },
  );

  app.post(
    '/:id/join-requests',
    {
      config: { permission: 'projects.work' },
      schema: {
        tags: ['projects'],
        summary: 'Ask, for an organisation I represent (an active member now), to join a forming project',
        params: IdParamsSchema,
        body: ProjectJoinRequestBodySchema,
        response: {
          201: z.object({ id: z.uuid(), status: z.literal('pending') }),
          ...withConflict,
        },
      },
    },
    async (request, reply) => {
      const made = await requestToJoin(
        db(),
        requireActor(request),
        who(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(made);
    },
  );

  app.post(
    '/:id/joins/:joinId/answer',
    {
      config: { permission: 'projects.work' },
      schema: {
        tags: ['projects'],
        summary:
          "Accept or decline a request to join (the lead) or an invitation (the invited organisation's representative)",
        params: ProjectJoinParamsSchema,
        body: ProjectJoinAnswerBodySchema,
        response: {
          200: z.object({ id: z.uuid(), status: z.enum(PROJECT_JOIN_STATUSES) }),
          ...withConflict,
        },
      },
    },
    async (request) =>
      answerJoin(
        db(),
        requireActor(request),
        who(request),
        request.params.id,
        request.params.joinId,
        request.body.accept,
      ),
  );

  app.post(
    '/:id/tasks',
    {
      config: { permission: 'projects.work' },
      schema: {
        tags: ['projects'],
        summary: 'Add a task with an owner partner and a due date (any partner)',
        params: IdParamsSchema,
        body: ProjectTaskBodySchema,
        response: { 201: ProjectSchema, ...withConflict },
      },
    },
    async (request, reply) => {
      const project = await createTask(
        db(),
        requireActor(request),
        who(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(project);
    },
  );

  app.put(
    '/:id/tasks/:taskId',
    {
      config: { permission: 'projects.work' },
      schema: {
        tags: ['projects'],
        summary: 'Change a task or mark it done (any partner; with the version read: 409 when stale)',
        params: ProjectTaskParamsSchema,
        body: ProjectTaskBodySchema.extend({ version: z.number().int().min(1) }),
        response: one,
      },
    },
    async (request) =>
      updateTask(
        db(),
        requireActor(request),
        who(request),
        request.params.id,
        request.params.taskId,
        request.body,
      ),
  );

  app.delete(
    '/:id/tasks/:taskId',
    {
      config: { permission: 'projects.work' },
      schema: {
        tags: ['projects'],
        summary: 'Remove a task (any partner)',
        params: ProjectTaskParamsSchema,
        response: one,
      },
    },
    async (request) =>
      removeTask(db(), requireActor(request), who(request), request.params.id, request.params.taskId),
  );

  app.post(
    '/:id/documents',
    {
      config: { permission: 'projects.work' },
      bodyLimit: PROJECT_DOCUMENT_MAX_BYTES,
      schema: {
        tags: ['projects'],
        summary:
          "Upload a PDF for an item of the call's checklist (raw body, Content-Type: application/pdf; at most 10 MB), per partner where the item is (a partner for its own line, the lead for any)",
        params: IdParamsSchema,
        querystring: ProjectUploadQuerySchema,
        response: { 201: ProjectSchema, ...withConflict, 413: ProblemSchema, 415: ProblemSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new AppError('media_type.unsupported', 415);
      if (!(await isPdf(body))) throw fieldError('body', 'document.not_pdf');
      const project = await addDocument(db(), requireActor(request), who(request), request.params.id, {
        callDocumentId: request.query.callDocumentId,
        partnerId: request.query.partnerId ?? null,
        filename: cleanPdfFileName(request.query.filename),
        content: body,
      });
      return reply.code(201).send(project);
    },
  );

  app.get(
    '/:id/documents/:documentId',
    {
      config: { permission: 'projects.view' },
      schema: {
        tags: ['projects'],
        summary: "Download a project's checklist document (PDF; its partners and the committee)",
        params: ProjectDocumentParamsSchema,
        response: { ...problems },
      },
    },
    async (request, reply) => {
      const { id, documentId } = request.params;
      const doc = await loadDocument(db(), who(request), id, documentId);
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(cleanPdfFileName(doc.filename))}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .send(doc.content as never);
    },
  );

  app.delete(
    '/:id/documents/:documentId',
    {
      config: { permission: 'projects.work' },
      schema: {
        tags: ['projects'],
        summary: "Remove a checklist document (a partner its own line's, the lead any)",
        params: ProjectDocumentParamsSchema,
        response: one,
      },
    },
    async (request) =>
      removeDocument(db(), requireActor(request), who(request), request.params.id, request.params.documentId),
  );

  app.get(
    '/:id/consortium.csv',
    {
      config: { permission: 'projects.view' },
      schema: {
        tags: ['projects'],
        summary: 'The consortium sheet as CSV: partners, countries, kinds, roles and budget shares',
        params: IdParamsSchema,
        response: { ...problems },
      },
    },
    async (request, reply) => {
      const project = await loadProject(db(), who(request), request.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="consortium-${safeName(project.titleEn)}.csv"`)
        .header('x-content-type-options', 'nosniff')
        .send((CSV_BOM + consortiumCsv(project)) as never);
    },
  );
  /** `?lang=` chooses the headers' language; without it, the request's Accept-Language. */
  const LangQuerySchema = z.object({ lang: z.enum(['bg', 'en']).optional() });

  app.get(
    '/:id/consortium.xlsx',
    {
      config: { permission: 'projects.view' },
      schema: {
        tags: ['projects'],
        summary:
          "The consortium sheet as XLSX: the CSV's columns, headers in the reader's language, amounts as numbers",
        params: IdParamsSchema,
        querystring: LangQuerySchema,
        response: { ...problems },
      },
    },
    async (request, reply) => {
      const project = await loadProject(db(), who(request), request.params.id);
      const lang = request.query.lang ?? requestLanguage(request);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="consortium-${safeName(project.titleEn)}.xlsx"`)
        .header('x-content-type-options', 'nosniff')
        .send(consortiumXlsx(project, lang) as never);
    },
  );
  app.get(
    '/:id/summary.pdf',
    {
      config: { permission: 'projects.view' },
      schema: {
        tags: ['projects'],
        summary:
          'A one-page summary as PDF: call, status, lead, partners with roles and shares, checklist, open tasks',
        params: IdParamsSchema,
        querystring: LangQuerySchema,
        response: { 200: z.any().describe('application/pdf'), ...problems },
      },
    },
    async (request, reply) => {
      const lang = request.query.lang ?? requestLanguage(request);
      const [project, texts] = await Promise.all([
        loadProject(db(), who(request), request.params.id),
        getClusterTexts(db()),
      ]);
      const pdf = await projectSummaryPdf(lang === 'en' ? texts.nameEn : texts.nameBg, project, lang);
      const title = lang === 'en' ? project.titleEn || project.titleBg : project.titleBg || project.titleEn;
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `inline; filename="project-summary.pdf"; filename*=UTF-8''${encodeURIComponent(cleanPdfFileName(title))}`,
        )
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(pdf);
    },
  );
};
