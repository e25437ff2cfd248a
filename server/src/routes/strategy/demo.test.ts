/** The demo strategy as the public page shows it: every computed indicator counts the demo data. */
import type { DbHandle } from '@portal/db';
import { demoIndicatorId, seedDemo } from '@portal/db/seed';
import { createTestDb } from '@portal/db/testing';
import { StrategyResponseSchema } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db);
  app = await buildTestApp(h);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('the demo strategy', () => {
  it('shows three goals whose computed indicators count the demo cluster and entered ones their latest value', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/public/strategy' });
    expect(res.statusCode).toBe(200);
    const { goals } = StrategyResponseSchema.parse(res.json());
    expect(goals.map((g) => g.areaId)).toEqual([null, 'ict', 'creative']);
    const indicators = goals.flatMap((g) => g.objectives).flatMap((o) => o.indicators);
    const byId = (n: number) => indicators.find((i) => i.id === demoIndicatorId(n))!;
    expect(byId(1).current).toBeGreaterThan(5); // active members
    expect(byId(7).current).toBeGreaterThan(0); // members in ICT
    expect(byId(3).current).toBeGreaterThanOrEqual(1); // the demo's agreed partnership
    expect(byId(4).current).toBeGreaterThan(0); // shared resources
    expect(byId(10)).toMatchObject({ current: 2, currentOn: '2026-09-30', progress: 0.5 });
    expect(byId(10).values).toHaveLength(2);
    expect(goals[0]!.objectives[0]!.ownerBodyNameEn).toBe('Initiative committee');
  });
});
