import type { Db, SQL } from '@portal/db';

/**
 * Runs a raw statement on either engine and returns its rows: postgres.js answers an array, PGlite an
 * object with `rows`. Services take a `Db`, so the same code runs inside a transaction.
 */
export async function execute<T extends Record<string, unknown>>(db: Db, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}
