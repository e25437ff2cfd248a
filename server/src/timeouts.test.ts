/**
 * Slow clients cannot hold connections open (issue 11 A11): a body trickled a byte at a time is cut off
 * once the configured request timeout has passed, and an idle connection is closed. Short limits are
 * configured here so the test takes seconds, not minutes.
 */
import { connect, type Socket } from 'node:net';
import type { DbHandle } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { buildTestApp } from './testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let port = 0;

const REQUEST_TIMEOUT_MS = 800;
const CONNECTION_TIMEOUT_MS = 1500;

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h, {
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    connectionTimeoutMs: CONNECTION_TIMEOUT_MS,
    keepAliveTimeoutMs: 1000,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

/** Resolves with the milliseconds until the server closed the socket, or `null` after `giveUpMs`. */
function closedWithin(socket: Socket, giveUpMs: number): Promise<{ ms: number | null; received: string }> {
  const started = Date.now();
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk.toString('latin1');
  });
  return new Promise((resolve) => {
    const giveUp = setTimeout(() => resolve({ ms: null, received }), giveUpMs);
    socket.once('close', () => {
      clearTimeout(giveUp);
      resolve({ ms: Date.now() - started, received });
    });
    socket.once('error', () => undefined);
  });
}

describe('request and connection timeouts', () => {
  it('closes a connection whose body trickles in a byte at a time once the request timeout has passed', async () => {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const closed = closedWithin(socket, 6000);
    socket.write(
      'POST /api/auth/log-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    // One byte every 200 ms: never idle long enough for the idle timeout, so only the request deadline
    // can end it.
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write('"');
    }, 200);
    try {
      const { ms, received } = await closed;
      expect(ms, 'the server kept the trickling connection open').not.toBeNull();
      expect(ms!).toBeLessThan(REQUEST_TIMEOUT_MS + 1500);
      expect(received).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
  });

  it('closes a connection that sends nothing at all', async () => {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const { ms } = await closedWithin(socket, 6000);
    socket.destroy();
    expect(ms, 'the server kept the silent connection open').not.toBeNull();
    expect(ms!).toBeLessThan(CONNECTION_TIMEOUT_MS + 1500);
  });

  it('still serves an ordinary request on the same server', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(200);
  });
});

describe('timeout configuration', () => {
  it('reads the limits in seconds, with defaults that end a trickled request within a minute', () => {
    const defaults = loadConfig({});
    expect(defaults.requestTimeoutMs).toBe(60_000);
    expect(defaults.connectionTimeoutMs).toBe(60_000);
    expect(defaults.keepAliveTimeoutMs).toBe(10_000);
    const set = loadConfig({
      REQUEST_TIMEOUT_SECONDS: '30',
      CONNECTION_TIMEOUT_SECONDS: '20',
      KEEP_ALIVE_TIMEOUT_SECONDS: '5',
    });
    expect([set.requestTimeoutMs, set.connectionTimeoutMs, set.keepAliveTimeoutMs]).toEqual([
      30_000, 20_000, 5000,
    ]);
    expect(() => loadConfig({ REQUEST_TIMEOUT_SECONDS: '0' })).toThrow(/REQUEST_TIMEOUT_SECONDS/);
  });
});
