/**
 * What the logs may hold (issue 11 A5). Every log line goes through `redactingLogger`, which
 *
 * - never writes a SQL statement's parameters: a failed drizzle query keeps its SQL text, while its
 *   parameters (an argon2 hash, an email, anything typed in) and the database's `detail` (which repeats
 *   the offending values: "Key (email)=(…) already exists") are replaced by `[redacted]`, in the error's
 *   fields, its message, its stack and the log line's message alike;
 * - replaces the value of any field whose name says it is secret (passwords, hashes, tokens, cookies,
 *   authorization, API keys, secrets), at any depth of a logged object;
 * - hides secret query-string values (`?token=…`) in every logged string, also when the parameter name
 *   is percent-encoded (`?tok%65n=…` is the same parameter to the server, so it is decoded first).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Logger, LoggerOptions } from 'pino';
import type { LogLevel } from './config.ts';

export const REDACTED = '[redacted]';

/** Field names (compared without case, `-`, `_` and `.`) whose values never reach a log. */
const SECRET_FIELD = /password|passwd|passphrase|secret|token|cookie|authorization|apikey|hash$|^otp$/;

/** Fields of database errors that carry the statement's values rather than describing the failure. */
const VALUE_FIELDS = new Set(['params', 'parameters', 'args', 'detail', 'values']);

/** Query-string parameter names (decoded, normalised as above) whose values are secret. */
const SECRET_PARAM = /token|password|passwd|secret|session|cookie|auth|apikey|signature|^sig$|^key$|^code$/;

const normalise = (name: string) => name.toLowerCase().replace(/[-_.\s]/g, '');

export function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(normalise(name));
}

/** Percent-decodes a query parameter name the way a server would (and once more, to be safe). */
function decodeName(name: string): string {
  let decoded = name.replace(/\+/g, ' ');
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      // A malformed escape: decode the well-formed ones and keep the rest.
      next = decoded.replace(/%[0-9a-f]{2}/gi, (m) => String.fromCharCode(Number.parseInt(m.slice(1), 16)));
    }
    if (next === decoded) break;
    decoded = next;
  }
  return decoded;
}

/** `?name=value` / `&name=value` / `;name=value` pairs inside any text (a URL, a message, a stack). */
const QUERY_PAIR = /([?&;])([^=&#?;\s"'<>]+)=([^&#;\s"'<>]*)/g;

/** Hides the values of secret query parameters in a URL or any text that contains URLs. */
export function redactUrl(text: string): string {
  return text.replace(QUERY_PAIR, (pair, sep: string, name: string, value: string) =>
    value !== '' && value !== REDACTED && SECRET_PARAM.test(normalise(decodeName(name)))
      ? `${sep}${name}=${REDACTED}`
      : pair,
  );
}

/** drizzle's `DrizzleQueryError` ("Failed query: <sql>\nparams: <values>"), told apart by its fields. */
function isQueryError(err: Error): err is Error & { query: string; params: unknown[] } {
  const e = err as Error & { query?: unknown; params?: unknown };
  return typeof e.query === 'string' && Array.isArray(e.params);
}

/** The text of drizzle's failed-query message (and of any text quoting it) without the parameters. */
const PARAMS_LINE = /(\nparams: )[\s\S]*?(?=\n\s+at |\n\s*caused by|$)/gi;

export function redactText(text: string): string {
  return redactUrl(text.replace(PARAMS_LINE, `$1${REDACTED}`));
}

function errorMessage(err: Error): string {
  if (isQueryError(err)) return `Failed query: ${err.query}\nparams: ${REDACTED}`;
  return redactText(String(err.message));
}

function errorStack(err: Error, message: string): string | undefined {
  if (typeof err.stack !== 'string') return undefined;
  const stack = err.message ? err.stack.replace(err.message, message) : err.stack;
  return redactText(stack);
}

const MAX_DEPTH = 8;

/** A plain, log-safe copy of an error and its causes. */
export function serializeError(err: Error, depth = 0): Record<string, unknown> {
  const message = errorMessage(err);
  const out: Record<string, unknown> = {
    type: err.constructor?.name ?? err.name,
    message,
    stack: errorStack(err, message),
  };
  for (const key of Object.keys(err)) {
    if (key in out || key === 'cause') continue;
    const value = (err as unknown as Record<string, unknown>)[key];
    out[key] = VALUE_FIELDS.has(key) || isSecretField(key) ? REDACTED : redactValue(value, depth + 1);
  }
  if (err.cause !== undefined && depth < MAX_DEPTH) {
    out.cause =
      err.cause instanceof Error ? serializeError(err.cause, depth + 1) : redactValue(err.cause, depth + 1);
  }
  const errors = (err as { errors?: unknown }).errors;
  if (Array.isArray(errors)) out.errors = redactValue(errors, depth + 1);
  return out;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A log-safe copy of a logged value: plain objects and arrays are copied with secret fields hidden,
 * errors serialized without their parameters, strings without secret query values. Other objects
 * (Fastify's request and reply) are left to their serializers.
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return serializeError(value, depth);
  if (depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = isSecretField(key) && v !== undefined && v !== null ? REDACTED : redactValue(v, depth + 1);
  }
  return out;
}

function redactLogObject(object: object): object {
  return redactValue(object) as object;
}

const serializers = {
  err: (value: unknown) => (value instanceof Error ? serializeError(value) : value),
  error: (value: unknown) => (value instanceof Error ? serializeError(value) : value),
  // The message of `log.error(err)` is the error's own message: the same rules apply to it.
  msg: (value: unknown) => (typeof value === 'string' ? redactText(value) : value),
};

/** Header paths hidden by pino itself (Fastify's request/response objects are not plain objects). */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

/** The options of the root logger the server makes itself (main.ts, through buildApp). */
export function rootLoggerOptions(level: LogLevel, pretty: boolean): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_LOG_PATHS, censor: REDACTED },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
}

/**
 * A child of `logger` that applies the rules above to every line it and its own children write, so
 * they hold whoever made the root logger (main.ts or a test capturing the output).
 */
export function redactingLogger(logger: Logger | FastifyBaseLogger): FastifyBaseLogger {
  return (logger as Logger).child(
    {},
    { serializers, formatters: { log: redactLogObject } },
  ) as unknown as FastifyBaseLogger;
}
