import {
  AgreeBodySchema,
  ConversationListQuerySchema,
  ConversationListResponseSchema,
  ConversationSchema,
  ConversationSettingsSchema,
  DeclineBodySchema,
  IdParamsSchema,
  InterestBodySchema,
  MessageCreateBodySchema,
  ModeratedConversationListResponseSchema,
  ModerationQuerySchema,
  PartnershipConsentBodySchema,
  PartnershipListResponseSchema,
  ProblemSchema,
  UnreadResponseSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { AppError } from '../../errors.ts';
import { principalOf, requireActor, requireUser } from '../../plugins/auth.ts';
import {
  changeConversationSettings,
  confirmAgreed,
  conversationSettingsOf,
  declineAgreed,
  expressInterest,
  getConversation,
  listConversations,
  moderationList,
  organizationPartnerships,
  postMessage,
  proposeAgreed,
  readConversation,
  setPartnershipConsent,
  unreadTotal,
  withdrawAgreed,
} from './conversations.service.ts';

/** Private conversations about board items and the partnerships agreed in them (issue 14 §2, decision 036). */

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeProblems = { ...problems, 409: ProblemSchema };

/** Registered with prefix /api/board: "Interested" on an item. */
export const interestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/items/:id/interest',
    {
      config: { permission: 'conversations.use' },
      schema: {
        tags: ['conversations'],
        summary:
          "Express interest in another member's item with a first message: opens the conversation (201), or answers the one that exists for the item and organisation (200)",
        params: IdParamsSchema,
        body: InterestBodySchema,
        response: { 200: ConversationSchema, 201: ConversationSchema, ...writeProblems },
      },
    },
    async (request, reply) => {
      const reader = principalOf(requireUser(request));
      const { conversation, created } = await expressInterest(
        app.db.db,
        requireActor(request),
        reader,
        request.params.id,
        request.body,
      );
      return reply.code(created ? 201 : 200).send(conversation);
    },
  );
};

/** Registered with prefix /api/conversations. */
export const conversationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'conversations.use' },
      schema: {
        tags: ['conversations'],
        summary: "My organisations' conversations, newest activity first, with my unread counts",
        querystring: ConversationListQuerySchema,
        response: { 200: ConversationListResponseSchema, ...problems },
      },
    },
    async (request) => listConversations(app.db.db, principalOf(requireUser(request)), request.query),
  );

  app.get(
    '/unread',
    {
      config: { permission: 'conversations.use' },
      schema: {
        tags: ['conversations'],
        summary: 'How many messages I have not read, over all my conversations (the header badge)',
        response: { 200: UnreadResponseSchema, ...problems },
      },
    },
    async (request) => ({ total: await unreadTotal(app.db.db, principalOf(requireUser(request))) }),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'conversations.use' },
      schema: {
        tags: ['conversations'],
        summary:
          'A conversation with its messages (representatives of its two organisations only; anyone else 404)',
        params: IdParamsSchema,
        response: { 200: ConversationSchema, ...problems },
      },
    },
    async (request) => getConversation(app.db.db, principalOf(requireUser(request)), request.params.id),
  );

  app.post(
    '/:id/messages',
    {
      config: { permission: 'conversations.use' },
      schema: {
        tags: ['conversations'],
        summary: 'Write a plain-text message (at most 5,000 characters)',
        params: IdParamsSchema,
        body: MessageCreateBodySchema,
        response: { 201: ConversationSchema, ...writeProblems },
      },
    },
    async (request, reply) => {
      const conversation = await postMessage(
        app.db.db,
        requireActor(request),
        principalOf(requireUser(request)),
        request.params.id,
        request.body.body,
      );
      return reply.code(201).send(conversation);
    },
  );

  app.post(
    '/:id/read',
    {
      config: { permission: 'conversations.use' },
      schema: {
        tags: ['conversations'],
        summary: 'Mark the conversation read up to now',
        params: IdParamsSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await readConversation(app.db.db, principalOf(requireUser(request)), request.params.id);
      return reply.code(204).send(null);
    },
  );

  // The four steps of "agreed" (decision 036): the same shape — the conversation's version in the body, the
  // conversation as it is now in the answer, 409 when the step no longer applies.
  const agreementStep = <Body extends z.ZodType>(
    path: string,
    summary: string,
    body: Body,
    step: (
      db: typeof app.db.db,
      actor: ReturnType<typeof requireActor>,
      reader: Parameters<typeof proposeAgreed>[2],
      id: string,
      body: z.infer<Body>,
    ) => Promise<z.infer<typeof ConversationSchema>>,
  ) =>
    app.post(
      path,
      {
        config: { permission: 'conversations.use' },
        schema: {
          tags: ['conversations'],
          summary,
          params: IdParamsSchema,
          body,
          response: { 200: ConversationSchema, ...writeProblems },
        },
      },
      async (request) =>
        step(
          app.db.db,
          requireActor(request),
          principalOf(requireUser(request)),
          request.params.id,
          request.body as z.infer<Body>,
        ),
    );
  agreementStep(
    '/:id/agree',
    'Propose "agreed: a partnership formed" (the other side confirms)',
    AgreeBodySchema,
    proposeAgreed,
  );
  agreementStep(
    '/:id/confirm',
    'Confirm the other side\'s "agreed": the partnership is recorded',
    AgreeBodySchema,
    confirmAgreed,
  );
  agreementStep(
    '/:id/withdraw',
    'Withdraw my side\'s proposal of "agreed": the conversation is open again',
    AgreeBodySchema,
    withdrawAgreed,
  );
  agreementStep(
    '/:id/decline',
    'Decline the other side\'s proposal of "agreed", with an optional short reason: the conversation is open again',
    DeclineBodySchema,
    declineAgreed,
  );
};

