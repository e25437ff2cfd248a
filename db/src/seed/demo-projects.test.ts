import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client.ts';
import { fundingCalls, projectDocuments, projectJoins, projectPartners, projects } from '../schema/index.ts';
import { createTestDb } from '../testing.ts';
import { DEMO_BUDGET, DEMO_CALL_CODE, DEMO_PROJECT_ID } from './demo-projects.ts';
import { seedDemo } from './index.ts';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db);
});
afterAll(async () => {
  await h?.close();
});

describe('the demo joint project', () => {
  it('forms a consortium for the ОПИК call whose shares sum to the total to the cent', async () => {
    const [project] = await h.db.select().from(projects).where(eq(projects.id, DEMO_PROJECT_ID));
    expect(project).toMatchObject({ status: 'forming', totalCents: DEMO_BUDGET.totalCents });
    const [call] = await h.db.select().from(fundingCalls).where(eq(fundingCalls.id, project!.callId!));
    expect(call!.code).toBe(DEMO_CALL_CODE);
    const partners = await h.db
      .select()
      .from(projectPartners)
      .where(eq(projectPartners.projectId, DEMO_PROJECT_ID));
    expect(partners).toHaveLength(4);
    expect(partners.filter((p) => p.organizationId === null)).toHaveLength(1);
    expect(partners.reduce((sum, p) => sum + Number(p.shareCents), 0)).toBe(DEMO_BUDGET.totalCents);
  });

  it('has a document on the checklist and a request to join waiting for the lead', async () => {
    const docs = await h.db
      .select()
      .from(projectDocuments)
      .where(eq(projectDocuments.projectId, DEMO_PROJECT_ID));
    expect(docs).toHaveLength(1);
    expect(docs[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    const joins = await h.db.select().from(projectJoins).where(eq(projectJoins.projectId, DEMO_PROJECT_ID));
    expect(joins.map((j) => [j.kind, j.status])).toEqual([['request', 'pending']]);
  });

  it('changes nothing when seeded again, and uses one ОПИК call', async () => {
    const before = await h.db.select().from(projects).where(eq(projects.id, DEMO_PROJECT_ID));
    await seedDemo(h.db);
    expect(await h.db.select().from(projects).where(eq(projects.id, DEMO_PROJECT_ID))).toEqual(before);
    expect(await h.db.select().from(fundingCalls).where(eq(fundingCalls.code, DEMO_CALL_CODE))).toHaveLength(
      1,
    );
  });
});
