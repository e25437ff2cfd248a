import type { BoardItem } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedIn } from '@/testing/auth-fixtures.ts';
import { orgId } from '@/testing/mocks/fixtures/my-organization.ts';
import { profileServer } from '@/testing/mocks/handlers/my-organization.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';
import { BOARD_PAGE_SIZE } from './search-params.ts';

const ITEM_ID = 'b0000000-0000-4000-8000-000000000001';

function itemFixture(overrides: Partial<BoardItem> = {}): BoardItem {
  return {
    id: ITEM_ID,
    organization: { id: orgId, nameBg: 'Пиксел Фабрика', nameEn: 'Pixel Factory', kind: 'company' },
    kind: 'offer',
    type: 'infrastructure',
    titleBg: 'Споделена GPU и тестова лаборатория',
    titleEn: 'Shared GPU and test lab',
    descriptionBg: 'Осем GPU сървъра за обучение на модели, свободни в събота и неделя.',
    descriptionEn: 'Eight GPU servers for training models, free at weekends.',
    areas: [{ id: 'ict-ai', nameBg: 'Изкуствен интелект', nameEn: 'Artificial intelligence' }],
    naceCode: '62.01',
    validUntil: '2027-03-31',
    visibility: 'members',
    status: 'published',
    publishedAt: '2026-12-01T09:00:00.000Z',
    closeOutcome: null,
    closeNote: null,
    closedAt: null,
    createdAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    version: 2,
    revisionCount: 0,
    ...overrides,
  };
}

function boardApi(all: BoardItem[] = [itemFixture()], cap = Number.POSITIVE_INFINITY) {
  return stubApi({
    ...signedIn(),
    '/api/board/items': (url) => {
      const q = url.searchParams.get('q')?.toLowerCase();
      const kind = url.searchParams.get('kind');
      const matching = all.filter(
        (i) => (!q || `${i.titleBg} ${i.titleEn}`.toLowerCase().includes(q)) && (!kind || i.kind === kind),
      );
      const page = Number(url.searchParams.get('page') ?? 1);
      const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
      return json({
        items: matching.slice((page - 1) * pageSize, page * pageSize),
        total: Math.min(matching.length, cap),
        totalIsLowerBound: matching.length > cap,
        page,
        pageSize,
      });
    },
    '/api/board/items/:id': (url) => {
      const found = all.find((i) => url.pathname.endsWith(i.id));
      return found ? json(found) : problem(404, 'Обявлението не е намерено');
    },
  });
}

