import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSummaries, profileFixture, summaryOf } from '@/testing/fixtures.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';
import { DIRECTORY_PAGE_SIZE } from './search-params.ts';

/** A directory API over `all`: filters by `q` on the names, paginates like the real one. */
function directoryApi(all = makeSummaries(30)) {
  return stubApi({
    '/api/organizations': (url) => {
      const q = url.searchParams.get('q')?.toLowerCase();
      const matching = q ? all.filter((o) => `${o.nameBg} ${o.nameEn}`.toLowerCase().includes(q)) : all;
      const page = Number(url.searchParams.get('page') ?? 1);
      const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
      return json({
        items: matching.slice((page - 1) * pageSize, page * pageSize),
        total: matching.length,
        page,
        pageSize,
      });
    },
  });
}

describe('the member directory', () => {
  it('shows the members found and how many there are', async () => {
    directoryApi([summaryOf(profileFixture), ...makeSummaries(11)]);
    renderApp('/members');
    expect(await screen.findByRole('heading', { level: 2, name: 'Намерени: 12 члена' })).toBeVisible();
    const card = screen.getByRole('link', { name: 'Пиксел Фабрика' }).closest('article');
    expect(card).not.toBeNull();
    const inCard = within(card as HTMLElement);
    expect(inCard.getByText('Търговско дружество · Малко (10–49 души) · Пловдив')).toBeVisible();
    expect(inCard.getByText('Компютърни игри')).toBeVisible();
    expect(inCard.getByText(profileFixture.descriptionBg)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Пиксел Фабрика' })).toHaveAttribute(
      'href',
      `/members/${profileFixture.id}`,
    );
  });

  it('says on each card what the member offers and seeks, in the chosen language (issue 11 C8)', async () => {
    directoryApi([summaryOf(profileFixture), ...makeSummaries(1)]);
    const app = renderApp('/members');
    const card = (await screen.findByRole('link', { name: 'Пиксел Фабрика' })).closest(
      'article',
    ) as HTMLElement;
    expect(
      within(card).getByText('Предлага: инфраструктура, хора и експертиза · Търси: проекти'),
    ).toBeVisible();
    const other = screen.getByRole('link', { name: 'Член 01' }).closest('article') as HTMLElement;
    expect(within(other).queryByText(/Предлага|Търси/)).toBeNull();
    await app.user.click(screen.getByRole('button', { name: /English/ }));
    expect(
      await screen.findByText('Offers: infrastructure, people and expertise · Seeks: projects'),
    ).toBeVisible();
  });

  it('shows each card with its logo or initials, three area chips and "+N", and its public board offers (issue 17)', async () => {
    const [plain] = makeSummaries(1);
    const rich = {
      ...summaryOf(profileFixture),
      logoUrl: `/api/organizations/${profileFixture.id}/logo?size=small&v=3`,
      areas: [
        { id: 'creative-games', nameBg: 'Компютърни игри', nameEn: 'Video games' },
        { id: 'ict-software', nameBg: 'Софтуерни продукти', nameEn: 'Software products' },
        { id: 'ict-ai', nameBg: 'Изкуствен интелект', nameEn: 'Artificial intelligence' },
        { id: 'mechatronics', nameBg: 'Мехатроника', nameEn: 'Mechatronics' },
        { id: 'ict', nameBg: 'Информатика и ИКТ', nameEn: 'Informatics and ICT' },
      ],
      boardOffers: [
        {
          id: '00000000-0000-4000-8000-00000000aa01',
          titleBg: 'Студио под наем',
          titleEn: 'A studio to rent',
        },
        { id: '00000000-0000-4000-8000-00000000aa02', titleBg: 'Ментори', titleEn: 'Mentors' },
      ],
    };
    directoryApi([rich, plain as typeof rich]);
    const app = renderApp('/members?kind=company&page=1');
    const card = (await screen.findByRole('link', { name: 'Пиксел Фабрика' })).closest(
      'article',
    ) as HTMLElement;
    const logo = within(card).getByRole('img', { name: 'Лого на Пиксел Фабрика' });
    expect(logo).toHaveAttribute('width', '56');
    expect(logo).toHaveAttribute('height', '56');
    // The first cards are on the first screen: their logos are not lazy.
    expect(logo).toHaveAttribute('loading', 'eager');
    const chips = within(within(card).getByRole('list', { name: 'Тематични области' })).getAllByRole(
      'listitem',
    );
    expect(chips.map((li) => li.textContent)).toEqual([
      'Компютърни игри',
      'Софтуерни продукти',
      'Изкуствен интелект',
      '+2',
    ]);
    expect(within(card).getByLabelText('И още 2 области: Мехатроника, Информатика и ИКТ')).toBeVisible();
    const offers = within(card).getByRole('list', { name: 'Предлага на борсата за сътрудничество' });
    expect(
      within(offers)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Студио под наем', 'Ментори']);

    const other = screen.getByRole('link', { name: 'Член 01' }).closest('article') as HTMLElement;
    expect(within(other).queryByRole('img')).toBeNull();
    expect(within(other).getByTestId('organization-initials')).toHaveTextContent('Ч0');
    expect(within(other).queryByRole('list', { name: 'Предлага на борсата за сътрудничество' })).toBeNull();

    // A chip filters the directory by its area, keeping the other filters, from the first page.
    await app.user.click(within(card).getByRole('link', { name: 'Софтуерни продукти' }));
    await waitFor(() => expect(app.searchParams().get('area')).toBe('ict-software'));
    expect(app.searchParams().get('kind')).toBe('company');
    expect(app.searchParams().get('page')).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Тематична област' })).toHaveValue('ict-software');
  });

  it('reads the search, filters, sort and page from the URL and asks the API for exactly that', async () => {
    const api = directoryApi();
    renderApp('/members?q=член&area=ict-ai&kind=university&size=medium&sort=-name&page=2');
    expect(await screen.findByRole('heading', { level: 2, name: /Намерени: 30 члена/ })).toBeVisible();

    expect(screen.getByRole('searchbox', { name: 'Търсене' })).toHaveValue('член');
    expect(screen.getByRole('combobox', { name: 'Тематична област' })).toHaveValue('ict-ai');
    expect(screen.getByRole('combobox', { name: 'Вид организация' })).toHaveValue('university');
    expect(screen.getByRole('combobox', { name: 'Размер' })).toHaveValue('medium');
    expect(screen.getByRole('combobox', { name: 'Подреждане' })).toHaveValue('-name');
    expect(screen.getByRole('button', { name: 'Страница 2' })).toHaveAttribute('aria-current', 'page');

    const sent = api.requestsTo('/api/organizations').at(-1)?.url.searchParams;
    expect(Object.fromEntries(sent ?? [])).toEqual({
      q: 'член',
      area: 'ict-ai',
      kind: 'university',
      size: 'medium',
      sort: '-name',
      page: '2',
      pageSize: String(DIRECTORY_PAGE_SIZE),
    });
    expect(api.requestsTo('/api/organizations').at(-1)?.headers.get('accept-language')).toBe('bg');
  });

  it('writes a filter change to the URL and goes back to the first page', async () => {
    directoryApi();
    const app = renderApp('/members?page=2&q=член');
    await screen.findByRole('heading', { level: 2, name: /Намерени/ });

    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Вид организация' }), 'Университет');

    await waitFor(() => expect(app.searchParams().get('kind')).toBe('university'));
    expect(app.searchParams().get('page')).toBeNull();
    expect(app.searchParams().get('q')).toBe('член');
  });

  it('offers areas grouped by thematic area, the whole area first', async () => {
    directoryApi();
    const app = renderApp('/members');
    const select = await screen.findByRole('combobox', { name: 'Тематична област' });
    const group = await within(select).findByRole('group', { name: 'Информатика и ИКТ' });
    expect(
      within(group)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Информатика и ИКТ (цялата област)', 'Софтуерни продукти', 'Изкуствен интелект']);
    await app.user.selectOptions(select, 'Изкуствен интелект');
    await waitFor(() => expect(app.searchParams().get('area')).toBe('ict-ai'));
  });

  it('searches as the user types, after a pause, through the URL', async () => {
    const api = directoryApi([summaryOf(profileFixture), ...makeSummaries(5)]);
    const app = renderApp('/members');
    await screen.findByRole('heading', { level: 2, name: 'Намерени: 6 члена' });

    await app.user.type(screen.getByRole('searchbox', { name: 'Търсене' }), 'пиксел');

    expect(await screen.findByRole('heading', { level: 2, name: 'Намерен: 1 член' })).toBeVisible();
    expect(app.searchParams().get('q')).toBe('пиксел');
    expect(screen.getByRole('link', { name: 'Пиксел Фабрика' })).toBeVisible();
    // Debounced: one request for the whole word, not one per keystroke.
    const searches = api.requestsTo('/api/organizations').filter((r) => r.url.searchParams.has('q'));
    expect(searches.map((r) => r.url.searchParams.get('q'))).toEqual(['пиксел']);
  });

  it('moves between pages with the pagination and keeps the page in the URL', async () => {
    directoryApi(makeSummaries(30));
    const app = renderApp('/members');
    expect(await screen.findByRole('link', { name: 'Член 01' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Член 13' })).toBeNull();

    await app.user.click(screen.getByRole('button', { name: 'Следваща страница' }));

    expect(await screen.findByRole('link', { name: 'Член 13' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Член 01' })).toBeNull();
    expect(app.searchParams().get('page')).toBe('2');

    await app.user.click(screen.getByRole('button', { name: 'Страница 3' }));
    expect(await screen.findByRole('link', { name: 'Член 25' })).toBeVisible();
    expect(app.searchParams().get('page')).toBe('3');
  });

  it('past the last page (?page=99) marks no page as current and offers the first and the last page', async () => {
    directoryApi(makeSummaries(30));
    const app = renderApp('/members?page=99');
    expect(await screen.findByText('На тази страница няма резултати.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Страница 3', current: 'page' })).toBeNull();
    expect(document.querySelector('[aria-current="page"][data-active]')).toBeNull();
    await app.user.click(screen.getByRole('button', { name: 'Последна страница' }));
    await waitFor(() => expect(app.searchParams().get('page')).toBe('3'));
    expect(await screen.findByRole('link', { name: 'Член 25' })).toBeVisible();
  });

  it('says when no member matches and clears the filters on request', async () => {
    directoryApi(makeSummaries(3));
    const app = renderApp('/members?q=няма-такъв&kind=school');
    expect(
      await screen.findByRole('heading', { name: 'Няма членове, отговарящи на търсенето' }),
    ).toBeVisible();

    const clearButtons = screen.getAllByRole('button', { name: 'Изчисти филтрите' });
    await app.user.click(clearButtons.at(-1) as HTMLElement);

    expect(await screen.findByRole('heading', { level: 2, name: 'Намерени: 3 члена' })).toBeVisible();
    expect(app.searchParams().toString()).toBe('');
    expect(screen.getByRole('searchbox', { name: 'Търсене' })).toHaveValue('');
  });

  it('shows an error with a retry that loads the members once the API recovers', async () => {
    let failing = true;
    stubApi({
      '/api/organizations': () =>
        failing
          ? problem(500, 'Вътрешна грешка')
          : json({ items: makeSummaries(2), total: 2, page: 1, pageSize: DIRECTORY_PAGE_SIZE }),
    });
    const app = renderApp('/members');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Данните не можаха да бъдат заредени.')).toBeVisible();

    failing = false;
    await app.user.click(within(alert).getByRole('button', { name: 'Опитай отново' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Намерени: 2 члена' })).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('falls back to the defaults for values in the URL that the API would refuse, showing no error', async () => {
    const api = directoryApi();
    renderApp('/members?q=член&kind=spaceship&size=huge&sort=sideways&page=0&area=Not%20An%20Area');
    expect(await screen.findByRole('heading', { level: 2, name: /Намерени: 30 члена/ })).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Вид организация' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Подреждане' })).toHaveValue('name');
    const sent = api.requestsTo('/api/organizations').at(-1)?.url.searchParams;
    expect(Object.fromEntries(sent ?? [])).toEqual({ q: 'член', pageSize: String(DIRECTORY_PAGE_SIZE) });
  });

  it('explains a search the API still refuses in words, without field names', async () => {
    stubApi({
      '/api/organizations': () =>
        problem(400, 'Невалидна заявка', [{ path: 'area', message: 'Няма такава област.' }]),
    });
    const app = renderApp('/members?area=removed-area');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Търсенето не е валидно')).toBeVisible();
    expect(within(alert).getByText('Няма такава област.')).toBeVisible();
    expect(within(alert).queryByText(/area:/)).toBeNull();
    await app.user.click(within(alert).getByRole('button', { name: 'Изчисти филтрите' }));
    await waitFor(() => expect(app.searchParams().toString()).toBe(''));
  });

  it('shows the results in English with the count worded for English', async () => {
    directoryApi([summaryOf(profileFixture)]);
    const app = renderApp('/members');
    await screen.findByRole('heading', { level: 2, name: 'Намерен: 1 член' });
    await app.user.click(screen.getByRole('button', { name: /English/ }));
    expect(await screen.findByRole('heading', { level: 2, name: '1 member found' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Pixel Factory' })).toBeVisible();
    expect(screen.getByText('Company · Small (10–49 staff) · Пловдив')).toBeVisible();
    expect(screen.getByText('Member since 12 March 2025')).toBeVisible();
  });
});
