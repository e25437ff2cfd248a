import {
  IdParamsSchema,
  LogoQuerySchema,
  NEWS_REQUEST_LIMIT,
  NewsEditorListQuerySchema,
  NewsFeedParamsSchema,
  NewsListQuerySchema,
  NewsListResponseSchema,
  NewsPostCreateBodySchema,
  NewsPostListResponseSchema,
  NewsPostSchema,
  NewsPostUpdateBodySchema,
  NewsProposalCreateBodySchema,
  NewsProposalUpdateBodySchema,
  NewsPublicPostSchema,
  NewsPublishBodySchema,
  NewsReturnBodySchema,
  NewsSlugParamsSchema,
  NewsVersionBodySchema,
  ProblemSchema,
} from '@portal/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { AppError } from '../../errors.ts';
import { principalOf, requireActor, requireUser } from '../../plugins/auth.ts';
import { sendLogo } from '../profiles/logo.service.ts';
import { getClusterTexts } from '../site-content/site-content.service.ts';
import { renderFeed } from './news.feed.ts';
import {
  archivePost,
  createPost,
  createProposal,
  feedPosts,
  getPost,
  getPublicPost,
  listEditorNews,
  listOwnProposals,
  listPublicNews,
  loadCover,
  publishPost,
  returnProposal,
  submitProposal,
  updatePost,
  updateProposal,
} from './news.service.ts';

/** News (issue 15 §4, decision 040). */

const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const writeProblems = { ...problems, 404: ProblemSchema, 409: ProblemSchema };

