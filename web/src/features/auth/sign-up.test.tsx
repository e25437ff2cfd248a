import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/i18n/index.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

async function fillSignUp(
  app: ReturnType<typeof renderApp>,
  labels: { name: string; email: string; password: RegExp },
  values: { name: string; email: string; password: string },
) {
  // Pasted, not typed: typing letter by letter is slow under load (the guide's advice).
  await app.user.click(await screen.findByRole('textbox', { name: labels.name }));
  await app.user.paste(values.name);
  await app.user.click(screen.getByRole('textbox', { name: labels.email }));
  await app.user.paste(values.email);
  await app.user.click(screen.getByLabelText(labels.password));
  await app.user.paste(values.password);
}

const BG = { name: 'Име', email: 'Имейл', password: /^Парола/ };

describe('signing up', () => {
  it('explains the password rule and rejects a short password in Bulgarian before asking the server', async () => {
    const api = stubApi();
    const app = renderApp('/sign-up');
    await fillSignUp(app, BG, { name: 'Мария', email: 'maria@example.bg', password: 'кратка' });
    const password = screen.getByLabelText(/^Парола/);
    expect(password).toHaveAccessibleDescription(/От 12 до 128 знака/);

    await app.user.click(screen.getByRole('button', { name: 'Създай профил' }));

    expect(password).toHaveAccessibleDescription(/Паролата трябва да е поне 12 знака\./);
    expect(password).toHaveFocus();
    expect(api.requestsTo('/api/auth/sign-up')).toHaveLength(0);

    // The message follows the UI language.
    await app.user.click(screen.getByRole('button', { name: /English/ }));
    expect(await screen.findByText('The password must be at least 12 characters long.')).toBeVisible();
  });

  it('rejects a short password in English when the UI is in English', async () => {
    const api = stubApi();
    await setLanguage('en');
    const app = renderApp('/sign-up');
    await fillSignUp(
      app,
      { name: 'Name', email: 'E-mail', password: /^Password/ },
      { name: 'Maria', email: 'maria@example.bg', password: 'short' },
    );
    await app.user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByLabelText(/^Password/)).toHaveAccessibleDescription(
      /The password must be at least 12 characters long\./,
    );
    expect(api.requestsTo('/api/auth/sign-up')).toHaveLength(0);
  });

  it('is linked from the log-in page with the return address kept (issue 11 C4)', async () => {
    stubApi();
    renderApp('/login?next=%2Fapply');
    expect(await screen.findByRole('link', { name: 'Регистрирайте се' })).toHaveAttribute(
      'href',
      '/sign-up?next=%2Fapply',
    );
  });

  it('keeps the return address: sends it with the sign-up, and on the link back to log-in (issue 11 C4)', async () => {
    const api = stubApi({ '/api/auth/sign-up': () => json({ status: 'accepted' }, 202) });
    const app = renderApp('/sign-up?next=%2Fapply');
    expect(await screen.findByRole('link', { name: 'Влезте' })).toHaveAttribute(
      'href',
      '/login?next=%2Fapply',
    );

    await fillSignUp(app, BG, {
      name: 'Мария',
      email: 'maria@example.bg',
      password: 'дълга-парола-на-кирилица',
    });
    await app.user.click(screen.getByRole('button', { name: 'Създай профил' }));
    expect(await screen.findByRole('status')).toBeVisible();
    expect(api.requestsTo('/api/auth/sign-up')[0]?.body).toMatchObject({
      email: 'maria@example.bg',
      next: '/apply',
    });
  });

  it('sends no return address that is not a page of this site', async () => {
    const api = stubApi({ '/api/auth/sign-up': () => json({ status: 'accepted' }, 202) });
    const app = renderApp('/sign-up?next=%2F%2Fevil.example');
    await fillSignUp(app, BG, {
      name: 'Мария',
      email: 'maria@example.bg',
      password: 'дълга-парола-на-кирилица',
    });
    await app.user.click(screen.getByRole('button', { name: 'Създай профил' }));
    expect(await screen.findByRole('status')).toBeVisible();
    expect(api.requestsTo('/api/auth/sign-up')[0]?.body).not.toHaveProperty('next');
  });

  it('shows a field error from the server beside its field', async () => {
    stubApi({
      '/api/auth/sign-up': () =>
        problem(400, 'Невалидни данни', [
          { path: 'body.password', message: 'Паролата не може да съдържа вашия имейл или име.' },
        ]),
    });
    const app = renderApp('/sign-up');
    await fillSignUp(app, BG, { name: 'Мария', email: 'maria@example.bg', password: 'maria kupuva 2026' });
    await app.user.click(screen.getByRole('button', { name: 'Създай профил' }));

    const password = screen.getByLabelText(/^Парола/);
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    expect(password).toHaveAccessibleDescription(/Паролата не може да съдържа вашия имейл или име\./);
    // Every field error found its field, so there is no separate alert.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sends the account and tells the user to check their email', async () => {
    const api = stubApi({ '/api/auth/sign-up': () => json({ status: 'accepted' }, 202) });
    const app = renderApp('/sign-up');
    await fillSignUp(app, BG, {
      name: ' Мария Петрова ',
      email: 'Maria@Example.bg',
      password: 'дълга парола за тест',
    });
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Език' }), 'English');
    await app.user.click(screen.getByRole('button', { name: 'Създай профил' }));

    const heading = await screen.findByRole('heading', { name: 'Проверете пощата си' });
    expect(heading).toHaveFocus();
    expect(screen.getByText(/Изпратихме писмо на maria@example\.bg/)).toBeVisible();
    expect(api.requestsTo('/api/auth/sign-up')[0]?.body).toEqual({
      displayName: 'Мария Петрова',
      email: 'maria@example.bg',
      password: 'дълга парола за тест',
      language: 'en',
    });
  });

  it('shows a problem that belongs to no field in an alert', async () => {
    stubApi({ '/api/auth/sign-up': () => problem(503, 'Услугата временно не е достъпна') });
    const app = renderApp('/sign-up');
    await fillSignUp(app, BG, { name: 'Мария', email: 'maria@example.bg', password: 'дълга парола за тест' });
    await app.user.click(screen.getByRole('button', { name: 'Създай профил' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Услугата временно не е достъпна')).toBeVisible();
  });
});
