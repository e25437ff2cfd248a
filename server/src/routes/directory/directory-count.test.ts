import type { DbHandle } from '@portal/db';
import { sql } from '@portal/db';
import { createTestDb, testEngine } from '@portal/db/testing';
import { ORGANIZATION_KINDS, OrganizationListQuerySchema, SIZE_CLASSES } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOrganizations } from './directory.service.ts';

/**
 * The directory sums its totals of one word, and of area / kind / size filters, from the count tables
 * directory_word_counts / directory_facet_counts (docs/decisions/011-directory-count-tables.md). On a
 * generated data set, every total must equal a direct count: a GIN match on directory_search, or a filter
 * on directory_entries.
 */

let h: DbHandle;

/** Words sharing prefixes, in both scripts, with accents, a hyphen, an apostrophe and U+10FFFF. */
const VOCABULARY = [
  'Design',
  'designs',
  'designers',
  'desk',
  'Дизайн',
  'дизайнери',
  'софтуер',
  'Софтуерни',
  'София',
  'соф',
  'анимация',
  'Анимейшън',
  'Кафе-Среда',
  'Café',
  'данни',
  'дата',
  'a',
  'ab',
  'abc',
  "it's",
  'Ёлка',
  'елха',
  'x1',
  '2024',
  `zq${String.fromCodePoint(0x10ffff)}x`,
];

const ORGS = 400;

beforeAll(async () => {
  h = await createTestDb();
  // Deterministic pseudo-random picks from the row number: names of two words, descriptions of five.
  const pick = (k: number) => `v.w[1 + ((i * ${7919 + 104_729 * k}) % ${VOCABULARY.length})]`;
  const words = (from: number, n: number) =>
    sql.raw(Array.from({ length: n }, (_, j) => pick(from + j)).join(` || ' ' || `));
  await h.query(sql`
    with v as (
      select array_agg(t.word order by t.n) as w
      from json_array_elements_text(${JSON.stringify(VOCABULARY)}::json) with ordinality t(word, n)
    ),
    orgs as (
      insert into organizations (eik, name_bg, name_en, kind, employees, description_bg, description_en)
      select (520000000 + i)::text, ${words(0, 2)}, ${words(2, 1)},
        (${JSON.stringify(ORGANIZATION_KINDS)}::jsonb ->> (i % ${ORGANIZATION_KINDS.length})),
        case when i % 5 = 0 then null else (i * 37) % 400 end,
        ${words(3, 5)}, ${words(8, 3)}
      from v, generate_series(1, ${ORGS}) i
      returning id, eik
    ),
    members as (
      insert into memberships (organization_id, category, status)
      select id, case when eik::int % 11 = 0 then 'candidate' else 'regular' end,
        case when eik::int % 13 = 0 then 'suspended' else 'active' end
      from orgs
    )
    insert into organization_areas (organization_id, area_id)
    select o.id, a.id from orgs o
    join (select id, row_number() over (order by id) as n from areas) a
      on a.n % 7 = o.eik::int % 7 or a.n % 9 = o.eik::int % 9`);
});

afterAll(async () => {
  await h?.close();
});

async function total(input: Record<string, string>): Promise<number> {
  return (await listOrganizations(h.db, OrganizationListQuerySchema.parse(input))).total;
}

/** The count as the directory made it before the side tables: a GIN match on directory_search. */
async function ginCount(q: string): Promise<number> {
  const [row] = await h.query<{ n: number }>(
    sql`select count(*)::int as n from directory_search s where s.search @@ portal_search_query(${q})`,
  );
  return row?.n ?? -1;
}

describe(`directory totals from the count tables (${testEngine})`, () => {
  it('equal the GIN count for every word and every prefix of it, in any case', async () => {
    const [listed] = await h.query<{ n: number }>(sql`select count(*)::int as n from directory_entries`);
    expect(listed?.n).toBeGreaterThan(ORGS / 2);
    const queries = new Set<string>();
    for (const word of VOCABULARY) {
      const chars = Array.from(word);
      for (let n = 1; n <= chars.length; n++) queries.add(chars.slice(0, n).join(''));
      queries.add(word.toUpperCase());
    }
    let nonZero = 0;
    for (const q of queries) {
      const expected = await ginCount(q);
      if (expected > 0) nonZero++;
      expect(await total({ q }), q).toBe(expected);
    }
    expect(nonZero).toBeGreaterThan(50);
  });

  it('equal the GIN count for several words, repeated words, and text without a word', async () => {
    const queries = [
      'design софтуер',
      'des соф',
      'a ab',
      'ab a abc',
      'design design',
      'кафе-сре',
      'кафе среда',
      "it's",
      'елха ёлка',
      'cafe дата 2024',
      'x1 zq',
      'zzz',
      '%',
      'design nothing-like-this',
    ];
    for (const q of queries) expect(await total({ q }), q).toBe(await ginCount(q));
    expect(await total({ q: 'design софтуер' })).toBeGreaterThan(0);
  });

  it('equal the filter count with no filter, and for every kind and size alone and together', async () => {
    for (const kind of [undefined, ...ORGANIZATION_KINDS]) {
      for (const size of [undefined, ...SIZE_CLASSES]) {
        const [row] = await h.query<{ n: number }>(
          sql`select count(*)::int as n from directory_entries d where true
                ${kind ? sql`and d.kind = ${kind}` : sql``} ${size ? sql`and d.size_class = ${size}` : sql``}`,
        );
        const input: Record<string, string> = {};
        if (kind) input.kind = kind;
        if (size) input.size = size;
        expect(await total(input), JSON.stringify(input)).toBe(row?.n);
      }
    }
    expect(await total({})).toBeGreaterThan(ORGS / 2);
  });

  it('equal the filter count for every area, with and without each kind and size', async () => {
    const areaIds = (await h.query<{ id: string }>(sql`select id from areas order by id`)).map((r) => r.id);
    for (const area of areaIds) {
      for (const kind of [undefined, ...ORGANIZATION_KINDS]) {
        for (const size of [undefined, SIZE_CLASSES[1]]) {
          const [row] = await h.query<{ n: number }>(
            sql`select count(*)::int as n from directory_entries d
                where d.area_ids @> array[${area}]::text[]
                  ${kind ? sql`and d.kind = ${kind}` : sql``} ${size ? sql`and d.size_class = ${size}` : sql``}`,
          );
          const input: Record<string, string> = { area };
          if (kind) input.kind = kind;
          if (size) input.size = size;
          expect(await total(input), JSON.stringify(input)).toBe(row?.n);
        }
      }
    }
  });
});
