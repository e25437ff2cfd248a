import { databaseOutage } from '@portal/db';
import { controlCharacterPaths, type FieldError, type Language, pickLanguage } from '@portal/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { AppError, PROBLEM_CONTENT_TYPE, type ProblemCode, problem } from '../errors.ts';
import { hasMessage, translate } from '../i18n/messages.ts';

/** zod's own wording of its issues, per language (zod 4 ships both locales). */
const zodLocales: Record<Language, ReturnType<typeof z.locales.en>> = {
  bg: z.locales.bg(),
  en: z.locales.en(),
};

type Values = Record<string, string | number>;

export function requestLanguage(request: FastifyRequest): Language {
  return pickLanguage(request.headers['accept-language']);
}

function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ProblemCode,
  status: number,
  values: Values = {},
  errors?: FieldError[],
  extensions?: Record<string, unknown>,
) {
  const lang = requestLanguage(request);
  return reply
    .code(status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('content-language', lang)
    .header('vary', 'Accept-Language')
    .send({ ...problem(lang, code, status, values, errors), ...extensions });
}

/**
 * The path a client understands: the field name for querystring and params (`pageSize`, `id`), and
 * `body.a.b` for a body field (a body may have a field called `page` too).
 */
function fieldPath(context: string | undefined, segments: string[]): string {
  if (context === 'querystring' || context === 'params') return segments.join('.') || context;
  return [context ?? 'body', ...segments].join('.');
}

function valueAt(source: unknown, segments: string[]): unknown {
  let value = source;
  for (const s of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[s];
  }
  return value;
}

const REQUEST_PART: Record<string, (r: FastifyRequest) => unknown> = {
  querystring: (r) => r.query,
  params: (r) => r.params,
  body: (r) => r.body,
  headers: (r) => r.headers,
};

/** One localised message per zod issue: our catalogue for our codes, zod's locale for the rest. */
function zodFieldErrors(
  lang: Language,
  request: FastifyRequest,
  context: string | undefined,
  validation: { keyword: string; instancePath: string; params: Record<string, unknown> }[],
): FieldError[] {
  return validation.map((v) => {
    const segments = v.instancePath.split('/').filter(Boolean);
    const path = fieldPath(context, segments);
    // Our own codes (`params: { code, values }` in the shared schemas) on any kind of issue.
    const own = v.params.params as { code?: unknown; values?: Values } | undefined;
    if (typeof own?.code === 'string' && hasMessage(own.code)) {
      return { path, message: translate(lang, own.code, own.values) };
    }
    // Fastify keeps the raw request part when validation fails, so the offending input is still there
    // (zod's "received …" wording needs it; the issue itself does not carry it).
    const input = valueAt(context ? REQUEST_PART[context]?.(request) : undefined, segments);
    const issue = { ...v.params, code: v.keyword, path: segments, input } as never;
    const worded = zodLocales[lang].localeError(issue);
    const message =
      typeof worded === 'string' ? worded : (worded?.message ?? translate(lang, 'field.invalid'));
    return { path, message };
  });
}

/**
 * What a client is told to wait when the database is unavailable: about one reconnection attempt under
 * the default connect timeout, and long enough that a restart is usually over (decision 026).
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Maps Fastify's own client errors (content type, body size, JSON) to problems, never 500. */
const FASTIFY_CLIENT_ERRORS: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'media_type.unsupported',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.bad',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body.too_large',
  FST_ERR_CTP_INVALID_JSON_BODY: 'body.invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'body.invalid_json',
  FST_ERR_CTP_INVALID_TYPE: 'request.bad',
};

