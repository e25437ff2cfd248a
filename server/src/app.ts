import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fastifyCompress from '@fastify/compress';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { DbHandle } from '@portal/db';
import Fastify, { type FastifyBaseLogger, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { pino } from 'pino';
import { RATE_LIMITS, type RateLimits } from './auth/rate-limit.ts';
import type { Config } from './config.ts';
import { redactingLogger, redactUrl, rootLoggerOptions } from './logging.ts';
import { type RoutePermission, registerAuth, sessionCookieName } from './plugins/auth.ts';
import { type DeferWorkMode, registerDeferredWork } from './plugins/deferred-work.ts';
import { frameworkErrorHandler, isApiPath, registerErrorHandling } from './plugins/error-handling.ts';
import { registerMetrics } from './plugins/metrics.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { registerSlowQueryLog } from './plugins/slow-queries.ts';
import { registerSpa } from './plugins/spa.ts';
import { accountRoutes } from './routes/account/account.routes.ts';
import { adminRoutes } from './routes/admin/admin.routes.ts';
import { applicationsRoutes, committeeRoutes } from './routes/applications/applications.routes.ts';
import { areasRoutes } from './routes/areas/areas.routes.ts';
import { authRoutes } from './routes/auth/auth.routes.ts';
import { accountBoardRoutes, boardRoutes } from './routes/board/board.routes.ts';
import { adminBodiesRoutes, bodiesRoutes } from './routes/bodies/bodies.routes.ts';
import { callsCommitteeRoutes, callsMemberRoutes, callsPublicRoutes } from './routes/calls/calls.routes.ts';
import { clusterRoutes } from './routes/cluster/cluster.routes.ts';
import {
  accountConversationRoutes,
  conversationRoutes,
  interestRoutes,
  moderationRoutes,
} from './routes/conversations/conversations.routes.ts';
import { cooperationOverviewRoutes } from './routes/cooperation-overview/cooperation-overview.routes.ts';
import { csvRoutes } from './routes/csv/csv.routes.ts';
import { dashboardRoutes, publicDashboardRoutes } from './routes/dashboard/dashboard.routes.ts';
import { decisionsRoutes } from './routes/decisions/decisions.routes.ts';
import { directoryRoutes } from './routes/directory/directory.routes.ts';
import {
  accountFeesRoutes,
  adminFeesRoutes,
  committeeFeesRoutes,
  publicFeesRoutes,
} from './routes/fees/fees.routes.ts';
import { healthRoutes } from './routes/health/health.routes.ts';
import { homeRoutes } from './routes/home/home.routes.ts';
import { forgetHome } from './routes/home/home.service.ts';
import { meetingConductRoutes } from './routes/meeting-conduct/meeting-conduct.routes.ts';
import { meetingsRoutes } from './routes/meetings/meetings.routes.ts';
import { memberContactRoutes } from './routes/member-contact/member-contact.routes.ts';
import { membersRoutes } from './routes/members/members.routes.ts';
import { membershipsRoutes } from './routes/memberships/memberships.routes.ts';
import { minutesRoutes, publicMinutesRoutes } from './routes/minutes/minutes.routes.ts';
import { eventEditorRoutes, eventRoutes } from './routes/news/events.routes.ts';
import { newsPageMeta } from './routes/news/news.meta.ts';
import { newsEditorRoutes, newsProposalRoutes, newsRoutes } from './routes/news/news.routes.ts';
import { newsCoverRoutes } from './routes/news/news-cover.routes.ts';
import { personalDataRoutes } from './routes/personal-data/personal-data.routes.ts';
import { competitorsRoutes } from './routes/profiles/competitors.routes.ts';
import { accountLogoRoutes } from './routes/profiles/logo.routes.ts';
import { profileRoutes } from './routes/profiles/profile.routes.ts';
import { projectsRoutes } from './routes/projects/projects.routes.ts';
import { adminReadinessRoutes, committeeReadinessRoutes } from './routes/readiness/readiness.routes.ts';
import { invitationsRoutes, representativesRoutes } from './routes/representatives/representatives.routes.ts';
import { resourcePhotosRoutes } from './routes/resources/resource-photos.routes.ts';
import {
  accountBookingsRoutes,
  accountCalendarFeedRoutes,
  bookingsRoutes,
  calendarFeedRoutes,
  resourcesRoutes,
} from './routes/resources/resources.routes.ts';
import { seoRoutes } from './routes/seo/seo.routes.ts';
import { siteContentAdminRoutes, sitePagesRoutes } from './routes/site-content/site-content.routes.ts';
import { committeeStrategyRoutes, publicStrategyRoutes } from './routes/strategy/strategy.routes.ts';
import { suggestionsRoutes } from './routes/suggestions/suggestions.routes.ts';
import { settingsRoutes } from './routes/voting/voting-settings.routes.ts';

export { REDACTED_LOG_PATHS, redactUrl } from './logging.ts';
export type { RoutePermission } from './plugins/auth.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyInstance {
    db: DbHandle;
    config: Config;
    /** Every route registered, with its declared permission (for the permission-coverage test). */
    registeredRoutes: { method: string; url: string; permission: RoutePermission | undefined }[];
    rateLimits: RateLimits;
    /**
     * Set when a graceful shutdown begins (`drain()` in shutdown.ts): readiness answers 503 and every
     * response closes its connection, while requests are still served until the listener closes.
     */
    lifecycle: { draining: boolean };
  }
}

