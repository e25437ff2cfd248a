import { server } from './server.ts';

/** One request the app made, as the mock server saw it. */
export interface RecordedRequest {
  url: URL;
  method: string;
  headers: Headers;
  /**
   * The body: JSON parsed (the raw text if it is not JSON) for text and JSON requests, the bytes
   * (`Uint8Array`) for binary uploads; undefined without a body. Filled in before the request is answered.
   */
  body: unknown;
}

const isText = (contentType: string) => contentType === '' || /json|^text\//.test(contentType);

/** Reads a request's body the way `RecordedRequest.body` describes it, leaving the request unread. */
export async function bodyOf(request: Request): Promise<unknown> {
  const copy = request.clone();
  const contentType = copy.headers.get('content-type') ?? '';
  if (!isText(contentType)) return new Uint8Array(await copy.arrayBuffer());
  const text = await copy.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The bytes of a file the test gave the app, to compare with a recorded upload's body. */
export async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Records every request the app makes from now until the end of the test, in order, from MSW's
 * `request:start` life-cycle event (the listeners are removed after each test in `testing/setup.ts`).
 */
export function recordRequests() {
  const requests: RecordedRequest[] = [];
  server.events.on('request:start', ({ request }) => {
    const record: RecordedRequest = {
      url: new URL(request.url),
      method: request.method,
      headers: new Headers(request.headers),
      body: undefined,
    };
    requests.push(record);
    void bodyOf(request).then((body) => {
      record.body = body;
    });
  });
  return {
    requests,
    /** Requests to one path (e.g. '/api/organizations'). */
    requestsTo: (pathname: string) => requests.filter((r) => r.url.pathname === pathname),
    /** Requests to one path with one method. */
    sent: (pathname: string, method: string) =>
      requests.filter((r) => r.url.pathname === pathname && r.method === method),
  };
}
