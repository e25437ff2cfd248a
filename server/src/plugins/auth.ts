import fastifyCookie from '@fastify/cookie';
import { type Action, can, deniedForMembership, type Principal, type Resource } from '@portal/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, SignedInActor } from '../audit.ts';
import { resolveSession, type SessionUser } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { isApiPath } from './error-handling.ts';

/**
 * Who may call a route: anyone (`public`), or a signed-in user allowed the shared policy's action.
 * Record-level rules are checked by the handler with `request.authorize(action, resource)` once it knows
 * the record. `operations`: an endpoint for the people running the server, outside /api and outside the
 * policy (`/metrics`), that decides who calls it by itself (loopback or a token, never a session).
 */
export type RoutePermission = 'public' | 'operations' | Action;

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null. */
    user: SessionUser | null;
    /**
     * Who acts in this request, for services and the audit log: the signed-in user's id (null when
     * anonymous) and the request id. Routes that need a signed-in user call `requireActor(request)`.
     */
    readonly actor: Actor;
    /** Throws 401/403 unless the shared policy allows the action (on the resource, when given). */
    authorize(action: Action, resource?: Resource, notFound?: AppError): void;
  }
  interface FastifyReply {
    setSessionCookie(token: string): FastifyReply;
    clearSessionCookie(): FastifyReply;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionCookieName(secure: boolean): string {
  // `__Host-` binds the cookie to this exact origin over HTTPS (no Domain, Path=/, Secure).
  return secure ? '__Host-portal_session' : 'portal_session';
}

/**
 * The signed-in actor of a request, or a 401 problem. Routes whose permission is an action are already
 * refused before validation when anonymous; this is what hands their handlers a non-null user id.
 */
export function requireActor(request: FastifyRequest): SignedInActor {
  const user = requireUser(request);
  return { userId: user.id, requestId: request.id };
}

/** The signed-in user of a request (roles, organisations), or a 401 problem. */
export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new AppError('auth.required', 401);
  return request.user;
}

export function principalOf(user: SessionUser): Principal;
export function principalOf(user: SessionUser | null): Principal | null;
export function principalOf(user: SessionUser | null): Principal | null {
  return user
    ? {
        id: user.id,
        roles: user.roles,
        organizationIds: user.organizationIds,
        memberOrganizationIds: user.memberOrganizationIds,
        candidateOrganizationIds: user.candidateOrganizationIds,
      }
    : null;
}

/**
 * Cross-site request forgery defence for every state-changing API call (decisions 007 and 024): the
 * session cookie is SameSite=Lax, bodies must be JSON (a form cannot send it cross-site without a CORS
 * preflight, which we never grant), and
 * 1. an `Origin` header must name this site, whatever else the request says (`Sec-Fetch-Site: none` with
 *    a foreign Origin is refused);
 * 2. a `Sec-Fetch-Site` other than `same-origin` or `none` is refused;
 * 3. a request carrying a session cookie must prove it comes from this site: by its Origin, by
 *    `Sec-Fetch-Site: same-origin` (a header page scripts cannot set), or, for an old browser that sends
 *    neither, by a Referer of this site. Without any of them it is refused: the cookie would act for a
 *    request nobody can tell apart from a forged one.
 * A request without a session cookie and without those headers (curl, a server logging in) has no
 * ambient authority to abuse, and passes.
 * Returns why a request is refused, or null.
 */
export function csrfRefusal(
  headers: FastifyRequest['headers'],
  hasSessionCookie: boolean,
  allowedOrigins: Set<string>,
): string | null {
  const origin = headers.origin;
  if (origin !== undefined) {
    // `Origin: null` (sandboxed frames, some redirects) is foreign too.
    if (typeof origin !== 'string' || !allowedOrigins.has(origin)) return 'foreign_origin';
  }
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'cross_site';
  if (!hasSessionCookie || origin !== undefined || site === 'same-origin') return null;
  const referer = headers.referer;
  if (typeof referer === 'string' && allowedOrigins.has(originOf(referer))) return null;
  return 'unproven_origin';
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

export async function registerAuth(app: FastifyInstance) {
  const { config } = app;
  const cookieName = sessionCookieName(config.secureCookies);
  const timeouts = { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs };

  await app.register(fastifyCookie);
  // Only JSON bodies: text/plain is what a cross-site <form> or no-preflight fetch could send.
  app.removeContentTypeParser('text/plain');

  app.decorateRequest('user', null);
  app.decorateRequest('actor', {
    getter(this: FastifyRequest): Actor {
      return { userId: this.user?.id ?? null, requestId: this.id };
    },
  });
  app.decorateRequest('authorize', function (this: FastifyRequest, action, resource, notFound) {
    if (can(principalOf(this.user), action, resource)) return;
    deny(this, action, notFound);
  });
  app.decorateReply('setSessionCookie', function (this: FastifyReply, token: string) {
    return this.setCookie(cookieName, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      maxAge: Math.floor(config.sessionAbsoluteMs / 1000),
    });
  });
  app.decorateReply('clearSessionCookie', function (this: FastifyReply) {
    return this.clearCookie(cookieName, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
    });
  });

  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '/';
    if (!isApiPath(path)) return;
    if (UNSAFE_METHODS.has(request.method)) {
      const allowed = new Set([originOf(config.publicUrl), `${request.protocol}://${request.host}`]);
      const reason = csrfRefusal(request.headers, request.cookies[cookieName] !== undefined, allowed);
      if (reason) {
        request.log.warn(
          { event: 'csrf.rejected', reason, method: request.method, url: path },
          'cross-site request refused',
        );
        throw new AppError('csrf.rejected', 403);
      }
    }
    const token = request.cookies[cookieName];
    if (token && token.length <= 100) request.user = await resolveSession(app.db.db, token, timeouts);

    const permission = (request.routeOptions.config as { permission?: RoutePermission } | undefined)
      ?.permission;
    if (!permission || permission === 'public' || permission === 'operations') return;
    request.authorize(permission);
  });

  // Responses about a signed-in user, or setting/clearing the cookie, are never stored by any cache.
  app.addHook('onSend', async (request, reply, payload) => {
    const permission = (request.routeOptions.config as { permission?: RoutePermission } | undefined)
      ?.permission;
    // A public route whose answer is the same for everyone may say so (`Cache-Control: public`, e.g. a logo).
    const shared =
      permission === 'public' && /^public\b/.test(String(reply.getHeader('cache-control') ?? ''));
    if (
      (request.user && !shared) ||
      (permission && permission !== 'public') ||
      reply.hasHeader('set-cookie')
    ) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}

function deny(request: FastifyRequest, action: Action, notFound?: AppError): never {
  const anonymous = !request.user;
  request.log.warn(
    {
      event: 'auth.denied',
      action,
      userId: request.user?.id ?? null,
      method: request.method,
      route: request.routeOptions.url,
    },
    'permission denied',
  );
  if (anonymous) throw new AppError('auth.required', 401);
  // A representative whose organisation is no longer (or not yet) an active member is told why.
  if (!notFound && deniedForMembership(principalOf(request.user), action)) {
    throw new AppError('membership.inactive', 403);
  }
  throw notFound ?? new AppError('auth.forbidden', 403);
}
