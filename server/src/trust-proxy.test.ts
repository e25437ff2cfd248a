/**
 * TRUST_PROXY (issue 12, decision 026): behind a load balancer every request comes from the balancer's
 * address, so the per-address rate limits must read the client's address from X-Forwarded-For, and only
 * when the configuration says whose X-Forwarded-For to believe.
 */
import type { DbHandle } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { buildTestApp } from './testing.ts';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h?.close();
});

/** Two log-in attempts per address a minute; the per-account limit out of the way. */
async function appTrusting(trustProxy: string | undefined) {
  const { trustProxy: parsed } = loadConfig({ TRUST_PROXY: trustProxy });
  return await buildTestApp(
    h,
    { trustProxy: parsed },
    {
      rateLimits: {
        logInPerIp: { max: 2, windowSeconds: 60 },
        logInPerAccount: { max: 1000, windowSeconds: 60 },
      },
    },
  );
}

let attempt = 0;
/**
 * A wrong log-in from `client` (its X-Forwarded-For), sent by the proxy at `proxy` (the connection's
 * address; each test its own, so their buckets never meet).
 */
async function logInFrom(app: Awaited<ReturnType<typeof appTrusting>>, client: string, proxy: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/log-in',
    remoteAddress: proxy,
    headers: { 'x-forwarded-for': client },
    payload: { email: `nobody${++attempt}@example.bg`, password: 'not the right password' },
  });
  return res.statusCode;
}

describe('TRUST_PROXY and the per-address rate limits', () => {
  it.each([
    ['127.0.0.1', 1],
    ['loopback', 2],
    ['10.0.0.0/8, 127.0.0.0/8, ::1', 3],
    ['true', 4],
  ])('with TRUST_PROXY=%s, two clients behind the proxy have a bucket each', async (trustProxy, n) => {
    const app = await appTrusting(trustProxy);
    try {
      const [a, b, proxy] = [`198.51.100.${n}`, `203.0.113.${n}`, '127.0.0.1'];
      expect([await logInFrom(app, a, proxy), await logInFrom(app, a, proxy)]).toEqual([401, 401]);
      expect(await logInFrom(app, a, proxy)).toBe(429);
      // Another client behind the same proxy still has its own two attempts.
      expect([await logInFrom(app, b, proxy), await logInFrom(app, b, proxy)]).toEqual([401, 401]);
      expect(await logInFrom(app, b, proxy)).toBe(429);
    } finally {
      await app.close();
    }
  });

  it('without TRUST_PROXY ignores X-Forwarded-For: everyone behind the proxy shares its address', async () => {
    const app = await appTrusting(undefined);
    try {
      const proxy = '127.0.0.2';
      expect([await logInFrom(app, '192.0.2.1', proxy), await logInFrom(app, '192.0.2.1', proxy)]).toEqual([
        401, 401,
      ]);
      // A different claimed address does not get a fresh bucket: a client cannot escape the limit by
      // sending a header of its own.
      expect(await logInFrom(app, '192.0.2.2', proxy)).toBe(429);
    } finally {
      await app.close();
    }
  });

  it('trusts only the proxies it names', async () => {
    const app = await appTrusting('10.0.0.0/8');
    try {
      // Requests come from 127.0.0.3, which is not a named proxy: its X-Forwarded-For is not believed.
      const proxy = '127.0.0.3';
      expect([await logInFrom(app, '192.0.2.11', proxy), await logInFrom(app, '192.0.2.11', proxy)]).toEqual([
        401, 401,
      ]);
      expect(await logInFrom(app, '192.0.2.12', proxy)).toBe(429);
    } finally {
      await app.close();
    }
  });
});
