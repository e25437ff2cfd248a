import { setTimeout as sleep } from 'node:timers/promises';
import type { DbHandle } from '@portal/db';
import type { FastifyInstance } from 'fastify';

/**
 * The first step of a graceful shutdown (decision 025): from now on readiness answers 503 and every
 * response closes its connection, while the server goes on serving for `delayMs` so that load balancers
 * take it out of rotation before its listener closes. Then call `shutdown()`.
 */
export async function drain(app: FastifyInstance, delayMs: number): Promise<void> {
  app.lifecycle.draining = true;
  if (delayMs <= 0) return;
  app.log.info({ delayMs }, 'draining: readiness answers 503, closing after the delay');
  await sleep(delayMs);
}

/**
 * Graceful shutdown: stop accepting connections and let in-flight requests finish (app.close waits for
 * them), and only then close the database they may still be using.
 */
export async function shutdown(app: FastifyInstance, handle: DbHandle): Promise<void> {
  try {
    await app.close();
  } finally {
    await handle.close();
  }
}
