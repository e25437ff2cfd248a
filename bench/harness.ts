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
