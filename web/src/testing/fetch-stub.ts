import type { Problem } from '@portal/shared';
import { vi } from 'vitest';
import { areasFixture, clusterFixture } from './fixtures.ts';

/** One request the app made, as the stub saw it. */
export interface RecordedRequest {
  url: URL;
  method: string;
  headers: Headers;
  /** The JSON body parsed (the raw text if it is not JSON); undefined without a body. */
  body: unknown;
}

type Reply = Response | Promise<Response>;
/** Answers a request; return undefined to let the next (or the default) handler answer. */
export type Handler = (url: URL, request: RecordedRequest) => Reply | undefined;

/** A JSON answer; `headers` adds response headers (e.g. `{ ETag: '"3"' }`). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

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

function parseBody(body: BodyInit | null | undefined): unknown {
  if (body === undefined || body === null) return undefined;
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/**
 * Replaces `fetch` — the app's only way out — with handlers answering by path, so component tests run
 * the real api-client, schemas and query hooks without a network. /api/cluster and /api/areas get the
 * fixtures and /api/auth/session an anonymous visitor unless a handler answers them; anything unhandled
 * is a 404 problem (and fails loudly in tests that expect data). Returns the requests made (method, URL,
 * headers, parsed JSON body), in order.
 */
export function stubApi(handlers: Record<string, Handler> = {}) {
  const requests: RecordedRequest[] = [];
  const defaults: Record<string, Handler> = {
    '/api/cluster': () => json(clusterFixture),
    '/api/areas': () => json(areasFixture),
    '/api/auth/session': () => json({ user: null }),
  };
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const raw = input instanceof Request ? input.url : String(input);
    const url = new URL(raw, 'http://localhost');
    const request: RecordedRequest = {
      url,
      method: (init?.method ?? 'GET').toUpperCase(),
      headers: new Headers(init?.headers),
      body: parseBody(init?.body),
    };
    requests.push(request);
    const exact = handlers[url.pathname] ?? defaults[url.pathname];
    const pattern = Object.entries(handlers).find(
      ([path]) =>
        path.includes(':') && new RegExp(`^${path.replace(/:[^/]+/g, '[^/]+')}$`).test(url.pathname),
    )?.[1];
    const reply = (exact ?? pattern)?.(url, request);
    return reply ?? problem(404, 'Not Found');
  });
  vi.stubGlobal('fetch', fetchStub);
  return {
    requests,
    /** Requests to one path (e.g. '/api/organizations'). */
    requestsTo: (pathname: string) => requests.filter((r) => r.url.pathname === pathname),
  };
}
