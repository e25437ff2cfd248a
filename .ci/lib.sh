# Helpers of .ci/run, in a file of their own so that tests/src/ci-run.test.ts can run them with a fake
# `pnpm`: the steps, the tally of every suite's report, and the two `pnpm test` passes. The caller sets
# passed, failed, status (0) and OUT (a directory for reports and logs).

# Each step shows the time since the run began (bash's SECONDS), so a slow run shows where its time went.
step() { printf '\n==> [%dm%02ds] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }
check() { # a step that is not a test suite counts as one check
  local name=$1; shift
  step "$name"
  if "$@"; then passed=$((passed + 1)); else echo "FAILED: $name"; failed=$((failed + 1)); status=1; fi
}
tally_vitest() { # $1: vitest JSON report
  local counts report=$1
  counts=$(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) + r.numFailedTestSuites)' "$1" 2>/dev/null) || counts="0 1"
  set -- $counts
  passed=$((passed + $1)); failed=$((failed + $2))
  echo "   $1 passed, $2 failed"
  slowest_files "$report"
}
# The ten test files that took longest in a vitest JSON report ($1), where CI time goes.
slowest_files() {
  node -e '
    const r = require(process.argv[1]);
    const files = (r.testResults ?? []).map((f) => [f.endTime - f.startTime, f.name.replace(process.cwd() + "/", "")]);
    files.sort((a, b) => b[0] - a[0]);
    for (const [ms, name] of files.slice(0, 10)) console.log(`   ${(ms / 1000).toFixed(1).padStart(7)} s  ${name}`);
  ' "$1" 2>/dev/null || true
}
tally_playwright() { # $1: playwright JSON report
  local counts
  counts=$(node -e 'const s=require(process.argv[1]).stats;console.log(s.expected + s.flaky, s.unexpected)' "$1" 2>/dev/null) || counts="0 1"
  set -- $counts
  passed=$((passed + $1)); failed=$((failed + $2))
  echo "   $1 passed, $2 failed"
}

tally_screens() { # $1: the log of `pnpm screens`, whose last JSON line is its summary
  local counts
  counts=$(grep '^{"screens"' "$1" | tail -1 | node -e 'const s=JSON.parse(require("fs").readFileSync(0,"utf8"));console.log(s.passed, s.failed)' 2>/dev/null) || counts="0 1"
  set -- $counts
  passed=$((passed + $1)); failed=$((failed + $2))
  echo "   $1 passed, $2 failed"
}

# The unit/API/component suites (`pnpm test`) on PGlite and on PostgreSQL ($1: the PostgreSQL URL). With
# at least 2 cores (CI_NPROC overrides `nproc`) both passes run at once, each with half the cores as vitest
# workers (vitest alone would take all cores but one: a single worker on 2 cores, leaving one idle), their
# output kept in a log each and printed when both are done; on 1 core one after the other.
# Either way each pass's JSON report is tallied and a failing pass fails the run. The PGlite pass runs without
# DATABASE_URL (unset, as for the README's `pnpm test`), so a URL in the caller's environment does not turn it
# into a second PostgreSQL pass.
vitest_passes() {
  local pg_url=$1 cores half pid_pglite pid_postgres
  cores=${CI_NPROC:-$(nproc 2>/dev/null || echo 1)}
  if [ "$cores" -ge 2 ]; then
    half=$((cores / 2))
    step "pnpm test on PGlite and on PostgreSQL (${pg_url##*@}, a fresh database per test file) at once, $half workers each"
    env -u DATABASE_URL VITEST_MAX_WORKERS=$half VITEST_JSON_REPORT="$OUT/vitest-pglite.json" pnpm test >"$OUT/vitest-pglite.log" 2>&1 &
    pid_pglite=$!
    DATABASE_URL="$pg_url" VITEST_MAX_WORKERS=$half VITEST_JSON_REPORT="$OUT/vitest-postgres.json" pnpm test \
      >"$OUT/vitest-postgres.log" 2>&1 &
    pid_postgres=$!
    wait "$pid_pglite" || status=1
    wait "$pid_postgres" || status=1
    step "pnpm test (PGlite)"
    cat "$OUT/vitest-pglite.log"
    tally_vitest "$OUT/vitest-pglite.json"
    step "pnpm test (PostgreSQL)"
    cat "$OUT/vitest-postgres.log"
    tally_vitest "$OUT/vitest-postgres.json"
  else
    step "pnpm test (PGlite)"
    if env -u DATABASE_URL VITEST_JSON_REPORT="$OUT/vitest-pglite.json" pnpm test; then :; else status=1; fi
    tally_vitest "$OUT/vitest-pglite.json"
    step "pnpm test (PostgreSQL at ${pg_url##*@}, a fresh database per test file)"
    if DATABASE_URL="$pg_url" VITEST_JSON_REPORT="$OUT/vitest-postgres.json" pnpm test; then :; else status=1; fi
    tally_vitest "$OUT/vitest-postgres.json"
  fi
}
