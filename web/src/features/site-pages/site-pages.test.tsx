import type { SitePage } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminApi } from '@/testing/mocks/handlers/admin.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

function page(overrides: Partial<SitePage> = {}): SitePage {
  return {
    slug: 'statute',
    titleBg: 'Устав на клъстера',
    titleEn: 'Statute of the cluster',
    bodyBg: 'Клъстерът обединява фирми.\n\nЦели\n\n- споделена инфраструктура;\n- съвместни проекти.',
    bodyEn: 'The cluster brings firms together.\n\n- shared infrastructure;\n- joint projects.',
    updatedAt: '2026-11-20T10:00:00.000Z',
    version: 3,
    ...overrides,
  };
}

describe('information pages (issue 11 C6)', () => {
  it('show the statute in paragraphs and lists, with the date of the last change', async () => {
    stubApi({ '/api/pages/statute': () => json(page()) });
    renderApp('/statute');
    expect(await screen.findByRole('heading', { level: 1, name: 'Устав на клъстера' })).toBeVisible();
    expect(screen.getByText('Клъстерът обединява фирми.')).toBeVisible();
    expect(screen.getByRole('heading', { level: 2, name: 'Цели' })).toBeVisible();
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(expect.arrayContaining(['споделена инфраструктура;', 'съвместни проекти.']));
    expect(screen.getByText('Последна промяна: 20 ноември 2026 г.')).toBeVisible();
    await waitFor(() => expect(document.title).toMatch(/^Устав на клъстера/));
  });

  it('are linked from every page’s footer', async () => {
    stubApi({
      '/api/pages/privacy': () => json(page({ slug: 'privacy', titleBg: 'Лични данни', bodyBg: 'Текст' })),
    });
    const app = renderApp('/');
    const footer = await screen.findByRole('navigation', { name: 'Информационни страници' });
    expect(within(footer).getByRole('link', { name: 'Устав' })).toHaveAttribute('href', '/statute');
    expect(within(footer).getByRole('link', { name: 'Контакти' })).toHaveAttribute('href', '/contact');
    await app.user.click(within(footer).getByRole('link', { name: 'Защита на личните данни' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Лични данни' })).toBeVisible();
    expect(app.pathname()).toBe('/privacy');
  });

  it('say so when nobody has written the page yet', async () => {
    stubApi({
      '/api/pages/contact': () =>
        json(page({ slug: 'contact', titleBg: 'Контакти', bodyBg: '', bodyEn: '' })),
    });
    renderApp('/contact');
    expect(await screen.findByText('Тази страница още не е написана.')).toBeVisible();
  });

  it('are linked from sign-up, opening in a new tab so the form keeps what was typed', async () => {
    stubApi();
    renderApp('/sign-up');
    const link = await screen.findByRole('link', { name: 'информацията за защита на личните данни' });
    expect(link).toHaveAttribute('href', '/privacy');
    expect(link).toHaveAttribute('target', '_blank');
  });
});

describe('administrators write the information pages and the home page texts', () => {
  it('saves a page naming the version it was opened at, and explains a conflicting save', async () => {
    let conflict = false;
    const api = adminApi({
      handlers: {
        '/api/admin/settings/voting': () =>
          json({ quorum: 'more_than_half', majority: 'simple', ballot: 'open' }),
        '/api/admin/settings/texts': () =>
          json({
            nameBg: 'К',
            nameEn: 'C',
            taglineBg: '',
            taglineEn: '',
            missionBg: '',
            missionEn: '',
            strategyBg: '',
            strategyEn: '',
            version: 1,
          }),
        '/api/pages/statute': () => json(page()),
        '/api/admin/pages/statute': (_url, request) =>
          conflict
            ? problem(412, 'Данните вече са променени', undefined, { code: 'precondition.failed' })
            : json(page({ ...(request.body as object), version: 4 })),
      },
    });
    const app = renderApp('/admin/settings');
    const section = await screen.findByRole('region', { name: 'Информационни страници' });
    const body = await within(section).findByRole('textbox', { name: 'Текст (на български)' });
    await app.user.clear(body);
    await app.user.paste('Нов текст на устава');
    await app.user.click(within(section).getByRole('button', { name: 'Запази страницата' }));
    expect(await within(section).findByText('Страницата е запазена.')).toBeVisible();
    const [put] = api.requestsTo('/api/admin/pages/statute').filter((r) => r.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"3"');
    expect(put?.body).toMatchObject({ titleBg: 'Устав на клъстера', bodyBg: 'Нов текст на устава' });

    conflict = true;
    await app.user.click(within(section).getByRole('button', { name: 'Запази страницата' }));
    expect(await within(section).findByText(/Някой друг е записал промени междувременно/)).toBeVisible();
  });

  it('refuses an empty title beside the field without sending anything', async () => {
    const api = adminApi({
      handlers: {
        '/api/admin/settings/voting': () =>
          json({ quorum: 'more_than_half', majority: 'simple', ballot: 'open' }),
        '/api/admin/settings/texts': () =>
          json({
            nameBg: 'К',
            nameEn: 'C',
            taglineBg: '',
            taglineEn: '',
            missionBg: '',
            missionEn: '',
            strategyBg: '',
            strategyEn: '',
            version: 1,
          }),
        '/api/pages/statute': () => json(page()),
      },
    });
    const app = renderApp('/admin/settings');
    const section = await screen.findByRole('region', { name: 'Информационни страници' });
    const title = await within(section).findByRole('textbox', { name: 'Заглавие (на английски)' });
    await app.user.clear(title);
    await app.user.click(within(section).getByRole('button', { name: 'Запази страницата' }));
    expect(await within(section).findByText('Попълнете полето.')).toBeVisible();
    expect(api.requestsTo('/api/admin/pages/statute')).toHaveLength(0);
  });

  it("changes the home page's mission (e.g. once the municipality has joined)", async () => {
    const api = adminApi({
      handlers: {
        '/api/admin/settings/voting': () =>
          json({ quorum: 'more_than_half', majority: 'simple', ballot: 'open' }),
        '/api/pages/statute': () => json(page()),
        '/api/admin/settings/texts': (_url, request) =>
          json({
            nameBg: 'Клъстер',
            nameEn: 'Cluster',
            taglineBg: '',
            taglineEn: '',
            missionBg: 'Очакваме общината да се присъедини.',
            missionEn: '',
            strategyBg: '',
            strategyEn: '',
            ...(request.method === 'PUT' ? (request.body as object) : {}),
            version: request.method === 'PUT' ? 8 : 7,
          }),
      },
    });
    const app = renderApp('/admin/settings');
    const section = await screen.findByRole('region', { name: 'Текстове на началната страница' });
    const mission = await within(section).findByRole('textbox', { name: 'Мисия (на български)' });
    await app.user.clear(mission);
    await app.user.paste('Столична община се присъедини.');
    await app.user.click(within(section).getByRole('button', { name: 'Запази текстовете' }));
    expect(await within(section).findByText(/Текстовете са запазени/)).toBeVisible();
    const [put] = api.requestsTo('/api/admin/settings/texts').filter((r) => r.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"7"');
    expect(put?.body).toMatchObject({ missionBg: 'Столична община се присъедини.', nameBg: 'Клъстер' });
  });
});
