import { type FieldError, LOGO_TYPES, ProblemSchema } from '@portal/shared';
import type * as z from 'zod';
import { currentLanguage } from '@/i18n/index.ts';

/**
 * An error answered by the API (RFC 9457 problem details) or a failed request. `status` is 0 when the
 * server could not be reached at all. `title` and field messages are already in the UI language: the
 * server localises them from our Accept-Language header.
 */
/**
 * How requests reach the API: the browser's `fetch`; while the server renders a public page (issue 17), an
 * in-process call of the server's own API (entry-server.tsx sets it).
 */
let apiFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

export function setApiFetch(implementation: typeof fetch): void {
  apiFetch = implementation;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly fieldErrors: FieldError[];
  /** Seconds to wait before trying again (from a 429's or 503's `Retry-After` header). */
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    title: string;
    detail?: string;
    code?: string;
    fieldErrors?: FieldError[];
    retryAfter?: number;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.code = init.code;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfter = init.retryAfter;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

export type QueryParams = Record<string, string | number | undefined | null>;

export function buildUrl(path: string, params?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** `Retry-After` as whole seconds from now: either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The ApiError of a failed response (its problem details when it has them). */
export async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const extra = retryAfter === undefined ? {} : { retryAfter };
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body: unknown = await response.json().catch(() => undefined);
    const problem = ProblemSchema.safeParse(body);
    if (problem.success) {
      const { title, detail, code, errors } = problem.data;
      return new ApiError({
        status: response.status,
        title,
        ...(detail === undefined ? {} : { detail }),
        ...(code === undefined ? {} : { code }),
        ...(errors === undefined ? {} : { fieldErrors: errors }),
        ...extra,
      });
    }
  }
  return new ApiError({
    status: response.status,
    title: response.statusText || `HTTP ${response.status}`,
    ...extra,
  });
}

/** The ApiError of a request that never got an answer (an abort is rethrown as is). */
export function networkError(error: unknown): ApiError {
  if (error instanceof DOMException && error.name === 'AbortError') throw error;
  return new ApiError({ status: 0, title: error instanceof Error ? error.message : 'Network error' });
}

/** A parsed answer with its response headers (e.g. the `ETag` a conditional write must send back). */
export interface ApiResponse<T> {
  data: T;
  headers: Headers;
}

export interface GetOptions {
  params?: QueryParams;
  signal?: AbortSignal;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

/**
 * GETs a JSON resource of our API and parses it with the shared zod schema, so a server that drifts from
 * the contract fails loudly here instead of rendering half-empty pages.
 */
export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  options: GetOptions = {},
): Promise<z.output<S>> {
  return (await apiGetResponse(path, schema, options)).data;
}

/** `apiGet` that also returns the response headers. */
export async function apiGetResponse<S extends z.ZodType>(
  path: string,
  schema: S,
  options: GetOptions = {},
): Promise<ApiResponse<z.output<S>>> {
  let response: Response;
  try {
    response = await apiFetch(buildUrl(path, options.params), {
      headers: { ...options.headers, Accept: 'application/json', 'Accept-Language': currentLanguage() },
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    throw networkError(error);
  }
  if (!response.ok) throw await toApiError(response);
  return { data: schema.parse(await response.json()), headers: response.headers };
}

export type SendMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SendOptions {
  /** Extra request headers (e.g. `If-Match` of a conditional write). */
  headers?: Record<string, string>;
}

/**
 * Sends a change to our API: `body` as JSON (a body-less request has no Content-Type, so the server does
 * not see an empty JSON body), the session cookie (same-origin) and the UI language. With a `schema` the
 * answer is parsed by it; without one the answer (204, or a 202 acknowledgement) is ignored.
 */
export async function apiSend(
  method: SendMethod,
  path: string,
  body?: unknown,
  schema?: undefined,
  options?: SendOptions,
): Promise<void>;
export async function apiSend<S extends z.ZodType>(
  method: SendMethod,
  path: string,
  body: unknown,
  schema: S,
  options?: SendOptions,
): Promise<z.output<S>>;
export async function apiSend<S extends z.ZodType>(
  method: SendMethod,
  path: string,
  body?: unknown,
  schema?: S,
  options: SendOptions = {},
): Promise<z.output<S> | undefined> {
  const response = await sendRequest(method, path, body, options);
  if (!schema) return undefined;
  return schema.parse(response.status === 204 ? undefined : await response.json());
}

/** `apiSend` with a schema that also returns the response headers (e.g. the new `ETag`). */
export async function apiSendResponse<S extends z.ZodType>(
  method: SendMethod,
  path: string,
  body: unknown,
  schema: S,
  options: SendOptions = {},
): Promise<ApiResponse<z.output<S>>> {
  const response = await sendRequest(method, path, body, options);
  const data = schema.parse(response.status === 204 ? undefined : await response.json());
  return { data, headers: response.headers };
}

async function sendRequest(
  method: SendMethod,
  path: string,
  body: unknown,
  options: SendOptions,
): Promise<Response> {
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await apiFetch(path, init);
  } catch (error) {
    throw networkError(error);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/**
 * Uploads an image (a logo, a resource's photo) as the raw request body. The declared type is the file's
 * own when it is one the server takes, else application/octet-stream: the server decides what it is by its
 * bytes either way.
 */
export async function uploadImage<S extends z.ZodType>(
  method: 'POST' | 'PUT',
  path: string,
  file: Blob,
  schema: S,
): Promise<z.infer<S>> {
  const type = (LOGO_TYPES as readonly string[]).includes(file.type) ? file.type : 'application/octet-stream';
  let response: Response;
  try {
    response = await apiFetch(path, {
      method,
      headers: { Accept: 'application/json', 'Accept-Language': currentLanguage(), 'Content-Type': type },
      credentials: 'same-origin',
      body: file,
    });
  } catch (error) {
    throw networkError(error);
  }
  if (!response.ok) throw await toApiError(response);
  return schema.parse(await response.json());
}

/**
 * Uploads a PDF document as the raw request body to `url` (its query names the file and what it belongs
 * to); the server checks the type and size again. The answer is parsed with `schema`.
 */
export async function uploadPdf<S extends z.ZodType>(
  url: string,
  file: Blob,
  schema: S,
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await apiFetch(url, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLanguage(),
        'Content-Type': 'application/pdf',
      },
      credentials: 'same-origin',
      body: file,
    });
  } catch (error) {
    throw networkError(error);
  }
  if (!response.ok) throw await toApiError(response);
  return schema.parse(await response.json());
}
