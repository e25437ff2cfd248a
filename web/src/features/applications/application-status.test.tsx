import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_ID,
  applicationFixture,
  certificate,
  completeData,
  entry,
} from '@/testing/mocks/fixtures/applications.ts';
import { applicationsApi } from '@/testing/mocks/handlers/applications.ts';
import { renderApp } from '@/testing/render-app.tsx';

const url = `/applications/${APPLICATION_ID}`;

const submittedTimeline = [
  entry({
    kind: 'transition',
    action: 'submit',
    fromState: 'draft',
    toState: 'submitted',
    actorName: 'Мария Петрова',
    at: '2026-03-04T08:00:00.000Z',
  }),
  entry({
    kind: 'transition',
    action: 'start_review',
    fromState: 'submitted',
    toState: 'under_review',
    actorName: 'Иван Комитетски',
    at: '2026-03-05T09:30:00.000Z',
  }),
  entry({
    kind: 'comment',
    audience: 'applicant',
    actorName: 'Иван Комитетски',
    text: 'Моля, уточнете броя на служителите.',
    at: '2026-03-05T10:00:00.000Z',
  }),
];

describe('an application after submission', () => {
  it('shows the answers, the history and the committee’s messages, and sends a reply', async () => {
    const api = applicationsApi({
      apps: [
        applicationFixture({
          state: 'under_review',
          data: completeData,
          documents: [certificate],
          timeline: submittedTimeline,
          submittedAt: '2026-03-04T08:00:00.000Z',
        }),
      ],
    });
    const app = renderApp(url);
    expect(await screen.findByRole('heading', { level: 1, name: 'Пиксел Фабрика' })).toBeVisible();
    expect(screen.getByText('В разглеждане')).toBeVisible();
    expect(screen.getByText(/Комитетът разглежда заявлението/)).toBeVisible();
    // Read-only: no form, the answers instead.
    expect(screen.queryByRole('button', { name: 'Запази и продължи' })).toBeNull();
    const summary = within(screen.getByRole('region', { name: 'Данни от заявлението' }));
    expect(summary.getByText('131071587')).toBeVisible();
    expect(summary.getByText('42 (Малко (10–49 души))')).toBeVisible();
    expect(summary.getByRole('link', { name: 'Изтегли udostoverenie.pdf' })).toBeVisible();

    const history = within(screen.getByRole('region', { name: 'История на заявлението' }));
    const moves = history.getAllByRole('listitem');
    expect(moves).toHaveLength(2);
    expect(within(moves[0]!).getByText('Чернова → Подадено')).toBeVisible();
    expect(within(moves[0]!).getByText(/от Мария Петрова/)).toBeVisible();
    expect(within(moves[1]!).getByText('Подадено → В разглеждане')).toBeVisible();
    expect(within(moves[1]!).getByText(/от Иван Комитетски/)).toBeVisible();

    const messages = within(screen.getByRole('region', { name: 'Съобщения' }));
    expect(messages.getByText('Моля, уточнете броя на служителите.')).toBeVisible();
    await app.user.type(
      messages.getByRole('textbox', { name: 'Вашият отговор до комитета' }),
      'Служителите са 42.',
    );
    await app.user.click(messages.getByRole('button', { name: 'Изпрати' }));
    expect(await messages.findByText('Съобщението е изпратено.')).toBeVisible();
    expect(messages.getByText('Служителите са 42.')).toBeVisible();
    expect(messages.getByRole('textbox', { name: 'Вашият отговор до комитета' })).toHaveValue('');
    const comment = api.requests.find((r) => r.url.pathname.endsWith('/comments'));
    expect(comment?.body).toEqual({ text: 'Служителите са 42.', audience: 'applicant' });
  });

  it('withdraws only after confirmation', async () => {
    const api = applicationsApi({
      apps: [
        applicationFixture({
          state: 'submitted',
          data: completeData,
          timeline: submittedTimeline.slice(0, 1),
        }),
      ],
    });
    const app = renderApp(url);
    await app.user.click(await screen.findByRole('button', { name: 'Оттегли заявлението' }));
    let dialog = await screen.findByRole('dialog', { name: 'Оттегляне на заявлението' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Отказ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    await app.user.click(screen.getByRole('button', { name: 'Оттегли заявлението' }));
    dialog = await screen.findByRole('dialog', { name: 'Оттегляне на заявлението' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, оттегли' }));

    expect(await screen.findByText('Заявлението е оттеглено.')).toBeVisible();
    expect(screen.getByText('Оттеглено')).toBeVisible();
    expect(api.requests.filter((r) => r.method === 'POST').map((r) => r.url.pathname)).toEqual([
      `/api/applications/${APPLICATION_ID}/actions/withdraw`,
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByRole('button', { name: 'Оттегли заявлението' })).toBeNull();
    // Withdrawn is final: no replies either.
    expect(screen.queryByRole('textbox', { name: 'Вашият отговор до комитета' })).toBeNull();
  });

  it('shows the committee’s request prominently and lets the applicant edit and resubmit', async () => {
    const api = applicationsApi({
      apps: [
        applicationFixture({
          state: 'changes_requested',
          data: completeData,
          documents: [certificate],
          timeline: [
            ...submittedTimeline,
            entry({
              kind: 'transition',
              action: 'request_changes',
              fromState: 'under_review',
              toState: 'changes_requested',
              actorName: 'Иван Комитетски',
              text: 'Приложете актуално удостоверение.',
              at: '2026-03-06T09:00:00.000Z',
            }),
          ],
        }),
      ],
    });
    const app = renderApp(url);
    const request = await screen.findByText('Приложете актуално удостоверение.', {
      selector: '.mantine-Alert-root *',
    });
    expect(request).toBeVisible();
    expect(screen.getByText('Комитетът поиска допълнения')).toBeVisible();
    // Everything is filled in, so the form opens at the review.
    expect(await screen.findByRole('heading', { level: 2, name: 'Преглед и подаване' })).toBeVisible();
    await app.user.type(
      screen.getByRole('textbox', { name: /Бележка към комитета/ }),
      'Приложих новото удостоверение.',
    );
    await app.user.click(screen.getByRole('button', { name: 'Подай отново' }));
    expect(await screen.findByText('Заявлението е подадено. Комитетът ще го разгледа.')).toBeVisible();
    const resubmit = api.requests.find((r) => r.url.pathname.endsWith('/actions/resubmit'));
    expect(resubmit?.body).toEqual({ comment: 'Приложих новото удостоверение.' });
    expect(screen.getByText('В разглеждане')).toBeVisible();
  });

  it('lists the sections the applicant changes after the request for changes in the history', async () => {
    const api = applicationsApi({
      apps: [
        applicationFixture({
          state: 'changes_requested',
          data: completeData,
          documents: [certificate],
          timeline: [
            ...submittedTimeline.slice(0, 2),
            entry({
              kind: 'transition',
              action: 'request_changes',
              fromState: 'under_review',
              toState: 'changes_requested',
              actorName: 'Иван Комитетски',
              text: 'Посочете пряк телефон.',
              at: '2026-03-06T09:00:00.000Z',
            }),
          ],
        }),
      ],
    });
    const app = renderApp(url);
    await screen.findByRole('heading', { level: 2, name: 'Преглед и подаване' });
    const history = () => within(screen.getByRole('region', { name: 'История на заявлението' }));
    expect(history().getAllByRole('listitem')).toHaveLength(3);

    const steps = within(screen.getByRole('navigation', { name: 'Стъпки на заявлението' }));
    await app.user.click(steps.getByRole('button', { name: /Лице за контакт/ }));
    await screen.findByRole('heading', { level: 2, name: 'Лице за контакт' });
    const phone = screen.getByRole('textbox', { name: /^Телефон/ });
    await app.user.clear(phone);
    await app.user.type(phone, '+359 32 123 457');
    await app.user.click(screen.getByRole('button', { name: 'Запази и продължи' }));

    await waitFor(() => expect(history().getAllByRole('listitem')).toHaveLength(4));
    const change = history().getAllByRole('listitem')[3]!;
    expect(within(change).getByText('Променихте раздел „Лице за контакт“')).toBeVisible();
    expect(within(change).getByText(/от Мария Петрова/)).toBeVisible();
    expect(api.store.get(APPLICATION_ID)?.timeline.at(-1)?.changes).toMatchObject({
      section: 'contact',
      before: { phone: '+359 32 123 456' },
      after: { phone: '+359 32 123 457' },
    });
  });

  it('shows the decision’s number and date once decided, and offers no withdrawal', async () => {
    applicationsApi({
      apps: [
        applicationFixture({
          state: 'approved',
          data: completeData,
          decision: { number: '2026-014', date: '2026-03-20', outcome: 'approved' },
        }),
      ],
    });
    renderApp(url);
    expect(await screen.findByText('Решение № 2026-014 от 20 март 2026 г.')).toBeVisible();
    expect(screen.getByText('Организацията е приета за член на клъстера.')).toBeVisible();
    expect(screen.getByText('Одобрено')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Оттегли заявлението' })).toBeNull();
  });

  it('says so when the application is not the user’s or does not exist', async () => {
    applicationsApi();
    renderApp(url);
    expect(await screen.findByRole('heading', { level: 1, name: 'Заявлението не е намерено' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Към моите заявления' })).toHaveAttribute('href', '/apply');
  });
});
