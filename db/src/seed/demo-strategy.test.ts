import { COMPUTED_INDICATORS, computedIndicator } from '@portal/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client.ts';
import { createTestDb } from '../testing.ts';
import { seedDemo } from './index.ts';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db);
  await seedDemo(h.db); // idempotent
});
afterAll(async () => {
  await h?.close();
});

describe('demo strategy (issue 16 §1)', () => {
  it('has the horizontal goal and the two vertical ones on the cluster’s priority areas', async () => {
    const goals = await h.query<{ kind: string; area_id: string | null; is_priority: boolean | null }>(
      sql`select g.kind, g.area_id, a.is_priority from strategy_goals g left join areas a on a.id = g.area_id
          order by g.position`,
    );
    expect(goals).toEqual([
      { kind: 'horizontal', area_id: null, is_priority: null },
      { kind: 'vertical', area_id: 'ict', is_priority: true },
      { kind: 'vertical', area_id: 'creative', is_priority: true },
    ]);
  });

  it('gives every goal objectives with indicators, computed ones by registry keys with their units', async () => {
    const perGoal = await h.query<{ objectives: number; indicators: number }>(
      sql`select count(distinct o.id)::int as objectives, count(i.id)::int as indicators
          from strategy_goals g join strategy_objectives o on o.goal_id = g.id
          left join strategy_indicators i on i.objective_id = o.id group by g.id, g.position order by g.position`,
    );
    for (const g of perGoal) {
      expect(g.objectives).toBeGreaterThan(0);
      expect(g.indicators).toBeGreaterThan(0);
    }
    const indicators = await h.query<{ source: string; computed_key: string | null; unit: string }>(
      sql`select source, computed_key, unit from strategy_indicators`,
    );
    expect(indicators.filter((i) => i.source === 'entered').length).toBeGreaterThanOrEqual(2);
    const computed = indicators.filter((i) => i.source === 'computed');
    expect(computed.length).toBeGreaterThanOrEqual(6);
    for (const i of computed) expect(computedIndicator(i.computed_key!)?.unit).toBe(i.unit);
    // Every computed key appears in the roadmap but the decisions register's and the three the readiness
    // checks added for their rules (decision 051).
    const keys = new Set(computed.map((i) => i.computed_key));
    expect(COMPUTED_INDICATORS.filter((d) => !keys.has(d.key)).map((d) => d.key)).toEqual([
      'decisions.recorded',
      'members.kinds',
      'news.published',
      'events.held',
    ]);
  });

  it('has entered values with their sources, one indicator with a history', async () => {
    const values = await h.query<{ n: number; sources: number }>(
      sql`select count(*)::int as n, count(distinct source)::int as sources from strategy_indicator_values
          group by indicator_id order by n desc`,
    );
    expect(values[0]).toEqual({ n: 2, sources: 2 });
  });
});
