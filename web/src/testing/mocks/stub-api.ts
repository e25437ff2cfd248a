import { http } from 'msw';
import { server } from './server.ts';

export { json, noContent, problem } from './responses.ts';

/** One request the app made, as the mock server saw it. */
export interface RecordedRequest {
  url: URL;
  method: string;
  headers: Headers;
  /**
   * The body: JSON parsed (the raw text if it is not JSON) for text and JSON requests, the bytes
   * (`Uint8Array`) for binary uploads; undefined without a body.
   */
  body: unknown;
}

type Reply = Response | Promise<Response>;
/** Answers a request; return undefined to let the next (or the default) handler answer. */
export type Handler = (url: URL, request: RecordedRequest) => Reply | undefined;

const isText = (contentType: string) => contentType === '' || /json|^text\//.test(contentType);

async function recordOf(request: Request): Promise<RecordedRequest> {
  const copy = request.clone();
  const contentType = copy.headers.get('content-type') ?? '';
  let body: unknown;
  if (isText(contentType)) {
    const text = await copy.text();
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
  } else {
    body = new Uint8Array(await copy.arrayBuffer());
  }
  return { url: new URL(request.url), method: request.method, headers: new Headers(request.headers), body };
}

/** The bytes of a file the test gave the app, to compare with a recorded upload's body. */
export async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Answers the app's requests by path for one test, on the shared MSW server: each entry becomes an
 * `http.all(path, …)` handler (`:param` segments match one segment; exact paths win over patterns), in front
 * of the defaults (`/api/cluster`, `/api/areas`, an anonymous `/api/auth/session`). A request nobody answers
 * fails the test. Returns the requests made (method, URL, headers, parsed body), in order.
 */
export function stubApi(handlers: Record<string, Handler> = {}) {
  const requests: RecordedRequest[] = [];
  const recorded = new Map<string, RecordedRequest>();
  const recorder = http.all('*', async ({ request, requestId }) => {
    const record = await recordOf(request);
    recorded.set(requestId, record);
    requests.push(record);
    return undefined;
  });
  const entries = Object.entries(handlers);
  const ordered = [...entries.filter(([p]) => !p.includes(':')), ...entries.filter(([p]) => p.includes(':'))];
  server.use(
    recorder,
    ...ordered.map(([path, handler]) =>
      http.all(path, async ({ request, requestId }) => {
        const record = recorded.get(requestId) ?? (await recordOf(request));
        return (await handler(record.url, record)) ?? undefined;
      }),
    ),
  );
  return {
    requests,
    /** Requests to one path (e.g. '/api/organizations'). */
    requestsTo: (pathname: string) => requests.filter((r) => r.url.pathname === pathname),
  };
}
