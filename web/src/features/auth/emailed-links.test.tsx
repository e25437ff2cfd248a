import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { linkToken } from '@/testing/auth-fixtures.ts';
import { json, noContent, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const invalidToken = () =>
  problem(400, 'Невалидни данни', [{ path: 'body.token', message: 'Връзката е изтекла.' }]);

describe('the email confirmation link', () => {
  it('posts the token from the link once and says the address is confirmed', async () => {
    const api = stubApi({ '/api/auth/verify-email': () => noContent() });
    renderApp(`/verify-email?token=${linkToken}`);

    expect(await screen.findByRole('heading', { name: 'Имейл адресът е потвърден' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Към входа' })).toHaveAttribute('href', '/login');
    const posts = api.requestsTo('/api/auth/verify-email');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.method).toBe('POST');
    expect(posts[0]?.body).toEqual({ token: linkToken });
  });

  it('keeps the return address of the link: "log in to continue" goes on to it (issue 11 C4)', async () => {
    stubApi({ '/api/auth/verify-email': () => noContent() });
    const next = `/invitations/accept?token=${linkToken}`;
    renderApp(`/verify-email?${new URLSearchParams({ token: linkToken, next })}`);

    expect(await screen.findByRole('heading', { name: 'Имейл адресът е потвърден' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Влезте, за да продължите' })).toHaveAttribute(
      'href',
      `/login?${new URLSearchParams({ next })}`,
    );
  });

  it('drops a return address that is not a page of this site', async () => {
    stubApi({ '/api/auth/verify-email': () => noContent() });
    renderApp(`/verify-email?${new URLSearchParams({ token: linkToken, next: '//evil.example/x' })}`);
    expect(await screen.findByRole('link', { name: 'Към входа' })).toHaveAttribute('href', '/login');
  });

  it('says an expired or used link is not valid and sends a new one on request', async () => {
    const api = stubApi({
      '/api/auth/verify-email': invalidToken,
      '/api/auth/resend-verification': () => json({ status: 'accepted' }, 202),
    });
    const app = renderApp(`/verify-email?token=${linkToken}`);

    expect(await screen.findByRole('heading', { name: 'Връзката не е валидна' })).toBeVisible();
    await app.user.type(screen.getByRole('textbox', { name: 'Имейл' }), 'maria@example.bg');
    await app.user.click(screen.getByRole('button', { name: 'Изпрати нова връзка' }));
    expect(await screen.findByText(/изпратихме нова връзка на maria@example\.bg/)).toBeVisible();
    expect(api.requestsTo('/api/auth/resend-verification')[0]?.body).toEqual({ email: 'maria@example.bg' });
  });

  it('does not post a link without a token', async () => {
    const api = stubApi();
    renderApp('/verify-email');
    expect(await screen.findByRole('heading', { name: 'Връзката не е валидна' })).toBeVisible();
    expect(api.requestsTo('/api/auth/verify-email')).toHaveLength(0);
  });
});

describe('the password reset link', () => {
  it('sets the new password with the token from the link', async () => {
    const api = stubApi({ '/api/auth/reset-password': () => noContent() });
    const app = renderApp(`/reset-password?token=${linkToken}`);
    const password = await screen.findByLabelText(/^Нова парола/);
    expect(password).toHaveAccessibleDescription(/От 12 до 128 знака/);
    await app.user.type(password, 'нова дълга парола');
    await app.user.click(screen.getByRole('button', { name: 'Запази новата парола' }));

    expect(await screen.findByRole('heading', { name: 'Паролата е сменена' })).toBeVisible();
    expect(api.requestsTo('/api/auth/reset-password')[0]?.body).toEqual({
      token: linkToken,
      password: 'нова дълга парола',
    });
  });

  it('shows the server rejecting the password beside the field', async () => {
    stubApi({
      '/api/auth/reset-password': () =>
        problem(400, 'Невалидни данни', [
          { path: 'body.password', message: 'Паролата е твърде често срещана.' },
        ]),
    });
    const app = renderApp(`/reset-password?token=${linkToken}`);
    await app.user.type(await screen.findByLabelText(/^Нова парола/), 'password1234');
    await app.user.click(screen.getByRole('button', { name: 'Запази новата парола' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/^Нова парола/)).toHaveAccessibleDescription(
        /Паролата е твърде често срещана\./,
      ),
    );
  });

  it('offers a new link when the token is refused', async () => {
    stubApi({ '/api/auth/reset-password': invalidToken });
    const app = renderApp(`/reset-password?token=${linkToken}`);
    await app.user.type(await screen.findByLabelText(/^Нова парола/), 'нова дълга парола');
    await app.user.click(screen.getByRole('button', { name: 'Запази новата парола' }));
    expect(await screen.findByRole('heading', { name: 'Връзката не е валидна' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Поискайте нова връзка' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });
});

describe('the forgotten password page', () => {
  it('asks for a link and gives the same answer whether or not the account exists', async () => {
    const api = stubApi({ '/api/auth/forgot-password': () => json({ status: 'accepted' }, 202) });
    const app = renderApp('/forgot-password');
    await app.user.type(await screen.findByRole('textbox', { name: 'Имейл' }), 'Maria@example.bg');
    await app.user.click(screen.getByRole('button', { name: 'Изпрати връзка' }));
    expect(
      await screen.findByText(
        'Ако има профил с адрес maria@example.bg, изпратихме на него връзка за нова парола.',
      ),
    ).toBeVisible();
    expect(api.requestsTo('/api/auth/forgot-password')[0]?.body).toEqual({ email: 'maria@example.bg' });
  });
});

describe('the email change link', () => {
  it('posts the token from the link and says the address has changed', async () => {
    const api = stubApi({ '/api/auth/confirm-email-change': () => noContent() });
    renderApp(`/confirm-email?token=${linkToken}`);
    expect(await screen.findByRole('heading', { name: 'Имейл адресът е сменен' })).toBeVisible();
    expect(api.requestsTo('/api/auth/confirm-email-change')[0]?.body).toEqual({ token: linkToken });
  });

  it('says a refused link is not valid', async () => {
    stubApi({ '/api/auth/confirm-email-change': invalidToken });
    renderApp(`/confirm-email?token=${linkToken}`);
    expect(await screen.findByRole('heading', { name: 'Връзката не е валидна' })).toBeVisible();
  });
});
