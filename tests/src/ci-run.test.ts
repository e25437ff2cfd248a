/**
 * `.ci/run`'s two `pnpm test` passes (`vitest_passes` in `.ci/lib.sh`) with a fake `pnpm` that writes a
 * vitest JSON report: both passes are tallied into the run's totals, a failing pass fails the run, a pass
 * without a report counts as a failure, and with 2 cores or more the passes run at once with half the
 * cores each (on 1 core one after the other).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A `pnpm` that takes 1 s, logs its pass, workers and times, and writes a report: the PGlite pass
 * `pglite` (passed failed exit), the PostgreSQL pass `postgres`; "none" writes no report.
 */
function fakePnpm(dir: string, pglite: string, postgres: string): void {
  const script = `#!/usr/bin/env bash
pass=pglite; counts="${pglite}"
if [ -n "\${DATABASE_URL:-}" ]; then pass=postgres; counts="${postgres}"; fi
start=$(date +%s%N); sleep 1
echo "$pass workers=\${VITEST_MAX_WORKERS:-default} start=$start end=$(date +%s%N)" >> "${dir}/calls"
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

function runPasses(cores: number, pglite: string, postgres: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ci-run-'));
  dirs.push(dir);
  fakePnpm(dir, pglite, postgres);
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
      // The run's own DATABASE_URL (this file runs in the PostgreSQL pass too), worker count and report
      // must not leak into the fake passes: the script under test sets them itself.
      env: {
        ...process.env,
        DATABASE_URL: 'postgres://outer@elsewhere.example:5432/outer',
        VITEST_MAX_WORKERS: '',
        VITEST_JSON_REPORT: '',
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
      const [pass, workers, start, end] = line.split(' ');
      return { pass, workers, start: Number(start!.slice(6)), end: Number(end!.slice(4)) };
    });
  const lines = res.stdout.trim().split('\n');
  return { out: res.stdout, calls, total: lines.at(-2), status: lines.at(-1) };
}

const overlap = (calls: { start: number; end: number }[]) =>
  calls[0]!.start < calls[1]!.end && calls[1]!.start < calls[0]!.end;

describe('.ci/run: the PGlite and PostgreSQL passes', () => {
  it('with 4 cores runs both at once, 2 workers each, and adds both reports to the totals', () => {
    const run = runPasses(4, '10 0 0', '7 0 0');
    expect(run.total).toBe('20 passed, 0 failed');
    expect(run.status).toBe('status=0');
    expect(run.calls.map((c) => `${c.pass} ${c.workers}`).sort()).toEqual([
      'pglite workers=2',
      'postgres workers=2',
    ]);
    expect(overlap(run.calls)).toBe(true);
    // Each pass's output is printed, after both have finished.
    expect(run.out).toContain('fake vitest output of pglite');
    expect(run.out).toContain('fake vitest output of postgres');
    expect(run.out).not.toContain('ci@');
  });

  it('with 2 cores runs both at once, 1 worker each (vitest alone would leave one core idle)', () => {
    const run = runPasses(2, '10 0 0', '7 0 0');
    expect(run.total).toBe('20 passed, 0 failed');
    expect(run.status).toBe('status=0');
    expect(run.calls.map((c) => `${c.pass} ${c.workers}`).sort()).toEqual([
      'pglite workers=1',
      'postgres workers=1',
    ]);
    expect(overlap(run.calls)).toBe(true);
  });

  it('with 1 core runs them one after the other with vitest’s own worker count', () => {
    const run = runPasses(1, '10 0 0', '7 0 0');
    expect(run.total).toBe('20 passed, 0 failed');
    expect(run.status).toBe('status=0');
    expect(run.calls.map((c) => `${c.pass} ${c.workers}`)).toEqual([
      'pglite workers=default',
      'postgres workers=default',
    ]);
    expect(overlap(run.calls)).toBe(false);
  });

  it.each([4, 2, 1])('with %i cores fails the run when one pass fails, counting its failures', (cores) => {
    const run = runPasses(cores, '10 0 0', '5 2 1');
    expect(run.total).toBe('18 passed, 2 failed');
    expect(run.status).toBe('status=1');
  });

  it.each([4, 2, 1])('with %i cores counts a pass that wrote no report as one failure', (cores) => {
    const run = runPasses(cores, 'none', '7 0 0');
    expect(run.total).toBe('10 passed, 1 failed');
    expect(run.status).toBe('status=1');
  });
});
