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
 * Rows of directory_word_counts / directory_facet_counts that differ from the counts recomputed from
 * directory_search / directory_entries (missing, extra, wrong number, or a left-over 0), and pending
 * differences left after a commit: all 0 when in step.
 */
async function countDrift(): Promise<{ words: number; facets: number; pending: number }> {
  const [row] = await h.query<{ words: number; facets: number; pending: number }>(sql`
    with expected_words as (
      select w.lexeme, w.shared, count(*)::int as members
      from directory_search s, portal_search_words(s.search) w group by 1, 2
    ), expected_facets as (
      select c.area_id, d.kind, coalesce(d.size_class, '') as size_class, count(*)::int as members
      from directory_entries d, unnest(array_prepend('', d.area_ids)) c(area_id) group by 1, 2, 3
    )
    select
      (select count(*)::int from ((select lexeme, shared, members from directory_word_counts
                                   except all select * from expected_words)
                                  union all
                                  (select * from expected_words
                                   except all select lexeme, shared, members from directory_word_counts)) x) as words,
      (select count(*)::int from ((select area_id, kind, size_class, members from directory_facet_counts
                                   except all select * from expected_facets)
                                  union all
                                  (select * from expected_facets
                                   except all select area_id, kind, size_class, members from directory_facet_counts)) y) as facets,
      (select count(*)::int from directory_word_changes)
        + (select count(*)::int from directory_facet_changes) as pending`);
  return row ?? { words: -1, facets: -1, pending: -1 };
}

const IN_STEP = { words: 0, facets: 0, pending: 0 };

/** Listed members with a word starting with `prefix`, as the directory counts them. */
const wordTotal = async (prefix: string) => {
  const [row] = await h.query<{ n: number }>(
    sql`select coalesce(sum(members), 0)::int as n from directory_word_counts
        where lexeme >= ${prefix} collate "C" and lexeme < portal_search_prefix_end(${prefix})
          and shared < length(${prefix})`,
  );
  return row?.n ?? -1;
};

/** Listed members in an area (or '' for all), optionally of a kind, as the directory counts them. */
const facetTotal = async (area: string, kind?: string) => {
  const [row] = await h.query<{ n: number }>(
    sql`select coalesce(sum(members), 0)::int as n from directory_facet_counts
        where area_id = ${area} ${kind ? sql`and kind = ${kind}` : sql``}`,
  );
  return row?.n ?? -1;
};

