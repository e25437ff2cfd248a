import type { CooperationNetwork, CooperationOverview } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '@/i18n/index.ts';
import { signedIn } from '@/testing/auth-fixtures.ts';
import { onPhone } from '@/testing/media.ts';
import { memberMe } from '@/testing/mocks/fixtures/committee.ts';
import { json, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const themes = [
  { id: 'ict', nameBg: 'Информатика и ИКТ', nameEn: 'Informatics and ICT' },
  { id: 'creative', nameBg: 'Креативни индустрии', nameEn: 'Creative industries' },
];

const ORG = {
  lab: 'a0000000-0000-4000-8000-000000000001',
  studio: 'a0000000-0000-4000-8000-000000000002',
  uni: 'a0000000-0000-4000-8000-000000000003',
};

function overview(from: string, to: string, area: string | null = null): CooperationOverview {
  return {
    from,
    to,
    area,
    months: ['2026-01', '2026-02', '2026-03'],
    areas: themes,
    itemsPerMonth: [
      { month: '2026-01', type: 'infrastructure', count: 2 },
      { month: '2026-02', type: 'people', count: 3 },
    ],
    itemsPerArea: [
      { areaId: 'ict', type: 'infrastructure', count: 2 },
      { areaId: 'creative', type: 'people', count: 3 },
    ],
    bookingsPerMonth: [{ month: '2026-03', count: 4 }],
    conversationsPerMonth: [{ month: '2026-02', conversations: 5, partnerships: 1 }],
    conversationsPerArea: [{ areaId: 'creative', conversations: 5, partnerships: 1 }],
    activeMembers: [
      {
        organizationId: ORG.studio,
        nameBg: 'Студио АД',
        nameEn: 'Studio Plc',
        items: 3,
        bookings: 2,
        conversations: 4,
        partnerships: 1,
        total: 10,
      },
    ],
    unansweredRequests: [
      {
        id: 'b0000000-0000-4000-8000-000000000001',
        titleBg: 'Търсим стажанти',
        titleEn: 'Interns wanted',
        organizationId: ORG.uni,
        organizationNameBg: 'Университет',
        organizationNameEn: 'University',
        publishedAt: '2026-02-14T22:30:00.000Z',
        validUntil: '2026-06-30',
      },
    ],
  };
}

function overviewApi() {
  return stubApi({
    ...signedIn(memberMe),
    '/api/committee/cooperation/overview': (url) =>
      json(
        overview(
          url.searchParams.get('from') ?? '2025-04',
          url.searchParams.get('to') ?? '2026-03',
          url.searchParams.get('area'),
        ),
      ),
  });
}

describe("the committee's overview of cooperation", () => {
  it('shows each chart with its numbers also as a table, in Bulgarian', async () => {
    overviewApi();
    renderApp('/committee/cooperation?from=2026-01&to=2026-03');
    expect(await screen.findByRole('heading', { level: 1, name: 'Сътрудничество в клъстера' })).toBeVisible();

    const items = await screen.findByRole('table', { name: 'Публикувани обяви по месеци и вид' });
    const rows = within(items).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'МесецИнфраструктураХора и експертиза',
      `${monthBg(1)}20`,
      `${monthBg(2)}03`,
      `${monthBg(3)}00`,
    ]);
    const activity = screen.getByRole('table', { name: 'Разговори, партньорства и резервации по месеци' });
    expect(within(activity).getByRole('row', { name: new RegExp(monthBg(2)) }).textContent).toBe(
      `${monthBg(2)}510`,
    );
    expect(within(activity).getByRole('row', { name: new RegExp(monthBg(3)) }).textContent).toBe(
      `${monthBg(3)}004`,
    );
    const perArea = screen.getByRole('table', { name: 'Публикувани обяви по тематични области и вид' });
    expect(within(perArea).getByRole('row', { name: /Креативни индустрии/ }).textContent).toBe(
      'Креативни индустрии03',
    );
    const members = screen.getByRole('table', { name: 'Най-активни членове' });
    expect(within(members).getByRole('row', { name: /Студио АД/ }).textContent).toBe('Студио АД324110');

    const unanswered = screen.getByRole('table', { name: /Запитвания без отговор/ });
    expect(within(unanswered).getByRole('row', { name: /Търсим стажанти/ })).toHaveTextContent('Университет');
    // 00:30 on 15 February in Sofia.
    expect(within(unanswered).getByRole('row', { name: /Търсим стажанти/ })).toHaveTextContent(
      '15 февруари 2026',
    );
  });

  it('offers the CSV of the same filters', async () => {
    overviewApi();
    renderApp('/committee/cooperation?from=2026-01&to=2026-03&area=ict');
    const link = await screen.findByRole('link', { name: 'Изтегляне като CSV' });
    expect(link).toHaveAttribute(
      'href',
      '/api/committee/cooperation/overview.csv?from=2026-01&to=2026-03&area=ict',
    );
  });

  it('sends the period and the area from the URL, and a changed filter to the URL and the API', async () => {
    const api = overviewApi();
    const app = renderApp('/committee/cooperation?from=2026-01&to=2026-03');
    await screen.findByRole('table', { name: 'Публикувани обяви по месеци и вид' });
    const first = api.requestsTo('/api/committee/cooperation/overview').at(-1)?.url.searchParams;
    expect(Object.fromEntries(first ?? [])).toEqual({ from: '2026-01', to: '2026-03' });

    const area = screen.getByRole('combobox', { name: 'Тематична област' });
    await waitFor(() =>
      expect(within(area).getByRole('option', { name: 'Информатика и ИКТ' })).toBeInTheDocument(),
    );
    await app.user.selectOptions(area, 'Информатика и ИКТ');
    await waitFor(() => expect(app.searchParams().get('area')).toBe('ict'));
    await waitFor(() =>
      expect(
        Object.fromEntries(
          api.requestsTo('/api/committee/cooperation/overview').at(-1)?.url.searchParams ?? [],
        ),
      ).toEqual({
        from: '2026-01',
        to: '2026-03',
        area: 'ict',
      }),
    );
  });

  it('shows the period the server chose when the URL names none, in English too', async () => {
    overviewApi();
    const app = renderApp('/committee/cooperation');
    await app.user.click(await screen.findByRole('button', { name: /English|EN/ }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Cooperation in the cluster' }),
    ).toBeVisible();
    await waitFor(() => expect(screen.getByLabelText('From month')).toHaveValue('2025-04'));
    expect(screen.getByLabelText('To month')).toHaveValue('2026-03');
    expect(screen.getByRole('table', { name: 'Items published per month and type' })).toBeInTheDocument();
  });
});

