/**
 * The database half of `pnpm bench:suggestions` (issue 14 §4, decision 035; docs/performance.md):
 * on each engine of ENGINES (pglite,postgres; `none` skips this part) it seeds ORGS organisations (the
 * directory bench's generator: kinds, areas, memberships) and ITEMS board items with their areas, then
 * times, in process like the directory bench:
 *
 *  1. `suggestionsFor()` — what GET /api/account/organizations/:id/suggestions runs — for DB_ITERATIONS
 *     active members picked at random, each with DISMISSALS stored dismissals;
 *  2. `listBoard()` — what GET /api/board/items runs — for typical searches: a Cyrillic word, a Latin word,
 *     a prefix, two words, filters, sorts;
 *  3. `boardTeaser()` — what GET /api/board/public runs (the /cooperation page and the home page): the
 *     counts per kind/type and per area over every item on the board (kept for a minute, decision 038), and
 *     the latest public items; timed as served and with the counts recomputed on every call.
 *
 * Targets: suggestions ≤ 50 ms p95 on PostgreSQL and ≤ 100 ms on PGlite; board search ≤ 10 ms and ≤ 20 ms
 * (the directory's). Figures are reported, not asserted: the machine is shared. Beside wall time each call's
 * CPU time is reported (this process, plus the PostgreSQL backends of the scratch database, from
 * /proc/<pid>/schedstat): on a busy machine the wall time mostly counts waiting for a core, the CPU time
 * is close to what a quiet machine would answer in. PostgreSQL runs in a
 * throwaway database `bench_<random>` created beside DATABASE_ADMIN_URL (else DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres) and dropped at the end, also on Ctrl-C; PGlite in a temporary
 * directory removed at the end. Only 127.0.0.1 is contacted.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { createDb, type DbHandle, migrate, openPostgres, pgliteDir } from '@portal/db';
import { boardTeaser, listBoard } from '@portal/server/board';
import { suggestionsFor } from '@portal/server/suggestions';
import {
  addDays,
  BOARD_ITEM_TYPES,
  type BoardListQueryInput,
  BoardListQuerySchema,
  todayInSofia,
} from '@portal/shared';
import { generateOrganizations, mulberry32 } from './generate.ts';
import { cleanups, option, percentile, runCleanups, wasInterrupted } from './harness.ts';

function positiveInt(name: string, fallback: number, max: number): number {
  const raw = option(name, String(fallback));
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new Error(`${name} must be a whole number between 0 and ${max}, got ${raw}`);
  return value;
}

type Engine = 'pglite' | 'postgres';
const ORGS = positiveInt('ORGS', 100_000, 1_000_000);
const ITEMS = positiveInt('ITEMS', 300_000, 3_000_000);
const SEED = positiveInt('SEED', 1, 1000);
const DB_ITERATIONS = Math.max(1, positiveInt('DB_ITERATIONS', 100, 100_000));
const SEARCH_ITERATIONS = Math.max(1, positiveInt('SEARCH_ITERATIONS', 100, 100_000));
const DISMISSALS = positiveInt('DISMISSALS', 5, 1000);
const ENGINES = option('ENGINES', 'pglite,postgres')
  .split(',')
  .map((e) => e.trim())
  .filter((e) => e && e !== 'none') as Engine[];
for (const engine of ENGINES)
  if (engine !== 'pglite' && engine !== 'postgres') throw new Error(`unknown engine in ENGINES: ${engine}`);
const ADMIN_URL = option(
  'DATABASE_ADMIN_URL',
  option('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/postgres'),
);
/** KEEP_DATABASE=1: leave the PostgreSQL scratch database in place (for EXPLAIN ANALYZE); drop it yourself. */
const KEEP_DATABASE = option('KEEP_DATABASE', '') === '1';
/**
 * REUSE_DATABASE=<name>: time against a PostgreSQL database a KEEP_DATABASE=1 run left (migrated to the
 * latest schema first; the data is not generated again, so re-timing on a quieter machine takes seconds).
 */
