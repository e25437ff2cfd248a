import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, chairMe, makeApplication, memberMe } from '@/testing/mocks/fixtures/committee.ts';
import { committeeApi } from '@/testing/mocks/handlers/committee.ts';
import { renderApp } from '@/testing/render-app.tsx';

const url = `/committee/applications/${APPLICATION_ID}`;
const actionsTo = (api: ReturnType<typeof committeeApi>, action: string) =>
  api.requestsTo(`/api/applications/${APPLICATION_ID}/actions/${action}`);

describe("an application's page for the committee", () => {
  it('shows every section of the answers, the documents to download and the timeline with internal notes marked', async () => {
    committeeApi();
    renderApp(url);
    expect(await screen.findByRole('heading', { level: 1, name: 'Роботика Пловдив' })).toBeVisible();

    const answers = screen.getByRole('region', { name: 'Данни от заявлението' });
    for (const section of [
      'Организация',
      'Лице за контакт',
      'Тематични области',
      'Какво предлага и какво търси',
      'Мотивация',
      'Декларации',
    ]) {
      expect(within(answers).getByRole('heading', { name: section })).toBeVisible();
    }
    expect(within(answers).getByText('131071587')).toBeVisible();
    expect(within(answers).getByText('Искаме да работим с други фирми в региона.')).toBeVisible();
    await waitFor(() =>
      expect(within(answers).getByText('Изкуствен интелект; Мехатроника и микроелектроника')).toBeVisible(),
    );

    const documents = screen.getByRole('region', { name: 'Документи' });
    expect(within(documents).getByRole('link', { name: 'udostoverenie.pdf' })).toHaveAttribute(
      'href',
      `/api/applications/${APPLICATION_ID}/documents/d1000000-0000-4000-8000-000000000001`,
    );

    const timeline = screen.getByRole('region', { name: 'Хронология и коментари' });
    const items = within(timeline).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Подаде заявлението');
    expect(within(items[0] as HTMLElement).queryByText('Вътрешно')).toBeNull();
    expect(items[1]).toHaveTextContent('Да проверим регистрацията в Търговския регистър.');
    expect(within(items[1] as HTMLElement).getByText('Вътрешно')).toBeVisible();
  });

  it('starts the review after a confirmation, and offers nothing the state does not allow', async () => {
    const api = committeeApi();
    const app = renderApp(url);
    const actions = await screen.findByRole('region', { name: 'Действия' });
    expect(within(actions).queryByRole('button', { name: 'Поискай допълнения' })).toBeNull();
    expect(within(actions).queryByRole('button', { name: 'Открий гласуване' })).toBeNull();

    await app.user.click(within(actions).getByRole('button', { name: 'Започни разглеждане' }));
    const dialog = await screen.findByRole('dialog', { name: 'Започване на разглеждането' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Отказ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(actionsTo(api, 'start_review')).toHaveLength(0);

    await app.user.click(within(actions).getByRole('button', { name: 'Започни разглеждане' }));
    await app.user.click(
      within(await screen.findByRole('dialog', { name: 'Започване на разглеждането' })).getByRole('button', {
        name: 'Да, започни',
      }),
    );
    expect(await within(actions).findByText('Разглеждането започна.')).toBeVisible();
    expect(actionsTo(api, 'start_review')).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1 }).parentElement).toHaveTextContent('В разглеждане');
    // Under review, the member may ask for changes; opening a vote is the chair's.
    expect(within(actions).getByRole('button', { name: 'Поискай допълнения' })).toBeVisible();
    expect(within(actions).queryByRole('button', { name: 'Открий гласуване' })).toBeNull();
  });

  it('requires a comment explaining what to change before it requests changes', async () => {
    const api = committeeApi({ application: makeApplication({ state: 'under_review' }) });
    const app = renderApp(url);
    const actions = await screen.findByRole('region', { name: 'Действия' });
    await app.user.click(within(actions).getByRole('button', { name: 'Поискай допълнения' }));
    const dialog = await screen.findByRole('dialog', { name: 'Искане за допълнения' });

    await app.user.click(within(dialog).getByRole('button', { name: 'Изпрати искането' }));
    const comment = within(dialog).getByRole('textbox', { name: /Какво трябва да промени заявителят/ });
    expect(comment).toHaveAccessibleDescription(/Опишете какво трябва да промени заявителят\./);
    expect(comment).toHaveAttribute('aria-invalid', 'true');
    expect(comment).toHaveFocus();
    expect(actionsTo(api, 'request_changes')).toHaveLength(0);

    await app.user.type(comment, 'Приложете удостоверение за актуално състояние.');
    await app.user.click(within(dialog).getByRole('button', { name: 'Изпрати искането' }));
    expect(
      await within(actions).findByText('Искането за допълнения е изпратено на заявителя.'),
    ).toBeVisible();
    expect(actionsTo(api, 'request_changes')[0]?.body).toEqual({
      comment: 'Приложете удостоверение за актуално състояние.',
    });
    const timeline = screen.getByRole('region', { name: 'Хронология и коментари' });
    expect(within(timeline).getByText('Приложете удостоверение за актуално състояние.')).toBeVisible();
    expect(within(timeline).getByText('Поиска допълнения')).toBeVisible();
  });

  it('adds an internal note or a message to the applicant, as chosen', async () => {
    const api = committeeApi();
    const app = renderApp(url);
    const box = await screen.findByRole('region', { name: 'Нов коментар' });

    await app.user.click(within(box).getByRole('button', { name: 'Добави бележката' }));
    expect(within(box).getByRole('textbox', { name: /Текст/ })).toHaveAccessibleDescription(
      'Напишете текста на коментара.',
    );
    expect(api.requestsTo(`/api/applications/${APPLICATION_ID}/comments`)).toHaveLength(0);

    await app.user.type(within(box).getByRole('textbox', { name: /Текст/ }), 'Вътрешна проверка готова.');
    await app.user.click(within(box).getByRole('button', { name: 'Добави бележката' }));
    expect(await within(box).findByText('Бележката е добавена.')).toBeVisible();

    await app.user.click(within(box).getByRole('radio', { name: /Съобщение до заявителя/ }));
    await app.user.type(within(box).getByRole('textbox', { name: /Текст/ }), 'Моля, добавете уебсайт.');
    await app.user.click(within(box).getByRole('button', { name: 'Изпрати на заявителя' }));
    expect(await within(box).findByText('Съобщението е изпратено на заявителя.')).toBeVisible();

    expect(api.requestsTo(`/api/applications/${APPLICATION_ID}/comments`).map((r) => r.body)).toEqual([
      { text: 'Вътрешна проверка готова.', audience: 'committee' },
      { text: 'Моля, добавете уебсайт.', audience: 'applicant' },
    ]);
    const timeline = screen.getByRole('region', { name: 'Хронология и коментари' });
    const note = within(timeline).getByText('Вътрешна проверка готова.').closest('li') as HTMLElement;
    expect(within(note).getByText('Вътрешно')).toBeVisible();
    const message = within(timeline).getByText('Моля, добавете уебсайт.').closest('li') as HTMLElement;
    expect(within(message).queryByText('Вътрешно')).toBeNull();
  });

  it('returns to an internal note after a message to the applicant is sent (issue 11 C13)', async () => {
    const api = committeeApi();
    const app = renderApp(url);
    const box = await screen.findByRole('region', { name: 'Нов коментар' });
    await app.user.click(within(box).getByRole('radio', { name: /Съобщение до заявителя/ }));
    await app.user.type(within(box).getByRole('textbox', { name: /Текст/ }), 'Моля, добавете уебсайт.');
    await app.user.click(within(box).getByRole('button', { name: 'Изпрати на заявителя' }));
    expect(await within(box).findByText('Съобщението е изпратено на заявителя.')).toBeVisible();

    // The next comment is internal unless the member chooses otherwise: no second message by mistake.
    expect(within(box).getByRole('radio', { name: /Вътрешна бележка/ })).toBeChecked();
    expect(within(box).getByRole('radio', { name: /Съобщение до заявителя/ })).not.toBeChecked();
    expect(within(box).getByRole('button', { name: 'Добави бележката' })).toBeVisible();
    await app.user.type(within(box).getByRole('textbox', { name: /Текст/ }), 'Само за комитета.');
    await app.user.click(within(box).getByRole('button', { name: 'Добави бележката' }));
    expect(await within(box).findByText('Бележката е добавена.')).toBeVisible();
    expect(api.requestsTo(`/api/applications/${APPLICATION_ID}/comments`).map((r) => r.body)).toEqual([
      { text: 'Моля, добавете уебсайт.', audience: 'applicant' },
      { text: 'Само за комитета.', audience: 'committee' },
    ]);
  });

  it('lets the chair open a vote after a confirmation', async () => {
    const api = committeeApi({ me: chairMe, application: makeApplication({ state: 'under_review' }) });
    const app = renderApp(url);
    const actions = await screen.findByRole('region', { name: 'Действия' });
    await app.user.click(within(actions).getByRole('button', { name: 'Открий гласуване' }));
    const dialog = await screen.findByRole('dialog', { name: 'Откриване на гласуване' });
    expect(dialog).toHaveTextContent('Роботика Пловдив');
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, открий' }));
    expect(await screen.findByRole('region', { name: 'Гласуване' })).toBeVisible();
    expect(actionsTo(api, 'open_vote')).toHaveLength(1);
  });

  it('shows what the applicant changed after the request for changes, field by field, before and after', async () => {
    const base = makeApplication();
    const contact = base.data.contact!;
    committeeApi({
      application: makeApplication({
        state: 'under_review',
        timeline: [
          ...base.timeline,
          {
            id: 3,
            at: '2026-03-05T09:00:00.000Z',
            actorName: 'Ана Петрова',
            kind: 'change',
            action: 'contact',
            fromState: null,
            toState: null,
            audience: 'applicant',
            text: null,
            changes: {
              section: 'contact',
              before: { ...contact, phone: '+359 32 111 111' },
              after: contact,
            },
          },
          {
            id: 4,
            at: '2026-03-05T09:10:00.000Z',
            actorName: 'Ана Петрова',
            kind: 'change',
            action: 'areas',
            fromState: null,
            toState: null,
            audience: 'applicant',
            text: null,
            changes: {
              section: 'areas',
              before: { areaIds: ['ict-ai'] },
              after: { areaIds: ['ict-ai', 'mechatronics'] },
            },
          },
          {
            id: 5,
            at: '2026-03-05T09:20:00.000Z',
            actorName: 'Ана Петрова',
            kind: 'change',
            action: 'offers',
            fromState: null,
            toState: null,
            audience: 'applicant',
            text: null,
            changes: {
              section: 'offers',
              before: { offers: { infrastructure: 'Лаборатория за роботи' }, seeks: {} },
              after: { offers: { infrastructure: 'Лаборатория за роботи', people: 'Инженери' }, seeks: {} },
            },
          },
        ],
      }),
    });
    renderApp(url);
    const timeline = await screen.findByRole('region', { name: 'Хронология и коментари' });

    const contactChange = within(timeline)
      .getByText('Ана Петрова промени раздел „Лице за контакт“')
      .closest('li') as HTMLElement;
    const rows = within(contactChange).getAllByRole('row');
    // The header and the one changed field: the unchanged ones are in the answers above.
    expect(rows).toHaveLength(2);
    const phone = within(contactChange).getByRole('row', { name: /Телефон/ });
    expect(phone).toHaveTextContent('Променено');
    expect(
      within(phone)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['+359 32 111 111', '+359 32 000 000']);

    const areasChange = within(timeline)
      .getByText('Ана Петрова промени раздел „Тематични области“')
      .closest('li') as HTMLElement;
    const areas = within(areasChange).getByRole('row', { name: /Области/ });
    await waitFor(() =>
      expect(
        within(areas)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ).toEqual(['Изкуствен интелект', 'Изкуствен интелект; Мехатроника и микроелектроника']),
    );

    // A field of a nested part is named as in the answers; an answer added shows "not given" before.
    const offersChange = within(timeline)
      .getByText('Ана Петрова промени раздел „Какво предлага и какво търси“')
      .closest('li') as HTMLElement;
    expect(within(offersChange).getAllByRole('row')).toHaveLength(2);
    const people = within(offersChange).getByRole('row', { name: /Предлага: хора и експертиза/ });
    expect(
      within(people)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Не е посочено', 'Инженери']);
  });

  it('says so when the application does not exist', async () => {
    committeeApi({ me: memberMe });
    renderApp('/committee/applications/a1000000-0000-4000-8000-000000000999');
    expect(await screen.findByRole('heading', { level: 1, name: 'Заявлението не е намерено' })).toBeVisible();
  });
});
