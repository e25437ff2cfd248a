/**
 * `pnpm bench:lighthouse`: Lighthouse (mobile: its default emulation and simulated throttling) on the
 * public pages of the built portal, in Bulgarian (issue 12 B).
 *
 * Builds nothing: it expects `pnpm build` done (web/dist, and server/dist for the production command when
 * there is one; otherwise the server runs from its sources with tsx). Loads the demo data into a fresh
 * embedded database (PGlite) in a temporary directory, starts the server on it on a free port in
 * production mode, and runs Lighthouse RUNS times (3) per page in Debian's Chromium (/usr/bin/chromium,
 * never a downloaded browser) on `/`, `/members`, `/decisions`, `/apply`, `/statute` and one member's page.
 * Each page's figures are those of its median run by performance score. Prints a table and writes the
 * scores (performance, accessibility, best practices, SEO) and FCP, LCP, TBT, CLS of every run, with the
 * failed audits of the median runs, to bench/results/lighthouse-<date>.json (gitignored).
 *
 * Options (env): RUNS (3), LIGHTHOUSE_PAGES (a regular expression of page names), CHROMIUM_PATH.
 * Exits 1 when a run fails (the page did not load, Lighthouse raised a runtime error).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openMigratedDb, pgliteDir } from '@portal/db';
import { seedDemo } from '@portal/db/seed';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const resultsDir = join(root, 'bench', 'results');
const distMain = join(root, 'server', 'dist', 'main.js');
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runs = Number(process.env.RUNS ?? 3);
if (!Number.isInteger(runs) || runs < 1 || runs > 15)
  throw new Error(`RUNS must be 1 to 15, got ${process.env.RUNS}`);
const only = process.env.LIGHTHOUSE_PAGES ? new RegExp(process.env.LIGHTHOUSE_PAGES) : null;

/** The flags the project runs Debian's Chromium with, headless and offline. */
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=bg',
];

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
} as const;

interface RunFigures {
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  /** FCP, LCP and TBT in ms, CLS unitless. */
  metrics: Record<keyof typeof METRICS, number | null>;
  finalUrl: string;
  benchmarkIndex: number | null;
  warnings: string[];
  /** What moved (Lighthouse's `layout-shifts` audit, abridged): for the page-performance work (issue 17). */
  layoutShifts?: string[];
  /** Audits scoring below 0.9 (with a score), by category, in the run. */
  failing: {
    category: string;
    id: string;
    title: string;
    score: number | null;
    display?: string;
    /** The first few of the audit's items (what it found), abridged. */
    items?: string[];
  }[];
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const args = existsSync(distMain) ? [distMain] : ['--import', 'tsx', join('server', 'src', 'main.ts')];
  console.log(`server: node ${args.join(' ').replace(`${root}/`, '')} on port ${port}`);
  const server = spawn(process.execPath, args, {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      // Production wants an https origin and SMTP; the public pages use neither.
      PUBLIC_URL: 'https://portal.lighthouse.example',
      SMTP_URL: 'smtp://127.0.0.1:9',
      HOUSEKEEPING_MINUTES: '0',
      SHUTDOWN_DELAY_SECONDS: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('the server did not answer /api/health within 2 minutes');
}

function itemsOf(details: unknown): string[] | undefined {
  const items = (details as { items?: unknown[] } | undefined)?.items;
  if (!Array.isArray(items) || items.length === 0) return undefined;
  return items.slice(0, 5).map((item) => JSON.stringify(item).slice(0, 400));
}

function figuresOf(lhr: Result): RunFigures {
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [
      c,
      lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100),
    ]),
  ) as RunFigures['scores'];
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([key, id]) => {
      const value = lhr.audits[id]?.numericValue;
      return [
        key,
        value === undefined ? null : key === 'cls' ? Math.round(value * 1000) / 1000 : Math.round(value),
      ];
    }),
  ) as RunFigures['metrics'];
  const failing: RunFigures['failing'] = [];
  for (const category of CATEGORIES) {
    if (category === 'performance') continue;
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 0.9 || ref.weight === 0) continue;
      failing.push({
        category,
        id: ref.id,
        title: audit.title,
        score: audit.score,
        display: audit.displayValue,
        items: itemsOf(audit.details),
      });
    }
  }
  return {
    scores,
    metrics,
    finalUrl: lhr.finalDisplayedUrl,
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    warnings: lhr.runWarnings ?? [],
    layoutShifts: itemsOf(lhr.audits['layout-shifts']?.details),
    failing,
  };
}

