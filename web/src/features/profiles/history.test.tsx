import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/i18n/index.ts';
import { historyPath, historyUrl, orgId } from '@/testing/mocks/fixtures/my-organization.ts';
import { profileServer } from '@/testing/mocks/handlers/my-organization.ts';
import { json } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const historyRegion = async (name: string) => within(await screen.findByRole('region', { name }));

describe('the history of an organisation’s profile', () => {
  it('lists who changed what and when, newest first, with the area names', async () => {
    profileServer();
    renderApp(historyUrl);
    const history = await historyRegion('История на промените');
    const items = await history.findAllByRole('listitem');
    expect(items).toHaveLength(2);

    const latest = within(items[0] as HTMLElement);
    expect(latest.getByText(/Редактиран профил · Иван Колега ·/)).toBeVisible();
    const time = (items[0] as HTMLElement).querySelector('time');
    expect(time).toHaveAttribute('datetime', '2026-02-03T09:30:00.000Z');
    expect(time).toHaveTextContent(/3\.02\.2026/);
    expect(latest.getByText('Град')).toBeVisible();
    expect(latest.getByText('Пловдив')).toBeVisible();
    expect(latest.getByText('Варна')).toBeVisible();
    expect(latest.getByText('Тематични области')).toBeVisible();
    expect(await latest.findByText('Софтуерни продукти, Компютърни игри')).toBeVisible();
    expect(latest.getByText('Предлагаме: хора')).toBeVisible();
    expect(latest.getByText('(празно)')).toBeVisible();
    // The unchanged kind of the offers is not listed.
    expect(latest.queryByText('Предлагаме: съвместни проекти')).toBeNull();

    // An action this page does not know shows its code; an event without an actor says so.
    expect(
      within(items[1] as HTMLElement).getByText(/organization\.merged · Неизвестен потребител/),
    ).toBeVisible();
  });

  it('names a logo upload without listing its technical details', async () => {
    profileServer({
      extra: {
        [historyPath]: () =>
          json({
            items: [
              {
                id: 9,
                at: '2026-02-04T08:00:00.000Z',
                actorName: 'Иван Колега',
                action: 'organization.logo_updated',
                before: { logoVersion: null },
                after: { logoVersion: 4, sourceType: 'image/png', bytes: 12345 },
              },
            ],
          }),
      },
    });
    renderApp(historyUrl);
    const history = await historyRegion('История на промените');
    expect(await history.findByText(/Качено лого · Иван Колега ·/)).toBeVisible();
    expect(history.queryByText('logoVersion')).toBeNull();
    expect(history.queryByText('bytes')).toBeNull();
    expect(history.queryByText('12345')).toBeNull();
  });

  it('says so when the profile has no history yet', async () => {
    profileServer({ extra: { [historyPath]: () => json({ items: [] }) } });
    renderApp(historyUrl);
    const history = await historyRegion('История на промените');
    expect(await history.findByText('Профилът все още не е променян.')).toBeVisible();
  });

  it('shows the history in English, on its tab', async () => {
    profileServer();
    await setLanguage('en');
    renderApp(historyUrl);
    expect(await screen.findByRole('heading', { level: 1, name: 'Pixel Factory' })).toBeVisible();
    const tabs = within(screen.getByRole('navigation', { name: 'Organisation sections' }));
    expect(tabs.getByRole('link', { name: 'History' })).toHaveAttribute('aria-current', 'page');
    expect(tabs.getByRole('link', { name: 'Profile' })).not.toHaveAttribute('aria-current');
    // The editor is on the Profile tab, not here.
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
    const history = await historyRegion('History of changes');
    expect(await history.findByText(/Profile edited · Иван Колега/)).toBeVisible();
    expect(history.getByText('City')).toBeVisible();
    expect(await history.findByText('Software products, Video games')).toBeVisible();
  });

  it('is linked from each organisation on the account page', async () => {
    profileServer();
    const app = renderApp('/account');
    const organizations = within(await screen.findByRole('region', { name: 'Моите организации' }));
    const link = await organizations.findByRole('link', { name: 'Редактирай профила' });
    expect(link).toHaveAttribute('href', `/my/organizations/${orgId}`);
    await app.user.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: 'Пиксел Фабрика' })).toBeVisible();
  });
});
