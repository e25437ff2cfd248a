import type { Problem } from '@portal/shared';
import { vi } from 'vitest';
import { areasFixture, clusterFixture } from './fixtures.ts';

/** One request the app made, as the stub saw it. */
export interface RecordedRequest {
  url: URL;
  headers: Headers;
}

type Reply = Response | Promise<Response>;
/** Answers a request; return undefined to let the next (or the default) handler answer. */
export type Handler = (url: URL, request: RecordedRequest) => Reply | undefined;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function problem(status: number, title: string, errors?: Problem['errors']): Response {
  const body: Problem = { type: 'about:blank', title, status, ...(errors ? { errors } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

/**
 * Replaces `fetch` — the app's only way out — with handlers answering by path, so component tests run
 * the real api-client, schemas and query hooks without a network. /api/cluster and /api/areas get the
 * fixtures unless a handler answers them; anything unhandled is a 404 problem (and fails loudly in tests
 * that expect data). Returns the requests made, in order.
 */
export function stubApi(handlers: Record<string, Handler> = {}) {
  const requests: RecordedRequest[] = [];
  const defaults: Record<string, Handler> = {
    '/api/cluster': () => json(clusterFixture),
    '/api/areas': () => json(areasFixture),
  };
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const raw = input instanceof Request ? input.url : String(input);
    const url = new URL(raw, 'http://localhost');
    const request: RecordedRequest = { url, headers: new Headers(init?.headers) };
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
