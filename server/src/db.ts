import { type Db, type SQL, sql } from '@portal/db';

/**
 * Runs a raw statement on either engine and returns its rows: postgres.js answers an array, PGlite an
 * object with `rows`. Services take a `Db`, so the same code runs inside a transaction.
 */
export async function execute<T extends Record<string, unknown>>(db: Db, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}

/** A timestamptz column as an ISO 8601 UTC string (`2026-11-27T09:30:00.000Z`), the same on both engines. */
export function isoTimestamp(column: string): SQL {
  return sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
}

/** A json/jsonb value: postgres.js parses it, PGlite may hand over the text. */
export function parseJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** A LIKE pattern matching `text` anywhere, with `%`, `_` and `\` typed by a user matching themselves. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The members-only rule in SQL, for a joined `memberships m` (decision 012): an active, admitted
 * membership (the same test as `isPubliclyListed` and the directory's partial indexes).
 */
export const ACTIVE_MEMBERSHIP = sql.raw(`(m.status = 'active' and m.category <> 'candidate')`);

/** `memberStanding()` in SQL, for a left-joined `memberships m` (null: no membership on file). */
export const MEMBER_STANDING = sql.raw(
  `(case when m.id is null or m.category = 'candidate' then 'none' else m.status end)`,
);
