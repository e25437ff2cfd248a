# Helpers of .ci/run, in a file of their own so that tests/src/ci-run.test.ts can run them with a fake
# `pnpm`: the steps, the tally of every suite's report, and the `pnpm test` runs. The caller sets
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

# The unit/API/component suites (`pnpm test`'s files) in vitest runs, so that only the suites that touch
# the database run twice:
#  - "pglite": the database projects (db, server, tests) on PGlite, without DATABASE_URL (unset, as for the
#    README's `pnpm test`, so a URL in the caller's environment does not make it a second PostgreSQL pass);
#  - "postgres": the same projects on PostgreSQL ($1), a fresh database per test file, without the files
#    that never reach the run's database (PG_SAME_ON_BOTH: production-run and lock use embedded databases
#    of their own, database-outage a PostgreSQL cluster of its own, the others are pure functions, scripts
#    and files; tests/src/ci-run.test.ts checks that none of them can reach the run's database), and with
#    the OpenAPI fuzz test at PG_FUZZ_RUNS random requests per operation (20 unless set: every operation
#    still gets valid and hostile input on PostgreSQL; the full budget runs on PGlite);
#  - "nodb": the projects without a database (web: jsdom and MSW; shared: pure functions), once, in
#    NODB_SHARDS parts "nodb-1" … (vitest --shard) on 2 cores or more.
# With at least 2 cores (CI_NPROC overrides `nproc`) two runs go at once, each with half the cores as vitest
# workers (vitest alone takes all cores but one: a single worker on 2 cores, leaving one idle), taken from
# the queue pglite, postgres, nodb-1 … nodb-4: a part of the suites without a database starts whenever a
# run ends, so neither core waits long for the slower engine. Each run's output is kept in a log and
# printed when all are done. On 1 core pglite, postgres and nodb run one after the other. Either way each
# run's JSON report is tallied and a failing run fails CI.
DB_PROJECTS=(--project db --project server --project tests)
NODB_PROJECTS=(--project web --project shared)
NODB_SHARDS=4
PG_SAME_ON_BOTH=(
  tests/src/production-run.test.ts
  tests/src/ci-run.test.ts
  tests/src/deployment-files.test.ts
  db/src/lock.test.ts
  server/src/database-outage.test.ts
  server/src/auth/passwords.test.ts
  server/src/email/ical.test.ts
  server/src/pdf/document.test.ts
  server/src/plugins/deferred-work.test.ts
  server/src/routes/directory/summarize.test.ts
  server/src/routes/projects/projects.pdf.test.ts
)
PG_ONLY_EXCLUDES=()
for file in "${PG_SAME_ON_BOTH[@]}"; do PG_ONLY_EXCLUDES+=(--exclude "**/${file##*/}"); done
unset file
run_pass() { # $1: pglite | postgres | nodb | nodb-<shard>, $2: the PostgreSQL URL, $3: vitest workers ("" for vitest's own)
  local pass=$1 pg_url=$2 workers=$3
  local -a run=(env -u DATABASE_URL VITEST_JSON_REPORT="$OUT/vitest-$pass.json")
  [ -n "$workers" ] && run+=("VITEST_MAX_WORKERS=$workers")
  case "$pass" in
    pglite) "${run[@]}" pnpm exec vitest run "${DB_PROJECTS[@]}" ;;
    postgres) "${run[@]}" DATABASE_URL="$pg_url" FUZZ_RUNS="${PG_FUZZ_RUNS:-20}" \
      pnpm exec vitest run "${DB_PROJECTS[@]}" "${PG_ONLY_EXCLUDES[@]}" ;;
    nodb) "${run[@]}" pnpm exec vitest run "${NODB_PROJECTS[@]}" ;;
    nodb-*) "${run[@]}" pnpm exec vitest run "${NODB_PROJECTS[@]}" --shard="${pass#nodb-}/$NODB_SHARDS" ;;
  esac
}
pass_title() { # $1: the run, $2: the PostgreSQL URL
  case "$1" in
    pglite) echo "pnpm test, database suites (db, server, tests) on PGlite" ;;
    postgres) echo "pnpm test, database suites (db, server, tests) on PostgreSQL (${2##*@}, a fresh database per test file)" ;;
    nodb) echo "pnpm test, suites without a database (web, shared)" ;;
    nodb-*) echo "pnpm test, suites without a database (web, shared), part ${1#nodb-} of $NODB_SHARDS" ;;
  esac
}
vitest_passes() {
  local pg_url=$1 cores half pass i
  local -a queue
  local -A running=()
  cores=${CI_NPROC:-$(nproc 2>/dev/null || echo 1)}
  if [ "$cores" -ge 2 ]; then
    half=$((cores / 2))
    queue=(pglite postgres)
    for ((i = 1; i <= NODB_SHARDS; i++)); do queue+=("nodb-$i"); done
    step "pnpm test: the database suites on PGlite and on PostgreSQL (${pg_url##*@}), web and shared once; two runs at once, $half workers each"
    # Each run in the background writes its exit code to vitest-<run>.rc when it ends.
    start_pass() {
      { run_pass "$1" "$pg_url" "$half" >"$OUT/vitest-$1.log" 2>&1; echo $? >"$OUT/vitest-$1.rc"; } &
      running[$1]=$!
    }
    start_pass pglite
    start_pass postgres
    local next=2 rc
    while [ "${#running[@]}" -gt 0 ]; do
      # Until a run ends (or a second passes); each run that has ended gives its slot to the next in the
      # queue, so a part of the suites without a database starts as soon as a core is free.
      wait -n "${running[@]}" 2>/dev/null || sleep 1
      for pass in "${!running[@]}"; do
        [ -f "$OUT/vitest-$pass.rc" ] || continue
        wait "${running[$pass]}" 2>/dev/null
        unset "running[$pass]"
        rc=$(cat "$OUT/vitest-$pass.rc")
        [ "$rc" = 0 ] || status=1
        echo "   $pass ended at $((SECONDS / 60))m$(printf '%02d' $((SECONDS % 60)))s (exit code $rc)"
        if [ "$next" -lt "${#queue[@]}" ]; then
          start_pass "${queue[$next]}"
          next=$((next + 1))
        fi
      done
    done
    for pass in "${queue[@]}"; do
      step "$(pass_title "$pass" "$pg_url")"
      cat "$OUT/vitest-$pass.log"
      tally_vitest "$OUT/vitest-$pass.json"
    done
  else
    for pass in pglite postgres nodb; do
      step "$(pass_title "$pass" "$pg_url")"
      if run_pass "$pass" "$pg_url" ""; then :; else status=1; fi
      tally_vitest "$OUT/vitest-$pass.json"
    done
  fi
}
