import type { Indicator, StrategyResponse } from '@portal/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meFixture, signedIn } from '@/testing/auth-fixtures.ts';
import { json, problem, stubApi } from '@/testing/mocks/stub-api.ts';
import { renderApp } from '@/testing/render-app.tsx';

const GOAL = '00000000-de00-5a00-8000-000000000001';
const OBJECTIVE = '00000000-de00-5b00-8000-000000000001';

function indicator(overrides: Partial<Indicator>): Indicator {
  return {
    id: '00000000-de00-5c00-8000-000000000001',
    objectiveId: OBJECTIVE,
    nameBg: 'Активни членове',
    nameEn: 'Active members',
    unit: 'count',
    baseline: 0,
    target: 30,
    periodStart: '2026-01-01',
    periodEnd: '2027-12-31',
    source: 'computed',
    computedKey: 'members.active_total',
    computedParam: null,
    position: 1,
    version: 1,
    current: 12,
    currentOn: '2026-12-07',
    currentSource: null,
    progress: 0.4,
    values: [],
    ...overrides,
  };
}

const entered = indicator({
  id: '00000000-de00-5c00-8000-000000000002',
  nameBg: 'Съорганизирани събития',
  nameEn: 'Events co-organised',
  baseline: 0,
  target: 4,
  source: 'entered',
  computedKey: null,
  current: 2,
  currentOn: '2026-09-30',
  currentSource: 'Отчет на работната група',
  progress: 0.5,
  values: [
    {
      id: '00000000-de00-5d00-8000-000000000002',
      value: 2,
      source: 'Отчет на работната група',
      measuredOn: '2026-09-30',
      createdAt: '2026-10-01T08:00:00Z',
    },
    {
      id: '00000000-de00-5d00-8000-000000000001',
      value: 1,
      source: 'Първи отчет',
      measuredOn: '2026-03-31',
      createdAt: '2026-04-01T08:00:00Z',
    },
  ],
});

function strategy(indicators: Indicator[] = [indicator({}), entered]): StrategyResponse {
  return {
    asOf: '2026-12-07',
    goals: [
      {
        id: GOAL,
        kind: 'horizontal',
        areaId: null,
        areaNameBg: null,
        areaNameEn: null,
        titleBg: 'Укрепване на иновационната екосистема',
        titleEn: 'Strengthening the innovation ecosystem',
        descriptionBg: '',
        descriptionEn: '',
        position: 1,
        version: 1,
        objectives: [
          {
            id: OBJECTIVE,
            goalId: GOAL,
            titleBg: 'Ангажирани членове',
            titleEn: 'Committed members',
            ownerBodyId: null,
            ownerBodyNameBg: 'Инициативен комитет',
            ownerBodyNameEn: 'Initiative committee',
            ownerName: null,
            status: 'on_track',
            position: 1,
            version: 3,
            indicators,
          },
        ],
      },
    ],
  };
}

describe('the strategy page (issue 16 §1)', () => {
  it('shows each indicator against its target, computed ones as live and entered ones with their source', async () => {
    stubApi({ '/api/public/strategy': () => json(strategy()) });
    renderApp('/strategy');
    expect(await screen.findByRole('heading', { level: 1, name: 'Стратегия на клъстера' })).toBeVisible();
    const goal = await screen.findByRole('region', { name: 'Укрепване на иновационната екосистема' });
    expect(within(goal).getByText('Хоризонтална цел')).toBeVisible();
    expect(within(goal).getByText('Отговорник: Инициативен комитет')).toBeVisible();
    expect(within(goal).getByText('По план')).toBeVisible();
    const bars = within(goal).getAllByRole('progressbar');
    expect(bars.map((b) => b.getAttribute('aria-valuenow'))).toEqual(['40', '50']);
    expect(bars[0]).toHaveAccessibleName('Активни членове');
    expect(within(goal).getByText('Изчислява се на живо от данните на портала')).toBeVisible();
    expect(
      within(goal).getByText('Въведено: Отчет на работната група, към 30 септември 2026 г.'),
    ).toBeVisible();
    expect(within(goal).getByText('Първи отчет', { exact: false })).toBeInTheDocument();
  });

  it('is reached from the main navigation and reads in English', async () => {
    stubApi({ '/api/public/strategy': () => json(strategy()) });
    const app = renderApp('/');
    const nav = (await screen.findAllByRole('navigation', { name: 'Основна навигация' }))[0]!;
    await app.user.click(within(nav).getByRole('link', { name: 'Стратегия' }));
    await screen.findByRole('heading', { level: 1, name: 'Стратегия на клъстера' });
    expect(app.pathname()).toBe('/strategy');
    await app.user.click(screen.getByRole('button', { name: /English|EN/ }));
    expect(await screen.findByRole('heading', { level: 1, name: "The cluster's strategy" })).toBeVisible();
    expect(screen.getByText("Computed live from the portal's data")).toBeVisible();
  });

  it('says so when the strategy is empty', async () => {
    stubApi({ '/api/public/strategy': () => json({ asOf: '2026-12-07', goals: [] }) });
    renderApp('/strategy');
    expect(await screen.findByText('Стратегията още не е въведена.')).toBeVisible();
  });
});

