/**
 * Security logging: every log-in, failed log-in and permission denial is a structured log line with an
 * `event`, and no password, emailed token or session cookie ever reaches the logs.
 */
import { Writable } from 'node:stream';
import type { DbHandle } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import {
  fromThisSite,
  insertOrganization,
  insertUser,
  lastEmailLink,
  logIn,
  TEST_PASSWORD,
  testConfig,
} from '../testing.ts';

interface LogLine {
  level: number;
  reqId?: string;
  event?: string;
  msg?: string;
  [key: string]: unknown;
}

const INFO = 30;
const WARN = 40;

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildApp>>;
const raw: string[] = [];
const lines = () => raw.map((l) => JSON.parse(l) as LogLine);
const eventsOf = (reqId: string) => lines().filter((l) => l.reqId === reqId && l.event);

/** Everything secret the tests below send or receive; none may appear in any log line. */
const secrets = new Set<string>();

beforeAll(async () => {
  h = await createTestDb();
  const stream = new Writable({
    write(chunk, _enc, done) {
      raw.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  app = fromThisSite(
    await buildApp({ db: h, config: testConfig(), logger: pino({ level: 'info' }, stream) }),
  );
  secrets.add(TEST_PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload, headers });

/** The value of the session cookie a response sets (and remembers it as a secret). */
function sessionCookie(res: Awaited<ReturnType<typeof post>>): string {
  const c = res.cookies.find((c) => c.name.endsWith('portal_session'));
  if (!c) throw new Error('no session cookie');
  secrets.add(c.value);
  return `${c.name}=${c.value}`;
}

describe('log-ins are logged', () => {
  it('logs a successful log-in with the user id', async () => {
    const user = await insertUser(h);
    const res = await post(
      '/api/auth/log-in',
      { email: user.email, password: TEST_PASSWORD },
      { 'x-request-id': 'log-in-ok' },
    );
    expect(res.statusCode).toBe(200);
    sessionCookie(res);
    expect(eventsOf('log-in-ok')).toEqual([
      expect.objectContaining({ level: INFO, event: 'auth.logged_in', userId: user.id }),
    ]);
  });

  it('logs every kind of failed log-in with its reason, and the refusals of the rate limit', async () => {
    const user = await insertUser(h);
    const disabled = await insertUser(h, { disabled: true });
    const unverified = await insertUser(h, { verified: false });
    const wrong = 'not the right password at all';
    secrets.add(wrong);
    const cases: [string, object, number, Record<string, unknown>][] = [
      ['fail-password', { email: user.email, password: wrong }, 401, { userId: user.id, reason: 'password' }],
      [
        'fail-unknown',
        { email: 'nobody-here@example.bg', password: wrong },
        401,
        { userId: null, reason: 'unknown' },
      ],
      [
        'fail-disabled',
        { email: disabled.email, password: TEST_PASSWORD },
        401,
        { userId: disabled.id, reason: 'disabled' },
      ],
      [
        'fail-unverified',
        { email: unverified.email, password: TEST_PASSWORD },
        403,
        { userId: unverified.id, reason: 'unverified' },
      ],
    ];
    for (const [reqId, body, status, fields] of cases) {
      const res = await post('/api/auth/log-in', body, { 'x-request-id': reqId });
      expect(res.statusCode, reqId).toBe(status);
      expect(eventsOf(reqId), reqId).toEqual([
        expect.objectContaining({ level: WARN, event: 'auth.log_in_failed', ...fields }),
      ]);
    }

    // Four more wrong passwords spend the account's allowance; the next attempt is refused unchecked,
    // and that refusal is a failed log-in too.
    for (let i = 0; i < 4; i++) await post('/api/auth/log-in', { email: user.email, password: wrong });
    const refused = await post(
      '/api/auth/log-in',
      { email: user.email, password: TEST_PASSWORD },
      { 'x-request-id': 'fail-rate-limited' },
    );
    expect(refused.statusCode).toBe(429);
    expect(eventsOf('fail-rate-limited')).toEqual([
      expect.objectContaining({
        level: WARN,
        event: 'auth.log_in_failed',
        userId: user.id,
        reason: 'rate_limited',
      }),
    ]);
  });
});

describe('permission denials are logged', () => {
  it('logs an anonymous call, a signed-in call without the permission and a record-level refusal', async () => {
    const orgA = await insertOrganization(h, { nameBg: 'Лог А' });
    const orgB = await insertOrganization(h, { nameBg: 'Лог Б' });
    const plain = await insertUser(h);
    const rep = await insertUser(h, { roles: ['representative'], organizationIds: [orgA] });
    const plainCookie = await logIn(app, plain.email);
    const repCookie = await logIn(app, rep.email);
    for (const c of [plainCookie, repCookie]) secrets.add(c.split('=')[1]!);

    const cases: [string, { method: 'GET' | 'POST'; url: string; cookie?: string }, number, object][] = [
      [
        'deny-anonymous',
        { method: 'GET', url: '/api/account' },
        401,
        { action: 'account.manage', userId: null, method: 'GET', route: '/api/account' },
      ],
      [
        'deny-forbidden',
        { method: 'POST', url: `/api/admin/users/${rep.id}/disable`, cookie: plainCookie },
        403,
        { action: 'users.manage', userId: plain.id, method: 'POST', route: '/api/admin/users/:id/disable' },
      ],
      [
        'deny-record',
        { method: 'GET', url: `/api/account/organizations/${orgB}`, cookie: repCookie },
        404,
        {
          action: 'organization.view_private',
          userId: rep.id,
          method: 'GET',
          route: '/api/account/organizations/:id',
        },
      ],
    ];
    for (const [reqId, req, status, fields] of cases) {
      const res = await app.inject({
        method: req.method,
        url: req.url,
        headers: { 'x-request-id': reqId, ...(req.cookie ? { cookie: req.cookie } : {}) },
      });
      expect(res.statusCode, reqId).toBe(status);
      expect(eventsOf(reqId), reqId).toEqual([
        expect.objectContaining({ level: WARN, event: 'auth.denied', ...fields }),
      ]);
    }
    // An allowed call logs no denial.
    const ok = await app.inject({
      url: `/api/account/organizations/${orgA}`,
      headers: { cookie: repCookie, 'x-request-id': 'allowed' },
    });
    expect(ok.statusCode).toBe(200);
    expect(eventsOf('allowed')).toEqual([]);
  });
});

describe('secrets stay out of the logs', () => {
  it('logs no password, emailed token or session cookie, whatever the flow', async () => {
    // Sign-up, verification by the emailed link, opening the link's page, log-in, reset and use.
    const email = 'logged-flow@example.bg';
    const password = 'a secret sign-up passphrase';
    const newPassword = 'a secret reset passphrase';
    secrets.add(password).add(newPassword);
    expect((await post('/api/auth/sign-up', { email, password, displayName: 'Лог' })).statusCode).toBe(202);
    const verify = await lastEmailLink(h, email);
    secrets.add(verify.token);
    // The browser opens the emailed link first: the page's own request carries the token in its query.
    await app.inject({ url: `${verify.path}?token=${verify.token}`, headers: { 'x-request-id': 'link' } });
    expect((await post('/api/auth/verify-email', { token: verify.token })).statusCode).toBe(204);

    const cookie = sessionCookie(await post('/api/auth/log-in', { email, password }));
    expect((await app.inject({ url: '/api/account', headers: { cookie } })).statusCode).toBe(200);
    expect(
      (
        await post(
          '/api/account/password',
          { currentPassword: 'a wrong current password', newPassword },
          { cookie },
        )
      ).statusCode,
    ).toBe(400);
    secrets.add('a wrong current password');

    expect((await post('/api/auth/forgot-password', { email })).statusCode).toBe(202);
    await app.settle();
    const reset = await lastEmailLink(h, email);
    secrets.add(reset.token);
    await app.inject({ url: `${reset.path}?token=${reset.token}` });
    expect(
      (await post('/api/auth/reset-password', { token: reset.token, password: newPassword })).statusCode,
    ).toBe(204);
    // A replayed token and a malformed body are logged as requests, still without their secrets.
    expect(
      (await post('/api/auth/reset-password', { token: reset.token, password: newPassword })).statusCode,
    ).toBe(400);
    expect((await post('/api/auth/log-in', { email, password: 12345 as unknown as string })).statusCode).toBe(
      400,
    );
    sessionCookie(await post('/api/auth/log-in', { email, password: newPassword }));

    // The link's request was logged (so the check below is not vacuous), with its token hidden.
    const linkLine = lines().find((l) => l.reqId === 'link' && l.msg === 'incoming request');
    expect((linkLine?.req as { url?: string } | undefined)?.url).toBe('/verify-email?token=[redacted]');

    const all = raw.join('\n');
    expect(raw.length).toBeGreaterThan(20);
    for (const secret of secrets) expect(all, 'a secret reached the logs').not.toContain(secret);
    expect(all).not.toMatch(/portal_session=|set-cookie|argon2/i);
  });
});
