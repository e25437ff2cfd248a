import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client.ts';
import { createTestDb, testEngine } from '../testing.ts';
import { DEMO_BOARD_ITEMS, DEMO_BOARD_TITLES, seedDemo } from './index.ts';

let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db);
});
afterAll(async () => {
  await h?.close();
});

type Row = {
  id: string;
  title_en: string;
  status: string;
  visibility: string;
  version: number;
  valid_until: string | null;
  member_active: boolean;
  areas: number;
  revisions: number;
};

const items = () =>
  h.query<Row>(
    sql`select i.id, i.title_en, i.status, i.visibility, i.version, i.valid_until::text as valid_until,
          exists (select 1 from memberships m where m.organization_id = i.organization_id
            and m.status = 'active' and m.category <> 'candidate') as member_active,
          (select count(*)::int from board_item_areas a where a.item_id = i.id) as areas,
          (select count(*)::int from board_item_revisions r where r.item_id = i.id) as revisions
        from board_items i order by i.id`,
  );

describe(`the demo cooperation board (${testEngine})`, () => {
  it('has the offers and requests other demo data looks up by their English titles, on the board', async () => {
    const rows = await items();
    expect(rows).toHaveLength(DEMO_BOARD_ITEMS.length);
    for (const title of Object.values(DEMO_BOARD_TITLES)) {
      const item = rows.find((r) => r.title_en === title);
      expect(item, title).toMatchObject({ status: 'published', member_active: true });
      expect(item?.valid_until, title).not.toBeNull();
    }
    // Every item has areas and belongs to an active member; public and members-only ones, a draft, a closed one.
    expect(rows.every((r) => r.areas > 0 && r.member_active)).toBe(true);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['published', 'draft', 'closed']));
    expect(new Set(rows.map((r) => r.visibility))).toEqual(new Set(['public', 'members']));
    expect(rows.filter((r) => r.revisions > 0).map((r) => r.title_en)).toEqual([DEMO_BOARD_TITLES.gpuLab]);
  });

  it('changes nothing when seeded again', async () => {
    const before = await items();
    await seedDemo(h.db);
    expect(await items()).toEqual(before);
  });
});
