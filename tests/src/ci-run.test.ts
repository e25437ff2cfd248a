/**
 * `.ci/run`'s `pnpm test` runs (`vitest_passes` in `.ci/lib.sh`) with a fake `pnpm` that writes a vitest
 * JSON report: the database projects on PGlite and on PostgreSQL (the latter without the files that never
 * use it and with a smaller fuzz budget), the projects without a database once (in four parts on 2 cores or
 * more); every run is tallied into the run's totals, a failing run fails the run, a run without a report
 * counts as a failure; with 2 cores or more two runs go at once with half the cores each, a part of the
 * suites without a database taking the first free slot (on 1 core one after the other).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

type Counts = string; // "passed failed exit", or "none" for no report
interface Fake {
  pglite: Counts;
  postgres: Counts;
  nodb: Counts;
  /** Seconds each run takes (0.2 unless given). */
  seconds?: { pglite?: number; postgres?: number; nodb?: number };
}

/**
 * A `pnpm` that tells the runs apart by DATABASE_URL (postgres) and `--project web` (nodb, `-N` with
 * `--shard=N/4`), sleeps, logs its run, workers, fuzz budget, arguments and times, and writes a report;
 * "none" writes no report and exits 1.
 */
function fakePnpm(dir: string, fake: Fake): void {
  const script = `#!/usr/bin/env bash
args="$*"
if [ -n "\${DATABASE_URL:-}" ]; then kind=postgres; counts="${fake.postgres}"; secs=${fake.seconds?.postgres ?? 0.2}
elif [[ "$args" == *"--project web"* ]]; then kind=nodb; counts="${fake.nodb}"; secs=${fake.seconds?.nodb ?? 0.2}
else kind=pglite; counts="${fake.pglite}"; secs=${fake.seconds?.pglite ?? 0.2}; fi
pass=$kind
if [[ "$args" =~ --shard=([0-9]+)/[0-9]+ ]]; then pass="$kind-\${BASH_REMATCH[1]}"; fi
start=$(date +%s%N); sleep "$secs"
echo "$pass|\${VITEST_MAX_WORKERS:-default}|\${FUZZ_RUNS:-}|$args|$start|$(date +%s%N)" >> "${dir}/calls"
echo "fake vitest output of $pass"
set -- $counts
if [ "$1" != none ]; then
  printf '{"numPassedTests":%s,"numFailedTests":%s,"numFailedTestSuites":0,"numRuntimeErrorTestSuites":0}' "$1" "$2" > "$VITEST_JSON_REPORT"
  exit "$3"
fi
exit 1
`;
  writeFileSync(join(dir, 'pnpm'), script);
  chmodSync(join(dir, 'pnpm'), 0o755);
}

function runPasses(cores: number, fake: Fake) {
  const dir = mkdtempSync(join(tmpdir(), 'ci-run-'));
  dirs.push(dir);
  fakePnpm(dir, fake);
  const res = spawnSync(
    'bash',
    [
      '-c',
      `set -uo pipefail; passed=3; failed=0; status=0; OUT="${dir}"
       . "${ROOT}/.ci/lib.sh"
       vitest_passes postgres://ci@db.example:5432/ci
       echo "$passed passed, $failed failed"; echo "status=$status"`,
    ],
    {
      // The run's own DATABASE_URL (this file runs in the PostgreSQL pass too), worker count, fuzz budget
      // and report must not leak into the fake runs: the script under test sets them itself.
      env: {
        ...process.env,
        DATABASE_URL: 'postgres://outer@elsewhere.example:5432/outer',
        VITEST_MAX_WORKERS: '',
        VITEST_JSON_REPORT: '',
        FUZZ_RUNS: '',
        PG_FUZZ_RUNS: '',
        PATH: `${dir}:${process.env.PATH}`,
        CI_NPROC: String(cores),
      },
      encoding: 'utf8',
    },
  );
  const calls = readFileSync(join(dir, 'calls'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [pass, workers, fuzz, args, start, end] = line.split('|');
      return { pass: pass!, workers, fuzz, args: args!, start: Number(start), end: Number(end) };
    });
  const lines = res.stdout.trim().split('\n');
  return { out: res.stdout, calls, total: lines.at(-2), status: lines.at(-1) };
}

type Call = ReturnType<typeof runPasses>['calls'][number];
const overlap = (a: Call, b: Call) => a.start < b.end && b.start < a.end;
const byPass = (calls: Call[], pass: string) => calls.find((c) => c.pass === pass)!;
const maxAtOnce = (calls: Call[]) =>
  Math.max(...calls.map((c) => calls.filter((d) => d.start <= c.start && c.start < d.end).length));
const ok = { pglite: '10 0 0', postgres: '7 0 0', nodb: '4 0 0' };

