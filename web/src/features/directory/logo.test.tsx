import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSummaries, profileFixture, summaryOf } from '@/testing/fixtures.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

// The contact person fields (privacy, same issue) are null unless public.
const contactsHidden = {
  contactName: null as string | null,
  contactPosition: null as string | null,
  contactEmail: null as string | null,
  contactPhone: null as string | null,
};
const withLogo: typeof profileFixture & typeof contactsHidden = {
  ...profileFixture,
  ...contactsHidden,
  logoUrl: `/api/organizations/${profileFixture.id}/logo?size=large&v=7`,
};

function api(profile: typeof withLogo = withLogo) {
  return stubApi({
    '/api/organizations/:id': (url) =>
      url.pathname.endsWith(profile.id) ? json(profile) : problem(404, 'Няма'),
    '/api/organizations': () =>
      json({ items: [summaryOf(profile), ...makeSummaries(2)], total: 3, page: 1, pageSize: 12 }),
  });
}

describe('organisation logos on public pages', () => {
  it('shows the large logo on the public profile, lazily, with its name and a reserved size', async () => {
    api();
    renderApp(`/members/${profileFixture.id}`);
    const img = await screen.findByRole('img', { name: 'Лого на Пиксел Фабрика' });
    expect(img).toHaveAttribute('src', withLogo.logoUrl);
    expect(img).toHaveAttribute('width', '128');
    expect(img).toHaveAttribute('height', '128');
    expect(img).toHaveAttribute('loading', 'lazy');
  });

  it('shows no image for an organisation without a logo', async () => {
    api({ ...profileFixture, ...contactsHidden, logoUrl: null });
    renderApp(`/members/${profileFixture.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Пиксел Фабрика' })).toBeVisible();
    expect(screen.queryByRole('img', { name: /Лого на/ })).toBeNull();
  });

  it('shows the small logo on directory cards that have one', async () => {
    api();
    renderApp('/members');
    const card = (await screen.findByRole('link', { name: 'Пиксел Фабрика' })).closest('article')!;
    const img = within(card as HTMLElement).getByRole('img', { name: 'Лого на Пиксел Фабрика' });
    expect(img).toHaveAttribute('src', `/api/organizations/${profileFixture.id}/logo?size=small&v=7`);
    expect(img).toHaveAttribute('width', '48');
    expect(img).toHaveAttribute('loading', 'lazy');
    expect(screen.getAllByRole('img', { name: /Лого на/ })).toHaveLength(1);
  });
});
