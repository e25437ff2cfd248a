import { SIZE_CLASSES, sizeClassFromStaff } from '@portal/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from './client.ts';
import { areas, organizations } from './schema/index.ts';
import { createTestDb, testEngine } from './testing.ts';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h?.close();
});

describe(`the migrated database (${testEngine})`, () => {
  it('keeps Cyrillic letters in trigrams, so Bulgarian search can work', async () => {
    const [row] = await h.query<{ t: string[] }>(sql`select show_trgm('София') as t`);
    expect(row?.t.length).toBeGreaterThan(0);
    const [sim] = await h.query<{ s: number }>(sql`select similarity('софия', 'София') as s`);
    expect(Number(sim?.s)).toBe(1);
  });

  it('seeds the five ISIS 2021–2027 thematic areas with ICT and creative industries as priorities', async () => {
    const top = await h.db.select().from(areas).where(sql`${areas.parentId} is null`).orderBy(areas.position);
    expect(top.map((a) => a.id)).toEqual(['ict', 'mechatronics', 'healthy-life', 'creative', 'clean-tech']);
    expect(top.filter((a) => a.isPriority).map((a) => a.id)).toEqual(['ict', 'creative']);
    const subs = await h.db.select().from(areas).where(sql`${areas.parentId} is not null`);
    expect(subs.length).toBeGreaterThan(10);
  });

  it('derives the size class from the staff count exactly as the shared SME rule does', async () => {
    const staffCounts = [0, 9, 10, 49, 50, 249, 250, 10_000];
    for (const [i, employees] of staffCounts.entries()) {
      await h.db.insert(organizations).values({
        eik: String(100000000 + i),
        nameBg: `Орг ${i}`,
        nameEn: `Org ${i}`,
        kind: 'company',
        employees,
      });
    }
    const rows = await h.db
      .select({ e: organizations.employees, s: organizations.sizeClass })
      .from(organizations);
    for (const r of rows) expect(r.s).toBe(sizeClassFromStaff(r.e!));
    expect(new Set(rows.map((r) => r.s))).toEqual(new Set(SIZE_CLASSES));
  });

  it('builds an accent-free, lower-case search document of both names and descriptions', async () => {
    const [row] = await h.query<{ words: string[] }>(
      sql`select tsvector_to_array(portal_search_document('Дигитална СОФИЯ', 'Café Digital', 'Облак', '')) as words`,
    );
    expect(row?.words).toEqual(expect.arrayContaining(['дигитална', 'софия', 'cafe', 'digital', 'облак']));
  });

  it('sorts Bulgarian names in alphabetical order with the portal_bg collation', async () => {
    const rows = await h.query<{ x: string }>(
      sql`select x from (values ('Яна'), ('Ъгъл'), ('Бор'), ('алфа'), ('Юг'), ('Щит')) v(x) order by x collate portal_bg`,
    );
    expect(rows.map((r) => r.x)).toEqual(['алфа', 'Бор', 'Щит', 'Ъгъл', 'Юг', 'Яна']);
  });
});