/** Registered with prefix /api/account. */
export const accountConversationRoutes: FastifyPluginAsyncZod = async (app) => {
  const orgNotFound = () => new AppError('organization.not_found', 404);

  app.get(
    '/conversation-settings',
    {
      config: { permission: 'account.manage' },
      schema: {
        tags: ['conversations'],
        summary: 'My conversation settings (new-message emails on or off)',
        response: { 200: ConversationSettingsSchema, ...problems },
      },
    },
    async (request) => conversationSettingsOf(app.db.db, requireActor(request).userId),
  );

  app.put(
    '/conversation-settings',
    {
      config: { permission: 'account.manage' },
      schema: {
        tags: ['conversations'],
        summary: 'Turn new-message emails on or off',
        body: ConversationSettingsSchema,
        response: { 200: ConversationSettingsSchema, ...problems },
      },
    },
    async (request) =>
      changeConversationSettings(app.db.db, requireActor(request), request.body.emailsEnabled),
  );

  app.get(
    '/organizations/:id/partnerships',
    {
      config: { permission: 'conversations.use' },
      schema: {
        tags: ['conversations'],
        summary:
          "My organisation's partnerships agreed in conversations, with both sides' consent to show them",
        params: IdParamsSchema,
        response: { 200: PartnershipListResponseSchema, ...problems },
      },
    },
    async (request) => {
      request.authorize('conversations.use', { type: 'organization', id: request.params.id }, orgNotFound());
      return organizationPartnerships(app.db.db, request.params.id);
    },
  );

  app.put(
    '/partnerships/:id/consent',
    {
      config: { permission: 'conversations.use' },
      schema: {
        tags: ['conversations'],
        summary:
          "My organisation's consent to show the partnership on both public profiles (shown when both sides consent)",
        params: IdParamsSchema,
        body: PartnershipConsentBodySchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await setPartnershipConsent(
        app.db.db,
        requireActor(request),
        principalOf(requireUser(request)),
        request.params.id,
        request.body.shown,
      );
      return reply.code(204).send(null);
    },
  );
};

/** Registered with prefix /api/admin. */
export const moderationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/conversations',
    {
      config: { permission: 'conversations.moderate' },
      schema: {
        tags: ['conversations'],
        summary:
          'Moderation on a complaint: which conversations exist, between whom, about which item, when and how many messages — never their text; filter by organisation, status or words of the names and the item title',
        querystring: ModerationQuerySchema,
        response: { 200: ModeratedConversationListResponseSchema, ...problems },
      },
    },
    async (request) => moderationList(app.db.db, request.query),
  );
};
