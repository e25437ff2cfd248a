/**
 * The dashboard pages (issue 16 §1, decision 048): a chart's table toggle shows its numbers, its CSV
 * download carries the same table, the fees are two charts (euros and members), and the public figures
 * have neither the funnel nor the fees.
 */
import type { Dashboard } from '@portal/shared';
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { json, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const MONTHS = [
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
  '2026-12',
];
const flat = (n: number) => MONTHS.map(() => n);

const dashboard: Dashboard = {
  generatedAt: '2026-12-07T09:00:00Z',
  months: MONTHS,
  members: {
    total: MONTHS.map((_, i) => 10 + i),
    category: [{ key: 'regular', counts: flat(8) }],
    kind: [
      { key: 'company', counts: flat(7) },
      { key: 'university', counts: flat(2) },
    ],
    sizeClass: [{ key: 'micro', counts: flat(5) }],
    area: [{ key: 'ict', counts: flat(6) }],
  },
  sme: { members: 21, sme: 7, share: 0.333 },
  funnel: {
    submitted: flat(1),
    approved: flat(1),
    rejected: flat(0),
    submittedTotal: 12,
    approvedTotal: 12,
    rejectedTotal: 0,
    withdrawnTotal: 0,
    openNow: 2,
    medianDaysToDecision: 15,
  },
  fees: [
    { year: 2025, members: 18, dueCents: 1_250_050, paidCents: 1_000_000, paidMembers: 15 },
    { year: 2026, members: 21, dueCents: 1_500_000, paidCents: 900_000, paidMembers: 12 },
  ],
  cooperation: { items: flat(3), bookings: flat(0), conversations: flat(1), partnerships: flat(0) },
  coverage: [
    {
      id: 'ict',
      parentId: null,
      nameBg: 'Информатика и ИКТ',
      nameEn: 'Informatics and ICT',
      isPriority: true,
      members: 6,
      thin: false,
    },
    {
      id: 'ict-software',
      parentId: 'ict',
      nameBg: 'Софтуер',
      nameEn: 'Software',
      isPriority: true,
      members: 2,
      thin: true,
    },
  ],
};

const { funnel: _funnel, fees: _fees, ...rest } = dashboard;
const publicDashboard = {
  ...rest,
  members: {
    total: dashboard.members.total,
    kind: dashboard.members.kind,
    sizeClass: dashboard.members.sizeClass,
    area: dashboard.members.area,
  },
};

let saved: { blob: Blob; name: string }[] = [];
beforeEach(() => {
  saved = [];
  let last: Blob | null = null;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    last = blob;
    return 'blob:csv';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (last) saved.push({ blob: last, name: this.download });
  });
});
afterEach(() => vi.restoreAllMocks());

const chair = () => signedIn(meFixture({ roles: ['committee_chair'] }));

describe("the committee's dashboard", () => {
  it('shows a chart as a table and downloads the same table as CSV', async () => {
    stubApi({ ...chair(), '/api/committee/dashboard': () => json(dashboard) });
    const app = renderApp('/committee/dashboard');
    const figure = await screen.findByRole('figure', { name: 'Членове по вид организация' });
    const toggle = within(figure).getByRole('button', { name: 'Покажи като таблица' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await app.user.click(toggle);
    expect(within(figure).getByRole('button', { name: 'Покажи като графика' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const table = within(figure).getByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Университет' })).toBeVisible();
    const december = within(table).getAllByRole('row').at(-1)!;
    expect(
      within(december)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['7', '2']);

    await app.user.click(within(figure).getByRole('button', { name: 'Изтегли CSV' }));
    expect(saved.map((s) => s.name)).toEqual(['members-by-kind.csv']);
    // UTF-8 with a byte-order mark (for spreadsheets), then the table's header and one row per month.
    const bytes = new Uint8Array(await saved[0]!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split(/\r?\n/);
    expect(lines).toHaveLength(13);
    expect(lines[0]).toMatch(/^Месец,Търговско дружество,Университет$/);
    expect(lines.at(-1)).toMatch(/,7,2$/);
  });

  it('shows the fees as amounts in euros and as members, in two charts', async () => {
    stubApi({ ...chair(), '/api/committee/dashboard': () => json(dashboard) });
    const app = renderApp('/committee/dashboard');
    const amounts = await screen.findByRole('figure', { name: 'Членски внос: суми' });
    const members = screen.getByRole('figure', { name: 'Членски внос: членове' });
    await app.user.click(within(amounts).getByRole('button', { name: 'Покажи като таблица' }));
    const row2025 = within(within(amounts).getByRole('table')).getByRole('row', { name: /2025/ });
    // Bulgarian money: a space between thousands, a decimal comma, the euro sign after.
    expect(
      within(row2025)
        .getAllByRole('cell')
        .map((c) => c.textContent?.replace(/\s/g, ' ')),
    ).toEqual(['12 500,50 €', '10 000,00 €']);
    expect(within(amounts).queryByRole('columnheader', { name: /Членове/ })).toBeNull();
    await app.user.click(within(members).getByRole('button', { name: 'Покажи като таблица' }));
    const row2026 = within(within(members).getByRole('table')).getByRole('row', { name: /2026/ });
    expect(
      within(row2026)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['21', '12']);
    // The SME share: SMEs of all the members.
    expect(screen.getByText('7 от 21 членове са микро, малки или средни предприятия')).toBeVisible();
  });
});

describe('the public figures', () => {
  it('have no funnel and no fees', async () => {
    stubApi({ '/api/public/dashboard': () => json(publicDashboard) });
    renderApp('/figures');
    expect(await screen.findByRole('figure', { name: 'Членове в края на месеца' })).toBeVisible();
    expect(screen.getByRole('figure', { name: 'Членове по вид организация' })).toBeVisible();
    expect(screen.queryByRole('figure', { name: 'Кандидатури по месеци' })).toBeNull();
    expect(screen.queryByRole('figure', { name: /Членски внос/ })).toBeNull();
    expect(screen.queryByRole('figure', { name: 'Членове по категория' })).toBeNull();
    expect(screen.queryByText('Медиана до решение')).toBeNull();
  });
});
