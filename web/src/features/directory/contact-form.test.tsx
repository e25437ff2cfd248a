import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { profileFixture } from '@/testing/fixtures.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

/** The contact form on a member's public page (issue 17, decision 053). */

const profilePath = `/members/${profileFixture.id}`;
const contactPath = `/api/organizations/${profileFixture.id}/contact`;

function profileApi(acceptsContact: boolean, contact?: () => Response) {
  return stubApi({
    [contactPath]: contact ?? (() => json({ sent: true }, 202)),
    '/api/organizations/:id': () => json({ ...profileFixture, acceptsContact }),
  });
}

async function fillIn(app: ReturnType<typeof renderApp>) {
  await app.user.type(screen.getByRole('textbox', { name: 'Вашето име' }), 'Мария Петрова');
  await app.user.type(screen.getByRole('textbox', { name: 'Вашият имейл' }), 'maria@example.bg');
  await app.user.type(screen.getByRole('textbox', { name: 'Тема' }), 'Съвместен проект');
  await app.user.click(screen.getByRole('textbox', { name: 'Съобщение' }));
  await app.user.paste('Здравейте, бихме искали да обсъдим съвместен проект.');
  await app.user.click(screen.getByRole('checkbox', { name: /Съгласен\/на съм/ }));
}

describe('the contact form on a member’s page', () => {
  it('sends the message and says it was sent, without the member’s address', async () => {
    const api = profileApi(true);
    const app = renderApp(profilePath);
    expect(await screen.findByRole('heading', { name: 'Пишете на члена' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Информация за защита на личните данни' })).toHaveAttribute(
      'href',
      '/privacy',
    );
    await fillIn(app);
    await app.user.click(screen.getByRole('button', { name: 'Изпрати съобщението' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Съобщението ви е изпратено');
    const [sent] = api.sent(contactPath, 'POST');
    expect(sent?.body).toEqual({
      name: 'Мария Петрова',
      email: 'maria@example.bg',
      organization: '',
      subject: 'Съвместен проект',
      message: 'Здравейте, бихме искали да обсъдим съвместен проект.',
      website: '',
      consent: true,
    });
  });

  it('shows a missing consent and the server’s field errors beside their fields, sending nothing invalid', async () => {
    const api = profileApi(true, () =>
      problem(400, 'Невалидни данни', [{ path: 'body.email', message: 'Адресът не се приема.' }], {
        code: 'validation.failed',
      }),
    );
    const app = renderApp(profilePath);
    await screen.findByRole('heading', { name: 'Пишете на члена' });
    await app.user.type(screen.getByRole('textbox', { name: 'Вашето име' }), 'Мария');
    await app.user.click(screen.getByRole('button', { name: 'Изпрати съобщението' }));
    const consent = screen.getByRole('checkbox', { name: /Съгласен\/на съм/ });
    expect(consent).toHaveAccessibleDescription('Необходимо е съгласието ви, за да предадем съобщението.');
    expect(api.sent(contactPath, 'POST')).toHaveLength(0);

    await fillIn(app);
    await app.user.click(screen.getByRole('button', { name: 'Изпрати съобщението' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Вашият имейл' })).toHaveAccessibleDescription(
        /Адресът не се приема\./,
      ),
    );
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says in words how long to wait when too many messages were sent', async () => {
    profileApi(true, () =>
      problem(429, 'Твърде много опити', undefined, {
        code: 'rate_limited',
        headers: { 'Retry-After': '1800' },
      }),
    );
    const app = renderApp(profilePath);
    await screen.findByRole('heading', { name: 'Пишете на члена' });
    await fillIn(app);
    await app.user.click(screen.getByRole('button', { name: 'Изпрати съобщението' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Изпратихте твърде много съобщения. Опитайте отново след 30 минути.',
    );
  });

  it('is not there when the member does not accept messages', async () => {
    profileApi(false);
    renderApp(profilePath);
    expect(await screen.findByRole('heading', { level: 1, name: 'Пиксел Фабрика' })).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Пишете на члена' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Изпрати съобщението' })).toBeNull();
  });
});
