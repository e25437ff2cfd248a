import { http } from 'msw';
import { bodyOf, type RecordedRequest, recordRequests } from './recorder.ts';
import { server } from './server.ts';

export { bytesOf, type RecordedRequest } from './recorder.ts';
export { json, noContent, problem } from './responses.ts';

type Reply = Response | Promise<Response>;
/** Answers a request; return undefined to let the next (or the default) handler answer. */
export type Handler = (url: URL, request: RecordedRequest) => Reply | undefined;

/** Turns `{ path: handler }` answers into MSW handlers (any method; exact paths before `:param` patterns). */
export function handlersOf(handlers: Record<string, Handler>) {
  const entries = Object.entries(handlers);
  const ordered = [...entries.filter(([p]) => !p.includes(':')), ...entries.filter(([p]) => p.includes(':'))];
  return ordered.map(([path, handler]) =>
    http.all(path, async ({ request }) => {
      const record: RecordedRequest = {
        url: new URL(request.url),
        method: request.method,
        headers: new Headers(request.headers),
        body: await bodyOf(request),
      };
      return (await handler(record.url, record)) ?? undefined;
    }),
  );
}

/**
 * A test's own answers by path, on the shared MSW server, in front of every handler added before (and of
 * the defaults: `/api/cluster`, `/api/areas`, an anonymous `/api/auth/session`). A request nobody answers
 * fails the test. Returns the requests made from now on (method, URL, headers, parsed body), in order.
 */
export function stubApi(handlers: Record<string, Handler> = {}) {
  const recorder = recordRequests();
  server.use(...handlersOf(handlers));
  return recorder;
}
