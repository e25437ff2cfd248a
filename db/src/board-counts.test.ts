/**
 * Decision 038 §6: the board's count tables (`board_word_counts`, `board_facet_counts`) stay equal to a
 * direct count of the items that could be on the board after every kind of change — items written,
 * published, edited, re-dated, closed and deleted, their areas changed (a theme and its sub-area counted
 * once), their organisation suspended, re-admitted or removed — and, on PostgreSQL, under 20 concurrent
 * writers without a deadlock.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from './client.ts';
import { rowsOf } from './driver.ts';
import { boardItemAreas, boardItems, memberships, organizations } from './schema/index.ts';
import { createTestDb, testEngine } from './testing.ts';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h?.close();
});

const DAY = '2030-03-01';
const LATER = '2030-06-30';

let eikSeq = 300_000_000;
async function addMember(
  nameBg: string,
  kind: 'company' | 'ngo' = 'company',
  status: 'active' | 'suspended' = 'active',
): Promise<string> {
  const [org] = await h.db
    .insert(organizations)
    .values({ eik: String(eikSeq++), nameBg, nameEn: nameBg, kind })
    .returning({ id: organizations.id });
  const id = org!.id;
  await h.db
    .insert(memberships)
    .values({ organizationId: id, category: 'regular', status, memberSince: '2024-05-01' });
  return id;
}

async function addItem(
  organizationId: string,
  title: string,
  areaIds: string[] = [],
  values: Partial<typeof boardItems.$inferInsert> = {},
): Promise<string> {
  const [item] = await h.db
    .insert(boardItems)
    .values({
      organizationId,
      kind: 'offer',
      type: 'infrastructure',
      titleBg: title,
      status: 'published',
      validUntil: DAY,
      publishedAt: new Date('2030-01-01T10:00:00Z'),
      ...values,
    })
    .returning({ id: boardItems.id });
  const id = item!.id;
  if (areaIds.length > 0)
    await h.db.insert(boardItemAreas).values(areaIds.map((areaId) => ({ itemId: id, areaId })));
  return id;
}

/**
 * Rows of the count tables that differ from a direct count (both directions), and pending differences
 * left over. Counted directly: published, dated items of an organisation in `directory_entries`; each
 * counted in '' and in its areas and their parents (once each), for every combination of its kind, type and
 * organisation kind with '' (any).
 */
async function countDrift(): Promise<{ words: number; facets: number; pending: number }> {
  const [row] = await h.query<{ words: number; facets: number; pending: number }>(sql`
    with counted as (
      select i.id, i.search, i.kind, i.type, d.kind as organization_kind, i.valid_until
      from board_items i join directory_entries d on d.organization_id = i.organization_id
      where i.status = 'published' and i.valid_until is not null
    ), expected_words as (
      select w.lexeme, w.shared, c.valid_until as last_day, count(*)::int as items
      from counted c, portal_search_words(c.search) w group by 1, 2, 3
    ), cells as (
      select c.id, '' as area_id from counted c
      union
      select c.id, x.area_id from counted c join board_item_areas ba on ba.item_id = c.id
        join areas a on a.id = ba.area_id, unnest(array[a.id, a.parent_id]) x(area_id)
      where x.area_id is not null
    ), expected_facets as (
      select cl.area_id, k.v as kind, t.v as type, o.v as organization_kind, c.valid_until as last_day,
        count(*)::int as items
      from cells cl join counted c on c.id = cl.id, unnest(array[c.kind, '']) k(v), unnest(array[c.type, '']) t(v),
        unnest(array[c.organization_kind, '']) o(v)
      group by 1, 2, 3, 4, 5
    )
    select
      (select count(*)::int from ((select lexeme, shared, last_day, items from board_word_counts
                                   except all select * from expected_words)
                                  union all
                                  (select * from expected_words
                                   except all select lexeme, shared, last_day, items from board_word_counts)) x) as words,
      (select count(*)::int from ((select area_id, kind, type, organization_kind, last_day, items from board_facet_counts
                                   except all select * from expected_facets)
                                  union all
                                  (select * from expected_facets
                                   except all select area_id, kind, type, organization_kind, last_day, items
                                     from board_facet_counts)) y) as facets,
      (select count(*)::int from board_word_changes)
        + (select count(*)::int from board_facet_changes) as pending`);
  return row ?? { words: -1, facets: -1, pending: -1 };
}

const IN_STEP = { words: 0, facets: 0, pending: 0 };

/** Items on the board on `day` with a word starting with `prefix`, from the count table. */
const wordTotal = async (prefix: string, day = DAY) => {
  const [row] = await h.query<{ n: number }>(
    sql`select coalesce(sum(c.items), 0)::int as n from board_word_counts c
      where c.lexeme >= ${prefix} collate "C" and c.lexeme < portal_search_prefix_end(${prefix})
        and c.shared < length(${prefix}) and c.last_day >= ${day}::date`,
  );
  return Number(row?.n ?? -1);
};