async function main(): Promise<number> {
  if (!existsSync(join(root, 'web', 'dist', 'index.html')))
    throw new Error('web/dist is missing: run `pnpm build` first (this script builds nothing)');
  if (!existsSync(chromePath)) throw new Error(`no Chromium at ${chromePath} (apt-get install chromium)`);
  const loadStart = loadavg();

  const dataDir = mkdtempSync(join(tmpdir(), 'portal-lighthouse-'));
  let server: ChildProcess | null = null;
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  try {
    // The demo data, loaded before the server starts (production loads none by itself).
    const handle = await openMigratedDb({ dataDir: pgliteDir(dataDir) });
    await seedDemo(handle.db);
    await handle.close();

    const port = await freePort();
    server = await startServer(dataDir, port);
    const base = `http://127.0.0.1:${port}`;
    const listing = (await (
      await fetch(`${base}/api/organizations?q=${encodeURIComponent('Дигитална София')}`)
    ).json()) as {
      items: { id: string; nameBg: string }[];
    };
    const member = listing.items[0];
    if (!member) throw new Error('no demo member found for the organisation page');

    // The public pages (issue 17: server-rendered, decision 055).
    const pages = [
      { name: 'home', path: '/' },
      { name: 'directory', path: '/members' },
      { name: 'directory-search', path: `/members?q=${encodeURIComponent('софтуер')}` },
      { name: 'organisation', path: `/members/${member.id}`, note: member.nameBg },
      { name: 'decisions', path: '/decisions' },
      { name: 'news', path: '/news' },
      { name: 'calls', path: '/calls' },
      { name: 'strategy', path: '/strategy' },
      { name: 'statute', path: '/statute' },
    ].filter((p) => !only || only.test(p.name));

    chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'error' });
    const results: { name: string; path: string; note?: string; runs: RunFigures[]; median: RunFigures }[] =
      [];
    let failed = 0;
    const chromePort = chrome.port;
    for (const page of pages) {
      const pageRuns: RunFigures[] = [];
      for (let i = 0; i < runs; i++) {
        const audit = () =>
          lighthouse(`${base}${page.path}`, {
            port: chromePort,
            output: 'json',
            logLevel: 'error',
            onlyCategories: [...CATEGORIES],
          });
        let result = await audit();
        // Lighthouse's own trace recording fails now and then (NO_NAVSTART, NO_FCP on a busy machine): one
        // more try before the run counts as failed.
        if (!result?.lhr || result.lhr.runtimeError) {
          console.log(
            `  ${page.name} run ${i + 1}: ${result?.lhr?.runtimeError?.code ?? 'no result'}; once more`,
          );
          result = await audit();
        }
        const lhr = result?.lhr;
        if (!lhr || lhr.runtimeError) {
          failed += 1;
          console.log(`  ${page.name} run ${i + 1}: ${lhr?.runtimeError?.message ?? 'no result'}`);
          continue;
        }
        pageRuns.push(figuresOf(lhr));
        const f = pageRuns[pageRuns.length - 1] as RunFigures;
        console.log(
          `  ${page.name} run ${i + 1}: performance ${f.scores.performance}, LCP ${f.metrics.lcp} ms, TBT ${f.metrics.tbt} ms` +
            (f.warnings.length > 0 ? ` (warnings: ${f.warnings.join(' | ').slice(0, 200)})` : ''),
        );
      }
      if (pageRuns.length === 0) continue;
      const sorted = [...pageRuns].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
      const median = sorted[Math.floor((sorted.length - 1) / 2)] as RunFigures;
      results.push({ ...page, runs: pageRuns, median });
    }

    const head = ['page', 'path', 'perf', 'a11y', 'best pr.', 'SEO', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS'];
    const rows = results.map((r) => [
      r.name,
      r.path.length > 24 ? `${r.path.slice(0, 21)}…` : r.path,
      String(r.median.scores.performance),
      String(r.median.scores.accessibility),
      String(r.median.scores['best-practices']),
      String(r.median.scores.seo),
      String(r.median.metrics.fcp),
      String(r.median.metrics.lcp),
      String(r.median.metrics.tbt),
      String(r.median.metrics.cls),
    ]);
    const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
    const line = (cells: string[]) =>
      cells
        .map((cell, c) => (c < 2 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join('  ');
    console.log(`\nLighthouse 12.8.2 mobile, median of ${runs} run(s) by performance score:`);
    console.log(line(head));
    for (const row of rows) console.log(line(row));
    const failing = new Map<string, Set<string>>();
    for (const r of results)
      for (const f of r.median.failing) {
        const key = `${f.category}: ${f.id} — ${f.title}${f.display ? ` (${f.display})` : ''}`;
        failing.set(key, (failing.get(key) ?? new Set()).add(r.name));
      }
    if (failing.size > 0) {
      console.log('\nAudits below 0.9 outside performance (median runs):');
      for (const [key, names] of failing) console.log(`  ${key} [${[...names].join(', ')}]`);
      const examples = results.flatMap((r) => r.median.failing.map((f) => ({ page: r.name, ...f })));
      for (const f of examples.filter((x, i) => examples.findIndex((y) => y.id === x.id) === i))
        for (const item of f.items ?? []) console.log(`    ${f.id} (${f.page}): ${item}`);
    }
    const benchmarkIndexes = results.flatMap((r) => r.runs.map((x) => x.benchmarkIndex ?? Number.NaN));
    const loadEnd = loadavg();
    console.log(
      `\nLighthouse's CPU benchmark index ${Math.min(...benchmarkIndexes)}–${Math.max(...benchmarkIndexes)}; ` +
        `load average ${loadStart.map((x) => x.toFixed(2)).join(' ')} → ${loadEnd.map((x) => x.toFixed(2)).join(' ')}`,
    );

    mkdirSync(resultsDir, { recursive: true });
    const date = new Date().toISOString();
    const file = join(resultsDir, `lighthouse-${date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          date,
          lighthouse: '12.8.2',
          chromium: chromePath,
          flags: CHROME_FLAGS,
          runs,
          loadAverage: { start: loadStart, end: loadEnd },
          pages: results,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`results: ${file}`);
    const missed = checkThresholds(results);
    return failed > 0 || missed > 0 || results.length < pages.length ? 1 : 0;
  } finally {
    if (chrome) chrome.kill();
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server?.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The targets of issue 17 for every page: accessibility, best practices and SEO 100, layout shift below 0.05
 * (failing when missed); performance ≥ 95 and LCP < 2.0 s are printed against their targets and fail the run
 * only with LIGHTHOUSE_ENFORCE_PERFORMANCE=1 (not yet met on this machine: docs/performance.md).
 */
function checkThresholds(results: { name: string; median: RunFigures }[]): number {
  const enforcePerformance = process.env.LIGHTHOUSE_ENFORCE_PERFORMANCE === '1';
  let missed = 0;
  console.log('\nTargets (issue 17):');
  for (const { name, median } of results) {
    const { scores, metrics } = median;
    const hard = [
      scores.accessibility === 100 ? null : `accessibility ${scores.accessibility} < 100`,
      scores['best-practices'] === 100 ? null : `best practices ${scores['best-practices']} < 100`,
      scores.seo === 100 ? null : `SEO ${scores.seo} < 100`,
      metrics.cls !== null && metrics.cls < 0.05 ? null : `CLS ${metrics.cls} ≥ 0.05`,
    ].filter((x): x is string => x !== null);
    const soft = [
      (scores.performance ?? 0) >= 95 ? null : `performance ${scores.performance} < 95`,
      metrics.lcp !== null && metrics.lcp < 2000 ? null : `LCP ${metrics.lcp} ms ≥ 2000 ms`,
    ].filter((x): x is string => x !== null);
    const failedHere = hard.length > 0 || (enforcePerformance && soft.length > 0);
    if (failedHere) missed += 1;
    const notes = [...hard, ...soft.map((x) => (enforcePerformance ? x : `${x} (target, not enforced)`))];
    console.log(
      `  ${failedHere ? 'FAIL' : 'ok  '} ${name}${notes.length > 0 ? `: ${notes.join('; ')}` : ''}`,
    );
  }
  return missed;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(error);
}
process.exit(code);
