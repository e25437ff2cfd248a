import type { Db } from '@portal/db';
import { sql } from '@portal/db';
import type { HealthResponse } from '@portal/shared';
import { execute } from '../../db.ts';

/**
 * How long the health check waits for the database. Well under the connect timeout, so a load balancer's
 * probe hears "unreachable" promptly instead of timing out itself while a connection attempt hangs
 * (decision 026).
 */
export const HEALTH_DB_TIMEOUT_MS = 2000;

export async function checkHealth(db: Db, timeoutMs = HEALTH_DB_TIMEOUT_MS): Promise<HealthResponse> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(resolve, timeoutMs, 'timeout');
  });
  try {
    const probe = execute(db, sql`select 1 as ok`).then(() => 'ok' as const);
    // A late answer or failure of the abandoned probe must not become an unhandled rejection.
    probe.catch(() => {});
    const outcome = await Promise.race([probe, timedOut]);
    if (outcome === 'ok') return { status: 'ok', database: 'ok' };
    return { status: 'error', database: 'unreachable' };
  } catch {
    return { status: 'error', database: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