/** Registered with prefix /api/news: what everyone reads. */
export const newsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['news'],
        summary: 'Published news, newest first, paged (by category or ISIS area)',
        querystring: NewsListQuerySchema,
        response: { 200: NewsListResponseSchema, 400: ProblemSchema },
      },
    },
    async (request) => listPublicNews(app.db.db, request.query),
  );

  app.get(
    '/posts/:slug',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['news'],
        summary: 'One published post by its address (404 until it is public)',
        params: NewsSlugParamsSchema,
        response: { 200: NewsPublicPostSchema, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => getPublicPost(app.db.db, request.params.slug),
  );

  app.get(
    '/covers/:id',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['news'],
        summary: "A public post's cover (image/webp; cacheable for a year at its version ?v=)",
        params: IdParamsSchema,
        querystring: LogoQuerySchema,
        response: { 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const cover = await loadCover(app.db.db, request.params.id, request.query.size, true);
      if (!cover) throw new AppError('news.not_found', 404);
      return sendLogo(request, reply, cover, request.query.size, request.query.v, 'public');
    },
  );

  app.get(
    '/feed/:lang',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['news'],
        summary: 'The RSS 2.0 feed of the news in one language (bg or en)',
        params: NewsFeedParamsSchema,
        response: { 200: z.string().describe('application/rss+xml'), 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { lang } = request.params;
      const [posts, texts] = await Promise.all([feedPosts(app.db.db, lang), getClusterTexts(app.db.db)]);
      const body = renderFeed(posts, lang, {
        publicUrl: app.config.publicUrl,
        clusterName: lang === 'en' ? texts.nameEn : texts.nameBg,
      });
      return reply
        .header('content-type', 'application/rss+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(body);
    },
  );
};

/** Registered with prefix /api/committee/news: the editors' side (committee, administrators). */
export const newsEditorRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;
  const manage = { config: { permission: 'news.manage' as const } };

  app.get(
    '/',
    {
      ...manage,
      schema: {
        tags: ['news'],
        summary: 'Every post in any status (drafts, submitted member news, scheduled, published, archived)',
        querystring: NewsEditorListQuerySchema,
        response: { 200: NewsPostListResponseSchema, ...problems },
      },
    },
    async (request) => listEditorNews(db(), request.query),
  );

  app.post(
    '/',
    {
      ...manage,
      bodyLimit: NEWS_REQUEST_LIMIT,
      schema: {
        tags: ['news'],
        summary: 'Write a post (a draft; Markdown bodies without HTML, links http/https/mailto only)',
        body: NewsPostCreateBodySchema,
        response: { 201: NewsPostSchema, ...writeProblems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createPost(db(), requireActor(request), request.body)),
  );

  app.get(
    '/:id',
    {
      ...manage,
      schema: {
        tags: ['news'],
        summary: 'One post in any status',
        params: IdParamsSchema,
        response: { 200: NewsPostSchema, 404: ProblemSchema, ...problems },
      },
    },
    async (request) => getPost(db(), request.params.id),
  );

  app.put(
    '/:id',
    {
      ...manage,
      bodyLimit: NEWS_REQUEST_LIMIT,
      schema: {
        tags: ['news'],
        summary: 'Change a post (not an archived one) naming the version read; a stale version is 409',
        params: IdParamsSchema,
        body: NewsPostUpdateBodySchema,
        response: { 200: NewsPostSchema, ...writeProblems },
      },
    },
    async (request) => updatePost(db(), requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/:id/publish',
    {
      ...manage,
      schema: {
        tags: ['news'],
        summary:
          'Publish now, or schedule for publishAt (public from then); approves a submitted member news (its proposer is emailed)',
        params: IdParamsSchema,
        body: NewsPublishBodySchema,
        response: { 200: NewsPostSchema, ...writeProblems },
      },
    },
    async (request) => publishPost(db(), requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/:id/archive',
    {
      ...manage,
      schema: {
        tags: ['news'],
        summary: 'Archive a published post (it leaves the public site; publishing again brings it back)',
        params: IdParamsSchema,
        body: NewsVersionBodySchema,
        response: { 200: NewsPostSchema, ...writeProblems },
      },
    },
    async (request) => archivePost(db(), requireActor(request), request.params.id, request.body.version),
  );

  app.post(
    '/:id/return',
    {
      ...manage,
      schema: {
        tags: ['news'],
        summary: 'Return a submitted member news to its proposer with a reason (they are emailed)',
        params: IdParamsSchema,
        body: NewsReturnBodySchema,
        response: { 200: NewsPostSchema, ...writeProblems },
      },
    },
    async (request) => returnProposal(db(), requireActor(request), request.params.id, request.body),
  );
};

/** Registered with prefix /api/account/news: member news proposed by representatives of active members. */
export const newsProposalRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.db;
  const propose = { config: { permission: 'news.propose' as const } };
  const members = (request: Parameters<typeof requireUser>[0]) =>
    principalOf(requireUser(request)).memberOrganizationIds;

  app.get(
    '/',
    {
      ...propose,
      schema: {
        tags: ['news'],
        summary: 'The member news I proposed and those of the organisations I represent, in any status',
        response: { 200: z.object({ items: z.array(NewsPostSchema) }), ...problems },
      },
    },
    async (request) => ({ items: await listOwnProposals(db(), requireActor(request).userId) }),
  );

  app.post(
    '/',
    {
      ...propose,
      bodyLimit: NEWS_REQUEST_LIMIT,
      schema: {
        tags: ['news'],
        summary: 'Propose member news for an organisation I represent (a draft, submitted separately)',
        body: NewsProposalCreateBodySchema,
        response: { 201: NewsPostSchema, ...writeProblems },
      },
    },
    async (request, reply) => {
      request.authorize(
        'news.propose',
        { type: 'organization', id: request.body.organizationId },
        new AppError('organization.not_found', 404),
      );
      return reply.code(201).send(await createProposal(db(), requireActor(request), request.body));
    },
  );

  app.put(
    '/:id',
    {
      ...propose,
      bodyLimit: NEWS_REQUEST_LIMIT,
      schema: {
        tags: ['news'],
        summary: 'Change my proposal while it is a draft or returned',
        params: IdParamsSchema,
        body: NewsProposalUpdateBodySchema,
        response: { 200: NewsPostSchema, ...writeProblems },
      },
    },
    async (request) =>
      updateProposal(db(), requireActor(request), request.params.id, members(request), request.body),
  );

  app.post(
    '/:id/submit',
    {
      ...propose,
      schema: {
        tags: ['news'],
        summary: 'Submit my proposal to the committee (it decides before anything is public)',
        params: IdParamsSchema,
        body: NewsVersionBodySchema,
        response: { 200: NewsPostSchema, ...writeProblems },
      },
    },
    async (request) =>
      submitProposal(db(), requireActor(request), request.params.id, members(request), request.body.version),
  );
};
