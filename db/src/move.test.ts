import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from './client.ts';
import { MIGRATION_FILLED_TABLES, publicTables, tableFingerprints } from './move.ts';
import { createTestDb, testEngine } from './testing.ts';

describe(`what a move to PostgreSQL may find in a migrated target (${testEngine})`, () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h.close();
  });

  it('the migrations fill exactly the tables the move replaces, so any other row means data', async () => {
    const fingerprints = await tableFingerprints(h);
    const filled = Object.entries(fingerprints)
      .filter(([, f]) => f.rows > 0)
      .map(([name]) => name)
      .sort();
    expect(filled).toEqual([...MIGRATION_FILLED_TABLES].sort());
    expect(Object.keys(fingerprints)).toEqual(await publicTables(h));
  });

  it('fingerprints tell tables with the same rows from tables with different rows', async () => {
    const before = await tableFingerprints(h);
    await h.query(sql`update site_pages set title_en = title_en || '!'`);
    const after = await tableFingerprints(h);
    expect(after.site_pages?.rows).toBe(before.site_pages?.rows);
    expect(after.site_pages?.checksum).not.toBe(before.site_pages?.checksum);
    expect(after.areas).toEqual(before.areas);
  });
});
