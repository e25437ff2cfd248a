/**
 * Telling a database outage from a bug (decision 026). A request that fails because PostgreSQL cannot be
 * reached, is shutting down or starting up, or cut the statement off at `statement_timeout` is answered
 * 503 with `Retry-After`, not 500: the request was fine, the database was not there for it.
 */
import { driverErrors } from './driver.ts';

/** Socket errors from Node and postgres.js's own connection errors: no usable connection. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  // The database's host name does not resolve (its container is gone, DNS is down).
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/** SQLSTATEs of a server that is going away, not yet back, or full. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: terminating connection due to administrator command
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the database system is starting up / shutting down
  '53300', // too_many_connections
]);

/** query_canceled: `statement_timeout` (or a cancel) cut the statement off. */
const STATEMENT_TIMEOUT = '57014';

export type DatabaseOutage = 'connection' | 'timeout';

/**
 * `'connection'` when `error` (or an error it wraps: drizzle puts the driver's error in `cause`) says the
 * database could not be reached or dropped the connection; `'timeout'` for a statement cut off by
 * `statement_timeout`; `undefined` for anything else (a constraint violation, a bug).
 */
export function databaseOutage(error: unknown): DatabaseOutage | undefined {
  for (const e of driverErrors(error)) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (CONNECTION_ERROR_CODES.has(code)) return 'connection';
    // Class 08: connection exception (08000, 08001, 08003, 08006, …).
    if (/^08[0-9A-Z]{3}$/.test(code) || UNAVAILABLE_SQLSTATES.has(code)) return 'connection';
    if (code === STATEMENT_TIMEOUT) return 'timeout';
  }
  return undefined;
}
