import fastifyCookie from '@fastify/cookie';
import { type Action, can, deniedForMembership, type Principal, type Resource } from '@portal/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveSession, type SessionUser } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { isApiPath } from './error-handling.ts';

/**
 * Who may call a route: anyone (`public`), or a signed-in user allowed the shared policy's action.
 * Record-level rules are checked by the handler with `request.authorize(action, resource)` once it knows
 * the record.
 */
export type RoutePermission = 'public' | Action;

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null. */
    user: SessionUser | null;
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

export function principalOf(user: SessionUser | null): Principal | null {
  return user
    ? {
        id: user.id,
        roles: user.roles,
        organizationIds: user.organizationIds,
        memberOrganizationIds: user.memberOrganizationIds,
      }
    : null;
}

/**
 * Cross-site request forgery defence for every state-changing API call: the session cookie is
 * SameSite=Lax, bodies must be JSON (a form cannot send it cross-site without a CORS preflight, which we
 * never grant), and a browser's Sec-Fetch-Site / Origin must name this site.
 */
function isCrossSite(request: FastifyRequest, allowedOrigins: Set<string>): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  if (typeof origin === 'string') return !allowedOrigins.has(origin);
  return false; // not a browser (curl, server-to-server): nothing to forge
}

export async function registerAuth(app: FastifyInstance) {
  const { config } = app;
  const cookieName = sessionCookieName(config.secureCookies);
  const timeouts = { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs };

  await app.register(fastifyCookie);
  // Only JSON bodies: text/plain is what a cross-site <form> or no-preflight fetch could send.
  app.removeContentTypeParser('text/plain');

  app.decorateRequest('user', null);
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
      const allowed = new Set([config.publicUrl, `${request.protocol}://${request.host}`]);
      if (isCrossSite(request, allowed)) {
        request.log.warn(
          { event: 'csrf.rejected', method: request.method, url: path },
          'cross-site request refused',
        );
        throw new AppError('csrf.rejected', 403);
      }
    }
    const token = request.cookies[cookieName];
    if (token && token.length <= 100) request.user = await resolveSession(app.db.db, token, timeouts);

    const permission = (request.routeOptions.config as { permission?: RoutePermission } | undefined)
      ?.permission;
    if (!permission || permission === 'public') return;
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
