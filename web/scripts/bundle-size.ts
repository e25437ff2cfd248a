/**
 * Prints the gzip size of the JavaScript the member directory (/members) loads on a first visit: the entry
 * script and module preloads of index.html, the directory route's lazy chunk, and everything they import
 * statically. Run after `pnpm --filter @portal/web build`:
 *
 *   npx tsx web/scripts/bundle-size.ts [--budget=200]
 *
 * Exits with 1 when the total exceeds the budget (KiB, gzip), so CI can hold the line (docs/performance.md).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../dist');
const assets = join(dist, 'assets');
const budgetArg = process.argv.find((a) => a.startsWith('--budget='));
const budgetKb = budgetArg ? Number(budgetArg.slice('--budget='.length)) : 200;

if (!existsSync(join(dist, 'index.html'))) {
  console.error('web/dist/index.html is missing: run `pnpm --filter @portal/web build` first.');
  process.exit(2);
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const fromHtml = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string);
const routeChunk = readdirSync(assets).find((f) => /^directory-page-[\w-]+\.js$/.test(f));
if (!routeChunk) {
  console.error('No directory-page-*.js chunk in web/dist/assets: did the route stop loading lazily?');
  process.exit(2);
}

/** Static imports of a built chunk (`import … from "./x.js"`, `import "./x.js"`); not `import()`. */
function staticImports(file: string): string[] {
  const code = readFileSync(join(assets, file), 'utf8');
  const found = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([^"']+\.js)["']/g)].map(
    (m) => m[1] as string,
  );
  return [...new Set(found)];
}

const loaded = new Set<string>();
const queue = [...fromHtml, routeChunk];
while (queue.length > 0) {
  const file = queue.shift() as string;
  if (loaded.has(file)) continue;
  loaded.add(file);
  queue.push(...staticImports(file));
}

const rows = [...loaded]
  .map((file) => {
    const raw = readFileSync(join(assets, file));
    return { file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);
console.log('JavaScript loaded by /members (entry + directory route chunk + their static imports):\n');
console.log(`${'file'.padEnd(40)} ${'raw KiB'.padStart(7)} ${'gzip KiB'.padStart(7)}`);
for (const r of rows) console.log(`${r.file.padEnd(40)} ${kb(r.raw)} ${kb(r.gzip)}`);
const total = rows.reduce((acc, r) => ({ raw: acc.raw + r.raw, gzip: acc.gzip + r.gzip }), {
  raw: 0,
  gzip: 0,
});
console.log(`${'total'.padEnd(40)} ${kb(total.raw)} ${kb(total.gzip)}`);

// CSS of index.html loads with every page; a lazy chunk's own sheet (the date field's calendar) only with it.
const cssGzipOf = (files: string[]) =>
  files.reduce((acc, f) => acc + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
const shellCss = [...html.matchAll(/href="\/assets\/([^"]+\.css)"/g)].map((m) => m[1] as string);
const lazyCss = readdirSync(assets).filter((f) => f.endsWith('.css') && !shellCss.includes(f));
console.log(`\nCSS loaded by every page (index.html): ${kb(cssGzipOf(shellCss)).trim()} KiB gzip`);
for (const f of lazyCss)
  console.log(`CSS loaded with its lazy chunk: ${f} ${kb(cssGzipOf([f])).trim()} KiB gzip`);

const over = total.gzip / 1024 > budgetKb;
console.log(`Budget: ${budgetKb} KiB gzip of JS — ${over ? 'EXCEEDED' : 'within budget'}.`);
process.exit(over ? 1 : 0);
