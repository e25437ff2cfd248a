import { render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppLayout } from '@/app/layout.tsx';
import { AppProvider } from '@/app/provider.tsx';
import { createQueryClient } from '@/app/query-client.ts';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { json, noContent, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';
import { RequireAuth } from './components/require-auth.tsx';

describe('protected pages', () => {
  it('send an anonymous visitor to log in, and back to the same page afterwards', async () => {
    let user: ReturnType<typeof meFixture> | null = null;
    stubApi({
      ...signedIn(),
      '/api/auth/session': () => json({ user }),
      '/api/auth/log-in': () => {
        user = meFixture();
        return json({ user });
      },
    });
    const app = renderApp('/account?tab=1#sessions');

    await waitFor(() => expect(app.pathname()).toBe('/login'));
    expect(app.searchParams().get('next')).toBe('/account?tab=1#sessions');

    await app.user.type(await screen.findByRole('textbox', { name: 'Имейл' }), 'maria@example.bg');
    await app.user.type(screen.getByLabelText(/^Парола/), 'a long enough password');
    await app.user.click(screen.getByRole('button', { name: 'Влез' }));

    await waitFor(() => expect(app.pathname()).toBe('/account'));
    expect(app.router.state.location.search).toBe('?tab=1');
    expect(app.router.state.location.hash).toBe('#sessions');
  });

  it('send the user to log in again when their session has ended meanwhile', async () => {
    let user: ReturnType<typeof meFixture> | null = meFixture();
    stubApi({
      ...signedIn(),
      '/api/auth/session': () => json({ user }),
      '/api/account/password': () => {
        user = null;
        return problem(401, 'Не сте влезли', undefined, { code: 'auth.required' });
      },
    });
    const app = renderApp('/account');
    const section = within(await screen.findByRole('region', { name: 'Смяна на паролата' }));
    await app.user.type(section.getByLabelText(/^Текуща парола/), 'old password!');
    await app.user.type(section.getByLabelText(/^Нова парола/), 'new password!!');
    await app.user.click(section.getByRole('button', { name: 'Смени паролата' }));
    await waitFor(() => expect(app.pathname()).toBe('/login'));
  });

  it('show a 403 page to a user without the permission a page needs', async () => {
    const renderGuarded = (url: string) => {
      const queryClient = createQueryClient();
      queryClient.setDefaultOptions({ queries: { retry: false } });
      const router = createMemoryRouter(
        [
          {
            Component: AppLayout,
            children: [
              {
                element: <RequireAuth permission="users.manage" />,
                children: [{ path: '/admin/users', element: <h1>Потребители</h1> }],
              },
            ],
          },
        ],
        { initialEntries: [url] },
      );
      render(
        <AppProvider queryClient={queryClient}>
          <RouterProvider router={router} />
        </AppProvider>,
      );
    };

    stubApi(signedIn(meFixture({ roles: ['representative'] })));
    renderGuarded('/admin/users');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Нямате достъп до тази страница' }),
    ).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Потребители' })).toBeNull();
  });

  it('let a user with the permission in', async () => {
    stubApi(signedIn(meFixture({ roles: ['admin'] })));
    const queryClient = createQueryClient();
    const router = createMemoryRouter(
      [
        {
          element: <RequireAuth permission="users.manage" />,
          children: [{ path: '/admin/users', element: <h1>Потребители</h1> }],
        },
      ],
      { initialEntries: ['/admin/users'] },
    );
    render(
      <AppProvider queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Потребители' })).toBeVisible();
  });
});

describe('the header', () => {
  it('offers log-in and sign-up links to a visitor', async () => {
    stubApi();
    renderApp('/');
    const banner = await screen.findByRole('banner');
    expect(await within(banner).findByRole('link', { name: 'Вход' })).toHaveAttribute('href', '/login');
    expect(within(banner).getByRole('link', { name: 'Регистрация' })).toHaveAttribute('href', '/sign-up');
    expect(within(banner).queryByRole('link', { name: 'Администрация' })).toBeNull();
  });

  it('shows the signed-in user with their roles, a link to their account and a log-out button', async () => {
    stubApi(signedIn(meFixture({ roles: ['representative', 'committee_member'] })));
    const app = renderApp('/');
    const banner = await screen.findByRole('banner');
    expect(await within(banner).findByText('Мария Петрова')).toBeVisible();
    expect(within(banner).getByText('Роли: Представител на организация, Член на комитета')).toBeVisible();
    expect(within(banner).getByRole('link', { name: 'Моят профил' })).toHaveAttribute('href', '/account');
    expect(within(banner).getByRole('button', { name: 'Изход' })).toBeVisible();
    expect(within(banner).queryByRole('link', { name: 'Вход' })).toBeNull();
    expect(within(banner).queryByRole('link', { name: 'Администрация' })).toBeNull();

    await app.user.click(within(banner).getByRole('button', { name: /English/ }));
    expect(
      await within(banner).findByText('Roles: Organisation representative, Committee member'),
    ).toBeVisible();
  });

  it('links an administrator to the administration', async () => {
    stubApi(signedIn(meFixture({ roles: ['admin'] })));
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Основна навигация' });
    expect(await within(nav).findByRole('link', { name: 'Администрация' })).toHaveAttribute(
      'href',
      '/admin/users',
    );
  });

  it('logs out and goes to the home page', async () => {
    let user: ReturnType<typeof meFixture> | null = meFixture();
    const api = stubApi({
      ...signedIn(),
      '/api/auth/session': () => json({ user }),
      '/api/auth/log-out': () => {
        user = null;
        return noContent();
      },
    });
    const app = renderApp('/account');
    const banner = await screen.findByRole('banner');
    await app.user.click(await within(banner).findByRole('button', { name: 'Изход' }));

    expect(await within(banner).findByRole('link', { name: 'Вход' })).toBeVisible();
    expect(app.pathname()).toBe('/');
    expect(api.requestsTo('/api/auth/log-out')[0]?.method).toBe('POST');
  });
});
