import type { Db } from '@portal/db';
import { sql } from '@portal/db';
import type { HealthResponse } from '@portal/shared';
import { execute } from '../../db.ts';

export async function checkHealth(db: Db): Promise<HealthResponse> {
  try {
    await execute(db, sql`select 1 as ok`);
    return { status: 'ok', database: 'ok' };
  } catch {
    return { status: 'error', database: 'unreachable' };
  }
}
