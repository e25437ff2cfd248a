import type { Decision } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture } from '@/testing/auth-fixtures.ts';
import { json, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';
import { DECISIONS_PAGE_SIZE } from './search-params.ts';

const APPLICATION_ID = 'a1000000-0000-4000-8000-000000000001';
const MEMBER_ID = 'b1000000-0000-4000-8000-000000000002';

function decision(n: number, overrides: Partial<Decision> = {}): Decision {
  const nn = String(n).padStart(3, '0');
  return {
    number: `2026-${nn}`,
    date: '2026-03-20',
    organizationNameBg: `Организация ${nn}`,
    organizationNameEn: `Organisation ${nn}`,
    organizationId: null,
    organizationListed: false,
    outcome: 'approved',
    subject: 'admission',
    membershipAction: null,
    applicationId: APPLICATION_ID,
    tally: { for: 5, against: 1, abstain: 0, eligible: 7, recused: 1 },
    textBg: 'Комитетът приема организацията за член.',
    textEn: 'The committee admits the organisation as a member.',
    meeting: null,
    ...overrides,
  };
}

/** What the public sees of a decision: the server leaves out the tally, texts and the application. */
const publicView = (d: Decision): Decision => ({
  ...d,
  applicationId: null,
  tally: null,
  textBg: null,
  textEn: null,
});

const register = [
  decision(14, { organizationNameBg: 'Роботика Пловдив', organizationNameEn: 'Robotics Plovdiv' }),
  decision(13, { outcome: 'rejected' }),
  // 2026-001 … 2026-012 and 2026-015 … 2026-023.
  ...Array.from({ length: 21 }, (_, i) => decision(i < 12 ? i + 1 : i + 3)),
];

/** A stub of GET /api/decisions answering like the server for a public visitor or a member. */
function decisionsApi(me: ReturnType<typeof meFixture> | null, items = register) {
  const members = me !== null && me.roles.length > 0;
  return stubApi({
    '/api/auth/session': () => json({ user: me }),
    '/api/decisions/years': () => {
      const visible = members ? items : items.filter((d) => d.outcome === 'approved');
      const years = [...new Set(visible.map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => b - a);
      return json({ years });
    },
    '/api/decisions': (url) => {
      const p = url.searchParams;
      const q = p.get('q')?.toLowerCase();
      const visible = members ? items : items.filter((d) => d.outcome === 'approved').map(publicView);
      const matching = visible.filter(
        (d) =>
          (!q || `${d.number} ${d.organizationNameBg} ${d.organizationNameEn}`.toLowerCase().includes(q)) &&
          (!p.get('outcome') || d.outcome === p.get('outcome')) &&
          (!p.get('year') || d.date.startsWith(p.get('year') ?? '')),
      );
      const page = Number(p.get('page') ?? 1);
      const pageSize = Number(p.get('pageSize') ?? 20);
      return json({
        items: matching.slice((page - 1) * pageSize, page * pageSize),
        total: matching.length,
        page,
        pageSize,
      });
    },
  });
}

describe('the decisions register', () => {
  it('shows the public the admissions with number, date and organisation, but no tallies, texts or links', async () => {
    decisionsApi(null);
    renderApp('/decisions');
    const card = (await screen.findByRole('heading', { level: 3, name: 'Решение № 2026-014' })).closest(
      'article',
    ) as HTMLElement;
    expect(within(card).getByText('Роботика Пловдив')).toBeVisible();
    expect(within(card).getByText('20 март 2026 г.')).toBeVisible();
    expect(within(card).getByText('Приета за член')).toBeVisible();
    expect(screen.getByRole('heading', { level: 2, name: '22 решения' })).toBeVisible();
    expect(screen.queryByText(/За: \d/)).toBeNull();
    expect(screen.queryByText('Текст на решението')).toBeNull();
    expect(screen.queryByRole('link', { name: /Заявлението/ })).toBeNull();
    // Rejections are not public, so there is nothing to filter by outcome.
    expect(screen.queryByRole('combobox', { name: 'Вид решение' })).toBeNull();
  });

  it('keeps the search, year and page in the URL and asks the API for exactly that', async () => {
    const api = decisionsApi(null);
    const app = renderApp('/decisions?year=2026&page=2');
    expect(await screen.findByRole('heading', { level: 3, name: 'Решение № 2026-023' })).toBeVisible();
    expect(screen.queryByRole('heading', { level: 3, name: 'Решение № 2026-014' })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Година' })).toHaveValue('2026');
    expect(Object.fromEntries(api.requestsTo('/api/decisions').at(-1)?.url.searchParams ?? [])).toEqual({
      year: '2026',
      page: '2',
      pageSize: String(DECISIONS_PAGE_SIZE),
    });

    await app.user.type(screen.getByRole('searchbox', { name: 'Търсене' }), 'роботика');
    await waitFor(() => expect(app.searchParams().get('q')).toBe('роботика'));
    expect(app.searchParams().get('page')).toBeNull();
    expect(app.searchParams().get('year')).toBe('2026');
    expect(await screen.findByRole('heading', { level: 2, name: '1 решение' })).toBeVisible();

    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Година' }), 'Всички години');
    await waitFor(() => expect(app.searchParams().get('year')).toBeNull());
  });

  it("links a listed member's name to its public profile and leaves the others plain", async () => {
    decisionsApi(meFixture(), [
      decision(2, { organizationNameBg: 'Член Линк', organizationId: MEMBER_ID, organizationListed: true }),
      decision(1, { organizationNameBg: 'Отказан Кандидат', outcome: 'rejected' }),
    ]);
    renderApp('/decisions');
    const link = await screen.findByRole('link', { name: 'Член Линк' });
    expect(link).toHaveAttribute('href', `/members/${MEMBER_ID}`);
    const rejected = (await screen.findByRole('heading', { level: 3, name: 'Решение № 2026-001' })).closest(
      'article',
    ) as HTMLElement;
    expect(within(rejected).getByText('Отказан Кандидат')).toBeVisible();
    expect(within(rejected).queryByRole('link')).toBeNull();
  });

  it('offers only the years with a decision the reader may see, newest first, every year by default', async () => {
    const spread = [
      decision(1, { date: '2026-02-01' }),
      decision(2, { date: '2024-05-01', outcome: 'rejected' }),
      decision(3, { date: '2023-05-01' }),
    ];
    const yearsOffered = () =>
      Array.from(
        (screen.getByRole('combobox', { name: 'Година' }) as HTMLSelectElement).options,
        (o) => o.textContent,
      );
    decisionsApi(null, spread);
    const { unmount } = renderApp('/decisions');
    await waitFor(() => expect(yearsOffered()).toEqual(['Всички години', '2026', '2023']));
    expect(screen.getByRole('combobox', { name: 'Година' })).toHaveValue('');
    unmount();

    decisionsApi(meFixture(), spread);
    renderApp('/decisions');
    await waitFor(() => expect(yearsOffered()).toEqual(['Всички години', '2026', '2024', '2023']));
  });

  it('shows members every decision with its tally and text, and lets committee members open the application', async () => {
    decisionsApi(meFixture({ roles: ['committee_member'], organizations: [] }));
    const app = renderApp('/decisions?outcome=rejected');
    const card = (await screen.findByRole('heading', { level: 3, name: 'Решение № 2026-013' })).closest(
      'article',
    ) as HTMLElement;
    expect(screen.getByRole('combobox', { name: 'Вид решение' })).toHaveValue('rejected');
    expect(within(card).getByText('Отказано членство')).toBeVisible();
    expect(within(card).getByText(/За: 5, против: 1, въздържали се: 0/)).toBeVisible();
    expect(within(card).getByText('Текст на решението')).toBeVisible();
    const link = within(card).getByRole('link', { name: 'Заявлението по решение № 2026-013' });
    expect(link).toHaveAttribute('href', `/committee/applications/${APPLICATION_ID}`);

    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Вид решение' }), 'Всички решения');
    expect(await screen.findByRole('heading', { level: 2, name: '23 решения' })).toBeVisible();
  });

  it('shows a representative the tallies without links to the applications', async () => {
    decisionsApi(meFixture());
    renderApp('/decisions');
    const card = (await screen.findByRole('heading', { level: 3, name: 'Решение № 2026-014' })).closest(
      'article',
    ) as HTMLElement;
    expect(within(card).getByText(/За: 5/)).toBeVisible();
    expect(within(card).queryByRole('link')).toBeNull();
  });

  it('says when there is no decision yet, and when none matches the search', async () => {
    decisionsApi(null, []);
    const { unmount } = renderApp('/decisions');
    expect(await screen.findByRole('heading', { name: 'Все още няма взети решения' })).toBeVisible();
    unmount();

    decisionsApi(null);
    const app = renderApp('/decisions?q=никоя');
    expect(
      await screen.findByRole('heading', { name: 'Няма решения, отговарящи на търсенето' }),
    ).toBeVisible();
    await app.user.click(screen.getByRole('button', { name: 'Изчисти филтрите' }));
    expect(await screen.findByRole('heading', { level: 2, name: '22 решения' })).toBeVisible();
  });

  it('is linked from the header and speaks English on request', async () => {
    decisionsApi(null);
    const app = renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Основна навигация' });
    await app.user.click(within(nav).getByRole('link', { name: 'Решения' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Регистър на решенията' })).toBeVisible();
    await app.user.click(screen.getByRole('button', { name: /English/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Register of decisions' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 3, name: 'Decision No. 2026-014' })).toBeVisible();
    expect(screen.getByText('Robotics Plovdiv')).toBeVisible();
  });
});
