import type { VotingSettings } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { representativeMe } from '@/testing/mocks/fixtures/admin.ts';
import { siteTextsFixture, statuteFixture } from '@/testing/mocks/fixtures/site-content.ts';
import { adminApi } from '@/testing/mocks/handlers/admin.ts';
import { json } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const VOTING = '/api/admin/settings/voting';

function settingsApi(options: { me?: typeof representativeMe } = {}) {
  let stored: VotingSettings = { quorum: 'more_than_half', majority: 'simple', ballot: 'open' };
  return adminApi({
    ...options,
    handlers: {
      [VOTING]: (_url, request) => {
        if (request.method === 'PUT') stored = request.body as VotingSettings;
        return json(stored);
      },
      // The page's other sections: the home page texts and the information pages.
      '/api/admin/settings/texts': () => json(siteTextsFixture),
      '/api/pages/statute': () => json(statuteFixture),
    },
  });
}

describe('the voting rules in the administration settings', () => {
  it('shows the rules in force and saves a change', async () => {
    const api = settingsApi();
    const app = renderApp('/admin/settings');
    const section = await screen.findByRole('region', { name: 'Правила за гласуване' });
    const quorum = await within(section).findByRole('radiogroup', { name: 'Кворум' });
    const majority = within(section).getByRole('radiogroup', { name: 'Необходимо мнозинство' });
    expect(within(quorum).getByRole('radio', { name: 'Повече от половината' })).toBeChecked();
    expect(within(majority).getByRole('radio', { name: 'Обикновено мнозинство' })).toBeChecked();
    expect(within(section).getByRole('radio', { name: 'Явно' })).toBeChecked();
    expect(within(section).getByRole('button', { name: 'Запази правилата' })).toBeDisabled();

    await app.user.click(within(majority).getByRole('radio', { name: 'Две трети' }));
    await app.user.click(within(section).getByRole('radio', { name: 'Тайно' }));
    await app.user.click(within(section).getByRole('button', { name: 'Запази правилата' }));
    expect(await within(section).findByText('Правилата за гласуване са запазени.')).toBeVisible();
    const put = api.requestsTo(VOTING).filter((r) => r.method === 'PUT');
    expect(put.map((r) => r.body)).toEqual([
      { quorum: 'more_than_half', majority: 'two_thirds', ballot: 'secret' },
    ]);
    await waitFor(() =>
      expect(within(section).getByRole('button', { name: 'Запази правилата' })).toBeDisabled(),
    );
  });

  it('saves the quorum: more than half, at least two thirds or all of the members entitled to vote', async () => {
    const api = settingsApi();
    const app = renderApp('/admin/settings');
    const section = await screen.findByRole('region', { name: 'Правила за гласуване' });
    const quorum = await within(section).findByRole('radiogroup', { name: 'Кворум' });
    expect(quorum).toHaveAccessibleDescription(/отвелите се поради конфликт на интереси нямат право на глас/);
    expect(
      within(quorum)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['more_than_half', 'two_thirds', 'all']);

    await app.user.click(within(quorum).getByRole('radio', { name: 'Всички' }));
    await app.user.click(within(section).getByRole('button', { name: 'Запази правилата' }));
    expect(await within(section).findByText('Правилата за гласуване са запазени.')).toBeVisible();

    await app.user.click(within(quorum).getByRole('radio', { name: 'Поне две трети' }));
    expect(within(quorum).getByRole('radio', { name: 'Поне две трети' })).toHaveAccessibleDescription(
      'Участват поне две трети от членовете с право на глас.',
    );
    await app.user.click(within(section).getByRole('button', { name: 'Запази правилата' }));
    await waitFor(() => expect(api.requestsTo(VOTING).filter((r) => r.method === 'PUT')).toHaveLength(2));
    expect(
      api
        .requestsTo(VOTING)
        .filter((r) => r.method === 'PUT')
        .map((r) => r.body),
    ).toEqual([
      { quorum: 'all', majority: 'simple', ballot: 'open' },
      { quorum: 'two_thirds', majority: 'simple', ballot: 'open' },
    ]);
  });

  it('is in the administration navigation', async () => {
    settingsApi();
    renderApp('/admin/settings');
    const nav = await screen.findByRole('navigation', { name: 'Раздели на администрацията' });
    expect(within(nav).getByRole('link', { name: 'Настройки' })).toHaveAttribute('aria-current', 'page');
  });

  it('is refused to a user who is not an administrator', async () => {
    const api = settingsApi({ me: representativeMe });
    renderApp('/admin/settings');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Нямате достъп до тази страница' }),
    ).toBeVisible();
    expect(api.requestsTo(VOTING)).toHaveLength(0);
  });
});
