import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from './client.ts';
import { areas, directoryEntries, memberships, organizationAreas, organizations } from './schema/index.ts';
import { createTestDb, testEngine } from './testing.ts';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h?.close();
});

let eikSeq = 200_000_000;
async function addMember(
  nameBg: string,
  membership: { category?: 'candidate' | 'regular'; status?: 'active' | 'suspended' } = {},
  areaIds: string[] = [],
): Promise<string> {
  const [org] = await h.db
    .insert(organizations)
    .values({ eik: String(eikSeq++), nameBg, nameEn: `${nameBg} Ltd`, kind: 'company', employees: 12 })
    .returning({ id: organizations.id });
  const id = org!.id;
  await h.db.insert(memberships).values({
    organizationId: id,
    category: membership.category ?? 'regular',
    status: membership.status ?? 'active',
    memberSince: '2024-05-01',
  });
  if (areaIds.length > 0)
    await h.db.insert(organizationAreas).values(areaIds.map((areaId) => ({ organizationId: id, areaId })));
  return id;
}

const entryOf = async (id: string) =>
  (await h.db.select().from(directoryEntries).where(eq(directoryEntries.organizationId, id)))[0];

/** Ids of directory rows matching a search box text. */
async function search(q: string): Promise<string[]> {
  const rows = await h.query<{ id: string }>(
    sql`select organization_id as id from directory_search where search @@ portal_search_query(${q})`,
  );
  return rows.map((r) => r.id);
}