describe('the count tables directory_word_counts and directory_facet_counts', () => {
  it('stay in step through inserts, renames, description edits, status changes, area changes and deletes', async () => {
    const all = await facetTotal('');
    const id = await addMember('Брояча Словесна', {}, ['ict-software']);
    const other = await addMember('Брояча Съседна', {}, ['clean-energy']);
    expect(await wordTotal('брояча')).toBe(2);
    expect(await wordTotal('словесна')).toBe(1);
    expect(await facetTotal('')).toBe(all + 2);
    expect(await countDrift()).toEqual(IN_STEP);

    await h.db.update(organizations).set({ nameBg: 'Преименувана Словесна' }).where(eq(organizations.id, id));
    // The English name still says „Брояча Словесна Ltd“.
    expect(await wordTotal('брояча')).toBe(2);
    expect(await wordTotal('преименувана')).toBe(1);
    await h.db.update(organizations).set({ nameEn: 'Renamed' }).where(eq(organizations.id, id));
    expect(await wordTotal('брояча')).toBe(1);
    expect(await countDrift()).toEqual(IN_STEP);

    await h.db
      .update(organizations)
      .set({ descriptionBg: 'Счетоводни услуги и счетоводство', descriptionEn: 'Accounting' })
      .where(eq(organizations.id, id));
    // Two lexemes share the prefix: the member still counts once.
    expect(await wordTotal('счетовод')).toBe(1);
    expect(await countDrift()).toEqual(IN_STEP);

    const ictCompanies = await facetTotal('ict', 'company');
    await h.db.update(memberships).set({ status: 'suspended' }).where(eq(memberships.organizationId, id));
    expect(await wordTotal('счетовод')).toBe(0);
    expect(await facetTotal('ict', 'company')).toBe(ictCompanies - 1);
    await h.db.update(memberships).set({ status: 'active' }).where(eq(memberships.organizationId, id));
    expect(await wordTotal('счетовод')).toBe(1);
    expect(await facetTotal('ict', 'company')).toBe(ictCompanies);
    expect(await countDrift()).toEqual(IN_STEP);

    const ictNgos = await facetTotal('ict', 'ngo');
    await h.db.update(organizations).set({ kind: 'ngo' }).where(eq(organizations.id, id));
    expect(await facetTotal('ict', 'ngo')).toBe(ictNgos + 1);
    expect(await facetTotal('ict', 'company')).toBe(ictCompanies - 1);
    const creativeNgos = await facetTotal('creative', 'ngo');
    await h.db.insert(organizationAreas).values({ organizationId: id, areaId: 'creative-games' });
    await h.db
      .delete(organizationAreas)
      .where(
        sql`${organizationAreas.organizationId} = ${id} and ${organizationAreas.areaId} = 'ict-software'`,
      );
    expect(await facetTotal('creative', 'ngo')).toBe(creativeNgos + 1);
    expect(await facetTotal('ict', 'ngo')).toBe(ictNgos);
    await h.db.update(areas).set({ parentId: 'ict' }).where(eq(areas.id, 'creative-games'));
    expect(await facetTotal('ict', 'ngo')).toBe(ictNgos + 1);
    expect(await countDrift()).toEqual(IN_STEP);
    await h.db.update(areas).set({ parentId: 'creative' }).where(eq(areas.id, 'creative-games'));
    expect(await countDrift()).toEqual(IN_STEP);

    await h.db.delete(organizations).where(eq(organizations.id, id));
    expect(await wordTotal('счетовод')).toBe(0);
    expect(await wordTotal('брояча')).toBe(1);
    expect(await facetTotal('')).toBe(all + 1);
    await h.db.delete(organizations).where(eq(organizations.id, other));
    expect(await facetTotal('')).toBe(all);
    expect(await countDrift()).toEqual(IN_STEP);
  });

  it('drop a count that falls to zero instead of keeping a row of 0', async () => {
    const id = await addMember('Еднократна Думичка', {}, ['ict']);
    await h.db.delete(organizations).where(eq(organizations.id, id));
    const [row] = await h.query<{ n: number }>(
      sql`select (select count(*)::int from directory_word_counts where lexeme like 'думичка%' or members = 0)
               + (select count(*)::int from directory_facet_counts where members = 0) as n`,
    );
    expect(row?.n).toBe(0);
  });

  it('change at commit: inside the writing transaction the totals are still those of the last commit', async () => {
    const id = await addMember('Отложена Бройка', {}, ['ict']);
    const ictNgos = await facetTotal('ict', 'ngo');
    await h.db.transaction(async (tx) => {
      await tx
        .update(organizations)
        .set({ nameBg: 'Нова Бройка', kind: 'ngo' })
        .where(eq(organizations.id, id));
      await tx.update(organizations).set({ nameEn: 'Newer' }).where(eq(organizations.id, id));
      const result = (await tx.execute(
        sql`select coalesce(sum(members), 0)::int as n from directory_facet_counts where area_id = 'ict' and kind = 'ngo'`,
      )) as unknown;
      // postgres.js answers an array of rows, PGlite an object holding them.
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
      expect(rows[0]?.n).toBe(ictNgos);
    });
    expect(await facetTotal('ict', 'ngo')).toBe(ictNgos + 1);
    expect(await wordTotal('отложена')).toBe(0);
    expect(await wordTotal('нова')).toBe(1);
    expect(await countDrift()).toEqual(IN_STEP);
  });

  it('stay unchanged when the transaction that changed a member rolls back', async () => {
    const id = await addMember('Отменена Редакция', {}, ['ict']);
    const ictNgos = await facetTotal('ict', 'ngo');
    await expect(
      h.db.transaction(async (tx) => {
        await tx
          .update(organizations)
          .set({ nameBg: 'Друго Име', nameEn: 'Other', kind: 'ngo' })
          .where(eq(organizations.id, id));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await wordTotal('отменена')).toBe(1);
    expect(await wordTotal('друго')).toBe(0);
    expect(await facetTotal('ict', 'ngo')).toBe(ictNgos);
    expect(await countDrift()).toEqual(IN_STEP);
  });

  it('refuse a count below zero, so drift fails the writer instead of showing a wrong total', async () => {
    await expect(
      h.query(
        sql`select portal_directory_add_word_counts(array['никогаповече'], array[0]::smallint[], array[-1])`,
      ),
    ).rejects.toThrow();
    expect(await countDrift()).toEqual(IN_STEP);
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
    const before = await countDrift();
    const ictSchools = await facetTotal('ict', 'school');
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
    expect(before).toEqual(IN_STEP);
    expect(await facetTotal('ict', 'school')).toBe(ictSchools + 30);
    expect(await wordTotal('партида')).toBe(30);
    expect(await countDrift()).toEqual(IN_STEP);
  });
});

describe.runIf(testEngine === 'postgres')('the count tables under concurrent writers (PostgreSQL)', () => {
  it('stay exact, and no writer deadlocks, when 20 transactions change overlapping words and areas at once', async () => {
    const WORDS = ['облак', 'облаци', 'данни', 'дизайн', 'игри', 'мрежи', 'сигурност', 'анимация'];
    const AREAS = ['ict-software', 'ict-ai-data', 'creative-games', 'creative-media', 'clean-energy'];
    const rotate = <T>(list: T[], by: number, n: number) =>
      Array.from({ length: n }, (_, j) => list[(by + j) % list.length] as T);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await addMember(`Паралелна ${i}`, {}, ['ict-software']));

    for (let round = 0; round < 4; round++) {
      const results = await Promise.allSettled(
        ids.map((id, i) =>
          h.db.transaction(async (tx) => {
            // Words first, then kind and size, then areas (then status): each statement notes its own
            // differences, in an order that differs between the transactions' key sets.
            await tx
              .update(organizations)
              .set({ descriptionBg: rotate(WORDS, i + round, 4).join(' ') })
              .where(eq(organizations.id, id));
            await tx.execute(sql`select pg_sleep(0.005)`);
            await tx
              .update(organizations)
              .set({
                kind: (i + round) % 2 === 0 ? 'company' : 'ngo',
                employees: 5 + ((i * 40 + round) % 300),
              })
              .where(eq(organizations.id, id));
            await tx.delete(organizationAreas).where(eq(organizationAreas.organizationId, id));
            await tx
              .insert(organizationAreas)
              .values(rotate(AREAS, i * 3 + round, 2).map((areaId) => ({ organizationId: id, areaId })));
            if (i % 5 === 0)
              await tx
                .update(memberships)
                .set({ status: round % 2 === 0 ? 'suspended' : 'active' })
                .where(eq(memberships.organizationId, id));
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
