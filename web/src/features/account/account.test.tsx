import type { Me, SessionInfo } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture, sessionsFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { json, noContent, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const section = async (name: string | RegExp) => within(await screen.findByRole('region', { name }));

/** A signed-in API whose session list shrinks when a session is ended. */
function accountApi(extra: Parameters<typeof stubApi>[0] = {}) {
  let sessions: SessionInfo[] = [...sessionsFixture];
  return stubApi({
    ...signedIn(),
    '/api/account/sessions': () => json({ items: sessions }),
    '/api/account/sessions/:id': (url, request) => {
      if (request.method !== 'DELETE') return undefined;
      const id = url.pathname.split('/').at(-1);
      sessions = sessions.filter((s) => s.id !== id);
      return noContent();
    },
    ...extra,
  });
}

describe('the account page', () => {
  it('lists the active sessions and ends one only after confirmation', async () => {
    const api = accountApi();
    const app = renderApp('/account');
    const sessions = await section('Активни сесии');

    expect(await sessions.findByText('Firefox на Windows')).toBeVisible();
    expect(sessions.getByText('Това устройство')).toBeVisible();
    expect(sessions.getByText('Safari на iOS')).toBeVisible();
    // This device cannot be ended from here (that is logging out); the other one can.
    expect(sessions.getAllByRole('button', { name: /^Прекрати сесията/ })).toHaveLength(1);

    // Cancelling ends nothing.
    await app.user.click(sessions.getByRole('button', { name: 'Прекрати сесията на Safari на iOS' }));
    let dialog = await screen.findByRole('dialog', { name: 'Прекратяване на сесия' });
    expect(within(dialog).getByText(/„Safari на iOS“ ще бъде изведено/)).toBeVisible();
    await app.user.click(within(dialog).getByRole('button', { name: 'Отказ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);

    await app.user.click(sessions.getByRole('button', { name: 'Прекрати сесията на Safari на iOS' }));
    dialog = await screen.findByRole('dialog', { name: 'Прекратяване на сесия' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, прекрати' }));

    expect(await sessions.findByText('Сесията е прекратена.')).toBeVisible();
    await waitFor(() => expect(sessions.queryByText('Safari на iOS')).toBeNull());
    const deletes = api.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.url.pathname)).toEqual([`/api/account/sessions/${sessionsFixture[1]?.id}`]);
    expect(sessions.getByText('Няма други активни сесии.')).toBeVisible();
  });

  it('saves the name and language, and the whole UI switches to the saved language', async () => {
    let me: Me = meFixture();
    const api = accountApi({
      '/api/auth/session': () => json({ user: me }),
      '/api/account': (_url, request) => {
        if (request.method === 'PATCH') me = { ...me, ...(request.body as Partial<Me>) };
        return json(me);
      },
    });
    const app = renderApp('/account');
    const profile = await section('Лични данни');
    expect(profile.getByText('maria@example.bg')).toBeVisible();
    expect(profile.getByText('Представител на организация')).toBeVisible();

    const name = profile.getByRole('textbox', { name: 'Име' });
    await app.user.clear(name);
    await app.user.type(name, 'Мария Иванова');
    await app.user.selectOptions(profile.getByRole('combobox', { name: 'Език' }), 'English');
    await app.user.click(profile.getByRole('button', { name: 'Запази' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
    expect(await screen.findByText('Your changes have been saved.')).toBeVisible();
    const patch = api.requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ displayName: 'Мария Иванова', language: 'en' });
    // The header shows the new name.
    expect(within(screen.getByRole('banner')).getByText('Мария Иванова')).toBeVisible();
  });

  it('requires a name', async () => {
    const api = accountApi();
    const app = renderApp('/account');
    const profile = await section('Лични данни');
    await app.user.clear(profile.getByRole('textbox', { name: 'Име' }));
    await app.user.click(profile.getByRole('button', { name: 'Запази' }));
    expect(profile.getByRole('textbox', { name: 'Име' })).toHaveAccessibleDescription(/Попълнете полето\./);
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
  });

  it('changes the password, and shows a wrong current password beside its field', async () => {
    let attempts = 0;
    const api = accountApi({
      '/api/account/password': () => {
        attempts += 1;
        return attempts === 1
          ? problem(400, 'Невалидни данни', [
              { path: 'body.currentPassword', message: 'Текущата парола е грешна.' },
            ])
          : noContent();
      },
    });
    const app = renderApp('/account');
    const password = await section('Смяна на паролата');
    await app.user.type(password.getByLabelText(/^Текуща парола/), 'wrong password');
    await app.user.type(password.getByLabelText(/^Нова парола/), 'моята нова парола');
    await app.user.click(password.getByRole('button', { name: 'Смени паролата' }));

    const current = password.getByLabelText(/^Текуща парола/);
    await waitFor(() => expect(current).toHaveAccessibleDescription('Текущата парола е грешна.'));
    expect(current).toHaveFocus();

    await app.user.clear(current);
    await app.user.type(current, 'right password');
    await app.user.click(password.getByRole('button', { name: 'Смени паролата' }));
    expect(
      await password.findByText('Паролата е сменена. Сесиите на другите ви устройства са прекратени.'),
    ).toBeVisible();
    expect(api.requestsTo('/api/account/password').at(-1)?.body).toEqual({
      currentPassword: 'right password',
      newPassword: 'моята нова парола',
    });
    expect(password.getByLabelText(/^Текуща парола/)).toHaveValue('');
  });

  it('asks for an email change and says where the confirmation link went', async () => {
    const api = accountApi({ '/api/account/email': () => json({ status: 'accepted' }, 202) });
    const app = renderApp('/account');
    const email = await section('Смяна на имейла');
    expect(email.getByText(/Текущ адрес: maria@example\.bg/)).toBeVisible();
    await app.user.type(email.getByRole('textbox', { name: 'Нов имейл' }), 'Maria.New@Example.bg');
    await app.user.type(email.getByLabelText(/^Текуща парола/), 'my password');
    await app.user.click(email.getByRole('button', { name: 'Смени имейла' }));

    expect(
      await email.findByText(/Изпратихме връзка за потвърждение на maria\.new@example\.bg/),
    ).toBeVisible();
    expect(api.requestsTo('/api/account/email')[0]?.body).toEqual({
      newEmail: 'maria.new@example.bg',
      currentPassword: 'my password',
    });
  });

  it('lists the organisations the user represents', async () => {
    accountApi();
    renderApp('/account');
    const organizations = await section('Моите организации');
    expect(await organizations.findByRole('heading', { name: 'Пиксел Фабрика' })).toBeVisible();
    expect(organizations.getByText('131071587')).toBeVisible();
    expect(organizations.getByText('Активно')).toBeVisible();
    expect(organizations.getByRole('link', { name: 'Публичен профил' })).toHaveAttribute(
      'href',
      '/members/0b6c3f5e-8f2a-4b8e-9d7a-1c2b3d4e5f60',
    );
  });

  it('says so when the user represents no organisation', async () => {
    accountApi({ '/api/account/organizations': () => json({ items: [] }) });
    renderApp('/account');
    const organizations = await section('Моите организации');
    expect(await organizations.findByText(/Все още не представлявате организация/)).toBeVisible();
  });
});

describe('the account page for someone who may apply (issue 11 C4)', () => {
  const me = meFixture({ roles: [], organizations: [] });

  it('offers to apply, and does not say an administrator will link the user to an organisation', async () => {
    stubApi({ ...signedIn(me), '/api/account/organizations': () => json({ items: [] }) });
    renderApp('/account');
    const applications = await section('Моите заявления за членство');
    expect(await applications.findByText('Все още нямате заявления за членство.')).toBeVisible();
    expect(applications.getByRole('link', { name: 'Кандидатствайте за членство' })).toHaveAttribute(
      'href',
      '/apply',
    );
    const organizations = await section('Моите организации');
    expect(await organizations.findByText(/кандидатствайте за членство/)).toBeVisible();
    expect(screen.queryByText(/Администратор ви свързва/)).toBeNull();
  });

  it("lists the user's applications with their state, each linking to it", async () => {
    const summary = {
      nameEn: null,
      eik: null,
      kind: null,
      applicantName: 'Мария Петрова',
      updatedAt: '2026-03-02T09:00:00.000Z',
    };
    stubApi({
      ...signedIn(me),
      '/api/account/organizations': () => json({ items: [] }),
      '/api/applications/mine': () =>
        json({
          items: [
            {
              ...summary,
              id: '99999999-2222-4333-8444-555555555555',
              state: 'submitted',
              nameBg: 'Пиксел Студио',
              submittedAt: '2026-03-01T09:00:00.000Z',
            },
            {
              ...summary,
              id: '88888888-2222-4333-8444-555555555555',
              state: 'draft',
              nameBg: null,
              submittedAt: null,
            },
          ],
        }),
    });
    renderApp('/account');
    const applications = await section('Моите заявления за членство');
    expect(await applications.findByRole('link', { name: 'Пиксел Студио' })).toHaveAttribute(
      'href',
      '/applications/99999999-2222-4333-8444-555555555555',
    );
    expect(applications.getByText(/^Подадено на 1 март 2026/)).toBeVisible();
    expect(applications.getByText('Подадено')).toBeVisible();
    expect(applications.getByRole('link', { name: 'Заявление без попълнено име' })).toHaveAttribute(
      'href',
      '/applications/88888888-2222-4333-8444-555555555555',
    );
    expect(applications.getByText('Чернова')).toBeVisible();
    expect(applications.getByRole('link', { name: 'Кандидатствайте за членство' })).toBeVisible();
  });
});