/** Route patterns per method, to tell a 405 (path exists, method does not) from a 404. */
class RouteTable {
  private readonly routes: { pattern: RegExp; methods: Set<string> }[] = [];
  add(url: string, methods: string[]) {
    const source = url
      .split('/')
      .map((part) =>
        part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    this.routes.push({ pattern: new RegExp(`^${source}/?$`), methods: new Set(methods) });
  }
  allowed(path: string): string[] {
    const methods = new Set<string>();
    for (const r of this.routes) if (r.pattern.test(path)) for (const m of r.methods) methods.add(m);
    return [...methods].sort();
  }
}

/**
 * Errors the router raises before any route runs (a malformed percent-encoding, a path parameter over
 * maxParamLength): answered as problems like everything else, not with Fastify's plain JSON.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(request, reply, 'request.rejected', 414, { status: 414 });
  }
  return sendProblem(request, reply, 'request.bad', 400);
}

export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

/**
 * The single error handler (problem+json for everything) and the not-found handler. Called on the root
 * instance, so it applies to every route. `fallback` lets the SPA answer non-API GETs with index.html.
 */
export function registerErrorHandling(app: FastifyInstance) {
  const routes = new RouteTable();
  let fallback: NotFoundFallback | undefined;
  app.decorate('setNotFoundFallback', (f: NotFoundFallback) => {
    fallback = f;
  });

  app.addHook('onRoute', (route) => {
    if (route.url.includes('*')) return; // the SPA's catch-all must not turn every 404 into a 405
    routes.add(route.url, Array.isArray(route.method) ? route.method : [route.method]);
  });

  // Control characters (NUL above all: PostgreSQL cannot store it) are refused in every text input of
  // every route, before the route's own validation, with a 400 naming each field (issue 11 A9, decision 015).
  app.addHook('preValidation', async (request) => {
    const fields = (['querystring', 'params', 'body'] as const).flatMap((context) =>
      controlCharacterPaths(REQUEST_PART[context]?.(request)).map((segments) => ({
        path: fieldPath(context, segments),
        code: 'field.control_characters' as const,
      })),
    );
    if (fields.length > 0) throw new AppError('validation.failed', 400, { fields });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (!isApiPath(path) && fallback?.(request, reply)) return reply;
    const allow = routes.allowed(path);
    if (allow.length > 0) {
      reply.header('allow', allow.join(', '));
      return sendProblem(request, reply, 'method.not_allowed', 405, {
        path,
        method: request.method,
        allow: allow.join(', '),
      });
    }
    return sendProblem(request, reply, 'route.not_found', 404, { path });
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lang = requestLanguage(request);

    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.params.headers ?? {})) reply.header(name, value);
      const errors = error.params.fields?.map((f) => ({
        path: f.path,
        message: translate(lang, f.code, f.values),
      }));
      if (error.status >= 500) request.log.error({ err: error }, 'request failed');
      const { values, extensions } = error.params;
      return sendProblem(request, reply, error.code, error.status, values, errors, extensions);
    }

    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = zodFieldErrors(lang, request, error.validationContext, error.validation);
      return sendProblem(request, reply, 'validation.failed', 400, {}, errors);
    }
    if (error.validation) {
      const errors = error.validation.map((v) => ({
        path: fieldPath(error.validationContext, v.instancePath.split('/').filter(Boolean)),
        message: translate(lang, 'field.invalid'),
      }));
      return sendProblem(request, reply, 'validation.failed', 400, {}, errors);
    }

    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    const status = error.statusCode ?? 500;
    if (known && status >= 400 && status < 500) {
      // The limit of the route that refused the body (document uploads allow 10 MB, JSON 1 MB), not the
      // app-wide default (issue 11 A12).
      const limit = request.routeOptions?.bodyLimit ?? app.initialConfig.bodyLimit ?? 0;
      const megabytes = new Intl.NumberFormat(lang === 'bg' ? 'bg-BG' : 'en-GB', {
        maximumFractionDigits: 1,
      }).format(limit / (1024 * 1024));
      return sendProblem(request, reply, known, status, {
        limit,
        size: `${megabytes} ${lang === 'bg' ? 'МБ' : 'MB'}`,
      });
    }
    if (status >= 400 && status < 500) {
      return sendProblem(request, reply, status === 400 ? 'request.bad' : 'request.rejected', status, {
        status,
      });
    }
    if (status === 503) return sendProblem(request, reply, 'service.unavailable', 503);

    // The database is unreachable, going away, starting up, full, or cut the statement off: not the
    // request's fault, and not a bug either. 503 with Retry-After, so clients and load balancers retry.
    const outage = databaseOutage(error);
    if (outage) {
      const log = { err: error, event: 'database.unavailable', cause: outage };
      // A statement timeout is a query to look at; a connection failure is the database being away.
      if (outage === 'timeout') request.log.error(log, 'database statement timed out');
      else request.log.warn(log, 'database unavailable');
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      return sendProblem(request, reply, 'service.unavailable', 503);
    }

    // Anything else is our fault: log it in full with the request id, answer without any internals.
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 'internal', 500, { requestId: request.id });
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    setNotFoundFallback(fallback: NotFoundFallback): void;
  }
}