const REUSE_DATABASE = option('REUSE_DATABASE', '');
const WARMUP = 10;
/** Upper bound on one timed loop, whatever the iterations say. */
const MAX_LOOP_SECONDS = 60;

const TARGETS = {
  suggestions: { pglite: 100, postgres: 50 },
  search: { pglite: 20, postgres: 10 },
  // The teaser is a public page's one call; held to the board search's targets (decision 038 §5).
  teaser: { pglite: 20, postgres: 10 },
} as const;

// Words of titles and descriptions, as members write them: Cyrillic and Latin.
const WORDS: readonly (readonly [bg: string, en: string])[] = [
  ['лаборатория', 'laboratory'],
  ['софтуер', 'software'],
  ['стажанти', 'interns'],
  ['студио', 'studio'],
  ['анимация', 'animation'],
  ['обучение', 'training'],
  ['оборудование', 'equipment'],
  ['данни', 'data'],
  ['роботика', 'robotics'],
  ['дизайн', 'design'],
  ['проект', 'project'],
  ['партньор', 'partner'],
  ['звукозапис', 'recording'],
  ['сензори', 'sensors'],
  ['облак', 'cloud'],
  ['киберсигурност', 'cybersecurity'],
  ['прототип', 'prototype'],
  ['консултация', 'consulting'],
];

const SEARCHES: { name: string; input: BoardListQueryInput }[] = [
  { name: 'cyrillic word', input: { q: 'софтуер' } },
  { name: 'latin word', input: { q: 'laboratory' } },
  { name: 'cyrillic prefix', input: { q: 'анима' } },
  { name: 'two words, both scripts', input: { q: 'лаборатория data' } },
  { name: 'rare word + filters', input: { q: 'киберсигурност', kind: 'request', type: 'people' } },
  { name: 'word + theme', input: { q: 'обучение', area: 'creative' } },
  { name: 'filters only', input: { kind: 'offer', type: 'infrastructure', area: 'ict' } },
  { name: 'organisation kind', input: { organizationKind: 'university' } },
  { name: 'no filter, newest', input: {} },
  { name: 'no filter, ending soon', input: { sort: 'ending_soon' } },
  { name: 'deep page', input: { page: 50 } },
];

const round = (n: number) => Math.round(n * 100) / 100;

async function rawQuery<T>(handle: DbHandle, text: string, params: unknown[] = []): Promise<T[]> {
  if (handle.pglite) return (await handle.pglite.query<T>(text, params)).rows;
  if (handle.sql) return (await handle.sql.unsafe(text, params as never[])) as unknown as T[];
  throw new Error('the database handle exposes neither a PGlite nor a postgres.js client');
}

interface SeedOrg {
  id: string;
  areas: string[];
  active: boolean;
}