describe('the committee edits the strategy', () => {
  const chair = () => signedIn(meFixture({ roles: ['committee_chair'] }));

  it('enters a value with its source and shows the server’s field errors beside the fields', async () => {
    let answered = false;
    const api = stubApi({
      ...chair(),
      '/api/public/strategy': () => json(strategy()),
      '/api/bodies': () => json({ items: [] }),
      [`/api/committee/strategy/indicators/${entered.id}/values`]: (_url, request) => {
        const body = request.body as { source: string };
        if (body.source === '') {
          return problem(400, 'Невалидни данни', [
            { path: 'body.source', message: 'Полето е задължително.' },
          ]);
        }
        answered = true;
        return json(strategy([indicator({}), { ...entered, current: 3, currentSource: body.source }]), 201);
      },
    });
    const app = renderApp('/committee/strategy');
    await screen.findByRole('heading', { level: 1, name: 'Редактиране на стратегията' });
    await app.user.click(await screen.findByRole('button', { name: 'Въвеждане на стойност' }));
    const dialog = await screen.findByRole('dialog', { name: 'Въвеждане на стойност' });
    await app.user.type(within(dialog).getByRole('textbox', { name: /Стойност/ }), '3');
    await app.user.click(within(dialog).getByRole('button', { name: 'Запис' }));
    expect(await within(dialog).findByText('Полето е задължително.')).toBeVisible();
    await app.user.type(
      within(dialog).getByRole('textbox', { name: /Източник на стойността/ }),
      'Отчет, декември',
    );
    await app.user.click(within(dialog).getByRole('button', { name: 'Запис' }));
    await waitFor(() => expect(answered).toBe(true));
    const sent = api.requestsTo(`/api/committee/strategy/indicators/${entered.id}/values`).at(-1);
    expect(sent?.body).toMatchObject({ value: 3, source: 'Отчет, декември' });
    expect(await screen.findByText(/Въведено: Отчет, декември/)).toBeVisible();
  });

  it('asks before deleting and names the version read', async () => {
    const api = stubApi({
      ...chair(),
      '/api/public/strategy': () => json(strategy()),
      [`/api/committee/strategy/objectives/${OBJECTIVE}`]: () => new Response(null, { status: 204 }),
    });
    const app = renderApp('/committee/strategy');
    await app.user.click(await screen.findByRole('button', { name: 'Изтриване: Ангажирани членове' }));
    const dialog = await screen.findByRole('dialog', { name: 'Изтриване' });
    expect(within(dialog).getByText(/Задачата „Ангажирани членове“ ще бъде изтрита/)).toBeVisible();
    expect(api.requestsTo(`/api/committee/strategy/objectives/${OBJECTIVE}`)).toHaveLength(0);
    await app.user.click(within(dialog).getByRole('button', { name: 'Да, изтрий' }));
    await waitFor(() =>
      expect(api.requestsTo(`/api/committee/strategy/objectives/${OBJECTIVE}`)).toHaveLength(1),
    );
    const del = api.requestsTo(`/api/committee/strategy/objectives/${OBJECTIVE}`)[0]!;
    expect(del.method).toBe('DELETE');
    expect(del.headers.get('if-match')).toBe('"3"');
  });
});
