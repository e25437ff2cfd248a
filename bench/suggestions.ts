/**
 * Partner-suggestion benchmark (issue 14 §4, decision 035), in two parts: the in-memory scoring below, then
 * the database (bench/suggestions-db.ts: the suggestions of one organisation and the board search on
 * PGlite and PostgreSQL, ENGINES=pglite,postgres; ENGINES=none skips it).
 *
 *   pnpm bench:suggestions                       # ORGS=100000 ITEMS=300000 ITERATIONS=200
 *   ORGS=2000 ITEMS=6000 pnpm bench:suggestions  # quick check
 *
 * Generates ORGS organisations and ITEMS open board items in memory (deterministic: mulberry32, SEED), then
 * times `suggestPartners()` for ITERATIONS organisations picked at random among the active members, each
 * with DISMISSALS random dismissals, in two shapes:
 *
 *  A. no pre-filter: every organisation is a candidate (the worst case the function could be handed);
 *  B. pre-filtered as decision 035 says the database will do it — every candidate with an item match,
 *     plus the best LIMIT area-only candidates by the same weights (`suggestionWeights`). The pre-filter is
 *     simulated here with in-memory indexes (timed separately, it stands in for SQL), and every iteration
 *     checks that B's answer equals A's: the pre-filter must not change the result.
 *
 * No database, no network. Prints p50/p95/p99 in milliseconds; exits 1 if B ever differs from A.
 */
import os from 'node:os';
import {
  type OrganizationKind,
  type PartnerSuggestion,
  type SuggestionDismissal,
  type SuggestionInput,
  type SuggestionItem,
  suggestionWeights,
  suggestPartners,
} from '@portal/shared';
import { mulberry32 } from './generate.ts';
import { option, percentile, positiveInt } from './harness.ts';
import { benchDatabases } from './suggestions-db.ts';

const ORGS = positiveInt('ORGS', 100_000, 1_000_000);
const ITEMS = positiveInt('ITEMS', 300_000, 3_000_000);
const ITERATIONS = positiveInt('ITERATIONS', 200, 100_000);
const SEED = positiveInt('SEED', 1, 1000);
const LIMIT = positiveInt('LIMIT', 20, 100);
const DISMISSALS = Number(option('DISMISSALS', '5'));
const WARMUP = 20;

const random = mulberry32(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

// Areas in sectors, skewed like the directory bench (ICT dominates), so shared areas are common: a hard case.
const SECTORS: readonly (readonly [weight: number, areas: readonly string[]])[] = [
  [40, ['ict', 'ict-software', 'ict-hpc-cloud', 'ict-egov', 'ict-ai-data', 'ict-iot', 'ict-cybersecurity']],
  [25, ['creative', 'creative-media', 'creative-games', 'creative-tourism-sport', 'creative-design']],
  [15, ['mech-robotics', 'mech-microelectronics', 'mech-precision']],
  [10, ['clean-energy', 'clean-mobility', 'clean-water']],
  [10, ['health-medtech', 'health-biotech', 'health-food']],
];
const KIND_WEIGHTS: readonly (readonly [OrganizationKind, number])[] = [
  ['company', 70],
  ['sole_trader', 8],
  ['university', 3],
  ['research_institute', 3],
  ['ngo', 6],
  ['public_authority', 4],
  ['school', 3],
  ['employers_organization', 2],
  ['foreign_entity', 1],
];
const TYPES = ['infrastructure', 'information', 'people', 'joint_project', 'services', 'other'] as const;

function weighted<T>(table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, weight] of table) {
    r -= weight;
    if (r < 0) return value;
  }
  return (table[table.length - 1] as readonly [T, number])[0];
}

function subset(pool: readonly string[], min: number, max: number): string[] {
  const n = min + Math.floor(random() * (max - min + 1));
  return [...new Set(Array.from({ length: n }, () => pick(pool)))];
}

// ---------------------------------------------------------------------------------------------------
// Data

