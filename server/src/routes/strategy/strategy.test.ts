/**
 * Issue 16 §1, decision 047: the cluster's strategy as data. Everyone reads the goals, objectives and
 * indicators with their current values; computed indicators count the portal's data live, entered ones
 * show their latest value with its source and keep the history. The committee edits; bad input is a
 * field error in the user's language that saves nothing; updates and deletes name the version (If-Match).
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import {
  COMPUTED_INDICATORS,
  type Problem,
  type StrategyResponse,
  StrategyResponseSchema,
  todayInSofia,
} from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';
import { COMPUTED_KEYS_IMPLEMENTED } from './indicators.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let chair: string;
let representative: string;
const year = todayInSofia().slice(0, 4);

const call = (
  cookie: string | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) =>
  app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...headers },
    ...(payload ? { payload } : {}),
  });

const strategy = async (): Promise<StrategyResponse> => {
  const res = await call(null, 'GET', '/api/public/strategy');
  expect(res.statusCode, res.body).toBe(200);
  return StrategyResponseSchema.parse(res.json());
};
const count = async (table: string) =>
  Number((await h.query<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n);
const errorsOf = (res: { json: () => unknown }) => (res.json() as Problem).errors ?? [];

const indicatorInput = (extra: object = {}) => ({
  nameBg: 'Удовлетвореност на членовете',
  nameEn: "Members' satisfaction",
  unit: 'percent',
  baseline: 40,
  target: 80,
  periodStart: `${year}-01-01`,
  periodEnd: `${Number(year) + 1}-12-31`,
  source: 'entered',
  ...extra,
});

async function newGoal(extra: object = {}): Promise<{ id: string; version: number }> {
  const res = await call(chair, 'POST', '/api/committee/strategy/goals', {
    kind: 'horizontal',
    titleBg: 'По-силна иновационна екосистема',
    titleEn: 'A stronger innovation ecosystem',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  const goals = StrategyResponseSchema.parse(res.json()).goals;
  return goals.at(-1)!;
}
async function newObjective(goalId: string): Promise<string> {
  const res = await call(chair, 'POST', `/api/committee/strategy/goals/${goalId}/objectives`, {
    titleBg: 'Повече членове',
    titleEn: 'More members',
    ownerName: 'Мария Иванова',
    status: 'on_track',
  });
  expect(res.statusCode, res.body).toBe(201);
  return StrategyResponseSchema.parse(res.json()).goals.find((g) => g.id === goalId)!.objectives.at(-1)!.id;
}
async function newIndicator(objectiveId: string, extra: object = {}) {
  const res = await call(
    chair,
    'POST',
    `/api/committee/strategy/objectives/${objectiveId}/indicators`,
    indicatorInput(extra),
  );
  expect(res.statusCode, res.body).toBe(201);
  const s = StrategyResponseSchema.parse(res.json());
  return s.goals.flatMap((g) => g.objectives).find((o) => o.id === objectiveId)!.indicators.at(-1)!;
}

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
  chair = await logIn(app, (await insertUser(h, { roles: ['committee_chair'] })).email);
  const orgId = await insertOrganization(h, { nameBg: 'Представлявана', areas: ['ict-software'], employees: 8 });
  representative = await logIn(
    app,
    (await insertUser(h, { roles: ['representative'], organizationIds: [orgId] })).email,
  );
  // Active members: a small ICT firm (above), a large creative firm, a university in ICT.
  await insertOrganization(h, { nameBg: 'Голяма', employees: 400, areas: ['creative'] });
  await insertOrganization(h, { nameBg: 'Университет', kind: 'university', areas: ['ict'] });
  // Not counted: a candidate and a suspended member, both in ICT.
  await insertOrganization(h, { nameBg: 'Кандидат', category: 'candidate', employees: 3, areas: ['ict'] });
  await insertOrganization(h, { nameBg: 'Спрян', status: 'suspended', employees: 3, areas: ['ict'] });
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('computed indicators', () => {
  it('has a computation for every key of the shared registry, and nothing else', () => {
    expect([...COMPUTED_KEYS_IMPLEMENTED].sort()).toEqual(COMPUTED_INDICATORS.map((d) => d.key).sort());
  });

  it('counts active members, members in an area with its sub-areas and the SME share, live', async () => {
    const goal = await newGoal();
    const objectiveId = await newObjective(goal.id);
    const computed = async (computedKey: string, unit: string, computedParam: string | null = null) =>
      newIndicator(objectiveId, { source: 'computed', computedKey, computedParam, unit, baseline: 0, target: 10 });
    const total = await computed('members.active_total', 'count');
    expect(total.current).toBe(3);
    expect(total.currentOn).toBe(todayInSofia());
    expect(total.progress).toBeCloseTo(0.3);
    expect((await computed('members.active_in_area', 'count', 'ict')).current).toBe(2);
    expect((await computed('members.active_in_area', 'count', 'creative')).current).toBe(1);
    // One of three active members is an SME (the large firm is not; a university is not an enterprise).
    expect((await computed('members.sme_share', 'percent')).current).toBe(33.3);
    expect((await computed('meetings.held', 'count')).current).toBe(0);
    expect((await computed('decisions.recorded', 'count')).current).toBe(0);
    expect((await computed('partnerships.agreed', 'count')).current).toBe(0);
    expect((await computed('resources.shared', 'count')).current).toBe(0);
    // No fee is due this year: nothing to collect, no rate.
    const fees = await computed('fees.collection_rate', 'percent');
    expect(fees.current).toBeNull();
    expect(fees.progress).toBeNull();

    // Live: a new active member counts at once.
    await insertOrganization(h, { nameBg: 'Нов член', employees: 20, areas: ['ict-ai-data'] });
    const s = await strategy();
    const byKey = (key: string, param: string | null = null) =>
      s.goals
        .flatMap((g) => g.objectives)
        .flatMap((o) => o.indicators)
        .find((i) => i.computedKey === key && i.computedParam === param)!;
    expect(byKey('members.active_total').current).toBe(4);
    expect(byKey('members.active_in_area', 'ict').current).toBe(3);
    expect(byKey('members.sme_share').current).toBe(50);
  });
});

describe('entered indicators', () => {
  it('shows the latest value by its day with its source, and keeps every value as history', async () => {
    const objectiveId = await newObjective((await newGoal()).id);
    const indicator = await newIndicator(objectiveId);
    expect(indicator.current).toBeNull();
    const enter = (value: number, measuredOn: string, source: string) =>
      call(chair, 'POST', `/api/committee/strategy/indicators/${indicator.id}/values`, {
        value,
        source,
        measuredOn,
      });
    expect((await enter(60, `${year}-06-30`, 'Анкета сред членовете, юни')).statusCode).toBe(201);
    // Entered later but about an earlier day: history, not the current value.
    expect((await enter(50, `${year}-03-31`, 'Анкета сред членовете, март')).statusCode).toBe(201);
    const now = (await strategy()).goals
      .flatMap((g) => g.objectives)
      .flatMap((o) => o.indicators)
      .find((i) => i.id === indicator.id)!;
    expect(now.current).toBe(60);
    expect(now.currentOn).toBe(`${year}-06-30`);
    expect(now.currentSource).toBe('Анкета сред членовете, юни');
    expect(now.progress).toBeCloseTo(0.5);
    expect(now.values.map((v) => v.value)).toEqual([60, 50]);
    const audit = await h.query<{ action: string; after: { value: number } }>(
      sql`select action, after from audit_events where entity_id = ${indicator.id} and action = 'strategy.value_entered' order by occurred_at`,
    );
    expect(audit.map((a) => a.after.value)).toEqual([60, 50]);
  });

  it('refuses a value for a computed indicator', async () => {
    const objectiveId = await newObjective((await newGoal()).id);
    const computed = await newIndicator(objectiveId, {
      source: 'computed',
      computedKey: 'members.active_total',
      unit: 'count',
    });
    const res = await call(chair, 'POST', `/api/committee/strategy/indicators/${computed.id}/values`, {
      value: 5,
      source: 'x',
      measuredOn: `${year}-01-31`,
    });
    expect(res.statusCode).toBe(409);
    expect((res.json() as Problem).code).toBe('strategy.not_entered');
  });
});

describe('bad input', () => {
  it('answers field errors in the user’s language and saves nothing', async () => {
    const objectiveId = await newObjective((await newGoal()).id);
    const before = await count('strategy_indicators');
    const post = (payload: object, lang = 'en') =>
      app.inject({
        method: 'POST',
        url: `/api/committee/strategy/objectives/${objectiveId}/indicators`,
        headers: { cookie: chair, 'accept-language': lang },
        payload: indicatorInput(payload),
      });

    const period = await post({ periodEnd: `${year}-01-01`, periodStart: `${year}-06-01` }, 'bg');
    expect(period.statusCode).toBe(400);
    expect(errorsOf(period)).toEqual([
      { path: 'body.periodEnd', message: 'Краят на периода не може да е преди началото му.' },
    ]);

    const unknown = await post({ source: 'computed', computedKey: 'members.happiness', unit: 'count' });
    expect(unknown.statusCode).toBe(400);
    expect(errorsOf(unknown)).toEqual([
      { path: 'body.computedKey', message: 'Choose a computed indicator from the list.' },
    ]);

    const target = await post({ target: 'a lot', baseline: null });
    expect(target.statusCode).toBe(400);
    expect(errorsOf(target).map((e) => e.path).sort()).toEqual(['body.baseline', 'body.target']);

    const noArea = await post({ source: 'computed', computedKey: 'members.active_in_area', unit: 'count' });
    expect(errorsOf(noArea).map((e) => e.path)).toEqual(['body.computedParam']);
    const badArea = await post({
      source: 'computed',
      computedKey: 'members.active_in_area',
      computedParam: 'no-such-area',
      unit: 'count',
    });
    expect(badArea.statusCode).toBe(400);
    expect(errorsOf(badArea).map((e) => e.path)).toEqual(['body.computedParam']);
    const unit = await post({ source: 'computed', computedKey: 'members.sme_share', unit: 'count' });
    expect(errorsOf(unit).map((e) => e.path)).toEqual(['body.unit']);

    expect(await count('strategy_indicators')).toBe(before);
  });

  it('wants a vertical goal to name a known area and the horizontal one none', async () => {
    const before = await count('strategy_goals');
    const post = (payload: object) =>
      call(chair, 'POST', '/api/committee/strategy/goals', { titleBg: 'Цел', titleEn: 'Goal', ...payload });
    expect(errorsOf(await post({ kind: 'vertical' })).map((e) => e.path)).toEqual(['body.areaId']);
    expect(errorsOf(await post({ kind: 'horizontal', areaId: 'ict' })).map((e) => e.path)).toEqual(['body.areaId']);
    expect(errorsOf(await post({ kind: 'vertical', areaId: 'nope' })).map((e) => e.path)).toEqual(['body.areaId']);
    expect(await count('strategy_goals')).toBe(before);
    const ok = await newGoal({ kind: 'vertical', areaId: 'ict', titleBg: 'ИКТ', titleEn: 'ICT' });
    const goal = (await strategy()).goals.find((g) => g.id === ok.id)!;
    expect(goal.areaNameEn).toBe('Informatics and ICT');
  });

  it('refuses an unknown owner body as a field error', async () => {
    const goal = await newGoal();
    const res = await call(chair, 'POST', `/api/committee/strategy/goals/${goal.id}/objectives`, {
      titleBg: 'З',
      titleEn: 'O',
      ownerBodyId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(400);
    expect(errorsOf(res).map((e) => e.path)).toEqual(['body.ownerBodyId']);
  });
});

describe('editing with the version read', () => {
  it('needs If-Match, refuses a stale version and audits before and after', async () => {
    const goal = await newGoal();
    const payload = { kind: 'horizontal', titleBg: 'Нова', titleEn: 'New' };
    const url = `/api/committee/strategy/goals/${goal.id}`;
    expect((await call(chair, 'PUT', url, payload)).statusCode).toBe(428);
    const ok = await call(chair, 'PUT', url, payload, { 'if-match': `"${goal.version}"` });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await call(chair, 'PUT', url, { ...payload, titleEn: 'Lost' }, { 'if-match': `"${goal.version}"` });
    expect(stale.statusCode).toBe(412);
    const after = (await strategy()).goals.find((g) => g.id === goal.id)!;
    expect(after.titleEn).toBe('New');
    expect(after.version).toBe(goal.version + 1);
    const [audit] = await h.query<{ before: { titleEn: string }; after: { titleEn: string } }>(
      sql`select before, after from audit_events where entity_id = ${goal.id} and action = 'strategy.goal_updated'`,
    );
    expect(audit).toMatchObject({
      before: { titleEn: 'A stronger innovation ecosystem' },
      after: { titleEn: 'New' },
    });
  });

  it('deletes a goal with its objectives, indicators and values, audited', async () => {
    const goal = await newGoal();
    const objectiveId = await newObjective(goal.id);
    const indicator = await newIndicator(objectiveId);
    await call(chair, 'POST', `/api/committee/strategy/indicators/${indicator.id}/values`, {
      value: 1,
      source: 's',
      measuredOn: `${year}-01-02`,
    });
    const url = `/api/committee/strategy/goals/${goal.id}`;
    expect((await call(chair, 'DELETE', url, undefined, { 'if-match': '"99"' })).statusCode).toBe(412);
    expect((await call(chair, 'DELETE', url, undefined, { 'if-match': `"${goal.version}"` })).statusCode).toBe(
      204,
    );
    expect((await strategy()).goals.some((g) => g.id === goal.id)).toBe(false);
    const left = await h.query<{ n: number }>(
      sql`select count(*)::int as n from strategy_indicator_values where indicator_id = ${indicator.id}`,
    );
    expect(left[0]!.n).toBe(0);
    const [audit] = await h.query<{ before: { objectives: number; indicators: number } }>(
      sql`select before from audit_events where entity_id = ${goal.id} and action = 'strategy.goal_deleted'`,
    );
    expect(audit!.before).toMatchObject({ objectives: 1, indicators: 1 });
  });

  it('lets no representative edit the strategy', async () => {
    const res = await call(representative, 'POST', '/api/committee/strategy/goals', {
      kind: 'horizontal',
      titleBg: 'Ц',
      titleEn: 'G',
    });
    expect(res.statusCode).toBe(403);
  });
});