describe('the network picture', () => {
  const network: CooperationNetwork = {
    from: '2026-01',
    to: '2026-03',
    area: null,
    areas: themes,
    nodes: [
      { id: ORG.lab, nameBg: 'Лаборатория ООД', nameEn: 'Lab Ltd', kind: 'company', areaId: 'ict' },
      { id: ORG.studio, nameBg: 'Студио АД', nameEn: 'Studio Plc', kind: 'company', areaId: 'creative' },
      { id: ORG.uni, nameBg: 'Университет', nameEn: 'University', kind: 'university', areaId: null },
    ],
    links: [
      { source: ORG.lab, target: ORG.studio, type: 'booking', count: 2 },
      { source: ORG.studio, target: ORG.uni, type: 'partnership', count: 1 },
    ],
  };

  it('draws members and links and lists the links as a table; the area filter goes to the API', async () => {
    const api = stubApi({
      ...signedIn(memberMe),
      '/api/committee/cooperation/network': (url) => json({ ...network, area: url.searchParams.get('area') }),
    });
    const app = renderApp('/committee/cooperation/network?from=2026-01&to=2026-03');
    expect(await screen.findByText('3 члена, 2 връзки')).toBeVisible();
    expect(document.querySelectorAll('svg circle[r]').length).toBeGreaterThanOrEqual(3);
    const links = screen.getByRole('table', { name: 'Мрежа на членовете' });
    expect(within(links).getByRole('row', { name: /Лаборатория ООД — Студио АД/ }).textContent).toBe(
      'Лаборатория ООД — Студио АД02',
    );
    expect(within(links).getByRole('row', { name: /Студио АД — Университет/ }).textContent).toBe(
      'Студио АД — Университет10',
    );
    const legend = screen.getByRole('list', { name: 'Легенда' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Информатика и ИКТ', 'Креативни индустрии', 'Без област']);
    await app.user.click(screen.getByRole('radio', { name: 'вид организация' }));
    expect(
      within(screen.getByRole('list', { name: 'Легенда' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Търговско дружество', 'Университет']);

    await app.user.selectOptions(
      screen.getByRole('combobox', { name: 'Тематична област' }),
      'Нови технологии в креативните и рекреативните индустрии',
    );
    await waitFor(() => expect(app.searchParams().get('area')).toBe('creative'));
    await waitFor(() =>
      expect(api.requestsTo('/api/committee/cooperation/network').at(-1)?.url.searchParams.get('area')).toBe(
        'creative',
      ),
    );
  });
});

describe('the network picture on a phone', () => {
  /** Nine members: eight in a chain of bookings (the middle ones most linked), one without links. */
  const ids = Array.from({ length: 9 }, (_, i) => `b0000000-0000-4000-8000-00000000000${i + 1}`);
  const names = ['Алфа', 'Бета', 'Гама', 'Делта', 'Епсилон', 'Зета', 'Ета', 'Тета', 'Йота'];
  const namesEn = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta', 'Iota'];
  const chain: CooperationNetwork = {
    from: '2026-01',
    to: '2026-03',
    area: null,
    areas: themes,
    nodes: ids.map((id, i) => ({
      id,
      nameBg: `${names[i]} ООД`,
      nameEn: `${namesEn[i]} Ltd`,
      kind: 'company' as const,
      areaId: 'ict',
    })),
    links: ids.slice(0, 7).map((id, i) => ({
      source: id,
      target: ids[i + 1]!,
      type: 'booking' as const,
      count: 1,
    })),
  };
  afterEach(() => vi.restoreAllMocks());
  const labels = () => [...document.querySelectorAll('svg text')].map((t) => t.textContent);

  it('labels only the most linked members, at a readable size, and the one chosen in the list', async () => {
    onPhone();
    stubApi({ ...signedIn(memberMe), '/api/committee/cooperation/network': () => json(chain) });
    const app = renderApp('/committee/cooperation/network?from=2026-01&to=2026-03');
    const list = within(await screen.findByRole('region', { name: 'Членовете в картината' }));
    expect(labels()).toHaveLength(6);
    expect(labels()).not.toContain('Йота ООД');
    for (const text of document.querySelectorAll('svg text')) {
      expect(Number(text.getAttribute('font-size'))).toBeGreaterThanOrEqual(12);
    }
    // Every member is in the list, most linked first, with how many it is linked with.
    const buttons = list.getAllByRole('button');
    expect(buttons).toHaveLength(9);
    expect(buttons[0]).toHaveTextContent('Бета ООД · свързан с 2 члена');
    expect(buttons.at(-1)).toHaveTextContent('Йота ООД · свързан с 0 члена');

    const iota = list.getByRole('button', { name: /Йота ООД/ });
    expect(iota).toHaveAttribute('aria-pressed', 'false');
    await app.user.click(iota);
    expect(iota).toHaveAttribute('aria-pressed', 'true');
    expect(labels()).toContain('Йота ООД');
    await app.user.click(iota);
    expect(labels()).not.toContain('Йота ООД');
    // The links stay in the table for screen readers.
    expect(screen.getByRole('table', { name: 'Мрежа на членовете' })).toBeInTheDocument();
  });

  it('labels every member on a wide screen, and speaks English', async () => {
    stubApi({ ...signedIn(memberMe), '/api/committee/cooperation/network': () => json(chain) });
    await setLanguage('en');
    renderApp('/committee/cooperation/network?from=2026-01&to=2026-03');
    const list = within(await screen.findByRole('region', { name: 'Members in the picture' }));
    expect(labels()).toHaveLength(9);
    expect(list.getByRole('button', { name: /Beta Ltd · linked with 2 members/ })).toBeVisible();
    expect(list.getByRole('button', { name: /Alpha Ltd · linked with 1 member$/ })).toBeVisible();
  });
});

/** The month's short name in Bulgarian as the page writes it. */
function monthBg(month: number): string {
  return new Intl.DateTimeFormat('bg-BG', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, month - 1, 15)),
  );
}