/** ITEMS board items over the organisations: mostly published in the owner's areas, some drafts, closed, expired. */
async function seedItems(handle: DbHandle, orgs: SeedOrg[], allAreas: string[]): Promise<number> {
  const random = mulberry32(SEED + 7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const today = todayInSofia();
  const batch = 2000;
  let inserted = 0;
  let lastPrint = performance.now();
  for (let start = 0; start < ITEMS; start += batch) {
    const rows: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(ITEMS, start + batch); i++) {
      const org = pick(orgs);
      const pool = org.areas.length > 0 && random() < 0.8 ? org.areas : allAreas;
      const areas = [...new Set([pick(pool), ...(random() < 0.4 ? [pick(pool)] : [])])];
      const words = [pick(WORDS), pick(WORDS), pick(WORDS)];
      const state = random();
      const status = state < 0.85 ? 'published' : state < 0.9 ? 'draft' : 'closed';
      const expired = status === 'published' && random() < 0.06;
      rows.push({
        id: randomUUID(),
        organization_id: org.id,
        kind: random() < 0.55 ? 'offer' : 'request',
        type: pick(BOARD_ITEM_TYPES),
        title_bg: `${words[0]![0]} и ${words[1]![0]} ${i}`,
        title_en: random() < 0.6 ? `${words[0]![1]} and ${words[1]![1]} ${i}` : '',
        description_bg: `Търсим или предлагаме ${words.map((w) => w[0]).join(', ')} за съвместна работа.`,
        description_en: random() < 0.5 ? `We share ${words.map((w) => w[1]).join(', ')} with members.` : '',
        status,
        valid_until:
          status === 'draft'
            ? null
            : expired
              ? addDays(today, -1 - Math.floor(random() * 60))
              : addDays(today, 1 + Math.floor(random() * 300)),
        close_outcome: status === 'closed' ? 'no_longer_needed' : null,
        visibility: random() < 0.3 ? 'public' : 'members',
        published_days_ago: Math.floor(random() * 300),
        areas,
      });
    }
    // Two statements: the area rows' trigger reads the item, which a sibling CTE would not yet show.
    const ids = await rawQuery<{ id: string }>(
      handle,
      `insert into board_items (id, organization_id, kind, type, title_bg, title_en, description_bg, description_en,
         status, valid_until, close_outcome, visibility, published_at)
       select id, organization_id, kind, type, title_bg, title_en, description_bg, description_en, status,
         valid_until, close_outcome, visibility,
         case when status = 'draft' then null else now() - make_interval(days => published_days_ago) end
       from json_to_recordset($1::json) as x(id uuid, organization_id uuid, kind text, type text,
         title_bg text, title_en text, description_bg text, description_en text, status text, valid_until date,
         close_outcome text, visibility text, published_days_ago int, areas text[])
       returning id`,
      [JSON.stringify(rows)],
    );
    const links = rows.flatMap((row) =>
      (row.areas as string[]).map((area) => ({ item_id: row.id, area_id: area })),
    );
    await rawQuery(
      handle,
      `insert into board_item_areas (item_id, area_id)
       select item_id, area_id from json_to_recordset($1::json) as x(item_id uuid, area_id text)`,
      [JSON.stringify(links)],
    );
    inserted += ids.length;
    if (performance.now() - lastPrint > 5000) {
      lastPrint = performance.now();
      console.log(`  … ${inserted} items`);
    }
  }
  return inserted;
}

interface Timing {
  name: string;
  calls: number;
  p50: number;
  p95: number;
  p99: number;
  /** CPU time per call (this process, plus the PostgreSQL backends serving it): what a quiet machine waits. */
  cpuP50: number;
  cpuP95: number;
  detail: string;
}

/**
 * Milliseconds of CPU used so far by this process and, on PostgreSQL, by every backend connected to the
 * scratch database (`/proc/<pid>/schedstat`, nanoseconds on a CPU): a figure the other programs on a busy
 * machine do not inflate, unlike wall time, which also counts the waiting for a core.
 */
async function cpuClock(handle: DbHandle): Promise<() => number> {
  const pids = handle.sql
    ? (
        await rawQuery<{ pid: number }>(
          handle,
          'select pid from pg_stat_activity where datname = current_database()',
        )
      ).map((r) => r.pid)
    : [];
  return () => {
    const own = process.cpuUsage();
    let ms = (own.user + own.system) / 1000;
    for (const pid of pids) {
      try {
        ms += Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
      } catch {
        // A backend on another machine, or gone: its CPU is not counted (the wall time still is).
      }
    }
    return ms;
  };
}

async function time(
  handle: DbHandle,
  name: string,
  iterations: number,
  fn: (i: number) => Promise<string>,
): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) await fn(i);
  const cpu = await cpuClock(handle);
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  let detail = '';
  const deadline = performance.now() + MAX_LOOP_SECONDS * 1000;
  for (let i = 0; i < iterations && performance.now() < deadline && !wasInterrupted(); i++) {
    const c0 = cpu();
    const t0 = performance.now();
    detail = await fn(WARMUP + i);
    samples.push(performance.now() - t0);
    cpuSamples.push(cpu() - c0);
  }
  const sorted = samples.sort((a, b) => a - b);
  const cpuSorted = cpuSamples.sort((a, b) => a - b);
  return {
    name,
    calls: samples.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    cpuP50: round(percentile(cpuSorted, 50)),
    cpuP95: round(percentile(cpuSorted, 95)),
    detail,
  };
}

