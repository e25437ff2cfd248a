import { type ModeratedConversationListResponse, ModerationQuerySchema } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminApi } from '@/testing/mocks/handlers/admin.ts';
import { paged } from '@/testing/mocks/responses.ts';
import { renderApp } from '@/testing/render-app.tsx';
import { CONVERSATIONS_PAGE_SIZE } from './search-params.ts';

type Row = ModeratedConversationListResponse['items'][number];

const lab = { id: '11111111-0000-4000-8000-000000000001', nameBg: 'Лаборатория Алфа', nameEn: 'Alpha Lab' };
const uni = {
  id: '11111111-0000-4000-8000-000000000002',
  nameBg: 'Университет Бета',
  nameEn: 'Beta University',
};
const studio = { id: '11111111-0000-4000-8000-000000000003', nameBg: 'Студио Гама', nameEn: 'Gamma Studio' };

function row(n: number, overrides: Partial<Row> = {}): Row {
  const id = `cccccccc-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const itemId = `dddddddd-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id,
    itemId,
    item: { id: itemId, titleBg: `Обявление ${n}`, titleEn: `Item ${n}` },
    owner: lab,
    interested: uni,
    status: 'open',
    createdAt: '2026-11-20T09:00:00.000Z',
    lastMessageAt: '2026-11-21T10:30:00.000Z',
    messageCount: n,
    ...overrides,
  };
}

/** The moderation API over `rows`, filtering by status and by words of the names and titles as the server does. */
function moderationApi(rows: Row[]) {
  return adminApi({
    handlers: {
      '/api/admin/conversations': (url) => {
        const q = ModerationQuerySchema.parse(Object.fromEntries(url.searchParams));
        const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        const matching = rows.filter(
          (r) =>
            (!q.status || r.status === q.status) &&
            words.every((w) =>
              [r.owner.nameBg, r.owner.nameEn, r.interested.nameBg, r.interested.nameEn, r.item.titleBg]
                .join(' ')
                .toLowerCase()
                .includes(w),
            ),
        );
        return paged(matching, q);
      },
    },
  });
}

describe('the moderation list of conversations', () => {
  it('shows who talks with whom about which item, when and how many messages, in a table', async () => {
    moderationApi([
      row(1, { status: 'agreed', messageCount: 12 }),
      row(2, { owner: studio, status: 'agreed_proposed' }),
    ]);
    renderApp('/admin/conversations');
    expect(await screen.findByRole('heading', { level: 1, name: 'Разговори' })).toBeVisible();
    const nav = screen.getByRole('navigation', { name: 'Раздели на администрацията' });
    expect(within(nav).getByRole('link', { name: 'Разговори' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByText(/Написаното виждат само представителите на двете организации/)).toBeVisible();
    const table = await screen.findByRole('table', { name: '2 разговора' });
    const [, first, second] = within(table).getAllByRole('row') as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(first).getByRole('rowheader')).toHaveTextContent(/Лаборатория Алфа.*Университет Бета/);
    expect(within(first).getByRole('link', { name: 'Обявление 1' })).toHaveAttribute(
      'href',
      `/board/${row(1).item.id}`,
    );
    expect(within(first).getByText('Партньорство')).toBeVisible();
    expect(within(first).getByText('12')).toBeVisible();
    expect(within(second).getByText('Предложено споразумение')).toBeVisible();
    expect(within(second).getByRole('rowheader')).toHaveTextContent(/Студио Гама/);
  });

  it('searches and filters through the URL, and pages', async () => {
    const rows = Array.from({ length: CONVERSATIONS_PAGE_SIZE + 2 }, (_, i) =>
      row(i + 1, i === 0 ? { owner: studio, status: 'agreed' } : {}),
    );
    const api = moderationApi(rows);
    const app = renderApp('/admin/conversations');
    expect(await screen.findByRole('heading', { level: 2, name: '27 разговора' })).toBeVisible();
    await app.user.click(screen.getByRole('button', { name: 'Следваща страница' }));
    await waitFor(() => expect(app.searchParams().get('page')).toBe('2'));
    expect(await screen.findByRole('link', { name: 'Обявление 27' })).toBeVisible();

    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Състояние' }), 'agreed');
    await waitFor(() => expect(app.searchParams().get('status')).toBe('agreed'));
    expect(app.searchParams().get('page')).toBeNull();
    expect(await screen.findByRole('heading', { level: 2, name: '1 разговор' })).toBeVisible();

    await app.user.type(screen.getByRole('searchbox', { name: 'Търсене' }), 'няма такава{Enter}');
    expect(await screen.findByText('Няма разговори, отговарящи на филтрите')).toBeVisible();
    await app.user.click(screen.getByRole('button', { name: 'Изчисти филтрите' }));
    expect(await screen.findByRole('heading', { level: 2, name: '27 разговора' })).toBeVisible();
    expect(
      api
        .sent('/api/admin/conversations', 'GET')
        .map((r) => Object.fromEntries(r.url.searchParams))
        .find((p) => p.q),
    ).toEqual({ q: 'няма такава', status: 'agreed', pageSize: String(CONVERSATIONS_PAGE_SIZE) });
  });

  it('says so when there are no conversations at all', async () => {
    moderationApi([]);
    renderApp('/admin/conversations');
    expect(await screen.findByText('Все още няма разговори')).toBeVisible();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