/** Items on the board on `day` in a cell ('' for any), from the count table. */
const facetTotal = async (
  cell: { area?: string; kind?: string; type?: string; organizationKind?: string },
  day = DAY,
) => {
  const [row] = await h.query<{ n: number }>(
    sql`select coalesce(sum(f.items), 0)::int as n from board_facet_counts f
      where f.area_id = ${cell.area ?? ''} and f.kind = ${cell.kind ?? ''} and f.type = ${cell.type ?? ''}
        and f.organization_kind = ${cell.organizationKind ?? ''} and f.last_day >= ${day}::date`,
  );
  return Number(row?.n ?? -1);
};

describe(`the board's count tables (${testEngine})`, () => {
  it('count published items of active members by word, area, kind, type, organisation kind and day', async () => {
    const firm = await addMember('Брояч фирма');
    const ngo = await addMember('Брояч сдружение', 'ngo');
    // A theme and its sub-area on one item: counted once in the theme.
    await addItem(firm, 'Лаборатория за облачни услуги', ['ict', 'ict-hpc-cloud']);
    await addItem(firm, 'Лабораторни измервания', ['ict-software', 'ict-ai-data'], { kind: 'request' });
    await addItem(ngo, 'Облачна лаборатория', ['creative-games'], { type: 'people', validUntil: LATER });
    await addItem(firm, 'Чернова лаборатория', ['ict'], { status: 'draft', publishedAt: null });
    expect(await countDrift()).toEqual(IN_STEP);
    // „лаборатори…“ and „лабораторни“ are two lexemes of one prefix: each item once.
    expect(await wordTotal('лаборатор')).toBe(3);
    expect(await wordTotal('облач')).toBe(2);
    expect(await facetTotal({})).toBe(3);
    expect(await facetTotal({ area: 'ict' })).toBe(2);
    expect(await facetTotal({ area: 'ict', kind: 'request' })).toBe(1);
    expect(await facetTotal({ organizationKind: 'ngo', type: 'people' })).toBe(1);
    // The day after an item's last day it no longer counts.
    expect(await facetTotal({}, '2030-03-02')).toBe(1);
    expect(await wordTotal('лаборатор', '2030-03-02')).toBe(1);
  });

  it('follow every kind of change to items and their areas', async () => {
    const org = await addMember('Промени ООД');
    const id = await addItem(org, 'Сменяема дума', ['ict-software']);
    const other = await addItem(org, 'Друга обява', [], {
      status: 'draft',
      publishedAt: null,
      validUntil: null,
    });
    expect(await countDrift()).toEqual(IN_STEP);

    await h.db
      .update(boardItems)
      .set({ titleBg: 'Нова дума', kind: 'request', validUntil: LATER })
      .where(eq(boardItems.id, id));
    expect(await wordTotal('сменяем')).toBe(0);
    expect(await wordTotal('нова')).toBe(1);
    expect(await countDrift()).toEqual(IN_STEP);

    // Areas: add the theme of the sub-area it has (no change in the theme), add another, remove one.
    await h.db.insert(boardItemAreas).values([
      { itemId: id, areaId: 'ict' },
      { itemId: id, areaId: 'creative-media' },
    ]);
    expect(await countDrift()).toEqual(IN_STEP);
    await h.db.delete(boardItemAreas).where(eq(boardItemAreas.areaId, 'ict-software'));
    expect(await countDrift()).toEqual(IN_STEP);

    await h.db
      .update(boardItems)
      .set({ status: 'published', validUntil: DAY, publishedAt: new Date('2030-01-02T00:00:00Z') })
      .where(eq(boardItems.id, other));
    expect(await countDrift()).toEqual(IN_STEP);
    await h.db
      .update(boardItems)
      .set({ status: 'closed', closeOutcome: 'partnership_formed', closedAt: new Date() })
      .where(eq(boardItems.id, id));
    expect(await wordTotal('нова')).toBe(0);
    expect(await countDrift()).toEqual(IN_STEP);
    await h.db.delete(boardItems).where(eq(boardItems.id, other));
    expect(await countDrift()).toEqual(IN_STEP);
  });

  it('follow the organisation: suspended, re-admitted, its kind changed, removed', async () => {
    const org = await addMember('Членство ЕООД');
    await addItem(org, 'Членска обява', ['creative-games']);
    expect(await wordTotal('членск')).toBe(1);
    await h.db.update(memberships).set({ status: 'suspended' }).where(eq(memberships.organizationId, org));
    expect(await wordTotal('членск')).toBe(0);
    expect(await countDrift()).toEqual(IN_STEP);
    await h.db.update(memberships).set({ status: 'active' }).where(eq(memberships.organizationId, org));
    expect(await wordTotal('членск')).toBe(1);
    const ngos = await facetTotal({ organizationKind: 'ngo' });
    await h.db.update(organizations).set({ kind: 'ngo' }).where(eq(organizations.id, org));
    expect(await facetTotal({ organizationKind: 'ngo' })).toBe(ngos + 1);
    expect(await countDrift()).toEqual(IN_STEP);
    // A candidate is not on the board.
    await h.db.update(memberships).set({ category: 'candidate' }).where(eq(memberships.organizationId, org));
    expect(await wordTotal('членск')).toBe(0);
    await h.db.update(memberships).set({ category: 'regular' }).where(eq(memberships.organizationId, org));
    await h.db.delete(memberships).where(eq(memberships.organizationId, org));
    expect(await wordTotal('членск')).toBe(0);
    expect(await countDrift()).toEqual(IN_STEP);
    await h.db.delete(organizations).where(eq(organizations.id, org));
    expect(await countDrift()).toEqual(IN_STEP);
  });

  it('are unchanged inside the writing transaction and exact after its commit', async () => {
    const org = await addMember('Транзакция АД');
    await h.db.transaction(async (tx) => {
      await tx.insert(boardItems).values({
        organizationId: org,
        kind: 'offer',
        type: 'services',
        titleBg: 'Недовършена транзакция',
        status: 'published',
        validUntil: DAY,
        publishedAt: new Date(),
      });
      const [row] = await rowsOf<{ n: number }>(
        tx,
        sql`select coalesce(sum(items), 0)::int as n from board_word_counts where lexeme like 'недовършен%'`,
      );
      expect(Number(row?.n)).toBe(0);
    });
    expect(await wordTotal('недовършен')).toBe(1);
    expect(await countDrift()).toEqual(IN_STEP);
  });

  it('forget the days that have passed, and ignore later changes to them', async () => {
    const org = await addMember('Минало ООД');
    const old = await addItem(org, 'Отминала обява', ['ict'], { validUntil: '2029-01-10' });
    await addItem(org, 'Идна обява', ['ict'], { validUntil: LATER });
    await h.query(sql`select portal_board_counts_forget('2029-06-01')`);
    const [left] = await h.query<{ n: number }>(
      sql`select (select count(*) from board_word_counts where last_day < '2029-06-01')
        + (select count(*) from board_facet_counts where last_day < '2029-06-01') as n`,
    );
    expect(Number(left?.n)).toBe(0);
    // Closing the item of a forgotten day neither fails nor counts.
    await h.db
      .update(boardItems)
      .set({ status: 'closed', closeOutcome: 'no_longer_needed', closedAt: new Date() })
      .where(eq(boardItems.id, old));
    expect(await wordTotal('идна', '2029-06-01')).toBe(1);
    expect(await wordTotal('отминал', '2029-01-01')).toBe(0);
  });
});