describe('the cooperation board', () => {
  it('reads the search, filters, sort and page from the URL and asks the API for exactly that', async () => {
    const api = boardApi();
    renderApp(
      '/board?q=gpu&kind=offer&type=infrastructure&area=ict-ai&organizationKind=company&sort=ending_soon',
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Намерено: 1 обявление' })).toBeVisible();
    expect(screen.getByRole('searchbox', { name: 'Търсене в борсата' })).toHaveValue('gpu');
    expect(screen.getByRole('combobox', { name: 'Предложение или търсене' })).toHaveValue('offer');
    expect(screen.getByRole('combobox', { name: 'Вид' })).toHaveValue('infrastructure');
    expect(screen.getByRole('combobox', { name: 'Подреждане' })).toHaveValue('ending_soon');
    const sent = api.requestsTo('/api/board/items').at(-1)?.url.searchParams;
    expect(Object.fromEntries(sent ?? [])).toEqual({
      q: 'gpu',
      kind: 'offer',
      type: 'infrastructure',
      area: 'ict-ai',
      organizationKind: 'company',
      sort: 'ending_soon',
      pageSize: String(BOARD_PAGE_SIZE),
    });
    const card = screen.getByRole('link', { name: 'Споделена GPU и тестова лаборатория' }).closest('article');
    expect(within(card as HTMLElement).getByText('Валидно до 31 март 2027 г.')).toBeVisible();
  });

  it('writes a filter change and a Cyrillic search to the URL and asks the API again', async () => {
    const api = boardApi();
    const app = renderApp('/board?page=2');
    await screen.findByRole('heading', { level: 2, name: /Намерен/ });
    await app.user.selectOptions(
      screen.getByRole('combobox', { name: 'Предложение или търсене' }),
      'Търсения',
    );
    await waitFor(() => expect(app.searchParams().get('kind')).toBe('request'));
    expect(app.searchParams().get('page')).toBeNull();
    await app.user.type(screen.getByRole('searchbox', { name: 'Търсене в борсата' }), 'лаборатория{Enter}');
    await waitFor(() => expect(app.searchParams().get('q')).toBe('лаборатория'));
    await waitFor(() =>
      expect(api.requestsTo('/api/board/items').at(-1)?.url.searchParams.get('q')).toBe('лаборатория'),
    );
    expect(api.requestsTo('/api/board/items').at(-1)?.url.searchParams.get('kind')).toBe('request');
    // Nothing matches: the empty state offers to clear the filters.
    expect(await screen.findByText('Няма обявления, които отговарят на търсенето')).toBeVisible();
    await app.user.click(screen.getByRole('button', { name: 'Изчисти филтрите' }));
    await waitFor(() => expect(app.searchParams().toString()).toBe(''));
  });

  it('says "more than 1,000" with a hint to narrow the search, and pages only to the last page it reaches', async () => {
    const many = Array.from({ length: 1030 }, (_, i) =>
      itemFixture({ id: `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`, titleBg: `Обява ${i}` }),
    );
    const api = boardApi(many, 1000);
    // Page 90 is past the last page 1,000 matches reach (84 of 12): the link's page is dropped.
    renderApp('/board?page=90');
    expect(await screen.findByRole('heading', { level: 2, name: 'Над 1000 обявления' })).toBeVisible();
    expect(screen.getByText(/Показваме първите 1000\. Добавете дума или филтър/)).toBeVisible();
    expect(api.requestsTo('/api/board/items').at(-1)?.url.searchParams.get('page')).toBeNull();
    expect(screen.getByRole('button', { name: 'Страница 84' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Страница 86' })).toBeNull();
  });

  it('counts exactly below the cap, with the Bulgarian plural and number format', async () => {
    const some = Array.from({ length: 25 }, (_, i) =>
      itemFixture({ id: `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`, titleBg: `Обява ${i}` }),
    );
    boardApi(some, 1000);
    renderApp('/board');
    expect(await screen.findByRole('heading', { level: 2, name: 'Намерени: 25 обявления' })).toBeVisible();
    expect(screen.queryByText(/Показваме първите/)).toBeNull();
  });

  it('shows an item in the viewer language, with its facts, and says when only the other language exists', async () => {
    boardApi([
      itemFixture(),
      itemFixture({ id: 'b0000000-0000-4000-8000-000000000002', titleBg: '', descriptionBg: '' }),
    ]);
    const app = renderApp(`/board/${ITEM_ID}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Споделена GPU и тестова лаборатория' }),
    ).toBeVisible();
    expect(screen.getByText(/Осем GPU сървъра/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Пиксел Фабрика' })).toHaveAttribute('href', `/members/${orgId}`);
    expect(screen.getByText('31 март 2027 г.')).toBeVisible();
    expect(screen.getByText('62.01')).toBeVisible();
    expect(screen.queryByText('Обявлението е налично само на английски език.')).toBeNull();

    await app.router.navigate('/board/b0000000-0000-4000-8000-000000000002');
    expect(await screen.findByRole('heading', { level: 1, name: 'Shared GPU and test lab' })).toHaveAttribute(
      'lang',
      'en',
    );
    expect(screen.getByText('Обявлението е налично само на английски език.')).toBeVisible();
  });

  it('says so when an item is not on the board', async () => {
    boardApi([]);
    renderApp(`/board/${ITEM_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Обявлението не е намерено' })).toBeVisible();
  });
});

const OWN = `/api/account/organizations/${orgId}/board-items`;

describe("the organisation's items", () => {
  it('checks the form before sending it and shows the errors beside the fields in Bulgarian', async () => {
    const api = profileServer({ extra: { [OWN]: () => json({ items: [] }) } });
    const app = renderApp(`/my/organizations/${orgId}/board`);
    expect(await screen.findByText('Организацията още няма обявления.')).toBeVisible();
    await app.user.click(screen.getByRole('button', { name: 'Ново обявление' }));
    const form = within(await screen.findByRole('region', { name: 'Ново обявление' }));
    // The default date: 90 days from today.
    expect(form.getByLabelText('Валидно до')).not.toHaveValue('');
    await app.user.click(form.getByRole('button', { name: 'Създай чернова' }));
    const title = form.getByRole('textbox', { name: 'Заглавие на български' });
    await waitFor(() => expect(title).toHaveAttribute('aria-invalid', 'true'));
    expect(title).toHaveAccessibleDescription(expect.stringContaining('Попълнете полето.'));
    expect(title).toHaveFocus();
    // With a title alone the description is still missing (one language complete), and so are the areas.
    await app.user.type(title, 'Споделена лаборатория');
    await app.user.click(form.getByRole('button', { name: 'Създай чернова' }));
    const description = form.getByRole('textbox', { name: 'Описание на български' });
    await waitFor(() => expect(description).toHaveAttribute('aria-invalid', 'true'));
    expect(title).not.toHaveAttribute('aria-invalid', 'true');
    expect(
      form.getAllByLabelText(/^Тематични области/).some((el) => el.getAttribute('aria-invalid') === 'true'),
    ).toBe(true);
    expect(api.sent(OWN, 'POST')).toEqual([]);
  });

  it("shows the server's field error beside its field when an edit is refused", async () => {
    const item = itemFixture();
    const api = profileServer({
      extra: {
        [OWN]: () => json({ items: [item] }),
        [`${OWN}/:itemId`]: () =>
          problem(400, 'Невалидни данни', [
            { path: 'body.validUntil', message: 'Датата трябва да е най-много една година от днес.' },
          ]),
      },
    });
    const app = renderApp(`/my/organizations/${orgId}/board`);
    await app.user.click(await screen.findByRole('button', { name: 'Редактирай' }));
    const form = within(await screen.findByRole('region', { name: 'Редактиране на обявлението' }));
    const title = form.getByRole('textbox', { name: 'Заглавие на български' });
    await app.user.clear(title);
    await app.user.type(title, 'Споделена GPU лаборатория');
    await app.user.click(form.getByRole('button', { name: 'Запази' }));
    expect(await form.findByText('Датата трябва да е най-много една година от днес.')).toBeVisible();
    const [sent] = api.sent(`${OWN}/${ITEM_ID}`, 'PUT');
    expect(sent?.body).toMatchObject({
      titleBg: 'Споделена GPU лаборатория',
      version: 2,
      areaIds: ['ict-ai'],
    });
  });

  it('closes an item only after the confirmation, with the outcome chosen', async () => {
    const item = itemFixture();
    const api = profileServer({
      extra: {
        [OWN]: () => json({ items: [item] }),
        [`${OWN}/:itemId/close`]: () =>
          json({ ...item, status: 'closed', closeOutcome: 'no_longer_needed', version: 3 }),
      },
    });
    const app = renderApp(`/my/organizations/${orgId}/board`);
    await app.user.click(await screen.findByRole('button', { name: 'Затвори' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Затваряне на обявлението' }));
    expect(api.sent(`${OWN}/${ITEM_ID}/close`, 'POST')).toEqual([]);
    await app.user.click(dialog.getByRole('radio', { name: 'Вече не е необходимо' }));
    await app.user.click(dialog.getByRole('button', { name: 'Затвори обявлението' }));
    expect(await screen.findByText('Обявлението е затворено.')).toBeVisible();
    expect(api.sent(`${OWN}/${ITEM_ID}/close`, 'POST').map((r) => r.body)).toEqual([
      { version: 2, outcome: 'no_longer_needed', note: null },
    ]);
  });

  it('cancelling the confirmation closes nothing', async () => {
    const api = profileServer({ extra: { [OWN]: () => json({ items: [itemFixture()] }) } });
    const app = renderApp(`/my/organizations/${orgId}/board`);
    await app.user.click(await screen.findByRole('button', { name: 'Затвори' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Затваряне на обявлението' }));
    await app.user.click(dialog.getByRole('button', { name: 'Отказ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.sent(`${OWN}/${ITEM_ID}/close`, 'POST')).toEqual([]);
  });
});

describe("an item's history and publishing", () => {
  it('publishes a draft at the version read, and shows the history of an edited item on demand', async () => {
    const draft = itemFixture({
      id: 'b0000000-0000-4000-8000-000000000003',
      status: 'draft',
      validUntil: null,
      publishedAt: null,
      version: 1,
      titleBg: 'Чернова на обявление',
    });
    const edited = itemFixture({ revisionCount: 1 });
    const api = profileServer({
      extra: {
        [OWN]: () => json({ items: [draft, edited] }),
        [`${OWN}/:itemId/publish`]: () => json({ ...draft, status: 'published', version: 2 }),
        [`${OWN}/:itemId/revisions`]: () =>
          json({
            items: [
              {
                version: 1,
                editedAt: '2026-12-02T10:00:00.000Z',
                content: {
                  kind: 'offer',
                  type: 'infrastructure',
                  titleBg: 'Споделена GPU лаборатория',
                  titleEn: '',
                  descriptionBg: 'Старото описание.',
                  descriptionEn: '',
                  areaIds: ['ict-ai'],
                  naceCode: null,
                  validUntil: '2027-03-01',
                  visibility: 'members',
                  status: 'published',
                },
              },
            ],
          }),
      },
    });
    const app = renderApp(`/my/organizations/${orgId}/board`);
    const draftCard = (await screen.findByText('Чернова на обявление')).closest('article') as HTMLElement;
    expect(within(draftCard).getByText('Без дата (90 дни от публикуването)')).toBeVisible();
    await app.user.click(within(draftCard).getByRole('button', { name: 'Публикувай' }));
    expect(await screen.findByText('Обявлението е публикувано.')).toBeVisible();
    expect(api.sent(`${OWN}/${draft.id}/publish`, 'POST').map((r) => r.body)).toEqual([{ version: 1 }]);

    const editedCard = screen
      .getByRole('link', { name: 'Споделена GPU и тестова лаборатория' })
      .closest('article');
    const history = within(editedCard as HTMLElement).getByRole('button', { name: 'История на промените' });
    expect(history).toHaveAttribute('aria-expanded', 'false');
    await app.user.click(history);
    const revisions = within(await screen.findByRole('region', { name: 'История на промените' }));
    expect(await revisions.findByText('Споделена GPU лаборатория')).toBeVisible();
    expect(revisions.getByText(/^Версия 1, заменена на/)).toBeVisible();
    expect(revisions.getByText('Валидно до 1 март 2027 г.')).toBeVisible();
  });
});

describe('the public teaser', () => {
  it('shows visitors counts per type and area and the latest public items, and links to it from the menu', async () => {
    stubApi({
      '/api/board/public': () =>
        json({
          total: 3,
          byType: [{ type: 'infrastructure', kind: 'offer', count: 2 }],
          byArea: [{ id: 'ict', nameBg: 'Информатика и ИКТ', nameEn: 'Informatics and ICT', count: 3 }],
          latest: [
            {
              id: ITEM_ID,
              kind: 'offer',
              type: 'infrastructure',
              titleBg: 'Споделена GPU и тестова лаборатория',
              titleEn: 'Shared GPU and test lab',
              areas: [{ id: 'ict', nameBg: 'Информатика и ИКТ', nameEn: 'Informatics and ICT' }],
              organization: { id: orgId, nameBg: 'Пиксел Фабрика', nameEn: 'Pixel Factory' },
              publishedAt: '2026-12-01T09:00:00.000Z',
            },
          ],
        }),
    });
    renderApp('/cooperation');
    expect(await screen.findByText('3 активни обявления')).toBeVisible();
    expect(screen.getByText('Споделена GPU и тестова лаборатория')).toBeVisible();
    // A visitor sees no link to the members-only item page.
    expect(screen.queryByRole('link', { name: 'Споделена GPU и тестова лаборатория' })).toBeNull();
    expect(screen.getByText('3 обявления')).toBeVisible();
    const nav = screen.getAllByRole('navigation', { name: /навигация/i })[0] as HTMLElement;
    expect(within(nav).getByRole('link', { name: 'Сътрудничество' })).toHaveAttribute('href', '/cooperation');
  });
});
