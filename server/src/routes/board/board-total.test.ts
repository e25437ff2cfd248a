/**
 * Decision 038: the board's total is exact up to BOARD_TOTAL_CAP (1,000) matches and a lower bound beyond
 * ("more than 1,000"); the pages stop at the last one that reaches it, and a page beyond is a field error
 * in the reader's language, never a 500. Its own database: the other board tests count exactly.
 */
import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import {
  addDays,
  BOARD_TOTAL_CAP,
  BoardListResponseSchema,
  type Problem,
  todayInSofia,
} from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertOrganization, insertUser, logIn } from '../../testing.ts';

const today = todayInSofia();
let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let member: string;
let reader: string;

/** `n` published items of `organizationId` titled `<word> <i>`, the newest first by `i`. */
async function insertItems(organizationId: string, word: string, n: number) {
  await h.query(
    sql`insert into board_items (organization_id, kind, type, title_bg, description_bg, status, valid_until,
          published_at)
        select ${organizationId}, 'offer', 'infrastructure', ${word} || ' ' || g, 'Описание.', 'published',
          ${addDays(today, 30)}::date, now() - make_interval(mins => g)
        from generate_series(1, ${n}) g`,
  );
}

beforeAll(async () => {
  h = await createTestDb();
  app = await buildTestApp(h);
  member = await insertOrganization(h, { nameBg: 'Член', nameEn: 'Member', areas: ['ict'] });
  // 1,000 items with „изобилие“, 25 with „рядкост“: 1,025 on the board.
  await insertItems(member, 'изобилие', BOARD_TOTAL_CAP);
  await insertItems(member, 'рядкост', 25);
  reader = await logIn(app, (await insertUser(h, { roles: ['committee_member'] })).email);
});

afterAll(async () => {
  await app?.close();
  await h?.close();
});

const get = (query: string, language = 'en') =>
  app.inject({
    method: 'GET',
    url: `/api/board/items${query}`,
    headers: { cookie: reader, 'accept-language': language },
  });
const list = async (query: string) => {
  const res = await get(query);
  expect(res.statusCode, res.body).toBe(200);
  return BoardListResponseSchema.parse(res.json());
};

describe('the board total', () => {
  it('says "more than 1,000" when more items match', async () => {
    const all = await list('');
    expect(all).toMatchObject({ total: BOARD_TOTAL_CAP, totalIsLowerBound: true });
    expect(all.items).toHaveLength(20);
    // A word all of them share („Описание.“): the same, the page in the same order.
    const word = await list(`?q=${encodeURIComponent('описани')}`);
    expect(word).toMatchObject({ total: BOARD_TOTAL_CAP, totalIsLowerBound: true });
    expect(word.items.map((i) => i.id)).toEqual(all.items.map((i) => i.id));
    const ending = await list(`?q=${encodeURIComponent('описание')}&sort=ending_soon&page=50`);
    expect(ending).toMatchObject({ total: BOARD_TOTAL_CAP, totalIsLowerBound: true });
    expect(ending.items).toHaveLength(20);
  });

  it('is exact at exactly 1,000 matches and below', async () => {
    expect(await list(`?q=${encodeURIComponent('изобилие')}`)).toMatchObject({
      total: 1000,
      totalIsLowerBound: false,
    });
    const rare = await list(`?q=${encodeURIComponent('рядкост')}`);
    expect(rare).toMatchObject({ total: 25, totalIsLowerBound: false });
    // The second page is not full: it ends the list, and its total is the same.
    const second = await list(`?q=${encodeURIComponent('рядкост')}&page=2`);
    expect(second).toMatchObject({ total: 25, totalIsLowerBound: false });
    expect(second.items).toHaveLength(5);
    expect(await list(`?q=${encodeURIComponent('рядкост')}&page=3`)).toMatchObject({
      items: [],
      total: 25,
      totalIsLowerBound: false,
    });
    expect(await list('?q=nothing')).toMatchObject({ items: [], total: 0, totalIsLowerBound: false });
  });

  it('pages up to the last page that reaches the 1,000th match', async () => {
    const last = await list('?page=50');
    expect(last.items).toHaveLength(20);
    expect(last).toMatchObject({ total: BOARD_TOTAL_CAP, totalIsLowerBound: true });
    // 12 a page (the web list's size): page 84 holds matches 997–1,008.
    expect((await list('?page=84&pageSize=12')).items).toHaveLength(12);
  });

  it('refuses a page beyond that with a field error in the language asked', async () => {
    for (const [query, max] of [
      ['?page=51', 50],
      ['?page=85&pageSize=12', 84],
      ['?page=11&pageSize=100', 10],
    ] as const) {
      const res = await get(query, 'bg');
      expect(res.statusCode, query).toBe(400);
      expect((res.json() as Problem).errors?.[0]).toEqual({
        path: 'page',
        message: `Списъкът стига до страница ${max}: стеснете търсенето, за да видите останалите обяви.`,
      });
    }
    const en = await get('?page=51');
    expect((en.json() as Problem).errors?.[0]?.message).toBe(
      'The list goes up to page 50: narrow the search to see the other items.',
    );
  });

  it("drops a suspended member's items from the count at once", async () => {
    await h.query(sql`update memberships set status = 'suspended' where organization_id = ${member}`);
    expect(await list('')).toMatchObject({ items: [], total: 0, totalIsLowerBound: false });
    await h.query(sql`update memberships set status = 'active' where organization_id = ${member}`);
    expect(await list('')).toMatchObject({ total: BOARD_TOTAL_CAP, totalIsLowerBound: true });
  });
});
