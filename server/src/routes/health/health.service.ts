import type { Db } from '@portal/db';
import { sql } from '@portal/db';
import { execute } from '../../db.ts';

/** How long readiness waits for the database: a hung connection must not hang the health check. */
export const READY_TIMEOUT_MS = 2000;

/**
 * Whether the database answers `select 1` within `timeoutMs`. A statement that is still running when the
 * time is up is left to finish or fail on its own; its outcome no longer matters.
 */
export async function databaseReachable(db: Db, timeoutMs = READY_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = execute(db, sql`select 1 as ok`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
