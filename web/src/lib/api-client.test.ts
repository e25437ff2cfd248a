import { OrganizationProfileSchema } from '@portal/shared';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/i18n/index.ts';
import { json, problem, stubApi } from '@/testing/fetch-stub.ts';
import { profileFixture } from '@/testing/fixtures.ts';
import { ApiError, apiGet, buildUrl } from './api-client.ts';

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
    globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(apiGet('/api/cluster', OrganizationProfileSchema)).rejects.toMatchObject({ status: 0 });
  });

  it('rejects an answer that does not match the shared contract', async () => {
    stubApi({ '/api/x': () => json({ ...profileFixture, kind: 'spaceship' }) });
    await expect(apiGet('/api/x', OrganizationProfileSchema)).rejects.toThrow(/kind/);
  });
});
