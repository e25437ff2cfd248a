import { type FieldError, ProblemSchema } from '@portal/shared';
import type * as z from 'zod';
import { currentLanguage } from '@/i18n/index.ts';

/**
 * An error answered by the API (RFC 9457 problem details) or a failed request. `status` is 0 when the
 * server could not be reached at all. `title` and field messages are already in the UI language: the
 * server localises them from our Accept-Language header.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly fieldErrors: FieldError[];

  constructor(init: {
    status: number;
    title: string;
    detail?: string;
    code?: string;
    fieldErrors?: FieldError[];
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.code = init.code;
    this.fieldErrors = init.fieldErrors ?? [];
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

async function toApiError(response: Response): Promise<ApiError> {
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
      });
    }
  }
  return new ApiError({ status: response.status, title: response.statusText || `HTTP ${response.status}` });
}

/**
 * GETs a JSON resource of our API and parses it with the shared zod schema, so a server that drifts from
 * the contract fails loudly here instead of rendering half-empty pages.
 */
export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  options: { params?: QueryParams; signal?: AbortSignal } = {},
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.params), {
      headers: { Accept: 'application/json', 'Accept-Language': currentLanguage() },
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, title: error instanceof Error ? error.message : 'Network error' });
  }
  if (!response.ok) throw await toApiError(response);
  return schema.parse(await response.json());
}
