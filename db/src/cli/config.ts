/**
 * Configuration of the database command-line tools (`pnpm db:migrate`, `pnpm db:seed`), read from the
 * environment with zod so that a bad variable is named instead of failing somewhere deep in a driver.
 */
import { isAbsolute, join, resolve } from 'node:path';
import * as z from 'zod';
import type { DbConfig } from '../client.ts';

/** Where the embedded PGlite database lives inside the data directory (the server uses the same layout). */
export function pgliteDir(dataDir: string): string {
  return join(dataDir, 'pglite');
}

/** An unset or empty variable means "use the default". */
const optional = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const DbEnvSchema = z.object({
  DATABASE_URL: optional(
    z.url({
      protocol: /^postgres(ql)?$/,
      error: 'must be a PostgreSQL URL such as postgres://user@host:5432/portal',
    }),
  ),
  DATA_DIR: optional(
    z
      .string()
      .refine((v) => !v.includes('\0'), 'must not contain a NUL character')
      .refine((v) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(v), 'must be a directory path, not a URL'),
  ),
});

/** A configuration problem, reported to the user without a stack trace. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type DbEnv = Record<string, string | undefined>;

export interface CliDbConfig extends DbConfig {
  /** Human-readable description of the target, for messages (never contains a password). */
  target: string;
}

/**
 * Reads DATABASE_URL and DATA_DIR (default ./data). A relative DATA_DIR is resolved against the
 * directory where the user ran pnpm (INIT_CWD), because pnpm runs package scripts inside db/.
 */
export function readDbConfig(env: DbEnv = process.env, cwd: string = process.cwd()): CliDbConfig {
  const parsed = DbEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${problems}`);
  }
  const { DATABASE_URL, DATA_DIR = './data' } = parsed.data;
  if (DATABASE_URL) {
    const url = new URL(DATABASE_URL);
    url.password = '';
    return { databaseUrl: DATABASE_URL, target: `PostgreSQL ${url.host}${url.pathname}` };
  }
  const base = invocationDir(env, cwd);
  const dataDir = pgliteDir(isAbsolute(DATA_DIR) ? DATA_DIR : resolve(base, DATA_DIR));
  return { dataDir, target: `PGlite ${dataDir}` };
}

/** Where the user ran pnpm (pnpm runs package scripts inside db/): relative paths they type start here. */
export function invocationDir(env: DbEnv = process.env, cwd: string = process.cwd()): string {
  return env.INIT_CWD && env.INIT_CWD.trim() !== '' ? env.INIT_CWD : cwd;
}

/** Errors that explain themselves (bad configuration, a locked database, a refused backup or move). */
const EXPLAINED = new Set(['ConfigError', 'DatabaseLockedError', 'BackupError', 'MoveError']);

/** Runs a command-line tool: an explained error prints its message alone; anything else its stack. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error && EXPLAINED.has(error.name) ? error.message : error);
    process.exitCode = 1;
  });
}