describe.runIf(testEngine === 'postgres')(
  'the board count tables under concurrent writers (PostgreSQL)',
  () => {
    it('stay exact, and no writer deadlocks, when 20 transactions change overlapping words, areas and members', async () => {
      const WORDS = ['облак', 'данни', 'дизайн', 'игри', 'мрежи', 'сигурност', 'анимация', 'студио'];
      const AREAS = ['ict-software', 'ict-ai-data', 'creative-games', 'creative-media', 'ict'];
      const rotate = <T>(list: T[], by: number, n: number) =>
        Array.from({ length: n }, (_, j) => list[(by + j) % list.length] as T);
      const orgs: string[] = [];
      const items: string[] = [];
      for (let i = 0; i < 20; i++) {
        const org = await addMember(`Паралелна ${i}`);
        orgs.push(org);
        items.push(await addItem(org, `Паралелна обява ${i}`, ['ict-software']));
      }
      for (let round = 0; round < 4; round++) {
        const results = await Promise.allSettled(
          items.map((id, i) =>
            h.db.transaction(async (tx) => {
              // Words and the day first, then areas, then (for some) the membership: each statement notes its
              // own differences, in an order that differs between the transactions' key sets.
              await tx
                .update(boardItems)
                .set({
                  descriptionBg: rotate(WORDS, i + round, 4).join(' '),
                  kind: (i + round) % 2 === 0 ? 'offer' : 'request',
                  validUntil: (i + round) % 3 === 0 ? DAY : LATER,
                })
                .where(eq(boardItems.id, id));
              await tx.execute(sql`select pg_sleep(0.005)`);
              await tx.delete(boardItemAreas).where(eq(boardItemAreas.itemId, id));
              await tx
                .insert(boardItemAreas)
                .values(rotate(AREAS, i * 3 + round, 2).map((areaId) => ({ itemId: id, areaId })));
              if (i % 5 === 0)
                await tx
                  .update(memberships)
                  .set({ status: round % 2 === 0 ? 'suspended' : 'active' })
                  .where(eq(memberships.organizationId, orgs[i]!));
            }),
          ),
        );
        // drizzle wraps the driver's error ("deadlock detected") as the cause of "Failed query: …".
        const failed = results.flatMap((r) =>
          r.status === 'rejected' ? [String((r.reason as { cause?: unknown }).cause ?? r.reason)] : [],
        );
        expect(failed, `round ${round}`).toEqual([]);
        expect(await countDrift(), `round ${round}`).toEqual(IN_STEP);
      }
      expect(await wordTotal('облак')).toBeGreaterThan(0);
    });
  },
);
