import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DbConfig, pgliteDir } from '@portal/db';
import * as z from 'zod';

/**
 * The server's configuration, parsed once from the environment. Nothing else in the server reads
 * `process.env`: everything it needs comes from here (or is injected by tests).
 */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** One entry of a TRUST_PROXY list: an address, a CIDR range, or one of proxy-addr's named ranges. */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

const TRUST_PROXY_ERROR =
  'expected false, true, or a comma-separated list of proxy addresses or CIDR ranges (such as 10.0.0.0/8)';

/**
 * Who may tell the client's address in X-Forwarded-For (Fastify's `trustProxy`): `false` (nobody; the
 * default), `true` (any sender: only when every request comes through the proxy), or a list of the
 * proxies' addresses or CIDR ranges. Not a hop count: Fastify (5.12.1 on) treats one as "trust nobody",
 * since a count cannot tell a proxy from a client that writes its own X-Forwarded-For (decision 026).
 */
const TrustProxySchema = z
  .string()
  .trim()
  .transform((value, ctx): boolean | string[] => {
    const lower = value.toLowerCase();
    if (lower === 'false') return false;
    if (lower === 'true') return true;
    if (/^\d+$/.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `${TRUST_PROXY_ERROR}; a number of proxies is not accepted, because it cannot tell a proxy from a client that writes its own X-Forwarded-For`,
      });
      return z.NEVER;
    }
    const entries = value.split(',').map((entry) => entry.trim());
    if (entries.every((entry) => entry !== '' && isProxyAddress(entry))) return entries;
    ctx.addIssue({ code: 'custom', message: TRUST_PROXY_ERROR });
    return z.NEVER;
  });

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
  // Operations (issue 12): slow-query log, /metrics access, housekeeping.
  SLOW_QUERY_MS: z.coerce
    .number({ error: 'expected a number of milliseconds between 0 (off) and 600000' })
    .int({ error: 'expected a number of milliseconds between 0 (off) and 600000' })
    .min(0, { error: 'expected a number of milliseconds between 0 (off) and 600000' })
    .max(600_000, { error: 'expected a number of milliseconds between 0 (off) and 600000' })
    .default(500),
  METRICS_TOKEN: z
    .string()
    .trim()
    .regex(/^[\x21-\x7e]{32,256}$/, {
      error: 'expected 32 to 256 printable characters without spaces (e.g. from `openssl rand -hex 32`)',
    })
    .optional(),
  SENT_MAIL_RETENTION_DAYS: z.coerce
    .number({ error: 'expected a number of days between 1 and 3650' })
    .int({ error: 'expected a number of days between 1 and 3650' })
    .min(1, { error: 'expected a number of days between 1 and 3650' })
    .max(3650, { error: 'expected a number of days between 1 and 3650' })
    .default(30),
  HOUSEKEEPING_MINUTES: z.coerce
    .number({ error: 'expected a number of minutes between 0 (off) and 10080' })
    .int({ error: 'expected a number of minutes between 0 (off) and 10080' })
    .min(0, { error: 'expected a number of minutes between 0 (off) and 10080' })
    .max(10_080, { error: 'expected a number of minutes between 0 (off) and 10080' })
    .default(60),
  DB_POOL_SIZE: z.coerce
    .number({ error: 'expected a number of connections between 1 and 1000' })
    .int({ error: 'expected a number of connections between 1 and 1000' })
    .min(1, { error: 'expected a number of connections between 1 and 1000' })
    .max(1000, { error: 'expected a number of connections between 1 and 1000' })
    .default(10),
  DB_CONNECT_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'expected a number of seconds between 1 and 600' })
    .int({ error: 'expected a number of seconds between 1 and 600' })
    .min(1, { error: 'expected a number of seconds between 1 and 600' })
    .max(600, { error: 'expected a number of seconds between 1 and 600' })
    .default(5),
  DB_STATEMENT_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'expected a number of seconds between 0 (no limit) and 3600' })
    .int({ error: 'expected a number of seconds between 0 (no limit) and 3600' })
    .min(0, { error: 'expected a number of seconds between 0 (no limit) and 3600' })
    .max(3600, { error: 'expected a number of seconds between 0 (no limit) and 3600' })
    .default(15),
  TRUST_PROXY: TrustProxySchema.default(false),
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
  /** Statements slower than this are logged at warn, with their SQL text only; 0 turns the log off. */
  slowQueryMs: number;
  /** The bearer token that opens `/metrics` to callers other than loopback; without it, loopback only. */
  metricsToken: string | undefined;
  /** Sent email older than this is deleted by housekeeping (pending and failed email never is). */
  sentMailRetentionDays: number;
  /** How often the server runs housekeeping; 0: never (run `pnpm db:housekeeping` from a scheduler). */
  housekeepingIntervalMs: number;
  /**
   * PostgreSQL pool (decision 026): its size, how long a new connection may take before its query fails
   * (then 503), and each statement's `statement_timeout` (0: none). PGlite ignores them.
   */
  dbPoolSize: number;
  dbConnectTimeoutSeconds: number;
  dbStatementTimeoutSeconds: number;
  /** Fastify's `trustProxy`: whose X-Forwarded-For sets `request.ip` (rate limits, logs). */
  trustProxy: boolean | string[];
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
  // In production the portal must know the https:// origin users reach it at (email links, the Origin
  // check, Secure cookies), and without SMTP the outbox (admin mailbox page) would be the delivery channel
  // and keep the emailed links, which would let an administrator or a backup take over accounts
  // (decision 014). Start-up stops, naming every variable that is missing.
  if (e.NODE_ENV === 'production') {
    const missing: string[] = [];
    if (!e.PUBLIC_URL?.startsWith('https://')) {
      missing.push(
        `PUBLIC_URL: ${e.PUBLIC_URL ? 'must be an https:// origin' : 'required'} when NODE_ENV=production (the https:// origin users reach the portal at, such as https://portal.example.bg: links in emails, the Origin check and Secure cookies depend on it)`,
      );
    }
    if (!e.SMTP_URL) {
      missing.push(
        'SMTP_URL: required when NODE_ENV=production (without SMTP, emailed links would stay readable in the outbox; see docs/decisions/014-emailed-tokens-and-logs.md)',
      );
    }
    if (missing.length > 0) throw new ConfigError(`Invalid configuration: ${missing.join('; ')}`);
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
    slowQueryMs: e.SLOW_QUERY_MS,
    metricsToken: e.METRICS_TOKEN,
    sentMailRetentionDays: e.SENT_MAIL_RETENTION_DAYS,
    housekeepingIntervalMs: e.HOUSEKEEPING_MINUTES * 60_000,
    dbPoolSize: e.DB_POOL_SIZE,
    dbConnectTimeoutSeconds: e.DB_CONNECT_TIMEOUT_SECONDS,
    dbStatementTimeoutSeconds: e.DB_STATEMENT_TIMEOUT_SECONDS,
    trustProxy: e.TRUST_PROXY,
  };
}

/** What `openMigratedDb()` needs to open the configured database with the configured pool. */
export function databaseConfig(config: Config): DbConfig {
  return {
    databaseUrl: config.databaseUrl,
    dataDir: config.pgliteDir,
    maxConnections: config.dbPoolSize,
    connectTimeoutSeconds: config.dbConnectTimeoutSeconds,
    statementTimeoutSeconds: config.dbStatementTimeoutSeconds,
    // Idle connections are not kept for ever: one the network silently lost is replaced within a minute.
    idleTimeoutSeconds: 60,
  };
}
