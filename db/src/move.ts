/**
 * Moving an embedded (PGlite) installation to PostgreSQL, and the table fingerprints that check it
 * (decision 027).
 *
 * The target is migrated by the same migrations, must hold nothing but what those migrations insert, and
 * then receives every table of the source exactly: each table is copied with COPY (text format, the
 * engines' own representation of every value — bytea, jsonb, tsvector, timestamps — so nothing passes
 * through JavaScript types) in one transaction under `session_replication_role = replica`, so neither
 * foreign keys nor triggers fire: the directory read model and its count tables arrive as they were rather
 * than re-derived, and the order of tables does not matter. Then every sequence is set to the source's
 * value, and both sides' fingerprints are compared before the move counts as done.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { sql as drizzleSql } from 'drizzle-orm';
import { type DbHandle, migrate, openPostgres } from './client.ts';

/**
 * Tables the migrations fill (the ISIS areas, the cluster's settings row, the information pages, the board
 * counts' horizon).
 */
export const MIGRATION_FILLED_TABLES: readonly string[] = [
  'areas',
  'board_count_horizon',
  'cluster_settings',
  'site_pages',
];

/** A move that was refused (target not empty, not allowed to disable triggers, …): shown without a stack. */
export class MoveError extends Error {
  override name = 'MoveError';
}

