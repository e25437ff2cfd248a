import { strategyGoals, strategyIndicators, strategyObjectives } from '@portal/db';
import { expect } from 'vitest';
import { ANON, allow, bodyOf, type Expectations, everyone, FORBIDDEN, h, type Row } from './matrix.ts';

/** The strategy (issue 16 §1, decision 047): everyone reads; the committee and administrators edit. */
const editors = (status: number): Expectations => ({
  anonymous: ANON,
  no_role: FORBIDDEN,
  applicant: FORBIDDEN,
  other_applicant: FORBIDDEN,
  representative: FORBIDDEN,
  committee_member: allow(status),
  committee_chair: allow(status),
  admin: allow(status),
});

async function newGoal(): Promise<string> {
  const [row] = await h.db
    .insert(strategyGoals)
    .values({ kind: 'horizontal', titleBg: 'Цел', titleEn: 'Goal' })
    .returning({ id: strategyGoals.id });
  return row!.id;
}
async function newObjective(): Promise<string> {
  const [row] = await h.db
    .insert(strategyObjectives)
    .values({ goalId: await newGoal(), titleBg: 'Задача', titleEn: 'Objective' })
    .returning({ id: strategyObjectives.id });
  return row!.id;
}
async function newIndicator(): Promise<string> {
  const [row] = await h.db
    .insert(strategyIndicators)
    .values({
      objectiveId: await newObjective(),
      nameBg: 'Индикатор',
      nameEn: 'Indicator',
      unit: 'count',
      baseline: 0,
      target: 10,
      periodStart: '2026-01-01',
      periodEnd: '2027-12-31',
      source: 'entered',
    })
    .returning({ id: strategyIndicators.id });
  return row!.id;
}

const goalInput = { kind: 'horizontal', titleBg: 'Екосистема', titleEn: 'Ecosystem' };
const objectiveInput = { titleBg: 'Задача', titleEn: 'Objective', status: 'on_track' };
const indicatorInput = {
  nameBg: 'Проучване',
  nameEn: 'Survey',
  unit: 'percent',
  baseline: 10,
  target: 50,
  periodStart: '2026-01-01',
  periodEnd: '2027-12-31',
  source: 'entered',
};
const ifMatch = { 'if-match': '"1"' };

export const ROWS: Row[] = [
  {
    method: 'GET',
    url: '/api/public/strategy',
    permission: 'public',
    label: "the cluster's strategy with its indicators' values",
    expect: everyone(200),
    build: () => ({ url: '/api/public/strategy' }),
    check: (body) => expect(bodyOf(body)).toHaveProperty('goals'),
  },
  {
    method: 'POST',
    url: '/api/committee/strategy/goals',
    permission: 'strategy.manage',
    label: 'adding a strategic goal',
    expect: editors(201),
    build: () => ({ url: '/api/committee/strategy/goals', payload: goalInput }),
  },
  {
    method: 'PUT',
    url: '/api/committee/strategy/goals/:id',
    permission: 'strategy.manage',
    label: 'changing a goal',
    expect: editors(200),
    build: async () => ({
      url: `/api/committee/strategy/goals/${await newGoal()}`,
      payload: goalInput,
      headers: ifMatch,
    }),
  },
  {
    method: 'DELETE',
    url: '/api/committee/strategy/goals/:id',
    permission: 'strategy.manage',
    label: 'deleting a goal',
    expect: editors(204),
    build: async () => ({ url: `/api/committee/strategy/goals/${await newGoal()}`, headers: ifMatch }),
  },
  {
    method: 'POST',
    url: '/api/committee/strategy/goals/:id/objectives',
    permission: 'strategy.manage',
    label: 'adding an objective',
    expect: editors(201),
    build: async () => ({
      url: `/api/committee/strategy/goals/${await newGoal()}/objectives`,
      payload: objectiveInput,
    }),
  },
  {
    method: 'PUT',
    url: '/api/committee/strategy/objectives/:id',
    permission: 'strategy.manage',
    label: 'changing an objective',
    expect: editors(200),
    build: async () => ({
      url: `/api/committee/strategy/objectives/${await newObjective()}`,
      payload: objectiveInput,
      headers: ifMatch,
    }),
  },
  {
    method: 'DELETE',
    url: '/api/committee/strategy/objectives/:id',
    permission: 'strategy.manage',
    label: 'deleting an objective',
    expect: editors(204),
    build: async () => ({
      url: `/api/committee/strategy/objectives/${await newObjective()}`,
      headers: ifMatch,
    }),
  },
  {
    method: 'POST',
    url: '/api/committee/strategy/objectives/:id/indicators',
    permission: 'strategy.manage',
    label: 'adding an indicator',
    expect: editors(201),
    build: async () => ({
      url: `/api/committee/strategy/objectives/${await newObjective()}/indicators`,
      payload: indicatorInput,
    }),
  },
  {
    method: 'PUT',
    url: '/api/committee/strategy/indicators/:id',
    permission: 'strategy.manage',
    label: 'changing an indicator',
    expect: editors(200),
    build: async () => ({
      url: `/api/committee/strategy/indicators/${await newIndicator()}`,
      payload: indicatorInput,
      headers: ifMatch,
    }),
  },
  {
    method: 'DELETE',
    url: '/api/committee/strategy/indicators/:id',
    permission: 'strategy.manage',
    label: 'deleting an indicator',
    expect: editors(204),
    build: async () => ({
      url: `/api/committee/strategy/indicators/${await newIndicator()}`,
      headers: ifMatch,
    }),
  },
  {
    method: 'POST',
    url: '/api/committee/strategy/indicators/:id/values',
    permission: 'strategy.manage',
    label: 'entering a value of an indicator',
    expect: editors(201),
    build: async () => ({
      url: `/api/committee/strategy/indicators/${await newIndicator()}/values`,
      payload: { value: 20, source: 'Проучване сред членовете', measuredOn: '2026-06-30' },
    }),
  },
];
