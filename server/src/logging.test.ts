/**
 * No secret reaches the logs (issue 11 A5): a failed SQL statement is logged without its parameters,
 * secret fields are hidden at any depth, and secret query values are hidden even when the parameter's
 * name is percent-encoded. Checked on the captured output of the real logger.
 */
import { Writable } from 'node:stream';
import { type DbHandle, users } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { hashPassword } from './auth/passwords.ts';
import { redactUrl } from './logging.ts';
import { fromThisSite, insertUser, testConfig } from './testing.ts';

let h: DbHandle;
let app: FastifyInstance;
const raw: string[] = [];
const linesOf = (reqId: string) =>
  raw.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.reqId === reqId);

let existingEmail = '';
let hash = '';

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
  existingEmail = (await insertUser(h, { email: 'taken-address@example.bg' })).email;
  hash = await hashPassword('a hashed secret passphrase');
  // Test-only routes: an insert that fails on the unique email, and errors logged in other shapes.
  app.post('/api/test/duplicate', { config: { permission: 'public' } }, async () => {
    await h.db.insert(users).values({ email: existingEmail, passwordHash: hash, displayName: 'Дубликат' });
    return { ok: true };
  });
  app.post('/api/test/log-shapes', { config: { permission: 'public' } }, async (request) => {
    try {
      await h.db.insert(users).values({ email: existingEmail, passwordHash: hash, displayName: 'Дубликат' });
    } catch (err) {
      // The error as the only argument (pino takes the message from it), and nested in other fields.
      request.log.error(err);
      request.log.warn({ err });
      request.log.warn({ context: { failure: err, attempts: [err] } }, 'nested failure');
    }
    request.log.info(
      {
        user: { id: 1, passwordHash: hash, profile: { Current_Password: 'pw-nested-secret' } },
        headers: {
          Authorization: 'Bearer auth-header-secret',
          cookie: '__Host-portal_session=cookie-secret',
        },
        links: [{ token: 'array-token-secret' }, 'https://portal.example/reset-password?tok%65n=text-secret'],
        apiKey: 'api-key-secret',
      },
      'opening https://portal.example/accept?%74oken=message-secret&lang=bg',
    );
    return { ok: true };
  });
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('a failed SQL statement', () => {
  it('is logged with its SQL text but without its parameters (no hash, no email)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/duplicate',
      headers: { 'x-request-id': 'dup-insert' },
    });
    expect(res.statusCode).toBe(500);
    const logged = linesOf('dup-insert');
    const failure = logged.find((l) => l.msg === 'unhandled error');
    // The failure is still logged usefully: the statement and the constraint that refused it.
    expect(JSON.stringify(failure)).toContain('insert into \\"users\\"');
    expect(JSON.stringify(failure)).toContain('users_email');
    const text = JSON.stringify(logged);
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(hash);
    expect(text).not.toContain('argon2');
    expect(text).not.toContain(existingEmail);
    expect(text).not.toContain('Дубликат');
  });

  it('stays without parameters however the error is logged (as the message, nested, in arrays)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/log-shapes',
      headers: { 'x-request-id': 'log-shapes' },
    });
    expect(res.statusCode).toBe(200);
    const logged = linesOf('log-shapes');
    expect(logged.filter((l) => l.level === 50 || l.level === 40)).toHaveLength(3);
    const text = JSON.stringify(logged);
    expect(text).toContain('Failed query');
    for (const secret of [hash, existingEmail, 'argon2', 'Дубликат']) expect(text).not.toContain(secret);
  });
});

describe('secret fields and query values', () => {
  it('hides passwords, hashes, tokens, cookies, authorization and keys at any depth', () => {
    const text = JSON.stringify(linesOf('log-shapes'));
    for (const secret of [
      'pw-nested-secret',
      'auth-header-secret',
      'cookie-secret',
      'array-token-secret',
      'text-secret',
      'message-secret',
      'api-key-secret',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    // What is not secret stays readable.
    expect(text).toContain('lang=bg');
    expect(text).toContain('nested failure');
  });

  it('hides a token in a requested URL whose parameter name is percent-encoded', async () => {
    const urls = [
      '/reset-password?tok%65n=percent-secret-1',
      '/verify-email?%74%6F%6B%65%6E=percent-secret-2',
      '/accept-invitation?lang=en&TOKEN=upper-secret-3',
      '/api/auth/reset-password?password=query-password-4',
    ];
    for (const [i, url] of urls.entries()) {
      await app.inject({ url, headers: { 'x-request-id': `encoded-${i}` } });
      const logged = linesOf(`encoded-${i}`);
      expect(logged.length, url).toBeGreaterThan(0);
      expect(JSON.stringify(logged), url).not.toMatch(/-secret-\d|query-password/);
      expect(JSON.stringify(logged), url).toContain('[redacted]');
    }
  });

  it('decodes the parameter name before matching, and leaves other parameters alone', () => {
    expect(redactUrl('/x?tok%65n=abc&page=2')).toBe('/x?tok%65n=[redacted]&page=2');
    expect(redactUrl('/x?page=2&%2574oken=abc')).toBe('/x?page=2&%2574oken=[redacted]');
    expect(redactUrl('/x?reset_token=abc#top')).toBe('/x?reset_token=[redacted]#top');
    expect(redactUrl('/x?q=token&sort=name')).toBe('/x?q=token&sort=name');
    expect(redactUrl('/x?bad=%E0%A4%A&tok%65n=abc')).toBe('/x?bad=%E0%A4%A&tok%65n=[redacted]');
  });
});