describe('.ci/run: the pnpm test runs', () => {
  it('runs the database projects on both engines and the others once, with the PostgreSQL-only choices', () => {
    const run = runPasses(2, ok);
    const pglite = byPass(run.calls, 'pglite');
    const postgres = byPass(run.calls, 'postgres');
    expect(pglite.args).toBe('exec vitest run --project db --project server --project tests');
    expect(pglite.fuzz).toBe('');
    expect(postgres.args).toBe(
      `exec vitest run --project db --project server --project tests ${sameOnBoth()
        .map((file) => `--exclude **/${file.split('/').at(-1)}`)
        .join(' ')}`,
    );
    expect(postgres.fuzz).toBe('20');
    for (const part of [1, 2, 3, 4]) {
      expect(byPass(run.calls, `nodb-${part}`).args).toBe(
        `exec vitest run --project web --project shared --shard=${part}/4`,
      );
    }
  });

  it('with 4 cores runs two at a time, 2 workers each, and adds every report to the totals', () => {
    const run = runPasses(4, { ...ok, seconds: { pglite: 1, postgres: 1 } });
    expect(run.total).toBe('36 passed, 0 failed');
    expect(run.status).toBe('status=0');
    expect(run.calls.map((c) => `${c.pass} ${c.workers}`).sort()).toEqual([
      'nodb-1 2',
      'nodb-2 2',
      'nodb-3 2',
      'nodb-4 2',
      'pglite 2',
      'postgres 2',
    ]);
    expect(maxAtOnce(run.calls)).toBe(2);
    expect(overlap(byPass(run.calls, 'pglite'), byPass(run.calls, 'postgres'))).toBe(true);
    // Each run's output is printed, after all have finished.
    for (const pass of ['pglite', 'postgres', 'nodb-1', 'nodb-2', 'nodb-3', 'nodb-4']) {
      expect(run.out).toContain(`fake vitest output of ${pass}`);
    }
    expect(run.out).not.toContain('ci@');
  });

  it('with 2 cores, 1 worker each, the parts without a database take the slot of the first run to end', () => {
    // PGlite ends after 1 s, PostgreSQL after 6 s: the four parts (0.5 s each) run one after the other in
    // PGlite's slot, beside PostgreSQL.
    const run = runPasses(2, { ...ok, seconds: { pglite: 1, postgres: 6, nodb: 0.5 } });
    expect(run.total).toBe('36 passed, 0 failed');
    expect(run.status).toBe('status=0');
    expect(new Set(run.calls.map((c) => c.workers))).toEqual(new Set(['1']));
    expect(maxAtOnce(run.calls)).toBe(2);
    const [pglite, postgres, ...parts] = ['pglite', 'postgres', 'nodb-1', 'nodb-2', 'nodb-3', 'nodb-4'].map(
      (p) => byPass(run.calls, p),
    );
    expect(parts[0]!.start).toBeGreaterThanOrEqual(pglite!.end);
    for (const [i, part] of parts.entries()) {
      if (i > 0) expect(part.start).toBeGreaterThanOrEqual(parts[i - 1]!.end);
      expect(overlap(part, postgres!)).toBe(true);
    }
  });

  it('with 1 core runs them one after the other with vitest’s own worker count, web and shared whole', () => {
    const run = runPasses(1, ok);
    expect(run.total).toBe('24 passed, 0 failed');
    expect(run.status).toBe('status=0');
    expect(run.calls.map((c) => `${c.pass} ${c.workers}`)).toEqual([
      'pglite default',
      'postgres default',
      'nodb default',
    ]);
    expect(maxAtOnce(run.calls)).toBe(1);
  });

  it.each([4, 2, 1])('with %i cores fails the run when one run fails, counting its failures', (cores) => {
    const run = runPasses(cores, { ...ok, postgres: '5 2 1' });
    expect(run.total).toBe(cores >= 2 ? '34 passed, 2 failed' : '22 passed, 2 failed');
    expect(run.status).toBe('status=1');
  });

  it.each([4, 2, 1])('with %i cores counts a run that wrote no report as one failure', (cores) => {
    const run = runPasses(cores, { ...ok, pglite: 'none' });
    expect(run.total).toBe(cores >= 2 ? '26 passed, 1 failed' : '14 passed, 1 failed');
    expect(run.status).toBe('status=1');
  });

  it('fails the run when a part without a database fails', () => {
    const run = runPasses(2, { ...ok, nodb: '3 1 1' });
    expect(run.total).toBe('32 passed, 4 failed');
    expect(run.status).toBe('status=1');
  });
});

/** PG_SAME_ON_BOTH of `.ci/lib.sh`: the files the PostgreSQL run leaves out. */
function sameOnBoth(): string[] {
  const res = spawnSync('bash', ['-c', `. "${ROOT}/.ci/lib.sh"; printf '%s\\n' "\${PG_SAME_ON_BOTH[@]}"`], {
    encoding: 'utf8',
  });
  return res.stdout.trim().split('\n');
}

/** Every test file of the database projects, relative to the checkout. */
function databaseProjectTests(): string[] {
  return ['db', 'server', 'tests'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.test\.ts$/.test(f) && !f.includes('node_modules'))
      .map((f) => `${dir}/${f}`),
  );
}

describe('.ci/run: the files the PostgreSQL run leaves out', () => {
  const files = sameOnBoth();

  it('are test files of the database projects, each the only one of its name (vitest excludes by name)', () => {
    expect(files.length).toBeGreaterThan(5);
    const all = databaseProjectTests();
    for (const file of files) {
      expect(all).toContain(file);
      expect(all.filter((f) => f.split('/').at(-1) === file.split('/').at(-1))).toEqual([file]);
    }
  });

  // This file is one of them (it runs scripts with a fake pnpm), and names what it looks for.
  const others = files.filter((file) => file !== 'tests/src/ci-run.test.ts');

  it.each(others)('%s cannot reach the run’s database, so it runs the same in both passes', (file) => {
    // The run's database is reached only through createTestDb or testEngine (@portal/db/testing), the
    // authorisation matrix's harness, or the run's DATABASE_URL itself.
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(text).not.toMatch(
      /createTestDb|testEngine|matrix\.ts'|process\.env\.DATABASE_URL|\['DATABASE_URL'\]/,
    );
  });
});
