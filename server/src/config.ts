import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pgliteDir } from '@portal/db';
import * as z from 'zod';

/**
 * The server's configuration, parsed once from the environment. Nothing else in the server reads
 * `process.env`: everything it needs comes from here (or is injected by tests).
 */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

// The same from source (server/src/config.ts) and from the production bundle (server/dist/*.js).
const defaultWebDistDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

const EnvSchema = z.object({
  PORT: z.coerce
    .number({ error: 'expected a number between 1 and 65535' })
    .int({ error: 'expected a number between 1 and 65535' })
    .min(1, { error: 'expected a number between 1 and 65535' })
    .max(65535, { error: 'expected a number between 1 and 65535' })
    .default(3000),
  HOST: z.string().trim().min(1, { error: 'expected a host name or address' }).default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1, { error: 'expected a directory path' }).default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => /^postgres(ql)?:\/\/.+/.test(v) && URL.canParse(v), {
      error: 'expected a postgres:// or postgresql:// URL',
    })
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  NODE_ENV: z
    .enum(['development', 'production', 'test'], { error: 'expected development, production or test' })
    .default('development'),
  SHUTDOWN_DELAY_SECONDS: z.coerce
    .number({ error: 'expected a number of seconds between 0 and 120' })
    .int({ error: 'expected a number of seconds between 0 and 120' })
    .min(0, { error: 'expected a number of seconds between 0 and 120' })
    .max(120, { error: 'expected a number of seconds between 0 and 120' })
    .optional(),
  WEB_DIST_DIR: z.string().trim().min(1, { error: 'expected a directory path' }).optional(),
  PUBLIC_URL: z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^/]+\/?$/.test(v) && URL.canParse(v), {
      error: 'expected an origin such as https://portal.example.bg',
    })
    .optional(),
  SMTP_URL: z
    .string()
    .trim()
    .refine((v) => /^smtps?:\/\/.+/.test(v) && URL.canParse(v), {
      error: 'expected an smtp:// or smtps:// URL',
    })
    .optional(),
  MAIL_FROM: z.string().trim().min(3, { error: 'expected a sender address' }).optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number({ error: 'expected a number of minutes between 5 and 1440' })
    .int({ error: 'expected a number of minutes between 5 and 1440' })
    .min(5, { error: 'expected a number of minutes between 5 and 1440' })
    .max(1440, { error: 'expected a number of minutes between 5 and 1440' })
    .default(480),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number({ error: 'expected a number of hours between 1 and 720' })
    .int({ error: 'expected a number of hours between 1 and 720' })
    .min(1, { error: 'expected a number of hours between 1 and 720' })
    .max(720, { error: 'expected a number of hours between 1 and 720' })
    .default(168),
  REQUEST_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'expected a number of seconds between 1 and 3600' })
    .int({ error: 'expected a number of seconds between 1 and 3600' })
    .min(1, { error: 'expected a number of seconds between 1 and 3600' })
    .max(3600, { error: 'expected a number of seconds between 1 and 3600' })
    .default(60),
  CONNECTION_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'expected a number of seconds between 1 and 3600' })
    .int({ error: 'expected a number of seconds between 1 and 3600' })
    .min(1, { error: 'expected a number of seconds between 1 and 3600' })
    .max(3600, { error: 'expected a number of seconds between 1 and 3600' })
    .default(60),
  KEEP_ALIVE_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'expected a number of seconds between 1 and 600' })
    .int({ error: 'expected a number of seconds between 1 and 600' })
    .min(1, { error: 'expected a number of seconds between 1 and 600' })
    .max(600, { error: 'expected a number of seconds between 1 and 600' })
    .default(10),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  /** Absolute directory holding the portal's files; PGlite keeps its database in `${dataDir}/pglite`. */
  dataDir: string;
  /** The PGlite data directory (`${dataDir}/pglite`). */
  pgliteDir: string;
  databaseUrl: string | undefined;
  logLevel: LogLevel;
  nodeEnv: 'development' | 'production' | 'test';
  /**
   * On SIGTERM/SIGINT readiness answers 503 at once and the server goes on serving for this long, so a
   * load balancer stops sending traffic before the listener closes (5 s in production, 0 otherwise).
   */
  shutdownDelayMs: number;
  /** The built SPA (web/dist); served with history fallback when it holds index.html. */
  webDistDir: string;
  /** The origin users reach the portal at: links in emails, and the Origin check for mutations. */
  publicUrl: string;
  /** smtp(s):// URL; without it email stays in the outbox (read on the admin mailbox page). */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Secure `__Host-` session cookie (production). */
  secureCookies: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /**
   * How long a client may take to send a whole request, headers and body (a body trickled a byte at a
   * time is cut off here, with 408), how long a connection may sit idle, and how long an idle keep-alive
   * connection is kept between requests (issue 11 A11).
   */
  requestTimeoutMs: number;
  connectionTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Empty strings count as unset, so `PORT= npm start` falls back to the default like an absent PORT. */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') out[key] = value;
  return out;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${details.join('; ')}`);
  }
  const e = parsed.data;
  // Without SMTP the outbox (admin mailbox page) is the delivery channel and keeps the emailed links;
  // in production that would let an administrator or a backup take over accounts (decision 014).
  if (e.NODE_ENV === 'production' && !e.SMTP_URL) {
    throw new ConfigError(
      'Invalid configuration: SMTP_URL: required when NODE_ENV=production (without SMTP, emailed links would stay readable in the outbox; see docs/decisions/014-emailed-tokens.md)',
    );
  }
  // pnpm runs package scripts inside server/; INIT_CWD is where the user ran pnpm, so `pnpm start` and
  // `pnpm db:seed` at the root agree on ./data (db/src/cli/config.ts resolves it the same way).
  const base = env.INIT_CWD?.trim() ? env.INIT_CWD : process.cwd();
  const dataDir = resolve(base, e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    pgliteDir: pgliteDir(dataDir),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    shutdownDelayMs: (e.SHUTDOWN_DELAY_SECONDS ?? (e.NODE_ENV === 'production' ? 5 : 0)) * 1000,
    webDistDir: e.WEB_DIST_DIR ? resolve(base, e.WEB_DIST_DIR) : defaultWebDistDir,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? 'Клъстер „София – град на знанието“ <no-reply@localhost>',
    secureCookies: e.NODE_ENV === 'production',
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    requestTimeoutMs: e.REQUEST_TIMEOUT_SECONDS * 1000,
    connectionTimeoutMs: e.CONNECTION_TIMEOUT_SECONDS * 1000,
    keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_SECONDS * 1000,
  };
}