const generateStarted = performance.now();
const sectorOf: (readonly string[])[] = [];
const orgs: (SuggestionInput & { items: SuggestionItem[] })[] = [];
for (let i = 0; i < ORGS; i++) {
  const sector = weighted(SECTORS.map(([w, areas]) => [areas, w] as const));
  sectorOf.push(sector);
  orgs.push({
    id: `org-${String(i).padStart(7, '0')}`,
    kind: weighted(KIND_WEIGHTS),
    areas: subset(sector, 1, 3),
    activeMember: random() < 0.9,
    items: [],
  });
}
for (let i = 0; i < ITEMS; i++) {
  const owner = Math.floor(random() * ORGS);
  const org = orgs[owner] as (typeof orgs)[number];
  // Mostly in the organisation's own areas, sometimes elsewhere in its sector.
  const areas = random() < 0.8 ? subset(org.areas, 1, 2) : subset(sectorOf[owner] as readonly string[], 1, 2);
  org.items.push({
    id: `item-${String(i).padStart(7, '0')}`,
    kind: random() < 0.55 ? 'offer' : 'request',
    type: pick(TYPES),
    areas,
    title: { bg: `Обява ${i}`, en: random() < 0.6 ? `Item ${i}` : null },
  });
}
const generateMs = performance.now() - generateStarted;

// Indexes a database would hold: organisations by profile area, and by (kind, type, area) of open items.
const orgsByArea = new Map<string, number[]>();
const orgsByItemKey = new Map<string, Set<number>>();
orgs.forEach((org, index) => {
  for (const area of org.areas) {
    const list = orgsByArea.get(area) ?? [];
    list.push(index);
    orgsByArea.set(area, list);
  }
  for (const item of org.items)
    for (const area of item.areas) {
      const key = `${item.kind}|${item.type}|${area}`;
      const set = orgsByItemKey.get(key) ?? new Set<number>();
      set.add(index);
      orgsByItemKey.set(key, set);
    }
});

const RESEARCH = new Set<OrganizationKind>(['university', 'research_institute']);
const BUSINESS = new Set<OrganizationKind>(['company', 'sole_trader']);

/**
 * Decision 035's pre-filter, in memory: candidates with an item match, plus the best `LIMIT` area-only
 * candidates ranked by the same weights. Active members only; self and dismissed left out.
 */
