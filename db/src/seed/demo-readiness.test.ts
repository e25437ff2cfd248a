import { COMPUTED_INDICATOR_KEYS, ReadinessCriterionInputSchema } from '@portal/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client.ts';
import { createTestDb } from '../testing.ts';
import { DEMO_CRITERIA } from './demo-readiness.ts';
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

describe('demo readiness sets (issue 16 §2)', () => {
  it('seeds the three sets once, each with rules or evidence items', async () => {
    const sets = await h.query<{ slug: string; criteria: number; rules: number; manual: number }>(
      sql`select s.slug, count(c.id)::int as criteria,
            count(c.id) filter (where c.kind = 'rule')::int as rules,
            count(c.id) filter (where c.kind = 'manual')::int as manual
          from readiness_sets s left join readiness_criteria c on c.set_id = s.id
          group by s.slug, s.position order by s.position`,
    );
    expect(sets.map((s) => s.slug)).toEqual([
      'eccp-profile',
      'national-cluster-call',
      'cluster-excellence-bronze',
    ]);
    for (const s of sets) expect(s.criteria).toBeGreaterThanOrEqual(5);
    expect(sets[0]!.rules).toBeGreaterThan(0);
    expect(sets[0]!.manual).toBeGreaterThan(0);
    // The label's folder covers its six indicator areas.
    expect(sets[2]!.criteria).toBe(6);
  });

  it('writes every criterion as valid input: rules name registry keys, amber on the weaker side', () => {
    for (const c of DEMO_CRITERIA) {
      const input = {
        code: c.code,
        titleBg: c.titleBg,
        titleEn: c.titleEn,
        guidanceBg: c.guidanceBg,
        guidanceEn: c.guidanceEn,
        kind: c.kind,
        ...(c.kind === 'rule' ? c.rule : {}),
      };
      expect(ReadinessCriterionInputSchema.safeParse(input).success, c.code).toBe(true);
      if (c.kind === 'rule') expect(COMPUTED_INDICATOR_KEYS).toContain(c.rule.indicatorKey);
    }
  });

  it('marks manual items missing, partial and complete, and links some evidence', async () => {
    const marks = await h.query<{ manual_status: string }>(
      sql`select distinct manual_status from readiness_criteria where kind = 'manual' order by 1`,
    );
    expect(marks.map((m) => m.manual_status)).toEqual(['complete', 'missing', 'partial']);
    const [evidence] = await h.query<{ n: number }>(sql`select count(*)::int as n from readiness_evidence`);
    expect(evidence!.n).toBeGreaterThan(0);
  });
});
