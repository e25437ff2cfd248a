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
  it('shows the large logo in the public profile’s header, at once, with its name and a reserved size', async () => {
    api();
    renderApp(`/members/${profileFixture.id}`);
    const img = await screen.findByRole('img', { name: 'Лого на Пиксел Фабрика' });
    expect(img).toHaveAttribute('src', withLogo.logoUrl);
    expect(img).toHaveAttribute('width', '112');
    expect(img).toHaveAttribute('height', '112');
    expect(img).toHaveAttribute('loading', 'eager');
  });

  it('shows the initials in the logo’s place for an organisation without a logo', async () => {
    api({ ...profileFixture, ...contactsHidden, logoUrl: null });
    renderApp(`/members/${profileFixture.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Пиксел Фабрика' })).toBeVisible();
    expect(screen.queryByRole('img', { name: /Лого на/ })).toBeNull();
    const initials = screen.getByTestId('organization-initials');
    expect(initials).toHaveTextContent('ПФ');
    expect(initials).toHaveAttribute('aria-hidden', 'true');
    expect(initials).toHaveStyle({ width: '112px', height: '112px' });
  });

  it('shows the small logo on directory cards that have one', async () => {
    api();
    renderApp('/members');
    const card = (await screen.findByRole('link', { name: 'Пиксел Фабрика' })).closest('article')!;
    const img = within(card as HTMLElement).getByRole('img', { name: 'Лого на Пиксел Фабрика' });
    expect(img).toHaveAttribute('src', `/api/organizations/${profileFixture.id}/logo?size=small&v=7`);
    expect(img).toHaveAttribute('width', '56');
    expect(img).toHaveAttribute('height', '56');
    expect(img).toHaveAttribute('loading', 'eager');
    expect(screen.getAllByRole('img', { name: /Лого на/ })).toHaveLength(1);
  });

  it('loads the logos of the cards below the first few lazily', async () => {
    const items = makeSummaries(6).map((o) => ({
      ...o,
      logoUrl: `/api/organizations/${o.id}/logo?size=small&v=1`,
    }));
    stubApi({
      '/api/organizations': () => json({ items, total: 6, page: 1, pageSize: 12 }),
    });
    renderApp('/members');
    await screen.findByRole('link', { name: 'Член 06' });
    const loading = screen.getAllByRole('img', { name: /Лого на/ }).map((img) => img.getAttribute('loading'));
    expect(loading).toEqual(['eager', 'eager', 'eager', 'eager', 'lazy', 'lazy']);
  });
});
