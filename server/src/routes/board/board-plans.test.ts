/**
 * Decision 038 §6: whichever plan a list takes — collecting the rarest word's or the area's items, or
 * walking the sort index — and wherever its total comes from (the count tables, the collected rows, a
 * capped count), the page and the total are those of the plain definition: the items on the board that
 * match, in the list's order. Enough items that a common word, the whole board and a theme go past
 * BOARD_COLLECT_LIMIT (the walk), and rare words and small areas stay under it (the collection).
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import {
  addDays,
  BOARD_TOTAL_CAP,
  type BoardListQueryInput,
  BoardListQuerySchema,
  todayInSofia,
} from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrganization } from '../../testing.ts';
import { BOARD_COLLECT_LIMIT, findBoardPage } from './board.repository.ts';

const today = todayInSofia();
let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
  const firm = await insertOrganization(h, { nameBg: 'Планове ООД', areas: ['ict'] });
  const ngo = await insertOrganization(h, { nameBg: 'Планове сдружение', kind: 'ngo' });
  const suspended = await insertOrganization(h, { nameBg: 'Спряна', status: 'suspended' });
  // 4,000 items with „обилен“ (over BOARD_COLLECT_LIMIT), every 7th also „рядък“, every 3rd a request, in
  // three organisations (one suspended), dates and publication times spread so both sorts differ.
  await h.query(
    sql`insert into board_items (organization_id, kind, type, title_bg, description_bg, status, valid_until,
          published_at)
        select case g % 5 when 0 then ${ngo}::uuid when 1 then ${suspended}::uuid else ${firm}::uuid end,
          case when g % 3 = 0 then 'request' else 'offer' end,
          case when g % 4 = 0 then 'people' else 'infrastructure' end,
          'Обилен ' || g, case when g % 7 = 0 then 'Рядък случай.' else 'Описание.' end,
          case when g % 11 = 0 then 'draft' else 'published' end,
          (${addDays(today, -3)}::date + (g % 40)),
          case when g % 11 = 0 then null else now() - make_interval(mins => (g * 37) % 5000) end
        from generate_series(1, 4000) g`,
  );
  // Areas: nine items in ten in a sub-area of ICT, every 50th also in the small „creative-games“.
  await h.query(
    sql`insert into board_item_areas (item_id, area_id)
        select id, 'ict-software' from (select id, row_number() over (order by id) n from board_items) x where n % 10 <> 0
        union all
        select id, 'creative-games' from (select id, row_number() over (order by id) n from board_items) x where n % 50 = 0`,
  );
});

afterAll(async () => {
  await h?.close();
});

/** The plain definition: every match, in the list's order, counted by hand. */
async function reference(input: BoardListQueryInput) {
  const q = BoardListQuerySchema.parse(input);
  const rows = await h.query<{ id: string }>(
    sql`select i.id from board_items i join organizations o on o.id = i.organization_id
      where i.status = 'published' and i.valid_until >= ${today}::date
        and exists (select 1 from memberships m where m.organization_id = i.organization_id
                      and m.status = 'active' and m.category <> 'candidate')
        ${q.kind ? sql`and i.kind = ${q.kind}` : sql``}
        ${q.type ? sql`and i.type = ${q.type}` : sql``}
        ${q.organizationKind ? sql`and o.kind = ${q.organizationKind}` : sql``}
        ${
          q.area
            ? sql`and exists (select 1 from board_item_areas ba join areas a on a.id = ba.area_id
                    where ba.item_id = i.id and (a.id = ${q.area} or a.parent_id = ${q.area}))`
            : sql``
        }
        ${q.q ? sql`and i.search @@ portal_search_query(${q.q})` : sql``}
      order by ${q.sort === 'ending_soon' ? sql`i.valid_until, ` : sql``}i.published_at desc, i.id`,
  );
  const ids = rows.map((r) => r.id);
  const from = (q.page - 1) * q.pageSize;
  return {
    ids: ids.slice(from, from + q.pageSize),
    total: Math.min(ids.length, BOARD_TOTAL_CAP),
    totalIsLowerBound: ids.length > BOARD_TOTAL_CAP,
    matches: ids.length,
  };
}

const QUERIES: BoardListQueryInput[] = [
  {},
  { sort: 'ending_soon' },
  { page: 7 },
  { q: 'обилен' },
  { q: 'обил', sort: 'ending_soon', page: 3 },
  { q: 'обилен', kind: 'request' },
  { q: 'обилен', area: 'ict' },
  { q: 'рядък' },
  { q: 'рядк', page: 2 },
  { q: 'рядък обилен' },
  { q: 'обилен описание' },
  { q: 'рядък', kind: 'offer', type: 'people' },
  { q: 'липсваща' },
  { q: '%' },
  { area: 'ict' },
  { area: 'ict', kind: 'offer', page: 4 },
  { area: 'creative-games' },
  { area: 'creative-games', sort: 'ending_soon', organizationKind: 'ngo' },
  { organizationKind: 'ngo', type: 'people' },
  { kind: 'request', type: 'infrastructure', organizationKind: 'company', page: 2 },
];

describe('the board list, whichever its plan', () => {
  it('has matches on both sides of BOARD_COLLECT_LIMIT', async () => {
    expect((await reference({ q: 'обилен' })).matches).toBeGreaterThan(BOARD_COLLECT_LIMIT);
    expect((await reference({ q: 'рядък' })).matches).toBeLessThan(BOARD_COLLECT_LIMIT);
    expect((await reference({ area: 'ict' })).matches).toBeGreaterThan(BOARD_COLLECT_LIMIT);
    expect((await reference({ area: 'creative-games' })).matches).toBeLessThan(BOARD_COLLECT_LIMIT);
  });

  for (const input of QUERIES) {
    it(`answers ${JSON.stringify(input)} as the plain definition`, async () => {
      const expected = await reference(input);
      const page = await findBoardPage(h.db, BoardListQuerySchema.parse(input), today);
      expect(page.rows.map((r) => r.id)).toEqual(expected.ids);
      expect({ total: page.total, totalIsLowerBound: page.totalIsLowerBound }).toEqual({
        total: expected.total,
        totalIsLowerBound: expected.totalIsLowerBound,
      });
    });
  }
});
