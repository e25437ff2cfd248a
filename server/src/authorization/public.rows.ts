import { sql } from '@portal/db';
import { expect } from 'vitest';
import { insertUser, TEST_PASSWORD } from '../testing.ts';
import { bodyOf, everyone, fresh, freshToken, h, nextSeq, type Row, spareCookie } from './matrix.ts';

export const ROWS: Row[] = [
  // ---------- public ----------
  {
    method: 'GET',
    url: '/api/openapi.json',
    permission: 'public',
    label: 'the OpenAPI document',
    expect: everyone(200),
    build: () => ({ url: '/api/openapi.json' }),
  },
  {
    method: 'GET',
    url: '/api/health',
    permission: 'public',
    label: 'health',
    expect: everyone(200),
    build: () => ({ url: '/api/health' }),
  },
  {
    method: 'GET',
    url: '/api/health/live',
    permission: 'public',
    label: 'liveness',
    expect: everyone(200),
    build: () => ({ url: '/api/health/live' }),
  },
  {
    method: 'GET',
    url: '/api/health/ready',
    permission: 'public',
    label: 'readiness',
    expect: everyone(200),
    build: () => ({ url: '/api/health/ready' }),
  },
  {
    method: 'GET',
    url: '/api/cluster',
    permission: 'public',
    label: 'the cluster',
    expect: everyone(200),
    build: () => ({ url: '/api/cluster' }),
  },
  {
    method: 'GET',
    url: '/api/home',
    permission: 'public',
    label: 'the home page',
    expect: everyone(200),
    build: () => ({ url: '/api/home' }),
  },
  {
    method: 'GET',
    url: '/api/areas',
    permission: 'public',
    label: 'areas',
    expect: everyone(200),
    build: () => ({ url: '/api/areas' }),
  },
  {
    method: 'GET',
    url: '/api/organizations',
    permission: 'public',
    label: 'the public directory',
    expect: everyone(200),
    build: () => ({ url: '/api/organizations' }),
  },
  {
    method: 'GET',
    url: '/api/organizations/:id',
    permission: 'public',
    label: 'a public profile',
    expect: everyone(200),
    build: (f) => ({ url: `/api/organizations/${f.orgB.id}` }),
  },
  {
    method: 'POST',
    url: '/api/organizations/:id/contact',
    permission: 'public',
    label: "writing to a member through its page's contact form (decision 053)",
    expect: everyone(202),
    build: async (f) => {
      await h.query(sql`update organizations set accepts_contact = true where id = ${f.orgB.id}`);
      return {
        url: `/api/organizations/${f.orgB.id}/contact`,
        payload: {
          name: 'Посетител',
          email: `matrix-visitor-${nextSeq()}@example.bg`,
          subject: 'Въпрос',
          message: 'Здравейте, имам въпрос към вас.',
          consent: true,
        },
      };
    },
    check: (body) => expect(bodyOf(body)).toEqual({ sent: true }),
  },
  {
    method: 'GET',
    url: '/api/auth/session',
    permission: 'public',
    label: 'the current session',
    expect: everyone(200),
    build: () => ({ url: '/api/auth/session' }),
    check: (body, _f, actor) => {
      const user = bodyOf(body).user as { id: string } | null;
      expect(user?.id ?? null).toBe(actor.user?.id ?? null);
    },
  },
  {
    method: 'POST',
    url: '/api/auth/sign-up',
    permission: 'public',
    label: 'sign-up',
    expect: everyone(202),
    build: () => ({
      url: '/api/auth/sign-up',
      payload: { email: fresh('signup'), password: 'a long enough password', displayName: 'New' },
    }),
  },
  {
    method: 'POST',
    url: '/api/auth/verify-email',
    permission: 'public',
    label: 'email verification',
    expect: everyone(204),
    build: async () => ({
      url: '/api/auth/verify-email',
      payload: { token: await freshToken('verify_email', { verified: false }) },
    }),
  },
  {
    method: 'POST',
    url: '/api/auth/resend-verification',
    permission: 'public',
    label: 'resending the verification link',
    expect: everyone(202),
    build: async () => ({
      url: '/api/auth/resend-verification',
      payload: { email: (await insertUser(h, { verified: false })).email },
    }),
  },
  {
    method: 'POST',
    url: '/api/auth/log-in',
    permission: 'public',
    label: 'log-in',
    expect: everyone(200),
    // Log-in ends the session the browser came with: send a spare one, not the actor's own.
    build: async (_f, actor) => ({
      url: '/api/auth/log-in',
      payload: { email: (await insertUser(h)).email, password: TEST_PASSWORD },
      cookie: await spareCookie(actor),
    }),
  },
  {
    method: 'POST',
    url: '/api/auth/log-out',
    permission: 'public',
    label: 'log-out',
    expect: everyone(204),
    build: async (_f, actor) => ({ url: '/api/auth/log-out', cookie: await spareCookie(actor) }),
  },
  {
    method: 'POST',
    url: '/api/auth/forgot-password',
    permission: 'public',
    label: 'forgotten password',
    expect: everyone(202),
    build: async () => ({
      url: '/api/auth/forgot-password',
      payload: { email: (await insertUser(h)).email },
    }),
  },
  {
    method: 'POST',
    url: '/api/auth/reset-password',
    permission: 'public',
    label: 'password reset',
    expect: everyone(204),
    build: async () => ({
      url: '/api/auth/reset-password',
      payload: { token: await freshToken('reset_password'), password: 'a brand new passphrase' },
    }),
  },
  {
    method: 'POST',
    url: '/api/auth/confirm-email-change',
    permission: 'public',
    label: 'confirming an email change',
    expect: everyone(204),
    build: async () => ({
      url: '/api/auth/confirm-email-change',
      payload: { token: await freshToken('change_email') },
    }),
  },
];
