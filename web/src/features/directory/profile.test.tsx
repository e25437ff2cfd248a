import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSummaries, profileFixture, summaryOf } from '@/testing/fixtures.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const profilePath = `/members/${profileFixture.id}`;

function profileApi(profile = profileFixture) {
  return stubApi({
    '/api/organizations/:id': (url) =>
      url.pathname.endsWith(profile.id) ? json(profile) : problem(404, 'Няма'),
    '/api/organizations': () =>
      json({ items: [summaryOf(profile), ...makeSummaries(3)], total: 4, page: 1, pageSize: 12 }),
  });
}

/** The value shown next to a label in the profile's fact lists. */
function fact(label: string): string | null | undefined {
  return screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
}

describe('a member profile', () => {
  it('shows the public fields of the organisation', async () => {
    profileApi();
    renderApp(profilePath);
    expect(await screen.findByRole('heading', { level: 1, name: 'Пиксел Фабрика' })).toBeVisible();
    expect(screen.getByText('Pixel Factory', { selector: 'p' })).toHaveAttribute('lang', 'en');
    expect(screen.getByText(profileFixture.descriptionBg)).toBeVisible();
    expect(fact('Наименование (английски)')).toBe('Pixel Factory');
    expect(fact('ЕИК/БУЛСТАТ')).toBe('131071587');
    expect(fact('Вид')).toBe('Търговско дружество');
    expect(fact('Размер')).toBe('Малко (10–49 души)');
    expect(fact('Служители')).toBe('42');
    expect(fact('Година на основаване')).toBe('2014');
    expect(fact('Кодове по КИД-2008')).toBe('62.01, 58.21');
    expect(fact('Град')).toBe('Пловдив');
    expect(fact('Адрес')).toBe('ул. „Тестова“ 1');
    expect(fact('Член от')).toBe('12 март 2025 г.');
    expect(fact('Категория')).toBe('Редовен член');
    expect(screen.getByRole('link', { name: 'hello@pixel-factory.example' })).toHaveAttribute(
      'href',
      'mailto:hello@pixel-factory.example',
    );
    expect(screen.getByRole('link', { name: '+359 32 123 456' })).toHaveAttribute('href', 'tel:+35932123456');
    const areas = screen.getByRole('heading', { name: 'Тематични области' })
      .nextElementSibling as HTMLElement;
    expect(
      within(areas)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Компютърни игри', 'Софтуерни продукти']);
    await waitFor(() => expect(document.title).toBe('Пиксел Фабрика — Клъстер „Тестов град“'));
  });

  it('shows what the member offers and seeks, kind by kind (issue 11 C8)', async () => {
    profileApi();
    renderApp(profilePath);
    const offers = await screen.findByRole('region', { name: 'Предлага' });
    expect(
      within(offers).getByText('Инфраструктура', { selector: 'dt' }).nextElementSibling,
    ).toHaveTextContent('Студио за захващане на движение');
    expect(
      within(offers).getByText('Хора и експертиза', { selector: 'dt' }).nextElementSibling,
    ).toHaveTextContent('Ментори по геймдизайн');
    expect(within(offers).queryByText('Проекти')).toBeNull();
    const seeks = screen.getByRole('region', { name: 'Търси' });
    expect(within(seeks).getByText('Проекти', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      'Партньори за образователни игри',
    );
  });

  it('says so when the member has not said what it offers and seeks', async () => {
    profileApi({ ...profileFixture, offers: {}, seeks: {} });
    renderApp(profilePath);
    await screen.findByRole('heading', { level: 1, name: 'Пиксел Фабрика' });
    expect(screen.getByRole('heading', { name: 'Предлага и търси' })).toBeVisible();
    expect(screen.getByText('Организацията не е посочила какво предлага и търси.')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Предлага' })).toBeNull();
  });

  it('opens the website in a new tab without giving it access to the portal', async () => {
    profileApi();
    renderApp(profilePath);
    const website = await screen.findByRole('link', {
      name: /^pixel-factory\.example\s*\(отваря се в нов раздел\)$/,
    });
    expect(website).toHaveAttribute('href', 'https://pixel-factory.example/');
    expect(website).toHaveAttribute('target', '_blank');
    expect(website).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('opens with a header: the initials in place of a logo, the areas as links to the directory filtered by each, and a website button (issue 17)', async () => {
    profileApi({ ...profileFixture, descriptionBg: 'Първо изречение. Второ изречение.' });
    renderApp(profilePath);
    await screen.findByRole('heading', { level: 1, name: 'Пиксел Фабрика' });
    expect(screen.getByTestId('organization-initials')).toHaveTextContent('ПФ');
    expect(screen.getByText('Първо изречение.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Компютърни игри' })).toHaveAttribute(
      'href',
      '/members?area=creative-games',
    );
    const button = screen.getByRole('link', { name: /^Към уебсайта\s*\(отваря се в нов раздел\)$/ });
    expect(button).toHaveAttribute('href', 'https://pixel-factory.example/');
    expect(button).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('has no website button for a non-web address', async () => {
    profileApi({ ...profileFixture, website: 'javascript:alert(1)' });
    renderApp(profilePath);
    await screen.findByRole('heading', { level: 1, name: 'Пиксел Фабрика' });
    expect(screen.queryByRole('link', { name: /Към уебсайта/ })).toBeNull();
  });

  it('never turns a non-web address into a link', async () => {
    profileApi({ ...profileFixture, website: 'javascript:alert(1)' });
    renderApp(profilePath);
    await screen.findByRole('heading', { level: 1, name: 'Пиксел Фабрика' });
    expect(fact('Уебсайт')).toBe('javascript:alert(1)');
    expect(screen.queryByRole('link', { name: /javascript/ })).toBeNull();
  });

  it('shows the English name and description in English, and the Bulgarian description when there is no English one', async () => {
    profileApi({ ...profileFixture, descriptionEn: '' });
    const app = renderApp(profilePath);
    await screen.findByRole('heading', { level: 1, name: 'Пиксел Фабрика' });
    await app.user.click(screen.getByRole('button', { name: /English/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Pixel Factory' })).toBeVisible();
    expect(screen.getByText('The description is available in Bulgarian only.')).toBeVisible();
    expect(screen.getByText(profileFixture.descriptionBg)).toHaveAttribute('lang', 'bg');
    expect(fact('Member since')).toBe('12 March 2025');
    expect(fact('Kind')).toBe('Company');
  });

  it('says so for a member that does not exist, with a way to the directory', async () => {
    profileApi();
    const app = renderApp('/members/7d1f7a3e-0000-4000-8000-000000000000');
    expect(await screen.findByRole('heading', { level: 1, name: 'Членът не е намерен' })).toBeVisible();
    await waitFor(() => expect(document.title).toBe('Членът не е намерен — Клъстер „Тестов град“'));
    await app.user.click(screen.getByRole('link', { name: 'Към регистъра на членовете' }));
    await waitFor(() => expect(app.pathname()).toBe('/members'));
  });

  it('says that a member which left is no longer a member (410), apart from "not found", in both languages', async () => {
    const formerId = '7d1f7a3e-0000-4000-8000-00000000041a';
    stubApi({
      '/api/organizations/:id': () =>
        problem(410, 'Организацията вече не е член на клъстера', undefined, {
          code: 'organization.former_member',
        }),
      '/api/organizations': () => json({ items: makeSummaries(3), total: 3, page: 1, pageSize: 12 }),
    });
    const app = renderApp(`/members/${formerId}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Организацията вече не е член на клъстера' }),
    ).toBeVisible();
    expect(screen.queryByText('Членът не е намерен')).toBeNull();
    expect(screen.getByText(/Членството на тази организация в клъстера е прекратено/)).toBeVisible();
    await waitFor(() =>
      expect(document.title).toBe('Организацията вече не е член на клъстера — Клъстер „Тестов град“'),
    );
    await app.user.click(screen.getByRole('button', { name: /English/ }));
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'This organisation is no longer a member of the cluster',
      }),
    ).toBeVisible();
    await app.user.click(screen.getByRole('link', { name: 'Go to the member directory' }));
    await waitFor(() => expect(app.pathname()).toBe('/members'));
  });

  it('links back to the directory search the visitor came from', async () => {
    profileApi();
    const app = renderApp('/members?kind=company&sort=-name');
    await app.user.click(await screen.findByRole('link', { name: 'Пиксел Фабрика' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Пиксел Фабрика' })).toBeVisible();

    await app.user.click(screen.getByRole('link', { name: /Обратно към членовете/ }));

    await waitFor(() => expect(app.pathname()).toBe('/members'));
    expect(app.searchParams().get('kind')).toBe('company');
    expect(app.searchParams().get('sort')).toBe('-name');
  });
});
