import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client.ts';
import { createTestDb } from '../testing.ts';
import { DEMO_USERS, seedDemo, seedDemoConversations } from './index.ts';

let h: DbHandle;

beforeAll(async () => {
  h = await createTestDb();
  await seedDemo(h.db);
});
afterAll(async () => {
  await h?.close();
});

const count = async (table: string) => {
  const [row] = await h.query<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`);
  return Number(row!.n);
};

/** A published item of the demo organisation `eik` (what the demo board seed would have written). */
async function insertItem(eik: string, titleEn: string, area: string) {
  const [row] = await h.query<{ id: string }>(
    sql`insert into board_items (organization_id, kind, type, title_bg, title_en, description_bg, status,
          valid_until, published_at)
        select o.id, 'offer', 'infrastructure', ${titleEn}, ${titleEn}, 'Описание', 'published',
          current_date + 60, now()
        from organizations o where o.eik = ${eik}
        returning id`,
  );
  await h.query(sql`insert into board_item_areas (item_id, area_id) values (${row!.id}, ${area})`);
}

describe('the demo conversations', () => {
  it('are skipped quietly while the board has not the demo items', async () => {
    expect(await count('conversations')).toBe(0);
    expect(await h.db.transaction((tx) => seedDemoConversations(tx))).toBe(0);
  });

  it('open one conversation per demo item (one agreed with a partnership both sides show), once', async () => {
    const repEik = DEMO_USERS.find((u) => u.roles.includes('representative'))!.organizationEiks[0]!;
    const [other] = await h.query<{ eik: string }>(
      sql`select o.eik from organizations o join memberships m on m.organization_id = o.id
          where m.status = 'active' and m.category <> 'candidate' and o.eik <> ${repEik}
          order by o.eik limit 1`,
    );
    await insertItem(other!.eik, 'Shared GPU and test lab', 'ict-software');
    // The demo representative's own item: another member is the interested side.
    await insertItem(repEik, 'Partner wanted for a creative-industries project', 'creative');

    expect(await h.db.transaction((tx) => seedDemoConversations(tx))).toBe(2);
    const rows = await h.query<{
      title: string;
      status: string;
      messages: number;
      unauthored: number;
      owner_rep: number;
      interested_rep: number;
    }>(
      sql`select i.title_en as title, c.status,
            (select count(*)::int from conversation_messages m where m.conversation_id = c.id) as messages,
            (select count(*)::int from conversation_messages m
              where m.conversation_id = c.id and m.author_user_id is null) as unauthored,
            (select count(*)::int from user_organizations uo where uo.organization_id = c.owner_organization_id)
              as owner_rep,
            (select count(*)::int from user_organizations uo
              where uo.organization_id = c.interested_organization_id) as interested_rep
          from conversations c join board_items i on i.id = c.item_id order by i.title_en`,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        title: 'Partner wanted for a creative-industries project',
        status: 'agreed',
        messages: 3,
        unauthored: 0,
      }),
      expect.objectContaining({
        title: 'Shared GPU and test lab',
        status: 'open',
        messages: 3,
        unauthored: 0,
      }),
    ]);
    for (const r of rows) {
      expect(r.owner_rep).toBeGreaterThan(0);
      expect(r.interested_rep).toBeGreaterThan(0);
    }
    const [p] = await h.query<{ shown: boolean; areas: string[] }>(
      sql`select p.owner_consent_at is not null and p.partner_consent_at is not null as shown,
            array(select area_id from partnership_areas pa where pa.partnership_id = p.id) as areas
          from partnerships p`,
    );
    expect(p!.shown).toBe(true);
    expect(String(p!.areas)).toContain('creative');
    // The demo representative's organisation is a side of both.
    const [sides] = await h.query<{ n: number }>(
      sql`select count(*)::int as n from conversations c join organizations o
            on o.id in (c.owner_organization_id, c.interested_organization_id) where o.eik = ${repEik}`,
    );
    expect(Number(sides!.n)).toBe(2);

    // Again (a second seed run): nothing changes.
    const before = [
      await count('conversations'),
      await count('conversation_messages'),
      await count('partnerships'),
      await count('users'),
    ];
    expect(await h.db.transaction((tx) => seedDemoConversations(tx))).toBe(0);
    await seedDemo(h.db);
    expect([
      await count('conversations'),
      await count('conversation_messages'),
      await count('partnerships'),
      await count('users'),
    ]).toEqual(before);
  });
});