export interface BuildAppOptions {
  db: DbHandle;
  config: Config;
  /** A ready pino logger (main.ts, tests); otherwise one is made from config.logLevel. */
  logger?: FastifyBaseLogger;
  /** Overrides of the default rate limits (tests). */
  rateLimits?: Partial<RateLimits>;
  /**
   * When work deferred by a route (`request.defer`) runs: `after-reply` (default) right after the reply is
   * sent; `manual` only when `app.settle()` is called (tests, to see the state in between).
   */
  deferWork?: DeferWorkMode;
}

export const BODY_LIMIT = 1024 * 1024;

/** A client-supplied request id is echoed only when it is a short, harmless token (no log injection). */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function genReqId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Fastify's request log fields, with the URL's secret query values redacted. */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

export async function buildApp({
  db,
  config,
  logger,
  rateLimits,
  deferWork = 'after-reply',
}: BuildAppOptions) {
  // Whoever made the root logger (main.ts through config, or a test capturing the output), every line
  // goes through the redaction rules of logging.ts (issue 11 A5).
  const rootLogger =
    logger ??
    pino(
      rootLoggerOptions(config.logLevel, config.nodeEnv === 'development' && process.stdout.isTTY === true),
    );

  const app = Fastify({
    loggerInstance: redactingLogger(rootLogger),
    bodyLimit: BODY_LIMIT,
    // Behind a load balancer, `request.ip` (rate limits, logs) is the client's address from
    // X-Forwarded-For only when TRUST_PROXY names who may set it (decision 026).
    trustProxy: config.trustProxy,
    // Slow clients cannot hold connections (issue 11 A11): the whole request must arrive within
    // requestTimeout (Node answers 408 and closes), an idle socket closes after connectionTimeout, an
    // idle keep-alive one after keepAliveTimeout. Node checks the request deadline every
    // connectionsCheckingInterval (30 s by default), so that runs often enough for the deadline to hold.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.connectionTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    http: {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: Math.min(60_000, config.requestTimeoutMs),
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(config.requestTimeoutMs / 4))),
    },
    genReqId,
    requestIdHeader: false,
    frameworkErrors: frameworkErrorHandler,
    // Every request's logger (whoever made the root one) logs the request without the URL's tokens.
    childLoggerFactory: (logger, bindings, opts) =>
      logger.child(bindings, { ...opts, serializers: { ...opts.serializers, req: serializeRequest } }),
    // The SPA and API are served behind one origin; `/api/x/` and `/api/x` are the same resource.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('config', config);
  app.decorate('rateLimits', { ...RATE_LIMITS, ...rateLimits });
  app.decorate('lifecycle', { draining: false });
  // Route options are recorded as registered and read once the app is ready, because plugins (the docs,
  // the SPA) fill in their routes' permission in their own, later-running onRoute hooks.
  const routeOptions: {
    method: string | string[];
    url: string;
    config?: { permission?: RoutePermission };
  }[] = [];
  app.addHook('onRoute', (route) => {
    routeOptions.push(route);
  });
  app.decorate('registeredRoutes', {
    getter: () =>
      routeOptions.flatMap((r) =>
        [r.method].flat().map((method) => ({ method, url: r.url, permission: r.config?.permission })),
      ),
  });
  app.addHook('onReady', async () => {
    // Fail fast: an API route that does not say who may call it stops the app from starting.
    const undeclared = app.registeredRoutes.filter((r) => isApiPath(r.url) && !r.permission);
    if (undeclared.length > 0) {
      throw new Error(
        `API routes without config.permission: ${undeclared.map((r) => `${r.method} ${r.url}`).join(', ')}`,
      );
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Graceful shutdown: requests in flight when close() begins are answered with `Connection: close`,
  // so their keep-alive sockets end with them instead of holding close() open for keepAliveTimeout.
  // While draining before that, clients are sent to reconnect too (through the load balancer, which by
  // then sees this instance as not ready).
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing || app.lifecycle.draining) reply.header('connection', 'close');
    return payload;
  });

  registerErrorHandling(app);
  // Operations (decision 028): /metrics with the request histogram, and the slow-query log.
  registerMetrics(app);
  registerSlowQueryLog(app);
  registerDeferredWork(app, deferWork);
  await registerAuth(app);

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Mantine (and Swagger UI) write inline style attributes and <style> tags.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
  });
  await app.register(fastifyCompress, { threshold: 1024 });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cluster portal API',
        description:
          'The cluster portal API (bg/en). Errors are RFC 9457 problem+json. Signed-in calls use the session cookie; state-changing calls take JSON bodies only.',
        version: '0.1.0',
      },
      tags: [
        { name: 'health', description: 'Liveness and readiness (database reachable, not draining)' },
        { name: 'cluster', description: "The cluster's identity" },
        { name: 'areas', description: 'Specialisation areas (ISIS 2021–2027)' },
        { name: 'organizations', description: 'The public member directory' },
        { name: 'auth', description: 'Sign-up, email verification, log-in/out, password reset' },
        { name: 'account', description: "The signed-in user's own account, sessions and organisations" },
        { name: 'admin', description: 'Users, roles, the audit log and the mailbox (administrators)' },
        {
          name: 'applications',
          description: 'Join applications: drafts, documents, review, the committee queue',
        },
        { name: 'votes', description: 'Committee votes on applications' },
        { name: 'memberships', description: 'Membership administration by the committee' },
        { name: 'calls', description: "Funding calls and members' interest in them" },
        { name: 'decisions', description: 'The register of numbered decisions' },
        { name: 'fees', description: 'Annual fees: rates, payments and each member’s status' },
        { name: 'members', description: 'The members-only directory with the contacts the viewer may see' },
        {
          name: 'conversations',
          description: 'Private conversations about board items, and the partnerships agreed in them',
        },
        {
          name: 'board',
          description: 'The cooperation board: offers and requests of the members, and its public teaser',
        },
        { name: 'resources', description: 'Shared resources of the members and their bookings' },
        {
          name: 'dashboard',
          description: 'The dashboard of the cluster and its public figures (aggregates)',
        },
        { name: 'bodies', description: 'The governing bodies, their rules and who holds which position' },
        { name: 'strategy', description: "The cluster's strategy: goals, objectives and indicators" },
        { name: 'readiness', description: 'Readiness checks: criteria sets, statuses, evidence and history' },
        {
          name: 'suggestions',
          description:
            'Explained partner suggestions for a member organisation, and its "not relevant" dismissals',
        },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs) => {
    // The documentation is public like the directory it documents.
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, permission: 'public' };
    });
    await docs.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { permission: 'public' } }, async () =>
    app.swagger(),
  );

  await app.register(healthRoutes, { prefix: '/api/health' });
  await app.register(clusterRoutes, { prefix: '/api/cluster' });
  await app.register(homeRoutes, { prefix: '/api/home' });
  // The home page gathers news, events, calls, members and fees: any change that succeeded may show there,
  // so its minute-long copy is dropped after every successful write (writes are rare next to reads; a post
  // scheduled for later still appears within the minute).
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) forgetHome(app.db);
  });
  await app.register(areasRoutes, { prefix: '/api/areas' });
  await app.register(directoryRoutes, { prefix: '/api/organizations' });
  await app.register(memberContactRoutes, { prefix: '/api/organizations' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  // The logo routes, the account's and the profile's: in this order, as one plugin registered them before.
  await app.register(accountLogoRoutes, { prefix: '/api/account' });
  await app.register(accountRoutes, { prefix: '/api/account' });
  await app.register(profileRoutes, { prefix: '/api/account' });
  await app.register(representativesRoutes, { prefix: '/api/account/organizations' });
  await app.register(competitorsRoutes, { prefix: '/api/account/organizations' });
  await app.register(invitationsRoutes, { prefix: '/api/invitations' });
  await app.register(adminRoutes, { prefix: '/api/admin' });
  await app.register(settingsRoutes, { prefix: '/api/admin/settings' });
  await app.register(siteContentAdminRoutes, { prefix: '/api/admin' });
  await app.register(sitePagesRoutes, { prefix: '/api/pages' });
  await app.register(applicationsRoutes, { prefix: '/api/applications' });
  await app.register(committeeRoutes, { prefix: '/api/committee' });
  await app.register(membershipsRoutes, { prefix: '/api/committee/members' });
  await app.register(decisionsRoutes, { prefix: '/api/decisions' });
  // No prefix: /api/members/export.csv and /api/admin/organizations/import(/template.csv).
  await app.register(csvRoutes);
  await app.register(personalDataRoutes, { prefix: '/api' });
  await app.register(publicFeesRoutes, { prefix: '/api/fees' });
  await app.register(adminFeesRoutes, { prefix: '/api/admin/fees' });
  await app.register(committeeFeesRoutes, { prefix: '/api/committee/fees' });
  await app.register(accountFeesRoutes, { prefix: '/api/account' });
  await app.register(membersRoutes, { prefix: '/api/members' });
  await app.register(boardRoutes, { prefix: '/api/board' });
  await app.register(accountBoardRoutes, { prefix: '/api/account/organizations' });
  await app.register(interestRoutes, { prefix: '/api/board' });
  await app.register(conversationRoutes, { prefix: '/api/conversations' });
  await app.register(accountConversationRoutes, { prefix: '/api/account' });
  await app.register(moderationRoutes, { prefix: '/api/admin' });
  await app.register(suggestionsRoutes, { prefix: '/api/account/organizations' });
  await app.register(resourcesRoutes, { prefix: '/api/resources' });
  await app.register(projectsRoutes, { prefix: '/api/projects' });
  await app.register(resourcePhotosRoutes, { prefix: '/api/resources' });
  await app.register(bookingsRoutes, { prefix: '/api/bookings' });
  await app.register(accountBookingsRoutes, { prefix: '/api/account' });
  await app.register(accountCalendarFeedRoutes, { prefix: '/api/account' });
  await app.register(calendarFeedRoutes, { prefix: '/api/calendar-feeds' });
  await app.register(cooperationOverviewRoutes, { prefix: '/api/committee/cooperation' });
  await app.register(dashboardRoutes, { prefix: '/api/committee/dashboard' });
  await app.register(publicDashboardRoutes, { prefix: '/api/public/dashboard' });
  await app.register(bodiesRoutes, { prefix: '/api/bodies' });
  await app.register(meetingsRoutes, { prefix: '/api/meetings' });
  await app.register(adminBodiesRoutes, { prefix: '/api/admin/bodies' });
  await app.register(meetingConductRoutes, { prefix: '/api/meetings' });

  await app.register(newsRoutes, { prefix: '/api/news' });
  await app.register(eventRoutes, { prefix: '/api/news' });
  await app.register(eventEditorRoutes, { prefix: '/api/committee/news' });
  await app.register(newsEditorRoutes, { prefix: '/api/committee/news' });
  await app.register(newsCoverRoutes, { prefix: '/api/committee/news' });
  await app.register(newsProposalRoutes, { prefix: '/api/account/news' });
  await app.register(minutesRoutes, { prefix: '/api/meetings' });
  await app.register(publicMinutesRoutes, { prefix: '/api/public/minutes' });
  await app.register(publicStrategyRoutes, { prefix: '/api/public/strategy' });
  await app.register(committeeStrategyRoutes, { prefix: '/api/committee/strategy' });
  await app.register(callsPublicRoutes, { prefix: '/api/public/calls' });
  await app.register(callsCommitteeRoutes, { prefix: '/api/committee/calls' });
  await app.register(callsMemberRoutes, { prefix: '/api/calls' });
  await app.register(committeeReadinessRoutes, { prefix: '/api/committee/readiness' });
  await app.register(adminReadinessRoutes, { prefix: '/api/admin/readiness' });
  // For search engines (issue 17): robots.txt and the sitemap, at the site's root.
  await app.register(seoRoutes);
  await registerSpa(app, config.webDistDir, {
    newsMeta: (slug, acceptLanguage) => newsPageMeta(app.db.db, config.publicUrl, slug, acceptLanguage),
    publicUrl: config.publicUrl,
    sessionCookie: sessionCookieName(config.secureCookies),
  });

  return app;
}
