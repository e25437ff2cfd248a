import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMessage } from '@/testing/mocks/fixtures/admin.ts';
import { adminApi } from '@/testing/mocks/handlers/admin.ts';
import { noContent, problem } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';
import { MAILBOX_PAGE_SIZE } from './search-params.ts';

const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ABCDE';
const verification = makeMessage(1, {
  to: 'ana@example.bg',
  subject: 'Потвърдете имейла си за портала на клъстера',
  text: `Здравейте, Ана!\n\nОтворете тази връзка:\n\n${window.location.origin}/verify-email?token=${token}\n\nАко не сте вие, не правете нищо.`,
});

describe('the mailbox', () => {
  it('lists the messages and opens one to read its text, with its link clickable', async () => {
    adminApi({
      messages: [verification, makeMessage(2, { status: 'failed', attempts: 3 })],
      // The link opens the verification page, which sends the token.
      handlers: { '/api/auth/verify-email': () => noContent() },
    });
    const app = renderApp('/admin/mailbox');
    expect(await screen.findByRole('heading', { level: 2, name: '2 писма' })).toBeVisible();
    const [first, second] = screen.getAllByRole('article') as [HTMLElement, HTMLElement];
    expect(within(first).getByText('До: ana@example.bg')).toBeVisible();
    expect(within(first).getByText('Изпратено')).toBeVisible();
    expect(within(second).getByText('Неуспешно')).toBeVisible();
    expect(within(second).getByText(/3 опита за изпращане/)).toBeVisible();
    // Closed, a message shows no text.
    expect(screen.queryByText(/Отворете тази връзка/)).toBeNull();

    const subject = within(first).getByRole('button', { name: verification.subject });
    expect(subject).toHaveAttribute('aria-expanded', 'false');
    await app.user.click(subject);
    expect(subject).toHaveAttribute('aria-expanded', 'true');
    const body = within(first).getByRole('region', { name: `Текст на писмото „${verification.subject}“` });
    expect(body).toHaveTextContent('Здравейте, Ана!');
    const link = within(body).getByRole('link', {
      name: `${window.location.origin}/verify-email?token=${token}`,
    });
    expect(link).toHaveAttribute('href', `/verify-email?token=${token}`);

    await app.user.click(link);
    await waitFor(() => expect(app.pathname()).toBe('/verify-email'));
    expect(app.searchParams().get('token')).toBe(token);
  });

  it('links an address of another site too, without the trailing full stop', async () => {
    adminApi({ messages: [makeMessage(1, { text: 'Вижте https://example.org/a?b=1.' })] });
    const app = renderApp('/admin/mailbox');
    await app.user.click(await screen.findByRole('button', { name: 'Писмо 1' }));
    expect(screen.getByRole('link', { name: 'https://example.org/a?b=1' })).toHaveAttribute(
      'href',
      'https://example.org/a?b=1',
    );
  });

  it('says why the text of a private conversation digest is not shown', async () => {
    adminApi({
      messages: [makeMessage(1, { template: 'conversation_digest', text: '', textHidden: true })],
    });
    const app = renderApp('/admin/mailbox');
    await app.user.click(await screen.findByRole('button', { name: 'Писмо 1' }));
    expect(await screen.findByText(/писмото цитира лична кореспонденция/)).toBeVisible();
  });

  it('filters by recipient through the URL', async () => {
    const api = adminApi({ messages: [verification, makeMessage(2)] });
    const app = renderApp('/admin/mailbox?page=2');
    await screen.findByRole('heading', { level: 2, name: /писм/ });

    await app.user.type(screen.getByRole('searchbox', { name: 'Получател' }), 'ana@');
    await waitFor(() => expect(app.searchParams().get('to')).toBe('ana@'));
    expect(app.searchParams().get('page')).toBeNull();
    expect(await screen.findByRole('heading', { level: 2, name: '1 писмо' })).toBeVisible();
    expect(Object.fromEntries(api.requestsTo('/api/admin/mailbox').at(-1)?.url.searchParams ?? [])).toEqual({
      to: 'ana@',
      pageSize: String(MAILBOX_PAGE_SIZE),
    });
  });

  it('says when there is no message for the recipient', async () => {
    adminApi({ messages: [verification] });
    renderApp('/admin/mailbox?to=nobody@example.bg');
    expect(await screen.findByRole('heading', { name: 'Няма писма до този получател' })).toBeVisible();
    expect(screen.getByRole('searchbox', { name: 'Получател' })).toHaveValue('nobody@example.bg');
  });

  it('shows an error with a retry that loads the messages once the API recovers', async () => {
    let failing = true;
    adminApi({
      messages: [verification],
      handlers: {
        '/api/admin/mailbox': () =>
          failing
            ? problem(500, 'Вътрешна грешка')
            : new Response(JSON.stringify({ items: [verification], total: 1, page: 1, pageSize: 20 }), {
                headers: { 'content-type': 'application/json' },
              }),
      },
    });
    const app = renderApp('/admin/mailbox');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Вътрешна грешка');
    failing = false;
    await app.user.click(within(alert).getByRole('button', { name: 'Опитай отново' }));
    expect(await screen.findByRole('heading', { level: 2, name: '1 писмо' })).toBeVisible();
  });
});
