import os from 'node:os';
import { openPostgres } from '@portal/db';
import { boardTeaser, forgetBoardTeaserCounts, listBoard } from '@portal/server/board';
import { type BoardListQueryInput, BoardListQuerySchema } from '@portal/shared';
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
const h = openPostgres(`postgres://postgres@127.0.0.1:5432/${process.env.DB}`, 4);
const N = Number(process.env.N ?? 20);
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
console.log('load', os.loadavg().map((l) => l.toFixed(1)).join(' '));
for (const s of SEARCHES) {
  const q = BoardListQuerySchema.parse(s.input);
  let detail = '';
  for (let i = 0; i < 5; i++) await listBoard(h.db, q);
  const t: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    const r = await listBoard(h.db, q);
    t.push(performance.now() - t0);
    detail = `${r.totalIsLowerBound ? 'over ' : ''}${r.total}`;
  }
  t.sort((a, b) => a - b);
  console.log(s.name.padEnd(28), [50, 95, 99].map((p) => pct(t, p).toFixed(1).padStart(7)).join(' '), detail);
}
for (const fresh of [false, true]) {
  const t: number[] = [];
  for (let i = 0; i < N; i++) {
    if (fresh) forgetBoardTeaserCounts(h.db);
    const t0 = performance.now();
    await boardTeaser(h.db, 6);
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  console.log(`teaser ${fresh ? 'recount' : 'cached'}`.padEnd(28), [50, 95, 99].map((p) => pct(t, p).toFixed(1).padStart(7)).join(' '));
}
console.log('load', os.loadavg().map((l) => l.toFixed(1)).join(' '));
await h.close();