describe(`the directory read model (${testEngine})`, () => {
  it('lists an active member with its kind, size, category and areas including their parent area', async () => {
    const id = await addMember('Листвана Фирма', {}, ['ict-software', 'creative-games']);
    expect(await entryOf(id)).toMatchObject({
      nameBg: 'Листвана Фирма',
      kind: 'company',
      sizeClass: 'small',
      category: 'regular',
      memberSince: '2024-05-01',
      areaIds: ['creative', 'creative-games', 'ict', 'ict-software'],
    });
  });

  it('never holds a candidate, and takes in a candidate the moment it becomes a member', async () => {
    const id = await addMember('Кандидат Нов', { category: 'candidate' });
    expect(await entryOf(id)).toBeUndefined();
    await h.db.update(memberships).set({ category: 'regular' }).where(eq(memberships.organizationId, id));
    expect((await entryOf(id))?.category).toBe('regular');
  });

  it('removes a suspended member at once, in the same transaction, and restores it when reinstated', async () => {
    const id = await addMember('Спряна Скоро');
    await h.db.transaction(async (tx) => {
      await tx.update(memberships).set({ status: 'suspended' }).where(eq(memberships.organizationId, id));
      const inside = await tx.select().from(directoryEntries).where(eq(directoryEntries.organizationId, id));
      expect(inside).toEqual([]);
    });
    expect(await entryOf(id)).toBeUndefined();
    expect(await search('спряна')).not.toContain(id);
    await h.db.update(memberships).set({ status: 'active' }).where(eq(memberships.organizationId, id));
    expect(await entryOf(id)).toBeDefined();
    expect(await search('спряна')).toContain(id);
  });

  it('holds a search document for exactly the listed members', async () => {
    const [row] = await h.query<{ entries: number; documents: number; orphans: number }>(
      sql`select (select count(*)::int from directory_entries) as entries,
            (select count(*)::int from directory_search) as documents,
            (select count(*)::int from directory_search s
             where not exists (select 1 from directory_entries d where d.organization_id = s.organization_id)) as orphans`,
    );
    expect(row?.entries).toBeGreaterThan(0);
    expect(row?.documents).toBe(row?.entries);
    expect(row?.orphans).toBe(0);
  });

  it('keeps the directory unchanged when the transaction that changed a member rolls back', async () => {
    const id = await addMember('Върната Промяна');
    await expect(
      h.db.transaction(async (tx) => {
        await tx.update(memberships).set({ status: 'suspended' }).where(eq(memberships.organizationId, id));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await entryOf(id)).toBeDefined();
  });

  it('finds a member by its new name, and no longer by its old one, right after a rename', async () => {
    const id = await addMember('Старо Име');
    expect(await search('старо')).toContain(id);
    await h.db
      .update(organizations)
      .set({ nameBg: 'Ново Наименование', nameEn: 'New Name' })
      .where(eq(organizations.id, id));
    expect(await search('старо')).not.toContain(id);
    expect(await search('наимен')).toContain(id);
    expect(await search('NEW')).toContain(id);
    expect((await entryOf(id))?.nameBg).toBe('Ново Наименование');
  });

  it('follows area links as they are added, replaced and removed', async () => {
    const id = await addMember('Сменя Области', {}, ['ict-software']);
    await h.db.delete(organizationAreas).where(eq(organizationAreas.organizationId, id));
    expect((await entryOf(id))?.areaIds).toEqual([]);
    await h.db.insert(organizationAreas).values({ organizationId: id, areaId: 'clean-energy' });
    expect((await entryOf(id))?.areaIds).toEqual(['clean-energy', 'clean-tech']);
  });

  it('follows a sub-area moved under another parent area', async () => {
    const id = await addMember('Роботи', {}, ['mech-robotics']);
    await h.db.update(areas).set({ parentId: 'ict' }).where(eq(areas.id, 'mech-robotics'));
    expect((await entryOf(id))?.areaIds).toEqual(['ict', 'mech-robotics']);
    await h.db.update(areas).set({ parentId: 'mechatronics' }).where(eq(areas.id, 'mech-robotics'));
    expect((await entryOf(id))?.areaIds).toEqual(['mech-robotics', 'mechatronics']);
  });

  it('drops a deleted organisation', async () => {
    const id = await addMember('Изтрита', {}, ['ict']);
    await h.db.delete(organizations).where(eq(organizations.id, id));
    expect(await entryOf(id)).toBeUndefined();
  });

  it('fills in members inserted in bulk by one statement, with their memberships and areas', async () => {
    const rows = await h.query<{ id: string }>(sql`
      with orgs as (
        insert into organizations (eik, name_bg, name_en, kind)
        select (300000000 + i)::text, 'Масово ' || i, 'Bulk ' || i, 'ngo' from generate_series(1, 50) i
        returning id
      ),
      members as (
        insert into memberships (organization_id, category, status) select id, 'engaged', 'active' from orgs
      ),
      links as (insert into organization_areas (organization_id, area_id) select id, 'health-food' from orgs)
      select id from orgs`);
    const stored = await h.query<{ n: number }>(
      sql`select count(*)::int as n from directory_entries d join directory_search s using (organization_id)
          where kind = 'ngo' and area_ids = '{health-food,healthy-life}' and search @@ portal_search_query('масово')`,
    );
    expect(rows).toHaveLength(50);
    expect(stored[0]?.n).toBe(50);
  });
});

/**
 * Rows of directory_words / directory_areas that differ from what directory_search / directory_entries say
 * they should hold (missing, extra or with a wrong `shared`): 0 when the side tables are in step.
 */
async function sideTableDrift(): Promise<{ words: number; areas: number }> {
  const [row] = await h.query<{ words: number; areas: number }>(sql`
    with expected_words as (
      select w.lexeme, s.organization_id, w.shared from directory_search s, portal_search_words(s.search) w
    ), expected_areas as (
      select a.area_id, d.kind, d.organization_id from directory_entries d, unnest(d.area_ids) a(area_id)
    )
    select
      (select count(*)::int from ((select lexeme, organization_id, shared from directory_words
                                   except all select * from expected_words)
                                  union all
                                  (select * from expected_words
                                   except all select lexeme, organization_id, shared from directory_words)) x) as words,
      (select count(*)::int from ((select area_id, kind, organization_id from directory_areas
                                   except all select * from expected_areas)
                                  union all
                                  (select * from expected_areas
                                   except all select area_id, kind, organization_id from directory_areas)) y) as areas`);
  return row ?? { words: -1, areas: -1 };
}

const wordsOf = async (id: string) =>
  (
    await h.query<{ lexeme: string }>(
      sql`select lexeme from directory_words where organization_id = ${id} order by lexeme collate "C"`,
    )
  ).map((r) => r.lexeme);

const areasOf = async (id: string) =>
  (
    await h.query<{ area: string }>(
      sql`select area_id || ':' || kind as area from directory_areas where organization_id = ${id}
          order by area_id || ':' || kind collate "C"`,
    )
  ).map((r) => r.area);

describe('the count index tables directory_words and directory_areas', () => {
  it('stay in step through inserts, renames, description edits, status changes, area changes and deletes', async () => {
    const id = await addMember('Брояча Словесна', {}, ['ict-software']);
    const other = await addMember('Брояча Съседна', {}, ['clean-energy']);
    expect(await wordsOf(id)).toEqual(['ltd', 'брояча', 'словесна']);
    expect(await areasOf(id)).toEqual(['ict-software:company', 'ict:company']);
    expect(await sideTableDrift()).toEqual({ words: 0, areas: 0 });

    await h.db.update(organizations).set({ nameBg: 'Преименувана Словесна' }).where(eq(organizations.id, id));
    expect(await wordsOf(id)).toEqual(['ltd', 'брояча', 'преименувана', 'словесна']);
    await h.db.update(organizations).set({ nameEn: 'Renamed' }).where(eq(organizations.id, id));
    expect(await wordsOf(id)).toEqual(['renamed', 'преименувана', 'словесна']);
    expect(await sideTableDrift()).toEqual({ words: 0, areas: 0 });

    await h.db
      .update(organizations)
      .set({ descriptionBg: 'Счетоводни услуги и счетоводство', descriptionEn: 'Accounting' })
      .where(eq(organizations.id, id));
    expect(await wordsOf(id)).toEqual([
      'accounting',
      'renamed',
      'и',
      'преименувана',
      'словесна',
      'счетоводни',
      'счетоводство',
      'услуги',
    ]);
    expect(await sideTableDrift()).toEqual({ words: 0, areas: 0 });

    await h.db.update(memberships).set({ status: 'suspended' }).where(eq(memberships.organizationId, id));
    expect(await wordsOf(id)).toEqual([]);
    expect(await areasOf(id)).toEqual([]);
    await h.db.update(memberships).set({ status: 'active' }).where(eq(memberships.organizationId, id));
    expect(await wordsOf(id)).toHaveLength(8);
    expect(await areasOf(id)).toEqual(['ict-software:company', 'ict:company']);
    expect(await sideTableDrift()).toEqual({ words: 0, areas: 0 });

    await h.db.update(organizations).set({ kind: 'ngo' }).where(eq(organizations.id, id));
    expect(await areasOf(id)).toEqual(['ict-software:ngo', 'ict:ngo']);
    await h.db.insert(organizationAreas).values({ organizationId: id, areaId: 'creative-games' });
    await h.db
      .delete(organizationAreas)
      .where(
        sql`${organizationAreas.organizationId} = ${id} and ${organizationAreas.areaId} = 'ict-software'`,
      );
    expect(await areasOf(id)).toEqual(['creative-games:ngo', 'creative:ngo']);
    await h.db.update(areas).set({ parentId: 'ict' }).where(eq(areas.id, 'creative-games'));
    expect(await areasOf(id)).toEqual(['creative-games:ngo', 'ict:ngo']);
    await h.db.update(areas).set({ parentId: 'creative' }).where(eq(areas.id, 'creative-games'));
    expect(await sideTableDrift()).toEqual({ words: 0, areas: 0 });

    await h.db.delete(organizations).where(eq(organizations.id, id));
    expect(await wordsOf(id)).toEqual([]);
    expect(await areasOf(id)).toEqual([]);
    expect(await wordsOf(other)).toEqual(['ltd', 'брояча', 'съседна']);
    expect(await sideTableDrift()).toEqual({ words: 0, areas: 0 });
  });

  it('stay unchanged when the transaction that changed a member rolls back', async () => {
    const id = await addMember('Отменена Редакция', {}, ['ict']);
    await expect(
      h.db.transaction(async (tx) => {
        await tx
          .update(organizations)
          .set({ nameBg: 'Друго Име', kind: 'ngo' })
          .where(eq(organizations.id, id));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await wordsOf(id)).toEqual(['ltd', 'отменена', 'редакция']);
    expect(await areasOf(id)).toEqual(['ict:company']);
  });

  it('mark each lexeme with the characters it shares with the one before it, in byte order', async () => {
    const rows = await h.query<{ lexeme: string; shared: number }>(
      sql`select lexeme, shared from portal_search_words(to_tsvector('simple', 'designs design desk designers a ab b'))`,
    );
    expect(rows.map((r) => [r.lexeme, Number(r.shared)])).toEqual([
      ['a', 0],
      ['ab', 1],
      ['b', 0],
      ['design', 0],
      ['designers', 6],
      ['designs', 6],
      ['desk', 3],
    ]);
  });

  it('end a prefix range after every lexeme that starts with it, even one continuing with U+10FFFF', async () => {
    const [row] = await h.query<{ inside: boolean; outside: boolean }>(sql`
      select ('ab' || chr(1114111) || 'z')::text collate "C" < portal_search_prefix_end('ab') as inside,
             'ac'::text collate "C" < portal_search_prefix_end('ab') as outside`);
    expect(row).toEqual({ inside: true, outside: false });
  });

  it('are filled by a bulk insert of members, one statement for all', async () => {
    const before = await sideTableDrift();
    await h.query(sql`
      with orgs as (
        insert into organizations (eik, name_bg, name_en, kind)
        select (310000000 + i)::text, 'Партида ' || i, 'Batch', 'school' from generate_series(1, 30) i
        returning id
      ),
      members as (
        insert into memberships (organization_id, category, status) select id, 'regular', 'active' from orgs
      )
      insert into organization_areas (organization_id, area_id) select id, 'ict-software' from orgs`);
    const [row] = await h.query<{ n: number }>(
      sql`select count(*)::int as n from directory_areas where area_id = 'ict' and kind = 'school'`,
    );
    expect(before).toEqual({ words: 0, areas: 0 });
    expect(row?.n).toBe(30);
    expect(await sideTableDrift()).toEqual({ words: 0, areas: 0 });
  });
});

describe('search queries', () => {
  it('match word prefixes in any case and script, without accents, all words required', async () => {
    const id = await addMember('Дигитална Кафе-Среда');
    await h.db.update(organizations).set({ nameEn: 'Café Digital' }).where(eq(organizations.id, id));
    for (const q of ['дигит', 'ДИГИТАЛНА', 'cafe', 'CAFÉ', 'кафе-сре', 'дигитална   среда', 'digital café'])
      expect(await search(q), q).toContain(id);
    expect(await search('дигитална лаборатория')).not.toContain(id);
    expect(await search('гитална')).not.toContain(id);
  });

  it('treat tsquery operators and quotes typed by a user as plain text', async () => {
    const cases: [string, string][] = [
      ['!дигит', "'дигит':*"],
      ['(дигит & | <-> :*', "'дигит':*"],
      ["it's", "'it':* & 's':*"],
      ['a\\b', "'a':* & 'b':*"],
    ];
    for (const [q, expected] of cases) {
      const [row] = await h.query<{ q: string | null }>(sql`select portal_search_query(${q})::text as q`);
      expect(row?.q, q).toBe(expected);
    }
    expect(await search('!дигит')).toEqual(await search('дигит'));
  });

  it('find nothing for text without any word', async () => {
    const [row] = await h.query<{ q: string | null }>(sql`select portal_search_query('% _ –') as q`);
    expect(row?.q).toBeNull();
    expect(await search('%')).toEqual([]);
  });
});
