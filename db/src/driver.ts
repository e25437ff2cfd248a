/**
 * The one place where the two engines' drivers differ (decision 029). PGlite and postgres.js answer the
 * same SQL, but hand results and errors over in different shapes; services and repositories never test
 * which engine they run on: they use these.
 *
 * - A raw statement's rows: postgres.js answers an array, PGlite an object with `rows` (`rowsOf`).
 * - Timestamps: drizzle reads a `timestamp … with time zone` column in `mode: 'date'` as a `Date` on both
 *   engines; `isoTimestamp` is the same value in raw SQL, as the ISO 8601 UTC string the API sends.
 * - json/jsonb and arrays built in raw SQL: postgres.js parses them, PGlite may hand over the text
 *   (`parseJson`, `textArray`).
 * - Errors: drizzle wraps the driver's error in `cause`; the SQLSTATE is `code` on both, the constraint's
 *   name is `constraint_name` (postgres.js) or `constraint` (PGlite) (`driverErrors`, `constraintViolation`).
 */
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

// Structural, so this module does not import client.ts (which imports it).
type AnyDb = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

/** Runs a raw statement on either engine (or inside a transaction) and returns its rows. */
export async function rowsOf<T extends Record<string, unknown>>(
  db: Pick<AnyDb, 'execute'>,
  statement: SQL,
): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown;
  if (Array.isArray(result)) return [...result] as T[];
  return (result as { rows: T[] }).rows;
}

const ISO_FORMAT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * A timestamptz as an ISO 8601 UTC string (`2026-11-27T09:30:00.000Z`) in SQL, the same on both engines
 * and the same as `toIso()` of the `Date` drizzle reads from the column. Takes a column of the schema, any
 * SQL expression, or (for hand-written statements) a column's name as text.
 */
export function isoTimestamp(column: SQLWrapper | string): SQL<string> {
  const expression = typeof column === 'string' ? sql.raw(column) : column;
  return sql<string>`to_char(${expression} at time zone 'UTC', ${sql.raw(ISO_FORMAT)})`;
}

/** A timestamp as the API sends it (`2026-11-27T09:30:00.000Z`); null stays null. */
export function toIso(value: Date): string;
export function toIso(value: Date | null): string | null;
export function toIso(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}

/** A json/jsonb value: postgres.js parses it, PGlite may hand over the text. */
export function parseJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/**
 * A text[] built in raw SQL (`array(select …)`): an array from postgres.js, maybe its text form
 * (`{a,b}`) from PGlite. Only for values without commas, quotes or braces (ids, enum codes).
 */
export function textArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean);
}

/**
 * `error` and every error it wraps, outermost first: drizzle puts the driver's error in `cause`, and
 * Node's connection attempts to several addresses fail together in `errors`. Bounded, and safe against
 * cycles.
 */
export function* driverErrors(error: unknown): Generator<object> {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 16) {
    const e = queue.shift();
    if (e === null || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    yield e;
    queue.push((e as { cause?: unknown }).cause);
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors)) queue.push(...errors);
  }
}

/** SQLSTATEs of the integrity constraints a service may expect and answer (409, a field error). */
export const CONSTRAINT_SQLSTATES = {
  unique: '23505',
  foreignKey: '23503',
  check: '23514',
  notNull: '23502',
  exclusion: '23P01',
} as const;

export type ConstraintKind = keyof typeof CONSTRAINT_SQLSTATES;

/**
 * The constraint `error` (or an error it wraps) violated, as `{ kind, constraint }`, or undefined when it
 * is no integrity-constraint violation. `constraint` is the name PostgreSQL reports (an index's name for a
 * unique index), on both engines.
 */
export function constraintViolation(
  error: unknown,
): { kind: ConstraintKind; constraint: string | undefined } | undefined {
  for (const e of driverErrors(error)) {
    const { code, constraint_name, constraint } = e as {
      code?: unknown;
      constraint_name?: unknown;
      constraint?: unknown;
    };
    if (typeof code !== 'string') continue;
    const kind = (Object.keys(CONSTRAINT_SQLSTATES) as ConstraintKind[]).find(
      (k) => CONSTRAINT_SQLSTATES[k] === code,
    );
    if (!kind) continue;
    const name = constraint_name ?? constraint;
    return { kind, constraint: typeof name === 'string' ? name : undefined };
  }
  return undefined;
}

/** Did `error` break the unique constraint (or unique index) named `constraint` — any, when omitted? */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const v = constraintViolation(error);
  return v?.kind === 'unique' && (constraint === undefined || v.constraint === constraint);
}
