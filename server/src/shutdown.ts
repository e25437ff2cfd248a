import type { DbHandle } from '@portal/db';
import type { FastifyInstance } from 'fastify';

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
