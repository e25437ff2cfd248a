import { FundingCallBodySchema, fundingCallStatus } from '@portal/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client.ts';
import { createTestDb, testEngine } from '../testing.ts';
import { DEMO_CALL_INTERESTED, demoCallId, seedDemo } from './index.ts';

let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db);
  await seedDemo(h.db); // idempotent
});
afterAll(async () => {
  await h?.close();
});

describe(`the demo funding calls (${testEngine})`, () => {
  it('has the upcoming ПКИП cluster call with its documents and two interested active members, one open, one closed', async () => {
    const calls = await h.query<{ id: string; opens_at: string; deadline_at: string; programme: string }>(
      sql`select id, opens_at::text, deadline_at::text, programme from funding_calls order by id`,
    );
    expect(calls.map((c) => c.id)).toEqual([demoCallId(1), demoCallId(2), demoCallId(3)]);
    const now = new Date('2026-12-07T12:00:00Z');
    expect(calls.map((c) => fundingCallStatus(c.opens_at, c.deadline_at, now))).toEqual([
      'upcoming',
      'open',
      'closed',
    ]);
    expect(calls[0]!.programme).toContain('Конкурентоспособност и иновации в предприятията');
    const docs = await h.query<{ n: number; per: number }>(
      sql`select count(*)::int as n, count(*) filter (where per_partner)::int as per
          from funding_call_documents where call_id = ${demoCallId(1)}`,
    );
    expect(Number(docs[0]!.n)).toBeGreaterThanOrEqual(5);
    expect(Number(docs[0]!.per)).toBeGreaterThan(0);
    const interested = await h.query<{ name_bg: string; active: boolean }>(
      sql`select o.name_bg, (m.status = 'active' and m.category <> 'candidate') as active
          from funding_call_interests i join organizations o on o.id = i.organization_id
          join memberships m on m.organization_id = o.id
          where i.call_id = ${demoCallId(1)} order by o.name_bg`,
    );
    expect(interested.map((i) => i.name_bg).sort()).toEqual([...DEMO_CALL_INTERESTED].sort());
    expect(interested.every((i) => i.active)).toBe(true);
  });

  it('passes the rules the committee form is held to', async () => {
    const [row] = await h.query<{ body: Record<string, unknown> }>(
      sql`select json_build_object('programme', programme, 'code', code, 'titleBg', title_bg, 'titleEn', title_en,
            'summaryBg', summary_bg, 'summaryEn', summary_en,
            'opensAt', to_char(opens_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
            'deadlineAt', to_char(deadline_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
            'budgetCents', budget_cents, 'eligibleKinds', eligible_kinds, 'url', url) as body
          from funding_calls where id = ${demoCallId(1)}`,
    );
    expect(FundingCallBodySchema.safeParse(row!.body).success).toBe(true);
  });
});
