import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { clusterFixture, homeFixture, profileFixture } from '@/testing/fixtures.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

/** Issue 17 "A public face": the cluster's front page from one answer, /api/home. */
describe('the home page', () => {
  it('presents the cluster in one look: name, tagline, mission and the two ways in', async () => {
    const api = stubApi();
    const app = renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: clusterFixture.nameBg })).toBeVisible();
    expect(screen.getByText(clusterFixture.taglineBg)).toBeVisible();
    expect(screen.getByText(clusterFixture.missionBg)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Присъединете се' })).toHaveAttribute('href', '#join');
    await waitFor(() => expect(document.title).toBe(`Начало — ${clusterFixture.nameBg}`));
    expect(api.requestsTo('/api/home')).toHaveLength(1);

    await app.user.click(screen.getByRole('link', { name: 'Разгледайте членовете' }));
    await waitFor(() => expect(app.pathname()).toBe('/members'));
  });

  it('shows the key figures with Bulgarian plurals, leaving out what counts nothing', async () => {
    stubApi({
      '/api/home': () => json({ ...homeFixture, figures: { ...homeFixture.figures, upcomingEvents: 1 } }),
    });
    renderApp('/');
    const figures = await screen.findByRole('region', { name: 'Клъстерът в числа' });
    const items = within(figures)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      '14члена',
      '9малки и средни предприятия',
      '1университет или научен институт',
      '2отворени покани за финансиране',
      '1предстоящо събитие',
    ]);
  });

  it('lists each area with its member count, priority and members linking to their profiles', async () => {
    stubApi({ '/api/organizations/:id': () => json({ ...profileFixture, partners: [] }) });
    const app = renderApp('/');
    const areas = await screen.findByRole('region', { name: 'Тематични области' });
    const cards = within(areas)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(cards).toEqual(['Информатика и ИКТ', 'Мехатроника и микроелектроника', 'Чисти технологии']);
    expect(within(areas).getAllByText('Приоритет')).toHaveLength(1);
    expect(within(areas).getByRole('link', { name: '9 члена' })).toHaveAttribute('href', '/members?area=ict');
    expect(within(areas).getByRole('link', { name: '1 член' })).toBeVisible();
    expect(within(areas).getByText('Все още няма членове в тази област.')).toBeVisible();

    const ictMembers = within(areas).getByRole('list', { name: 'Членове в Информатика и ИКТ' });
    const logo = within(ictMembers).getByRole('link', { name: 'Дигитална София' });
    // A logo has its box before it loads (no layout shift); a member without one shows its initials.
    const img = logo.querySelector('img');
    expect(img).toHaveAttribute('width', '64');
    expect(img).toHaveAttribute('height', '64');
    expect(img).toHaveAttribute('loading', 'lazy');
    expect(within(ictMembers).getByRole('link', { name: 'Код Лаб' })).toHaveTextContent('КЛ');

    await app.user.click(logo);
    await waitFor(() => expect(app.pathname()).toBe('/members/00000000-0000-4000-8000-000000000001'));
  });

  it("shows this year's fee of each category next to the way to apply", async () => {
    stubApi();
    renderApp('/');
    const join = await screen.findByRole('region', { name: 'Как да станете член' });
    const fees = within(join).getByRole('table', { name: 'Годишен членски внос за 2026 г.' });
    const rows = within(fees)
      .getAllByRole('row')
      .map((r) => r.textContent?.replace(/\s/g, ' '));
    expect(rows).toEqual(['Редовен член500,00 €', 'Асоцииран член250,00 €', 'Ангажиран членБез внос']);
    expect(within(join).getByRole('link', { name: 'Кандидатствайте онлайн' })).toHaveAttribute(
      'href',
      '/apply',
    );
  });

  it('says so in one line when there are no news, events or calls yet, with no empty boxes', async () => {
    stubApi();
    renderApp('/');
    const updates = await screen.findByRole('region', { name: 'Какво ново' });
    expect(
      within(updates).getByText('Скоро тук ще има новини, събития и покани за финансиране.'),
    ).toBeVisible();
    expect(within(updates).queryAllByRole('list')).toHaveLength(0);
  });

  it('shows the latest news (moved here from the news list: /api/home answers them), each linking to its post', async () => {
    const post = (n: number, titleBg: string) => ({
      id: `e0000000-0000-4000-8000-00000000000${n}`,
      slug: `post-${n}`,
      category: 'news' as const,
      titleBg,
      titleEn: `Post ${n}`,
      summaryBg: '',
      summaryEn: '',
      publishedAt: `2026-02-2${n}T09:00:00.000Z`,
    });
    stubApi({
      '/api/home': () =>
        json({ ...homeFixture, news: [post(3, 'Трета'), post(2, 'Втора'), post(1, 'Първа')] }),
    });
    renderApp('/');
    const news = await screen.findByRole('region', { name: 'Последни новини' });
    const links = within(news).getAllByRole('link');
    expect(links.slice(0, 3).map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Трета', '/news/post-3'],
      ['Втора', '/news/post-2'],
      ['Първа', '/news/post-1'],
    ]);
    expect(links.some((l) => l.getAttribute('href') === '/news')).toBe(true);
  });

  it('shows only the lists that have something: here the open calls', async () => {
    stubApi({
      '/api/home': () =>
        json({
          ...homeFixture,
          calls: [
            {
              id: '00000000-0000-4000-8000-0000000000c1',
              programme: 'ПКИП',
              code: 'BG16RFPR001-1.001',
              titleBg: 'Иновации в предприятията',
              titleEn: 'Innovation in enterprises',
              deadlineAt: '2026-04-30T20:59:00.000Z',
              budgetCents: 1_000_000_00,
            },
          ],
        }),
    });
    renderApp('/');
    const updates = await screen.findByRole('region', { name: 'Какво ново' });
    expect(within(updates).queryByRole('region', { name: 'Последни новини' })).toBeNull();
    expect(within(updates).queryByRole('region', { name: 'Предстоящи събития' })).toBeNull();
    const calls = within(updates).getByRole('region', { name: 'Отворени покани' });
    expect(within(calls).getByRole('link', { name: 'Иновации в предприятията' })).toBeVisible();
    expect(within(calls).getByText(/Срок: 30\.04\.2026/)).toBeVisible();
  });

  it('shows the cluster in English after switching the language', async () => {
    stubApi();
    const app = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: clusterFixture.nameBg });
    await app.user.click(screen.getByRole('button', { name: /English/ }));
    expect(await screen.findByRole('heading', { level: 1, name: clusterFixture.nameEn })).toBeVisible();
    expect(screen.getByText(clusterFixture.missionEn)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Join the cluster' })).toBeVisible();
    expect(screen.getByRole('link', { name: '9 members' })).toBeVisible();
    expect(screen.getByRole('table', { name: 'Annual membership fee for 2026' })).toHaveTextContent(
      '€500.00',
    );
  });

  it('offers a retry when the page cannot be loaded', async () => {
    let failing = true;
    stubApi({ '/api/home': () => (failing ? problem(503, 'Service Unavailable') : json(homeFixture)) });
    const app = renderApp('/');
    const alert = await screen.findByRole('alert');
    failing = false;
    await app.user.click(within(alert).getByRole('button', { name: 'Опитай отново' }));
    expect(await screen.findByRole('heading', { level: 1, name: clusterFixture.nameBg })).toBeVisible();
  });
});
