import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture } from '@/testing/auth-fixtures.ts';
import { makeSummary, memberMe } from '@/testing/mocks/fixtures/committee.ts';
import { committeeApi } from '@/testing/mocks/handlers/committee.ts';
import { renderApp } from '@/testing/render-app.tsx';
import { QUEUE_PAGE_SIZE } from './search-params.ts';

const queue = [
  makeSummary(1, { nameBg: 'Роботика Пловдив', applicantName: 'Ана Петрова' }),
  makeSummary(2, { state: 'under_review', kind: 'university' }),
  makeSummary(3, { state: 'under_review' }),
  makeSummary(4, { state: 'in_vote' }),
  ...Array.from({ length: 22 }, (_, i) => makeSummary(i + 10, { state: 'approved' })),
];

describe("the committee's queue", () => {
  it('reads the state, kind, area, dates and page from the URL and asks the API for exactly that', async () => {
    const api = committeeApi({ summaries: queue });
    renderApp('/committee?state=under_review&kind=company&area=ict&from=2026-01-01&to=2026-03-31&page=2');
    await screen.findByRole('heading', { level: 2, name: /заявлени/ });

    expect(screen.getByRole('combobox', { name: 'Етап' })).toHaveValue('under_review');
    expect(screen.getByRole('combobox', { name: 'Вид организация' })).toHaveValue('company');
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Тематична област' })).toHaveValue('ict'),
    );
    // The date fields show the days in the Bulgarian way (issue 11 C11); the URL and the API keep ISO days.
    expect(screen.getByLabelText('Подадено от дата')).toHaveValue('01.01.2026');
    expect(screen.getByLabelText('Подадено до дата')).toHaveValue('31.03.2026');
    const sent = api.requestsTo('/api/committee/applications').at(-1)?.url.searchParams;
    expect(Object.fromEntries(sent ?? [])).toEqual({
      state: 'under_review',
      kind: 'company',
      area: 'ict',
      from: '2026-01-01',
      to: '2026-03-31',
      page: '2',
      pageSize: String(QUEUE_PAGE_SIZE),
    });
  });

  it('shows the pipeline with the count at each stage and narrows the queue to a stage through the URL', async () => {
    committeeApi({ summaries: queue });
    const app = renderApp('/committee?kind=company');
    const pipeline = await screen.findByRole('navigation', { name: 'Заявления по етапи' });
    await waitFor(() => expect(within(pipeline).getByRole('link', { name: 'Всички 25' })).toBeVisible());
    expect(within(pipeline).getByRole('link', { name: 'Всички 25' })).toHaveAttribute('aria-current', 'page');
    expect(within(pipeline).getByRole('link', { name: 'Подадено 1' })).toBeVisible();
    expect(within(pipeline).getByRole('link', { name: 'В разглеждане 1' })).toBeVisible();
    expect(within(pipeline).getByRole('link', { name: 'Одобрено 22' })).toBeVisible();
    expect(within(pipeline).queryByRole('link', { name: /Чернова/ })).toBeNull();

    await app.user.click(within(pipeline).getByRole('link', { name: 'В разглеждане 1' }));
    await waitFor(() => expect(app.searchParams().get('state')).toBe('under_review'));
    // The other filters stay.
    expect(app.searchParams().get('kind')).toBe('company');
    expect(await screen.findByRole('heading', { level: 2, name: '1 заявление' })).toBeVisible();
    expect(within(pipeline).getByRole('link', { name: 'В разглеждане 1' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('writes a filter change to the URL and goes back to the first page', async () => {
    committeeApi({ summaries: queue });
    const app = renderApp('/committee?page=2');
    await screen.findByRole('heading', { level: 2, name: '26 заявления' });

    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Вид организация' }), 'Университет');
    await waitFor(() => expect(app.searchParams().get('kind')).toBe('university'));
    expect(app.searchParams().get('page')).toBeNull();
    expect(await screen.findByRole('heading', { level: 2, name: '1 заявление' })).toBeVisible();

    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Етап' }), 'В гласуване');
    await waitFor(() => expect(app.searchParams().get('state')).toBe('in_vote'));
    expect(
      await screen.findByRole('heading', { name: 'Няма заявления, отговарящи на филтрите' }),
    ).toBeVisible();
    await app.user.click(screen.getByRole('button', { name: 'Изчисти филтрите' }));
    expect(await screen.findByRole('heading', { level: 2, name: '26 заявления' })).toBeVisible();
    expect(app.searchParams().toString()).toBe('');
  });

  it('lists each application with its stage and a link to it, and moves between pages', async () => {
    committeeApi({ summaries: queue });
    const app = renderApp('/committee');
    const link = await screen.findByRole('link', { name: 'Роботика Пловдив' });
    expect(link).toHaveAttribute('href', `/committee/applications/${queue[0]?.id}`);
    const card = link.closest('article') as HTMLElement;
    expect(within(card).getByText('Подадено')).toBeVisible();
    expect(within(card).getByText(/Заявител: Ана Петрова/)).toBeVisible();

    await app.user.click(screen.getByRole('button', { name: 'Следваща страница' }));
    expect(await screen.findByRole('link', { name: 'Кандидат 31' })).toBeVisible();
    expect(app.searchParams().get('page')).toBe('2');
  });

  it('says when nothing has been submitted yet', async () => {
    committeeApi({ summaries: [] });
    renderApp('/committee');
    expect(await screen.findByRole('heading', { name: 'Все още няма подадени заявления' })).toBeVisible();
  });
});

describe('access to the committee', () => {
  it('shows a user outside the committee the 403 page and asks the API nothing', async () => {
    const api = committeeApi({ me: meFixture({ roles: ['representative', 'admin'] }) });
    renderApp('/committee');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Нямате достъп до тази страница' }),
    ).toBeVisible();
    expect(api.requestsTo('/api/committee/applications')).toHaveLength(0);
  });

  it('also refuses an application page to a user outside the committee', async () => {
    const api = committeeApi({ me: meFixture() });
    renderApp('/committee/applications/a1000000-0000-4000-8000-000000000001');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Нямате достъп до тази страница' }),
    ).toBeVisible();
    expect(api.requests.filter((r) => r.url.pathname.startsWith('/api/applications'))).toHaveLength(0);
  });

  it('sends a visitor to log in first', async () => {
    committeeApi({ me: null });
    const app = renderApp('/committee?state=submitted');
    await waitFor(() => expect(app.pathname()).toBe('/login'));
    expect(app.searchParams().get('next')).toBe('/committee?state=submitted');
  });

  it('links the header to the committee for its members only', async () => {
    committeeApi({ me: memberMe });
    const { unmount } = renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Основна навигация' });
    expect(await within(nav).findByRole('link', { name: 'Комитет' })).toHaveAttribute('href', '/committee');
    unmount();

    committeeApi({ me: meFixture() });
    renderApp('/');
    const otherNav = await screen.findByRole('navigation', { name: 'Основна навигация' });
    await within(otherNav).findByRole('link', { name: 'Решения' });
    expect(within(otherNav).queryByRole('link', { name: 'Комитет' })).toBeNull();
  });
});
