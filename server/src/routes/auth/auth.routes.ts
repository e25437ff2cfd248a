import {
  AcceptedResponseSchema,
  ForgotPasswordBodySchema,
  LogInBodySchema,
  ProblemSchema,
  ResetPasswordBodySchema,
  SessionResponseSchema,
  SignUpBodySchema,
  TokenBodySchema,
} from '@portal/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { loadMe } from '../../users.ts';
import {
  type AuthContext,
  confirmEmailChange,
  forgotPassword,
  logIn,
  logOut,
  resendVerification,
  resetPassword,
  signUp,
  verifyEmail,
} from './auth.service.ts';

const problems = { 400: ProblemSchema, 403: ProblemSchema, 429: ProblemSchema };
const accepted = { 202: AcceptedResponseSchema, ...problems };
const noContent = { 204: z.null().describe('Done'), ...problems };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = (request: FastifyRequest): AuthContext => ({
    db: app.db.db,
    actor: request.actor,
    publicUrl: app.config.publicUrl,
    limits: app.rateLimits,
    ip: request.ip,
  });
  const timeouts = { idleMs: app.config.sessionIdleMs, absoluteMs: app.config.sessionAbsoluteMs };

  app.get(
    '/session',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, or null for an anonymous visitor',
        response: { 200: SessionResponseSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { user: request.user ? await loadMe(app.db.db, request.user.id) : null };
    },
  );

  app.post(
    '/sign-up',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Create an account; a verification link is emailed (same answer for a known email)',
        body: SignUpBodySchema,
        response: accepted,
      },
    },
    async (request, reply) => {
      await signUp(context(request), request.body);
      return reply.code(202).send({ status: 'accepted' });
    },
  );

  app.post(
    '/verify-email',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Confirm an email address with the emailed token',
        body: TokenBodySchema,
        response: noContent,
      },
    },
    async (request, reply) => {
      await verifyEmail(context(request), request.body.token);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/resend-verification',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Email a new verification link to an unconfirmed account',
        body: ForgotPasswordBodySchema,
        response: accepted,
      },
    },
    async (request, reply) => {
      // Answered before the account is looked up: the timing does not tell a registered address.
      request.defer('resend-verification', await resendVerification(context(request), request.body.email));
      return reply.code(202).send({ status: 'accepted' });
    },
  );

  app.post(
    '/log-in',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Log in with email and password; starts a new session (cookie)',
        body: LogInBodySchema,
        response: { 200: SessionResponseSchema, 401: ProblemSchema, ...problems },
      },
    },
    async (request, reply) => {
      const result = await logIn(
        context(request),
        request.body,
        timeouts,
        request.headers['user-agent'],
        request.log,
      );
      // A new session id at every log-in; the one the browser came with (if any) ends.
      if (request.user) await logOut(app.db.db, request.actor, request.user.sessionId, request.user.id);
      reply.setSessionCookie(result.token);
      return { user: result.user };
    },
  );

  app.post(
    '/log-out',
    {
      config: { permission: 'public' },
      schema: { tags: ['auth'], summary: 'End the current session', response: noContent },
    },
    async (request, reply) => {
      if (request.user) {
        await logOut(app.db.db, request.actor, request.user.sessionId, request.user.id);
        request.log.info({ event: 'auth.logged_out', userId: request.user.id }, 'logged out');
      }
      reply.clearSessionCookie();
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/forgot-password',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Email a password reset link (same answer for an unknown email)',
        body: ForgotPasswordBodySchema,
        response: accepted,
      },
    },
    async (request, reply) => {
      // Answered before the account is looked up: the timing does not tell a registered address.
      request.defer('forgot-password', await forgotPassword(context(request), request.body.email));
      return reply.code(202).send({ status: 'accepted' });
    },
  );

  app.post(
    '/reset-password',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset token (single use, 1 hour); ends every session',
        body: ResetPasswordBodySchema,
        response: noContent,
      },
    },
    async (request, reply) => {
      await resetPassword(context(request), request.body.token, request.body.password);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/confirm-email-change',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Confirm a new email address with the token sent to it',
        body: TokenBodySchema,
        response: noContent,
      },
    },
    async (request, reply) => {
      await confirmEmailChange(context(request), request.body.token, request.user?.sessionId);
      return reply.code(204).send(null);
    },
  );
};
