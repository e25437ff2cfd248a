/**
 * Several instances starting together on one PostgreSQL database (issue 12, decision 026): each applies
 * the migrations under an advisory lock, so all of them start and every migration is applied once.
 * PostgreSQL only: PGlite is one process's embedded database.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { type DbHandle, MIGRATION_LOCK_NAME, migrationsFolder, openMigratedDb } from './client.ts';
import { createFreshDatabase, dropDatabase, withDatabase } from './testing/postgres.ts';
import { testEngine } from './testing.ts';

const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
  entries: { when: number }[];
};

/** A fresh, empty database on the DATABASE_URL server for `work`, dropped afterwards. */
async function withFreshDatabase(work: (url: string) => Promise<void>): Promise<void> {
  const server = process.env.DATABASE_URL!;
  const name = await createFreshDatabase(server, inject('testRunId'));
  try {
    await work(withDatabase(server, name));
  } finally {
    await dropDatabase(server, name);
  }
}

async function appliedMigrations(handle: DbHandle) {
  return await handle.query<{ hash: string; created_at: string }>(
    sql`select hash, created_at::text from drizzle.__drizzle_migrations order by id`,
  );
}

describe.runIf(testEngine === 'postgres')('migrations of instances starting together (PostgreSQL)', () => {
  it('starts every one of four instances and applies each migration once, round after round', async () => {
    for (let round = 0; round < 4; round++) {
      await withFreshDatabase(async (url) => {
        const opened = await Promise.allSettled(
          Array.from({ length: 4 }, () => openMigratedDb({ databaseUrl: url, maxConnections: 2 })),
        );
        const handles = opened.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        try {
          const failures = opened.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
          expect(failures, `round ${round}`).toEqual([]);
          const applied = await appliedMigrations(handles[0]!);
          expect(applied.map((m) => Number(m.created_at))).toEqual(journal.entries.map((e) => e.when));
          expect(new Set(applied.map((m) => m.hash)).size).toBe(journal.entries.length);
        } finally {
          await Promise.all(handles.map((h) => h.close()));
        }
      });
    }
  }, 180_000);

  it('waits while another process holds the migration lock, then finds the migrations applied', async () => {
    await withFreshDatabase(async (url) => {
      const other = postgres(url, { max: 1, onnotice: () => {} });
      let handle: DbHandle | undefined;
      try {
        await other`select pg_advisory_lock(hashtextextended(${MIGRATION_LOCK_NAME}, 0))`;
        let settled = false;
        const opening = openMigratedDb({ databaseUrl: url, maxConnections: 1 }).finally(() => {
          settled = true;
        });
        // The instance is queued behind the lock, not migrating alongside.
        const deadline = Date.now() + 30_000;
        for (;;) {
          const [row] = await other<{ n: number }[]>`
            select count(*)::int as n from pg_locks
            where locktype = 'advisory' and not granted and database = (
              select oid from pg_database where datname = current_database())`;
          if ((row?.n ?? 0) > 0) break;
          if (Date.now() > deadline) throw new Error('the migration never waited for the lock');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(settled).toBe(false);
        const [table] = await other<{ exists: boolean }[]>`
          select to_regclass('drizzle.__drizzle_migrations') is not null as exists`;
        expect(table?.exists).toBe(false);

        await other`select pg_advisory_unlock(hashtextextended(${MIGRATION_LOCK_NAME}, 0))`;
        handle = await opening;
        expect((await appliedMigrations(handle)).length).toBe(journal.entries.length);
        // Released again once done: the lock is free for the next instance.
        const [free] = await other<{ ok: boolean }[]>`
          select pg_try_advisory_lock(hashtextextended(${MIGRATION_LOCK_NAME}, 0)) as ok`;
        expect(free?.ok).toBe(true);
      } finally {
        await handle?.close();
        await other.end();
      }
    });
  }, 120_000);
});
