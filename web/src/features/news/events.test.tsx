import type { NewsEvent, NewsPublicPost } from '@portal/shared';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

/** Events (decision 042): the event block, the registration form with its field errors, the cancellation page. */

const POST_ID = 'e0000000-0000-4000-8000-000000000002';

function event(overrides: Partial<NewsEvent> = {}): NewsEvent {
  return {
    startsAt: '2027-03-12T08:00:00.000Z',
    endsAt: '2027-03-12T11:00:00.000Z',
    place: 'Зала „Пловдив“',
    onlineUrl: null,
    registrationEnabled: true,
    registrationOpenTo: 'public',
    capacity: 30,
    registrationClosesAt: null,
    seatsLeft: 1,
    waiting: 0,
    registrationOpen: true,
    ...overrides,
  };
}

function eventPost(e: NewsEvent): NewsPublicPost {
  return {
    id: POST_ID,
    slug: 'open-day',
    category: 'event',
    titleBg: 'Ден на отворените врати',
    titleEn: 'Open day',
    summaryBg: '',
    summaryEn: '',
    bodyBg: 'Заповядайте.',
    bodyEn: 'Welcome.',
    areas: [],
    publishedAt: '2026-11-20T10:00:00.000Z',
    organization: null,
    authorName: 'Иван Иванов',
    coverVersion: null,
    event: e,
  };
}

describe('an event on its post page', () => {
  it('shows the date in Sofia time, the place, the calendar file and the seats left with Bulgarian plurals', async () => {
    stubApi({ '/api/news/posts/:slug': () => json(eventPost(event())) });
    renderApp('/news/open-day');
    expect(await screen.findByRole('heading', { name: 'Събитието' })).toBeVisible();
    // 08:00 UTC in March is 10:00 in Sofia.
    expect(
      screen.getByText(/12 март 2027 г\. в 10:00 – 12 март 2027 г\. в 13:00 \(българско време\)/),
    ).toBeVisible();
    expect(screen.getByText('Зала „Пловдив“')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Добави в календара (.ics)' })).toHaveAttribute(
      'href',
      '/api/news/posts/open-day/event.ics?lang=bg',
    );
    expect(screen.getByText('Остава 1 свободно място.')).toBeVisible();
  });

  it('says "5 seats left" in the plural and offers the waiting list when full', async () => {
    stubApi({ '/api/news/posts/:slug': () => json(eventPost(event({ seatsLeft: 5 }))) });
    renderApp('/news/open-day');
    expect(await screen.findByText('Остават 5 свободни места.')).toBeVisible();
  });

  it('checks the form before sending, shows the server’s field errors beside their fields, and says when one waits', async () => {
    let sent: unknown;
    let attempt = 0;
    const api = stubApi({
      '/api/news/posts/:slug': () => json(eventPost(event({ seatsLeft: 0, waiting: 2 }))),
      '/api/news/posts/:slug/registrations': (_url, request) => {
        sent = request.body;
        attempt++;
        if (attempt === 1)
          return problem(400, 'Невалидни данни', [
            {
              path: 'body.email',
              message: 'С този имейл адрес вече има записване за събитието.',
            },
          ]);
        return json(
          { id: 'a0000000-0000-4000-8000-000000000001', status: 'waiting', waitingPosition: 3 },
          201,
        );
      },
    });
    const app = renderApp('/news/open-day');
    expect(await screen.findByText(/Всички места са заети/)).toBeVisible();
    expect(screen.getByText('Чакат 2 души.', { exact: false })).toBeVisible();
    const submit = screen.getByRole('button', { name: 'Запиши ме в списъка на чакащите' });
    await app.user.click(submit);
    expect(await screen.findAllByText('Попълнете полето.')).toHaveLength(2);
    expect(api.requestsTo('/api/news/posts/open-day/registrations')).toHaveLength(0);

    await app.user.type(screen.getByRole('textbox', { name: /Име и фамилия/ }), 'Анна Георгиева');
    await app.user.type(screen.getByRole('textbox', { name: /Имейл/ }), 'anna@example');
    await app.user.click(submit);
    expect(await screen.findByText('Въведете валиден имейл адрес.')).toBeVisible();

    await app.user.type(screen.getByRole('textbox', { name: /Имейл/ }), '.bg');
    await app.user.click(submit);
    expect(await screen.findByText('С този имейл адрес вече има записване за събитието.')).toBeVisible();
    expect(screen.getByRole('textbox', { name: /Имейл/ })).toHaveAttribute('aria-invalid', 'true');

    await app.user.click(submit);
    expect(await screen.findByText(/В списъка на чакащите сте \(номер 3\)/)).toBeVisible();
    expect(sent).toMatchObject({ name: 'Анна Георгиева', email: 'anna@example.bg', language: 'bg' });
  });

  it('asks to sign in for a members-only event, and registers a member with their account’s address', async () => {
    stubApi({ '/api/news/posts/:slug': () => json(eventPost(event({ registrationOpenTo: 'members' }))) });
    const anonymous = renderApp('/news/open-day');
    expect(await screen.findByText(/могат да се записват само членовете/)).toBeVisible();
    expect(
      screen.getAllByRole('link', { name: 'Вход' }).some((a) => a.getAttribute('href')?.includes('next=')),
    ).toBe(true);
    anonymous.unmount();

    stubApi({
      ...signedIn(meFixture()),
      '/api/news/posts/:slug': () => json(eventPost(event({ registrationOpenTo: 'members' }))),
    });
    renderApp('/news/open-day');
    const email = await screen.findByRole('textbox', { name: /Имейл/ });
    expect(email).toHaveValue('maria@example.bg');
    expect(email).toHaveAttribute('readonly');
    expect(screen.getByRole('textbox', { name: /Име и фамилия/ })).toHaveValue('Мария Петрова');
  });
});

describe('the cancellation page', () => {
  it('cancels after a confirmation', async () => {
    let cancelled = false;
    const info = (status: string) => ({
      slug: 'open-day',
      titleBg: 'Ден на отворените врати',
      titleEn: 'Open day',
      startsAt: '2027-03-12T08:00:00.000Z',
      name: 'Анна',
      status,
    });
    const api = stubApi({
      '/api/news/registrations/cancel': (_url, request) => {
        if (request.method === 'POST') cancelled = true;
        return json(info(cancelled ? 'cancelled' : 'confirmed'));
      },
    });
    const app = renderApp('/events/cancel?token=abcdefghijklmnopqrstuvwxyz');
    expect(await screen.findByRole('link', { name: 'Ден на отворените врати' })).toHaveAttribute(
      'href',
      '/news/open-day',
    );
    await app.user.click(screen.getByRole('button', { name: 'Откажи записването' }));
    expect(await screen.findByText('Да откажем ли записването ви?')).toBeVisible();
    expect(api.requestsTo('/api/news/registrations/cancel').filter((r) => r.method === 'POST')).toHaveLength(
      0,
    );
    const buttons = screen.getAllByRole('button', { name: 'Откажи записването' });
    await app.user.click(buttons.at(-1)!);
    await waitFor(() => expect(cancelled).toBe(true));
    expect(await screen.findByText('Записването ви е отказано.')).toBeVisible();
  });

  it('says when the link is not valid', async () => {
    stubApi({ '/api/news/registrations/cancel': () => problem(404, 'Записването не е намерено') });
    renderApp('/events/cancel?token=abcdefghijklmnopqrstuvwxyz');
    expect(await screen.findByText('Връзката не е валидна или записването вече е изтрито.')).toBeVisible();
  });
});