function prefilter(self: SuggestionInput, dismissals: SuggestionDismissal[]): SuggestionInput[] {
  const excluded = new Set(dismissals.map((d) => d.dismissedId));
  excluded.add(self.id);
  const matched = new Set<number>();
  for (const item of self.items) {
    const wanted = item.kind === 'offer' ? 'request' : 'offer';
    for (const area of item.areas)
      for (const index of orgsByItemKey.get(`${wanted}|${item.type}|${area}`) ?? []) matched.add(index);
  }
  const out: SuggestionInput[] = [];
  for (const index of matched) {
    const org = orgs[index] as SuggestionInput;
    if (org.activeMember && !excluded.has(org.id)) out.push(org);
  }
  // Area-only candidates: shared-area count (capped at 3) and the complementary flag give their whole score.
  const weights = suggestionWeights(self.id, dismissals);
  const shared = new Map<number, number>();
  for (const area of new Set(self.areas))
    for (const index of orgsByArea.get(area) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
  const selfResearch = RESEARCH.has(self.kind);
  const selfBusiness = BUSINESS.has(self.kind);
  const areaOnly: { org: SuggestionInput; score: number }[] = [];
  for (const [index, count] of shared) {
    if (matched.has(index)) continue;
    const org = orgs[index] as SuggestionInput;
    if (!org.activeMember || excluded.has(org.id)) continue;
    const complementary =
      (selfResearch && BUSINESS.has(org.kind)) || (selfBusiness && RESEARCH.has(org.kind));
    areaOnly.push({
      org,
      score: weights.shared_areas * Math.min(count, 3) + (complementary ? weights.complementary_kind : 0),
    });
  }
  areaOnly.sort((a, b) => b.score - a.score || (a.org.id < b.org.id ? -1 : a.org.id > b.org.id ? 1 : 0));
  for (const { org } of areaOnly.slice(0, LIMIT)) out.push(org);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Timing

const active = orgs.filter((o) => o.activeMember);
const selves = Array.from({ length: WARMUP + ITERATIONS }, () => pick(active));
const dismissalsOf = (self: SuggestionInput): SuggestionDismissal[] =>
  Array.from({ length: DISMISSALS }, () => ({
    organizationId: self.id,
    dismissedId: pick(orgs).id,
    reasonKinds: random() < 0.5 ? ['shared_areas'] : ['shared_areas', 'complementary_kind'],
  }));

const full: number[] = [];
const scored: number[] = [];
const filtering: number[] = [];
const fullCpu: number[] = [];
const scoredCpu: number[] = [];
/** CPU time of this process since `start`, in milliseconds: on a shared machine wall time also counts waiting for a core. */
const cpuSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const candidateCounts: number[] = [];
const resultSizes: number[] = [];
let mismatches = 0;

const same = (a: PartnerSuggestion[], b: PartnerSuggestion[]) => JSON.stringify(a) === JSON.stringify(b);

selves.forEach((self, i) => {
  const dismissals = dismissalsOf(self);
  let cpu = process.cpuUsage();
  let t = performance.now();
  const all = suggestPartners(self, orgs, { limit: LIMIT, dismissals });
  const fullMs = performance.now() - t;
  const fullCpuMs = cpuSince(cpu);

  t = performance.now();
  const candidates = prefilter(self, dismissals);
  const filterMs = performance.now() - t;

  cpu = process.cpuUsage();
  t = performance.now();
  const narrowed = suggestPartners(self, candidates, { limit: LIMIT, dismissals });
  const scoredMs = performance.now() - t;
  const scoredCpuMs = cpuSince(cpu);

  if (!same(all, narrowed)) mismatches++;
  if (i < WARMUP) return;
  full.push(fullMs);
  filtering.push(filterMs);
  scored.push(scoredMs);
  fullCpu.push(fullCpuMs);
  scoredCpu.push(scoredCpuMs);
  candidateCounts.push(candidates.length);
  resultSizes.push(all.length);
});

const sortNum = (xs: number[]) => [...xs].sort((a, b) => a - b);
const row = (label: string, xs: number[]) => {
  const s = sortNum(xs);
  return `${label.padEnd(62)} ${[50, 95, 99].map((p) => percentile(s, p).toFixed(2).padStart(8)).join(' ')}`;
};

const items = orgs.reduce((n, o) => n + o.items.length, 0);
console.log(
  `suggestions bench: ${ORGS} organisations (${active.length} active members), ${items} items, ` +
    `generated in ${(generateMs / 1000).toFixed(1)} s; ${ITERATIONS} timed organisations after ${WARMUP} ` +
    `warm-up, limit ${LIMIT}, ${DISMISSALS} dismissals each; Node ${process.version}`,
);
console.log(`${'milliseconds'.padEnd(62)} ${['p50', 'p95', 'p99'].map((h) => h.padStart(8)).join(' ')}`);
console.log(row('A. suggestPartners over every organisation (no pre-filter)', full));
console.log(row('   the same, CPU time of the process', fullCpu));
console.log(row('B. suggestPartners over the pre-filtered candidates', scored));
console.log(row('   the same, CPU time of the process', scoredCpu));
console.log(row('   pre-filter simulated in memory (stands in for SQL)', filtering));
console.log(
  `load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const counts = sortNum(candidateCounts);
console.log(
  `pre-filtered candidates: p50 ${percentile(counts, 50)}, p95 ${percentile(counts, 95)}, max ${counts.at(-1)}; ` +
    `suggestions returned: min ${Math.min(...resultSizes)}, max ${Math.max(...resultSizes)}`,
);
if (mismatches > 0) {
  console.error(`FAIL: the pre-filtered answer differed from the full one for ${mismatches} organisations`);
  process.exitCode = 1;
} else {
  console.log('the pre-filtered answer equalled the full one for every organisation');
}

// ---------------------------------------------------------------------------------------------------
// The database: the suggestions route's service and the board search, on PGlite and PostgreSQL

await benchDatabases();
