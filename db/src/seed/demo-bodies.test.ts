import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client.ts';
import { createTestDb } from '../testing.ts';
import { demoBodyId } from './demo-bodies.ts';
import { seedDemo } from './index.ts';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db);
});
afterAll(async () => {
  await h?.close();
});

describe('demo governing bodies (issue 15 §1)', () => {
  it('has the initiative committee reviewing applications with its officers, and the assembly to be founded', async () => {
    const bodies = await h.query<{
      id: string;
      kind: string;
      reviews_applications: boolean;
      founded_on: string | null;
    }>(
      sql`select id, kind, reviews_applications, founded_on::text from governing_bodies order by sort_order`,
    );
    expect(bodies).toEqual([
      {
        id: demoBodyId(1),
        kind: 'initiative_committee',
        reviews_applications: true,
        founded_on: '2025-10-01',
      },
      { id: demoBodyId(2), kind: 'general_assembly', reviews_applications: false, founded_on: null },
    ]);
    const current = await h.query<{ email: string; position: string }>(
      sql`select u.email, p.position from body_positions p join users u on u.id = p.user_id
          where p.ends_on is null order by p.position`,
    );
    expect(current).toEqual([
      { email: 'predsedatel@demo.klaster.bg', position: 'chair' },
      { email: 'komitet@demo.klaster.bg', position: 'deputy_chair' },
      { email: 'komitet2@demo.klaster.bg', position: 'secretary' },
    ]);
  });

  it("gives the committee roles exactly to the committee's current position holders (decision 039)", async () => {
    const mismatches = await h.query<{ email: string }>(sql`
      select u.email from users u
      where exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'committee_member')
         <> exists (select 1 from body_positions p where p.user_id = u.id and p.body_id = ${demoBodyId(1)}
                    and p.starts_on <= current_date and p.ends_on is null)
         or exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'committee_chair')
         <> exists (select 1 from body_positions p where p.user_id = u.id and p.body_id = ${demoBodyId(1)}
                    and p.position = 'chair' and p.ends_on is null)`);
    expect(mismatches).toEqual([]);
  });

  it('changes nothing when seeded again', async () => {
    const before = await h.query(sql`select id, version from body_positions order by id`);
    await seedDemo(h.db);
    expect(await h.query(sql`select id, version from body_positions order by id`)).toEqual(before);
  });
});
