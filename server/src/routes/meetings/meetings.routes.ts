import {
  AgendaItemBodySchema,
  AgendaItemParamsSchema,
  AgendaItemUpdateBodySchema,
  AgendaOrderBodySchema,
  cleanPdfFileName,
  MAX_DOCUMENT_BYTES,
  MeetingCancelBodySchema,
  MeetingCreateBodySchema,
  MeetingDocumentParamsSchema,
  MeetingDocumentSchema,
  MeetingListQuerySchema,
  MeetingListResponseSchema,
  MeetingParamsSchema,
  MeetingSchema,
  MeetingUpdateBodySchema,
  ProblemSchema,
  RsvpBodySchema,
} from '@portal/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { AppError, fieldError } from '../../errors.ts';
import { principalOf, requireActor, requireUser } from '../../plugins/auth.ts';
import { isPdf } from '../applications/applications.routes.ts';
import {
  addAgendaItem,
  addMeetingDocument,
  answerRsvp,
  cancelMeeting,
  createMeeting,
  getMeeting,
  listMeetings,
  loadMeetingDocument,
  removeAgendaItem,
  removeMeetingDocument,
  reorderAgenda,
  sendInvitations,
  updateAgendaItem,
  updateMeeting,
} from './meetings.service.ts';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

/**
 * Meetings of the governing bodies (issue 15 §2, decision 041), under /api/meetings. Reading is for the
 * members, the committee and administrators, and for each seat's own person; planning for the body's
 * officers today and administrators (checked per meeting by the service, access.ts).
 */
