import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ana, makeUser, representativeMe } from '@/testing/mocks/fixtures/admin.ts';
import { adminApi } from '@/testing/mocks/handlers/admin.ts';
import { renderApp } from '@/testing/render-app.tsx';
import { USERS_PAGE_SIZE } from './search-params.ts';

const manyUsers = Array.from({ length: 25 }, (_, i) => makeUser(i + 2));

describe('the administration users list', () => {
  it('reads the search, role, status and page from the URL and asks the API for exactly that', async () => {
    const api = adminApi({ users: [ana, ...manyUsers] });
    renderApp('/admin/users?q=потребител&role=applicant&status=active&page=2');
    await screen.findByRole('heading', { level: 2, name: /Намерен|Няма/ });

    expect(screen.getByRole('searchbox', { name: 'Търсене' })).toHaveValue('потребител');
    expect(screen.getByRole('combobox', { name: 'Роля' })).toHaveValue('applicant');
    expect(screen.getByRole('combobox', { name: 'Състояние' })).toHaveValue('active');
    const sent = api.requestsTo('/api/admin/users').at(-1)?.url.searchParams;
    expect(Object.fromEntries(sent ?? [])).toEqual({
      q: 'потребител',
      role: 'applicant',
      status: 'active',
      page: '2',
      pageSize: String(USERS_PAGE_SIZE),
    });
  });

  it('shows each user with a link to their page, their status and roles', async () => {
    adminApi({ users: [ana, makeUser(2, { status: 'disabled' })] });
    renderApp('/admin/users');
    expect(await screen.findByRole('heading', { level: 2, name: 'Намерени: 2 потребителя' })).toBeVisible();
    const card = screen.getByRole('link', { name: 'Ана Петрова' }).closest('article') as HTMLElement;
    expect(screen.getByRole('link', { name: 'Ана Петрова' })).toHaveAttribute(
      'href',
      `/admin/users/${ana.id}`,
    );
    expect(within(card).getByText('ana@example.bg')).toBeVisible();
    expect(within(card).getByText('Активен')).toBeVisible();
    expect(within(card).getByText('Заявител')).toBeVisible();
    const other = screen.getByRole('link', { name: 'Потребител 02' }).closest('article') as HTMLElement;
    expect(within(other).getByText('Деактивиран')).toBeVisible();
    expect(within(other).getByText('Без роли')).toBeVisible();
  });

  it('writes a filter change to the URL, back on the first page, and searches as the user types', async () => {
    const api = adminApi({ users: [ana, ...manyUsers] });
    const app = renderApp('/admin/users?page=2');
    await screen.findByRole('heading', { level: 2, name: 'Намерени: 26 потребителя' });

    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Роля' }), 'Заявител');
    await waitFor(() => expect(app.searchParams().get('role')).toBe('applicant'));
    expect(app.searchParams().get('page')).toBeNull();
    expect(await screen.findByRole('heading', { level: 2, name: 'Намерен: 1 потребител' })).toBeVisible();

    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Роля' }), 'Всички роли');
    await app.user.type(screen.getByRole('searchbox', { name: 'Търсене' }), 'ана');
    await waitFor(() => expect(app.searchParams().get('q')).toBe('ана'));
    expect(app.searchParams().get('role')).toBeNull();
    expect(await screen.findByRole('heading', { level: 2, name: 'Намерен: 1 потребител' })).toBeVisible();
    // Debounced: one request for the whole word, not one per keystroke.
    const searches = api.requestsTo('/api/admin/users').filter((r) => r.url.searchParams.has('q'));
    expect(searches.map((r) => r.url.searchParams.get('q'))).toEqual(['ана']);
  });

  it('moves between pages through the URL', async () => {
    adminApi({ users: manyUsers });
    const app = renderApp('/admin/users');
    expect(await screen.findByRole('link', { name: 'Потребител 02' })).toBeVisible();
    await app.user.click(screen.getByRole('button', { name: 'Следваща страница' }));
    expect(await screen.findByRole('link', { name: 'Потребител 22' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Потребител 02' })).toBeNull();
    expect(app.searchParams().get('page')).toBe('2');
  });

  it('says when no user matches and clears the filters on request', async () => {
    adminApi({ users: [ana] });
    const app = renderApp('/admin/users?q=никой&status=disabled');
    expect(
      await screen.findByRole('heading', { name: 'Няма потребители, отговарящи на търсенето' }),
    ).toBeVisible();
    await app.user.click(screen.getByRole('button', { name: 'Изчисти филтрите' }));
    expect(await screen.findByRole('link', { name: 'Ана Петрова' })).toBeVisible();
    expect(app.searchParams().toString()).toBe('');
    expect(screen.getByRole('searchbox', { name: 'Търсене' })).toHaveValue('');
  });

  it('links between the administration pages', async () => {
    adminApi();
    renderApp('/admin/users');
    const nav = await screen.findByRole('navigation', { name: 'Раздели на администрацията' });
    expect(within(nav).getByRole('link', { name: 'Потребители' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Одитен журнал' })).toHaveAttribute('href', '/admin/audit');
    expect(within(nav).getByRole('link', { name: 'Изходяща поща' })).toHaveAttribute(
      'href',
      '/admin/mailbox',
    );
  });

  it('switches to English on the page: the lazily loaded admin texts come in both languages', async () => {
    adminApi({ users: [ana, makeUser(2, { status: 'disabled' })] });
    const app = renderApp('/admin/users');
    await screen.findByRole('heading', { level: 2, name: 'Намерени: 2 потребителя' });
    await app.user.click(screen.getByRole('button', { name: /English/ }));
    expect(await screen.findByRole('heading', { level: 2, name: '2 users found' })).toBeVisible();
    expect(screen.getByRole('navigation', { name: 'Administration sections' })).toBeVisible();
    expect(screen.getByRole('searchbox', { name: 'Search' })).toBeVisible();
    const other = screen.getByRole('link', { name: 'Потребител 02' }).closest('article') as HTMLElement;
    expect(within(other).getByText('Disabled')).toBeVisible();
  });
});

describe('access to the administration pages', () => {
  it('shows a signed-in user without the admin role the localised 403 page, and asks the API nothing', async () => {
    const api = adminApi({ me: representativeMe });
    renderApp('/admin/users');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Нямате достъп до тази страница' }),
    ).toBeVisible();
    expect(api.requestsTo('/api/admin/users')).toHaveLength(0);
  });

  it.each(['/admin/users', '/admin/audit', '/admin/mailbox'])(
    'also guards %s with the 403 page',
    async (path) => {
      adminApi({ me: representativeMe });
      renderApp(path);
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Нямате достъп до тази страница' }),
      ).toBeVisible();
    },
  );

  it('sends an anonymous visitor to log in, and back here afterwards', async () => {
    const api = adminApi({ me: null });
    const app = renderApp('/admin/users?role=admin');
    await waitFor(() => expect(app.pathname()).toBe('/login'));
    expect(app.searchParams().get('next')).toBe('/admin/users?role=admin');
    expect(api.requestsTo('/api/admin/users')).toHaveLength(0);
  });
});
