/**
 * What the benchmarks share: a free port, percentiles, and clean-up steps that also run on Ctrl-C
 * (throwaway databases, clusters and server processes must not outlive an interrupted run).
 */
import { createServer } from 'node:net';

/** A benchmark option: `--name=value` on the command line, else the environment variable NAME, else `fallback`. */
export function option(name: string, fallback: string): string {
  const flag = `--${name.toLowerCase().replace(/_/g, '-')}=`;
  const fromArgv = process.argv.find((a) => a.startsWith(flag));
  if (fromArgv) return fromArgv.slice(flag.length);
  const fromEnv = process.env[name];
  return fromEnv !== undefined && fromEnv.trim() !== '' ? fromEnv.trim() : fallback;
}

/** A whole-number option between 1 and `max`; anything else stops the run with the option's name. */
export function positiveInt(name: string, fallback: number, max: number): number {
  const raw = option(name, String(fallback));
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(`${name} must be a whole number between 1 and ${max}, got ${raw}`);
  return value;
}

export type Engine = 'pglite' | 'postgres';

/** ENGINES: a comma-separated list of `pglite` and `postgres`. */
export function enginesOption(fallback: string): Engine[] {
  const engines = option('ENGINES', fallback)
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean) as Engine[];
  for (const engine of engines)
    if (engine !== 'pglite' && engine !== 'postgres') throw new Error(`unknown engine in ENGINES: ${engine}`);
  return engines;
}

/** DATABASE_ADMIN_URL: where scratch databases are made; only ever this machine's server. */
export function adminUrlOption(): string {
  const url = option('DATABASE_ADMIN_URL', 'postgres://postgres@127.0.0.1:5432/postgres');
  if (new URL(url).hostname !== '127.0.0.1') throw new Error('the bench only contacts 127.0.0.1');
  return url;
}

/** The value at percentile `p` (0–100) of an ascending array: the nearest-rank method. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
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

/** Clean-up steps, run last-in first-out by `runCleanups()` (at the end, or on SIGINT/SIGTERM). */
export const cleanups: (() => Promise<void>)[] = [];
let interrupted = false;

/** Whether SIGINT or SIGTERM has arrived (long loops stop early). */
export function wasInterrupted(): boolean {
  return interrupted;
}

export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop() as () => Promise<void>;
    try {
      await cleanup();
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: cleaning up…`);
    void runCleanups().finally(() => process.exit(130));
  });
}