export const meetingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;
  const who = (request: FastifyRequest) => principalOf(requireUser(request));
  const one = { 200: MeetingSchema, ...problems };

  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/',
    {
      config: { permission: 'meetings.attend' },
      schema: {
        tags: ['meetings'],
        summary: 'Upcoming or past meetings the caller may see (members, committee, administrators; seats)',
        querystring: MeetingListQuerySchema,
        response: { 200: MeetingListResponseSchema, ...problems },
      },
    },
    async (request) => listMeetings(db(), who(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'meetings.manage' },
      schema: {
        tags: ['meetings'],
        summary:
          "Plan a meeting of a body (its officers today, administrators); the body's rules are copied in",
        body: MeetingCreateBodySchema,
        response: { ...one, 201: MeetingSchema },
      },
    },
    async (request, reply) => {
      const id = await createMeeting(db(), requireActor(request), who(request), request.body);
      reply.code(201);
      return getMeeting(db(), who(request), id);
    },
  );

  app.get(
    '/:id',
    {
      config: { permission: 'meetings.attend' },
      schema: {
        tags: ['meetings'],
        summary: 'A meeting with its agenda, documents and seats',
        params: MeetingParamsSchema,
        response: one,
      },
    },
    async (request) => getMeeting(db(), who(request), request.params.id),
  );

  app.put(
    '/:id',
    {
      config: { permission: 'meetings.manage' },
      schema: {
        tags: ['meetings'],
        summary:
          'Change a meeting (with the version read); a new time or place is sent to the invited as an update',
        params: MeetingParamsSchema,
        body: MeetingUpdateBodySchema,
        response: one,
      },
    },
    async (request) => {
      await updateMeeting(db(), requireActor(request), who(request), request.params.id, request.body);
      return getMeeting(db(), who(request), request.params.id);
    },
  );

  app.post(
    '/:id/cancel',
    {
      config: { permission: 'meetings.manage' },
      schema: {
        tags: ['meetings'],
        summary: 'Cancel a planned or invited meeting with a reason (the invited get the cancellation)',
        params: MeetingParamsSchema,
        body: MeetingCancelBodySchema,
        response: one,
      },
    },
    async (request) => {
      await cancelMeeting(db(), requireActor(request), who(request), request.params.id, request.body);
      return getMeeting(db(), who(request), request.params.id);
    },
  );

  app.post(
    '/:id/invitations',
    {
      config: { permission: 'meetings.manage' },
      schema: {
        tags: ['meetings'],
        summary:
          "Send the invitations to the body's members on the meeting's day (again: only the new seats)",
        params: MeetingParamsSchema,
        response: one,
      },
    },
    async (request) => {
      await sendInvitations(db(), requireActor(request), who(request), request.params.id);
      return getMeeting(db(), who(request), request.params.id);
    },
  );

  app.post(
    '/:id/rsvp',
    {
      config: { permission: 'meetings.attend' },
      schema: {
        tags: ['meetings'],
        summary: "Answer an invitation for one's seat: yes, no, or a proxy to another seat",
        params: MeetingParamsSchema,
        body: RsvpBodySchema,
        response: one,
      },
    },
    async (request) => {
      await answerRsvp(db(), requireActor(request), who(request), request.params.id, request.body);
      return getMeeting(db(), who(request), request.params.id);
    },
  );

  app.post(
    '/:id/agenda',
    {
      config: { permission: 'meetings.manage' },
      schema: {
        tags: ['meetings'],
        summary: 'Add an agenda item (text, or linked to an application, a membership action, a board item)',
        params: MeetingParamsSchema,
        body: AgendaItemBodySchema,
        response: { ...one, 201: MeetingSchema },
      },
    },
    async (request, reply) => {
      await addAgendaItem(db(), requireActor(request), who(request), request.params.id, request.body);
      reply.code(201);
      return getMeeting(db(), who(request), request.params.id);
    },
  );

  app.put(
    '/:id/agenda',
    {
      config: { permission: 'meetings.manage' },
      schema: {
        tags: ['meetings'],
        summary: 'Reorder the agenda (every item once)',
        params: MeetingParamsSchema,
        body: AgendaOrderBodySchema,
        response: one,
      },
    },
    async (request) => {
      await reorderAgenda(db(), requireActor(request), who(request), request.params.id, request.body.itemIds);
      return getMeeting(db(), who(request), request.params.id);
    },
  );

  app.put(
    '/:id/agenda/:itemId',
    {
      config: { permission: 'meetings.manage' },
      schema: {
        tags: ['meetings'],
        summary: 'Edit an agenda item (with the version read)',
        params: AgendaItemParamsSchema,
        body: AgendaItemUpdateBodySchema,
        response: one,
      },
    },
    async (request) => {
      const { id, itemId } = request.params;
      await updateAgendaItem(db(), requireActor(request), who(request), id, itemId, request.body);
      return getMeeting(db(), who(request), id);
    },
  );

  app.delete(
    '/:id/agenda/:itemId',
    {
      config: { permission: 'meetings.manage' },
      schema: {
        tags: ['meetings'],
        summary: 'Remove an agenda item',
        params: AgendaItemParamsSchema,
        response: one,
      },
    },
    async (request) => {
      const { id, itemId } = request.params;
      await removeAgendaItem(db(), requireActor(request), who(request), id, itemId);
      return getMeeting(db(), who(request), id);
    },
  );

  app.post(
    '/:id/documents',
    {
      config: { permission: 'meetings.manage' },
      bodyLimit: MAX_DOCUMENT_BYTES,
      schema: {
        tags: ['meetings'],
        summary:
          'Upload a PDF (raw body, Content-Type: application/pdf; at most 10 MB), optionally for an agenda item',
        params: MeetingParamsSchema,
        querystring: z.object({
          filename: z.string().trim().min(1).max(200),
          agendaItemId: z.uuid().optional(),
        }),
        response: { 201: MeetingDocumentSchema, ...problems, 413: ProblemSchema, 415: ProblemSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new AppError('media_type.unsupported', 415);
      if (!(await isPdf(body))) throw fieldError('body', 'document.not_pdf');
      const info = await addMeetingDocument(db(), requireActor(request), who(request), request.params.id, {
        agendaItemId: request.query.agendaItemId ?? null,
        filename: cleanPdfFileName(request.query.filename),
        content: body,
      });
      return reply.code(201).send(info);
    },
  );

  app.get(
    '/:id/documents/:documentId',
    {
      config: { permission: 'meetings.attend' },
      schema: {
        tags: ['meetings'],
        summary: 'Download a meeting document (PDF)',
        params: MeetingDocumentParamsSchema,
        response: { ...problems },
      },
    },
    async (request, reply) => {
      const { id, documentId } = request.params;
      const doc = await loadMeetingDocument(db(), who(request), id, documentId);
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
      config: { permission: 'meetings.manage' },
      schema: {
        tags: ['meetings'],
        summary: 'Remove a meeting document',
        params: MeetingDocumentParamsSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const { id, documentId } = request.params;
      await removeMeetingDocument(db(), requireActor(request), who(request), id, documentId);
      return reply.code(204).send(null);
    },
  );
};