async function runEngine(engine: Engine, handle: DbHandle, reuse = false): Promise<void> {
  let t0 = performance.now();
  await migrate(handle);
  const generated = reuse ? ORGS : await generateOrganizations(handle, ORGS, SEED);
  const orgRows = await rawQuery<{ id: string; areas: string[] | null; active: boolean }>(
    handle,
    `select o.id, array_remove(array_agg(oa.area_id order by oa.area_id), null) as areas,
       exists (select 1 from memberships m where m.organization_id = o.id and m.status = 'active'
         and m.category <> 'candidate') as active
     from organizations o left join organization_areas oa on oa.organization_id = o.id
     group by o.id order by o.id`,
  );
  const orgs: SeedOrg[] = orgRows.map((r) => ({ id: r.id, areas: r.areas ?? [], active: r.active }));
  const allAreas = (await rawQuery<{ id: string }>(handle, 'select id from areas order by id')).map(
    (r) => r.id,
  );
  const orgSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const items = reuse ? ITEMS : await seedItems(handle, orgs, allAreas);

  // The timed organisations, each with DISMISSALS stored dismissals (their signal changes the weights).
  const random = mulberry32(SEED + 11);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const active = orgs.filter((o) => o.active);
  const selves = Array.from({ length: WARMUP + DB_ITERATIONS }, () => pick(active).id);
  const dismissals = [...new Set(selves)].flatMap((self) =>
    Array.from({ length: DISMISSALS }, () => ({
      organization_id: self,
      dismissed_id: pick(orgs).id,
      reason_kinds: random() < 0.5 ? ['shared_areas'] : ['shared_areas', 'complementary_kind'],
    })).filter((d) => d.dismissed_id !== self),
  );
  if (dismissals.length > 0)
    await rawQuery(
      handle,
      `insert into suggestion_dismissals (organization_id, dismissed_id, reason_kinds)
       select organization_id, dismissed_id, reason_kinds
       from json_to_recordset($1::json) as x(organization_id uuid, dismissed_id uuid, reason_kinds text[])
       on conflict do nothing`,
      [JSON.stringify(dismissals)],
    );
  if (!reuse) await rawQuery(handle, 'vacuum analyze');
  const itemSeconds = (performance.now() - t0) / 1000;
  const [counts] = await rawQuery<{ open: number; links: number }>(
    handle,
    `select (select count(*)::int from board_items where status = 'published' and valid_until >= current_date) as open,
       (select count(*)::int from board_item_areas) as links`,
  );
  console.log(
    `  ${generated} organisations (${active.length} active members) in ${orgSeconds.toFixed(1)} s; ` +
      `${items} items (${counts?.open} open, ${counts?.links} area links) and ${dismissals.length} dismissals in ${itemSeconds.toFixed(1)} s`,
  );

  const results: Timing[] = [];
  const sizes: number[] = [];
  results.push(
    await time(handle, 'suggestions of one organisation (limit 20)', DB_ITERATIONS, async (i) => {
      const body = await suggestionsFor(handle.db, selves[i]!, 20);
      sizes.push(body.suggestions.length);
      return `${body.suggestions.length} suggestions`;
    }),
  );
  const sortedSizes = sizes.sort((a, b) => a - b);
  results[0]!.detail = `suggestions returned: min ${sortedSizes[0]}, p50 ${percentile(sortedSizes, 50)}`;
  for (const search of SEARCHES) {
    const query = BoardListQuerySchema.parse(search.input);
    results.push(
      await time(handle, `board: ${search.name}`, SEARCH_ITERATIONS, async () => {
        const page = await listBoard(handle.db, query);
        return `total ${page.totalIsLowerBound ? 'over ' : ''}${page.total}`;
      }),
    );
  }
  // The teaser's counts are sums over board_facet_counts (decision 038 §6).
  results.push(
    await time(handle, 'board teaser', SEARCH_ITERATIONS, async () => {
      const teaser = await boardTeaser(handle.db, 6);
      return `${teaser.total} on the board`;
    }),
  );
  console.log(
    `  ${'milliseconds'.padEnd(46)} ${['p50', 'p95', 'p99', 'cpu p50', 'cpu p95'].map((x) => x.padStart(8)).join(' ')}  target p95 (wall; cpu)`,
  );
  for (const r of results) {
    const target = r.name.startsWith('suggestions')
      ? TARGETS.suggestions[engine]
      : r.name.startsWith('board teaser')
        ? TARGETS.teaser[engine]
        : TARGETS.search[engine];
    const verdict = (ms: number) => (ms <= target ? 'met' : 'MISSED');
    console.log(
      `  ${r.name.padEnd(46)} ${[r.p50, r.p95, r.p99, r.cpuP50, r.cpuP95].map((x) => x.toFixed(2).padStart(8)).join(' ')}  ≤ ${target} ${verdict(r.p95)}; ${verdict(r.cpuP95)}  (${r.calls} calls, ${r.detail})`,
    );
  }
  console.log(
    `  load average: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

async function benchPglite(): Promise<void> {
  const dataDir = await mkdtemp(join(os.tmpdir(), 'portal-bench-suggestions-'));
  const remove = () => rm(dataDir, { recursive: true, force: true });
  cleanups.push(remove);
  console.log(`\n## PGlite (data directory ${pgliteDir(dataDir)})`);
  await mkdir(pgliteDir(dataDir), { recursive: true });
  const handle = await createDb({ dataDir: pgliteDir(dataDir) });
  const close = () => handle.close();
  cleanups.push(close);
  await runEngine('pglite', handle);
}

async function benchPostgres(): Promise<void> {
  if (new URL(ADMIN_URL).hostname !== '127.0.0.1') throw new Error('the bench only contacts 127.0.0.1');
  if (REUSE_DATABASE) {
    if (!/^bench_[0-9a-f]+$/.test(REUSE_DATABASE)) throw new Error('REUSE_DATABASE names a bench_… database');
    const url = new URL(ADMIN_URL);
    url.pathname = `/${REUSE_DATABASE}`;
    console.log(`\n## PostgreSQL (kept database ${REUSE_DATABASE}, not generated again)`);
    const handle = openPostgres(url.toString(), 4);
    cleanups.push(() => handle.close());
    await runEngine('postgres', handle, true);
    return;
  }
  const name = `bench_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(ADMIN_URL, 1);
  let created = false;
  cleanups.push(async () => {
    if (created && KEEP_DATABASE) console.log(`  kept database ${name} (KEEP_DATABASE=1): drop it when done`);
    else if (created) {
      await admin.sql?.unsafe(`drop database if exists ${name} with (force)`);
      console.log(`  dropped database ${name}`);
    }
    await admin.close();
  });
  await admin.sql?.unsafe(
    `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
  );
  created = true;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  console.log(`\n## PostgreSQL (scratch database ${name})`);
  const handle = openPostgres(url.toString(), 4);
  cleanups.push(() => handle.close());
  await runEngine('postgres', handle);
}

export async function benchDatabases(): Promise<void> {
  if (ENGINES.length === 0) return;
  console.log(
    `\n# Database: ${ORGS} organisations, ${ITEMS} board items; ${DB_ITERATIONS} timed organisations and ` +
      `${SEARCH_ITERATIONS} calls per search after ${WARMUP} warm-up; ${os.cpus().length} cores, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  try {
    for (const engine of ENGINES) {
      if (wasInterrupted()) break;
      try {
        if (engine === 'pglite') await benchPglite();
        else await benchPostgres();
      } finally {
        await runCleanups();
      }
    }
  } catch (error) {
    console.error('FAIL:', error);
    process.exitCode = 1;
  }
}
