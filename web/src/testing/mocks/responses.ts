import type { Problem } from '@portal/shared';

/** A JSON answer; `headers` adds response headers (e.g. `{ ETag: '"3"' }`). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A problem+json answer as the server's one error handler writes it. */
export function problem(
  status: number,
  title: string,
  errors?: Problem['errors'],
  extra: { code?: string; detail?: string; headers?: Record<string, string> } = {},
): Response {
  const body: Problem = {
    type: 'about:blank',
    title,
    status,
    ...(extra.detail ? { detail: extra.detail } : {}),
    ...(extra.code ? { code: extra.code } : {}),
    ...(errors ? { errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...extra.headers },
  });
}

/** An empty answer (204 No Content by default). */
export function noContent(status = 204): Response {
  return new Response(null, { status });
}

/** The server's 400 for a request its zod schema refuses (paths prefixed like the server's: `body.x`). */
export function invalid(
  error: { issues: { path: PropertyKey[]; message: string }[] },
  where?: 'body',
): Response {
  return problem(
    400,
    'Невалидни данни',
    error.issues.map((i) => ({
      path: [...(where ? [where] : []), ...i.path].map(String).join('.'),
      message: i.message,
    })),
    { code: 'validation.failed' },
  );
}

/** One page of `all`, as the server's lists answer (`extra` adds fields such as counts). */
export function paged<T>(
  all: T[],
  { page, pageSize }: { page: number; pageSize: number },
  extra: Record<string, unknown> = {},
): Response {
  return json({
    items: all.slice((page - 1) * pageSize, page * pageSize),
    total: all.length,
    page,
    pageSize,
    ...extra,
  });
}