export interface TableFingerprint {
  rows: number;
  /** md5 over the sorted md5s of each row's text: equal only when the rows are equal, in any order. */
  checksum: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Raw SQL on either engine (text only: names come from the catalog, never from users). */
async function rows<T extends Record<string, unknown>>(handle: DbHandle, text: string): Promise<T[]> {
  return handle.query<T>(drizzleSql.raw(text));
}

const TABLES = `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`;

export async function publicTables(handle: DbHandle): Promise<string[]> {
  return (await rows<{ name: string }>(handle, TABLES)).map((r) => r.name);
}

/** Columns a COPY can write: not dropped, not generated (those are computed again on the target). */
async function copyColumns(handle: DbHandle, table: string): Promise<string[]> {
  const result = await rows<{ name: string }>(
    handle,
    `select attname as name from pg_attribute
     where attrelid = 'public.${quote(table)}'::regclass and attnum > 0 and not attisdropped and attgenerated = ''
     order by attnum`,
  );
  return result.map((r) => r.name);
}

async function primaryKey(handle: DbHandle, table: string): Promise<string[]> {
  const result = await rows<{ name: string }>(
    handle,
    `select a.attname as name from pg_index i
     join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
     where i.indrelid = 'public.${quote(table)}'::regclass and i.indisprimary order by a.attnum`,
  );
  return result.map((r) => r.name);
}

async function hasBytea(handle: DbHandle, table: string): Promise<boolean> {
  const result = await rows<{ n: number }>(
    handle,
    `select count(*)::int as n from pg_attribute
     where attrelid = 'public.${quote(table)}'::regclass and attnum > 0 and not attisdropped
       and atttypid = 'bytea'::regtype`,
  );
  return Number(result[0]?.n ?? 0) > 0;
}

/**
 * Every public table's row count and checksum, computed by the database from each row's text in UTC with
 * fixed output settings, so PGlite and PostgreSQL give the same fingerprint for the same rows.
 */
export async function tableFingerprints(handle: DbHandle): Promise<Record<string, TableFingerprint>> {
  const out: Record<string, TableFingerprint> = {};
  await handle.db.transaction(async (tx) => {
    for (const setting of [
      `set local timezone = 'UTC'`,
      `set local datestyle = 'ISO, YMD'`,
      `set local intervalstyle = 'postgres'`,
      'set local extra_float_digits = 1',
      `set local bytea_output = 'hex'`,
    ])
      await tx.execute(drizzleSql.raw(setting));
    const list = await tx.execute(drizzleSql.raw(TABLES));
    const names = asRows<{ name: string }>(list).map((r) => r.name);
    for (const name of names) {
      const [row] = asRows<{ rows: number; checksum: string | null }>(
        await tx.execute(
          drizzleSql.raw(
            `select count(*)::int as rows,
               md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text) collate "C"), '')) as checksum
             from public.${quote(name)} as t`,
          ),
        ),
      );
      out[name] = { rows: Number(row?.rows ?? 0), checksum: row?.checksum ?? '' };
    }
  });
  return out;
}

/** Each public sequence's state (`last_value`, or null while unused). */
export async function sequenceStates(handle: DbHandle): Promise<Record<string, string | null>> {
  const result = await rows<{ name: string; last_value: string | number | null }>(
    handle,
    `select sequencename as name, last_value from pg_sequences where schemaname = 'public' order by sequencename`,
  );
  return Object.fromEntries(result.map((r) => [r.name, r.last_value === null ? null : String(r.last_value)]));
}

function asRows<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/** Rows per COPY chunk: a table of files (documents, logos) moves a few rows at a time. */
const CHUNK_ROWS = 5000;
const CHUNK_ROWS_WITH_FILES = 10;

export interface MoveResult {
  tables: { name: string; rows: number }[];
  sequences: number;
}

/**
 * Copies every table of the (migrated, locked) PGlite `source` into the PostgreSQL database `targetUrl`,
 * which is migrated first and must be empty. Throws MoveError when the target is not empty, the target's
 * user may not set `session_replication_role`, or the copies' fingerprints differ.
 */
export async function moveToPostgres(
  source: DbHandle,
  targetUrl: string,
  log: (line: string) => void = () => {},
): Promise<MoveResult> {
  if (source.engine !== 'pglite' || !source.pglite)
    throw new MoveError('The source must be the embedded database.');
  const pg: PGlite = source.pglite;
  const target = openPostgres(targetUrl, 1);
  try {
    await migrate(target);
    const tables = await publicTables(target);
    const sourceTables = await publicTables(source);
    if (tables.join() !== sourceTables.join()) {
      throw new MoveError(
        `The source and the target have different tables (is one of them from another version of the portal?): source ${sourceTables.join(', ')}; target ${tables.join(', ')}`,
      );
    }
    for (const table of tables) {
      if (MIGRATION_FILLED_TABLES.includes(table)) continue;
      const [row] = await rows<{ any: boolean }>(
        target,
        `select exists (select 1 from public.${quote(table)}) as any`,
      );
      if (row?.any) {
        throw new MoveError(
          `The target database is not empty (table ${table} has rows). Move into a new, empty database.`,
        );
      }
    }

    // Planned before the transaction: the target's one connection is the transaction's while it runs.
    const plans: { table: string; list: string; rows: number; chunk: number; order: string }[] = [];
    for (const table of tables) {
      const columns = await copyColumns(target, table);
      const sourceColumns = await copyColumns(source, table);
      if ([...columns].sort().join() !== [...sourceColumns].sort().join()) {
        throw new MoveError(`Table ${table} has different columns in the source and the target.`);
      }
      const [count] = await rows<{ n: number }>(
        source,
        `select count(*)::int as n from public.${quote(table)}`,
      );
      const n = Number(count?.n ?? 0);
      const key = await primaryKey(source, table);
      const chunk =
        key.length === 0
          ? Math.max(n, 1)
          : (await hasBytea(source, table))
            ? CHUNK_ROWS_WITH_FILES
            : CHUNK_ROWS;
      plans.push({
        table,
        list: columns.map(quote).join(', '),
        rows: n,
        chunk,
        order: key.length ? ` order by ${key.map(quote).join(', ')}` : '',
      });
    }

    // Fixed output settings on the source, so COPY writes dates and numbers the target reads back exactly.
    await pg.exec(
      `set timezone = 'UTC'; set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres'; set extra_float_digits = 3; set bytea_output = 'hex';`,
    );
    const sql = target.sql;
    if (!sql) throw new MoveError('The target must be PostgreSQL.');
    try {
      await sql.begin(async (tx) => {
        try {
          await tx.unsafe('set local session_replication_role = replica');
        } catch (error) {
          throw new MoveError(
            `The target's user may not set session_replication_role (needed to copy the tables without firing triggers): connect as a superuser, or have one run "GRANT SET ON PARAMETER session_replication_role TO <user>" (PostgreSQL 15+). ${error instanceof Error ? error.message : error}`,
          );
        }
        for (const table of MIGRATION_FILLED_TABLES) await tx.unsafe(`delete from public.${quote(table)}`);
        for (const { table, list, rows: n, chunk, order } of plans) {
          for (let offset = 0; offset < n; offset += chunk) {
            const result = await pg.query(
              `copy (select ${list} from public.${quote(table)}${order} limit ${chunk} offset ${offset}) to '/dev/blob'`,
            );
            if (!result.blob) throw new MoveError(`PGlite returned no COPY data for ${table}`);
            const bytes = Buffer.from(await result.blob.arrayBuffer());
            const stream = (await tx
              .unsafe(`copy public.${quote(table)} (${list}) from stdin`)
              .writable()) as Writable;
            await pipeline(Readable.from([bytes]), stream);
          }
          log(`${table}: ${n} rows`);
        }
        const sequences = await pg.query<{ name: string; last_value: string | null }>(
          `select sequencename as name, last_value::text from pg_sequences where schemaname = 'public'`,
        );
        for (const s of sequences.rows) {
          if (s.last_value === null) continue;
          await tx.unsafe('select setval($1::regclass, $2::bigint, true)', [
            `public.${quote(s.name)}`,
            s.last_value,
          ]);
        }
      });
    } finally {
      await pg.exec(
        'reset timezone; reset datestyle; reset intervalstyle; reset extra_float_digits; reset bytea_output;',
      );
    }
    await sql.unsafe('analyze');

    const [before, after] = [await tableFingerprints(source), await tableFingerprints(target)];
    const differing = tables.filter(
      (t) => before[t]?.rows !== after[t]?.rows || before[t]?.checksum !== after[t]?.checksum,
    );
    if (differing.length) {
      throw new MoveError(
        `After the copy these tables differ between the source and the target: ${differing.join(', ')}`,
      );
    }
    const [seqBefore, seqAfter] = [await sequenceStates(source), await sequenceStates(target)];
    if (JSON.stringify(seqBefore) !== JSON.stringify(seqAfter)) {
      throw new MoveError('After the copy the sequences differ between the source and the target.');
    }
    return {
      tables: plans.map((p) => ({ name: p.table, rows: p.rows })),
      sequences: Object.keys(seqAfter).length,
    };
  } finally {
    await target.close();
  }
}
