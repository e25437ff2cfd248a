import { AcceptedResponseSchema, OrganizationProfileSchema } from '@portal/shared';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/i18n/index.ts';
import { profileFixture } from '@/testing/fixtures.ts';
import { server } from '@/testing/mocks/server.ts';
import { json, noContent, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import {
  ApiError,
  apiGet,
  apiGetResponse,
  apiSend,
  apiSendResponse,
  buildUrl,
  parseRetryAfter,
} from './api-client.ts';

describe('the API client', () => {
  it('asks for the UI language and leaves empty parameters out of the URL', async () => {
    const api = stubApi({ '/api/organizations/x': () => json(profileFixture) });
    await setLanguage('en');
    await apiGet('/api/organizations/x', OrganizationProfileSchema, {
      params: { q: '', page: 2, area: undefined },
    });
    expect(api.requests[0]?.headers.get('accept-language')).toBe('en');
    expect(buildUrl('/api/organizations', { q: '', page: 2, kind: null, area: 'ict' })).toBe(
      '/api/organizations?page=2&area=ict',
    );
  });

  it('turns a problem+json answer into an ApiError with its status, title and field errors', async () => {
    stubApi({
      '/api/x': () => problem(400, 'Невалидна заявка', [{ path: 'page', message: 'Трябва да е число' }]),
    });
    const error = await apiGet('/api/x', OrganizationProfileSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      title: 'Невалидна заявка',
      fieldErrors: [{ path: 'page', message: 'Трябва да е число' }],
    });
  });

  it('reports an unreachable server as an ApiError with status 0', async () => {
    stubApi();
    server.use(http.all('*', () => HttpResponse.error()));
    await expect(apiGet('/api/cluster', OrganizationProfileSchema)).rejects.toMatchObject({ status: 0 });
  });

  it('rejects an answer that does not match the shared contract', async () => {
    stubApi({ '/api/x': () => json({ ...profileFixture, kind: 'spaceship' }) });
    await expect(apiGet('/api/x', OrganizationProfileSchema)).rejects.toThrow(/kind/);
  });

  it('sends a JSON body with its method, content type and the UI language, and parses the answer', async () => {
    const api = stubApi({ '/api/auth/sign-up': () => json({ status: 'accepted' }, 202) });
    await setLanguage('en');
    const answer = await apiSend('POST', '/api/auth/sign-up', { email: 'a@b.bg' }, AcceptedResponseSchema);
    expect(answer).toEqual({ status: 'accepted' });
    const request = api.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.body).toEqual({ email: 'a@b.bg' });
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(request?.headers.get('accept')).toBe('application/json');
    expect(request?.headers.get('accept-language')).toBe('en');
  });

  it('sends no content type without a body and accepts a 204 answer', async () => {
    const api = stubApi({ '/api/account/sessions/x': () => noContent() });
    await expect(apiSend('DELETE', '/api/account/sessions/x')).resolves.toBeUndefined();
    expect(api.requests[0]?.method).toBe('DELETE');
    expect(api.requests[0]?.body).toBeUndefined();
    expect(api.requests[0]?.headers.has('content-type')).toBe(false);
  });

  it('turns a refused change into an ApiError with its code, field errors and Retry-After seconds', async () => {
    stubApi({
      '/api/auth/log-in': () =>
        problem(429, 'Твърде много заявки', undefined, {
          code: 'rate_limited',
          headers: { 'Retry-After': '90' },
        }),
      '/api/auth/sign-up': () =>
        problem(400, 'Невалидни данни', [{ path: 'body.password', message: 'Честа парола' }]),
    });
    await expect(apiSend('POST', '/api/auth/log-in', {})).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
      retryAfter: 90,
    });
    await expect(apiSend('POST', '/api/auth/sign-up', {})).rejects.toMatchObject({
      status: 400,
      retryAfter: undefined,
      fieldErrors: [{ path: 'body.password', message: 'Честа парола' }],
    });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-02-01T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Sun, 01 Feb 2026 10:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Sun, 01 Feb 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('returns the response headers with the parsed answer, so a caller can read the ETag', async () => {
    const api = stubApi({
      '/api/x': (_url, request) =>
        request.method === 'PUT'
          ? json({ status: 'accepted' }, 200, { ETag: '"8"' })
          : json(profileFixture, 200, { ETag: '"7"' }),
    });
    const got = await apiGetResponse('/api/x', OrganizationProfileSchema, { headers: { 'X-Test': 'yes' } });
    expect(got.data.id).toBe(profileFixture.id);
    expect(got.headers.get('etag')).toBe('"7"');
    expect(api.requests[0]?.headers.get('x-test')).toBe('yes');

    const sent = await apiSendResponse('PUT', '/api/x', { a: 1 }, AcceptedResponseSchema, {
      headers: { 'If-Match': '"7"' },
    });
    expect(sent).toMatchObject({ data: { status: 'accepted' } });
    expect(sent.headers.get('etag')).toBe('"8"');
    expect(api.requests[1]?.headers.get('if-match')).toBe('"7"');
  });

  it('sends extra headers with a change, without letting them replace the content type or language', async () => {
    const api = stubApi({ '/api/x': () => json({ status: 'accepted' }, 202) });
    await setLanguage('en');
    await apiSend('PUT', '/api/x', { a: 1 }, AcceptedResponseSchema, {
      headers: { 'If-Match': '"3"', 'Accept-Language': 'de' },
    });
    const request = api.requests[0];
    expect(request?.headers.get('if-match')).toBe('"3"');
    expect(request?.headers.get('accept-language')).toBe('en');
    expect(request?.headers.get('content-type')).toBe('application/json');
  });

  it('reports an unreachable server on a change as status 0', async () => {
    stubApi();
    server.use(http.all('*', () => HttpResponse.error()));
    await expect(apiSend('POST', '/api/auth/log-out')).rejects.toMatchObject({ status: 0 });
  });
});
