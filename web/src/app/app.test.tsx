import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { applyStoredLanguage, LANGUAGE_STORAGE_KEY } from '@/i18n/index.ts';
import { signedIn } from '@/testing/auth-fixtures.ts';
import { stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

describe('the portal shell', () => {
  it('shows a not-found page with a way home for an unknown address', async () => {
    stubApi();
    const app = renderApp('/no-such-page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Страницата не е намерена' })).toBeVisible();
    await app.user.click(screen.getByRole('link', { name: 'Към началната страница' }));
    await waitFor(() => expect(app.pathname()).toBe('/'));
  });

  it('has header, navigation, main and footer landmarks and a skip link to the main content', async () => {
    stubApi();
    renderApp('/');
    expect(await screen.findByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Основна навигация' })).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(screen.getByRole('link', { name: 'Към съдържанието' })).toHaveAttribute('href', `#${main.id}`);
  });

  it("groups a member's links under buttons that open with the keyboard and close on Escape", async () => {
    stubApi(signedIn());
    const app = renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Основна навигация' });
    const cooperation = await within(nav).findByRole('button', { name: 'Сътрудничество' });
    expect(cooperation).toHaveAttribute('aria-expanded', 'false');
    expect(within(nav).queryByRole('link', { name: 'Покани' })).toBeNull();
    // The top-level links stay in the row.
    expect(within(nav).getByRole('link', { name: 'Новини' })).toBeVisible();

    cooperation.focus();
    await app.user.keyboard('{Enter}');
    expect(cooperation).toHaveAttribute('aria-expanded', 'true');
    const calls = within(nav).getByRole('link', { name: 'Покани' });
    expect(calls).toHaveAttribute('href', '/calls');
    await app.user.tab();
    expect(within(nav).getByRole('link', { name: 'Борса' })).toHaveFocus();
    await app.user.keyboard('{Escape}');
    expect(cooperation).toHaveAttribute('aria-expanded', 'false');
    expect(cooperation).toHaveFocus();
    expect(within(nav).queryByRole('link', { name: 'Покани' })).toBeNull();

    await app.user.click(within(nav).getByRole('button', { name: 'Управление' }));
    await app.user.click(within(nav).getByRole('link', { name: 'Решения' }));
    await waitFor(() => expect(app.pathname()).toBe('/decisions'));
    // Closed after the navigation, its button marked as holding the page shown.
    const governance = within(nav).getByRole('button', { name: 'Управление' });
    await waitFor(() => expect(governance).toHaveAttribute('aria-expanded', 'false'));
    expect(governance).toHaveAttribute('data-current');
  });

  it('switches to English, remembers the choice and sets the document language', async () => {
    stubApi();
    const app = renderApp('/');
    expect(await screen.findByRole('link', { name: 'Членове' })).toBeVisible();
    expect(document.documentElement.lang).toBe('bg');

    await app.user.click(screen.getByRole('button', { name: /English/ }));

    expect(await screen.findByRole('link', { name: 'Members' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Home' })).toBeVisible();
    expect(screen.getByRole('button', { name: /English/ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: /Български/ })).toHaveAttribute('aria-pressed', 'false');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('starts in the language remembered from the last visit and asks the API in it', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const api = stubApi();
    await applyStoredLanguage();
    renderApp('/');
    expect(await screen.findByRole('link', { name: 'Members' })).toBeVisible();
    await waitFor(() => expect(api.requestsTo('/api/cluster').length).toBeGreaterThan(0));
    expect(api.requestsTo('/api/cluster')[0]?.headers.get('accept-language')).toBe('en');
  });

  it('names every page in the browser title with the cluster name from the API', async () => {
    stubApi();
    const app = renderApp('/members');
    await waitFor(() => expect(document.title).toBe('Членове — Клъстер „Тестов град“'));
    await app.user.click(screen.getByRole('button', { name: /English/ }));
    await waitFor(() => expect(document.title).toBe('Members — Cluster "Test City"'));
  });

  it('has a menu button that opens the navigation in a drawer and closes it on following a link (a phone)', async () => {
    stubApi();
    const app = renderApp('/');
    const button = await screen.findByRole('button', { name: 'Меню' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await app.user.click(button);
    const drawer = await screen.findByRole('dialog', { name: 'Меню' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    await app.user.click(within(drawer).getByRole('link', { name: 'Членове' }));
    await waitFor(() => expect(app.pathname()).toBe('/members'));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Меню' })).not.toBeInTheDocument());
  });
});
