/**
 * Housekeeping (issue 12, decision 028): deletes what has stopped meaning anything — sessions past their
 * idle or absolute timeout, used or expired emailed tokens, long-closed representative invitations,
 * rate-limit windows that have ended, and sent email and dispatched events older than the retention;
 * and it raises the cooperation board's "expires soon" reminders (decision 033), once per item and date.
 * Pending and failed email (and events not dispatched) is never deleted: it is still to be sent, or waits
 * for an administrator to look at it.
 *
 * Each run is one transaction that first takes a transaction-level advisory lock without waiting: when
 * several servers share a PostgreSQL database, a run that finds the lock taken does nothing (another
 * instance is at it), and the lock goes with the transaction, so a crashed run never leaves it held. The
 * same SQL runs on PGlite. The server runs it every HOUSEKEEPING_MINUTES; `pnpm db:housekeeping`
 * runs it once.
 */
import {
  and,
  authTokens,
  count,
  type Db,
  eq,
  isNotNull,
  lt,
  lte,
  or,
  outboxEvents,
  outboxMessages,
  rateLimits,
  representativeInvitations,
  type SQL,
  sessions,
  sql,
} from '@portal/db';
import { addDays, todayInSofia } from '@portal/shared';
import { SYSTEM_ACTOR } from './audit.ts';
import { RATE_LIMITS } from './auth/rate-limit.ts';
import type { Config } from './config.ts';
import { execute } from './db.ts';
import { remindExpiringBoardItems } from './routes/board/board.reminders.ts';
import { forgetPastBoardCounts } from './routes/board/board.repository.ts';
import { syncAllCommitteeRoles } from './routes/bodies/bodies.service.ts';
import { remindCallDeadlines } from './routes/calls/calls.reminders.ts';
import { remindTomorrowsMeetings } from './routes/meetings/meetings.service.ts';

/**
 * Closed invitations (accepted, revoked or expired) are kept this long: an expired one stays on the
 * organisation's list, where a representative can send it again, and a used link still says why it
 * no longer works. After that the invitee's address goes.
 */
export const INVITATION_RETENTION_DAYS = 30;

/** The advisory lock key of housekeeping runs (any constant that nothing else in the portal uses). */
const LOCK_KEY = sql`hashtext('cluster-portal.housekeeping')`;

export interface HousekeepingPolicy {
  /** A session unused this long has ended (SESSION_IDLE_MINUTES). */
  sessionIdleMs: number;
  /** Sent email, and the dispatched events it came from, older than this many days is deleted. */
  sentMailRetentionDays: number;
  /** The longest rate-limit window: a counter whose window started before that counts as no counter. */
  rateLimitWindowSeconds: number;
}

export interface HousekeepingResult {
  sessions: number;
  authTokens: number;
  invitations: number;
  rateLimits: number;
  sentEmails: number;
  dispatchedEvents: number;
  /** Board items whose "expires soon" reminder was raised (an outbox event each). */
  boardReminders: number;
  /** Rows of the board's count tables for days that have passed, dropped (decision 038 §6). */
  boardCountRows: number;
  /** Users whose committee roles changed because a term in the reviewing body started or ended (decision 039). */
  committeeRoles: number;
  /** Invited meetings starting tomorrow (Sofia) whose day-before reminder was raised, once each (decision 041). */
  meetingReminders: number;
  /** Deadline reminders of funding calls raised (one per call, interested member and 30/7/1 days; issue 16 §3). */
  callReminders: number;
}

export function housekeepingPolicy(
  config: Pick<Config, 'sessionIdleMs' | 'sentMailRetentionDays'>,
): HousekeepingPolicy {
  return {
    sessionIdleMs: config.sessionIdleMs,
    sentMailRetentionDays: config.sentMailRetentionDays,
    rateLimitWindowSeconds: Math.max(...Object.values(RATE_LIMITS).map((l) => l.windowSeconds)),
  };
}

/** Deletes the rows of `table` that match `where` and counts them in the database (one statement). */
async function deleted(db: Db, table: Parameters<Db['delete']>[0], where: SQL | undefined): Promise<number> {
  const gone = db.$with('gone').as(db.delete(table).where(where).returning({ one: sql<number>`1` }));
  const [row] = await db.with(gone).select({ n: count() }).from(gone);
  return row?.n ?? 0;
}

const now = sql`now()`;
const secondsAgo = (seconds: number) => sql`now() - make_interval(secs => ${seconds})`;
const daysAgo = (days: number) => sql`now() - make_interval(days => ${days})`;

/**
 * One housekeeping run. Returns what it deleted, or null when another run (another server sharing the
 * database) holds the lock. `whileLocked` runs once the lock is held, before anything is deleted (tests).
 */
export async function runHousekeeping(
  db: Db,
  policy: HousekeepingPolicy,
  options: { whileLocked?: () => Promise<void>; today?: string; now?: Date } = {},
): Promise<HousekeepingResult | null> {
  const idleSeconds = Math.floor(policy.sessionIdleMs / 1000);
  return db.transaction(async (tx) => {
    // A function call with no table: the builder has no statement for it.
    const [lock] = await execute<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${LOCK_KEY}) as locked`,
    );
    if (!lock?.locked) return null;
    await options.whileLocked?.();
    return {
      // The same test as resolveSession's: past the absolute timeout or idle too long.
      sessions: await deleted(
        tx,
        sessions,
        or(lte(sessions.expiresAt, now), lte(sessions.lastSeenAt, secondsAgo(idleSeconds))),
      ),
      // A used or expired token is refused exactly like an unknown one (token.invalid).
      authTokens: await deleted(
        tx,
        authTokens,
        or(isNotNull(authTokens.usedAt), lte(authTokens.expiresAt, now)),
      ),
      invitations: await deleted(
        tx,
        representativeInvitations,
        lt(
          sql`least(${representativeInvitations.expiresAt}, ${representativeInvitations.acceptedAt}, ${representativeInvitations.revokedAt})`,
          daysAgo(INVITATION_RETENTION_DAYS),
        ),
      ),
      // hitRateLimit starts a new window over a row this old: deleting it changes no count.
      rateLimits: await deleted(
        tx,
        rateLimits,
        lte(rateLimits.windowStart, secondsAgo(policy.rateLimitWindowSeconds)),
      ),
      sentEmails: await deleted(
        tx,
        outboxMessages,
        and(
          eq(outboxMessages.status, 'sent'),
          lt(outboxMessages.sentAt, daysAgo(policy.sentMailRetentionDays)),
        ),
      ),
      // An event's emails are in the outbox once it is dispatched; undispatched and failed ones stay.
      dispatchedEvents: await deleted(
        tx,
        outboxEvents,
        lt(outboxEvents.dispatchedAt, daysAgo(policy.sentMailRetentionDays)),
      ),
      // Not a deletion, but daily upkeep all the same: one reminder per board item and date.
      boardReminders: await remindExpiringBoardItems(tx, options.today ?? todayInSofia()),
      // The board's counts of days before yesterday (by the real clock, whatever `today` a caller passes):
      // nobody reads a day that has passed.
      boardCountRows: await forgetPastBoardCounts(tx, addDays(todayInSofia(), -1)),
      // Terms of the body that reviews applications start and end on dates: the roles follow that day.
      committeeRoles: await syncAllCommitteeRoles(tx, SYSTEM_ACTOR, options.today ?? todayInSofia()),
      // The day before a meeting its seats are reminded (an outbox event per meeting, once).
      meetingReminders: await remindTomorrowsMeetings(tx, options.today ?? todayInSofia()),
      // 30, 7 and 1 days before a funding call's deadline its interested members are reminded, once each.
      callReminders: await remindCallDeadlines(tx, options.now ?? new Date()),
    };
  });
}

/** The part of a pino logger housekeeping uses. */
export interface HousekeepingLog {
  info(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface Housekeeper {
  /** Stops the schedule and waits for a run in progress. */
  stop(): Promise<void>;
}

export interface HousekeeperOptions {
  db: Db;
  config: Pick<Config, 'sessionIdleMs' | 'sentMailRetentionDays' | 'housekeepingIntervalMs'>;
  log: HousekeepingLog;
  /** The first run, after start-up has settled. */
  firstRunDelayMs?: number;
}

/**
 * Runs housekeeping every `config.housekeepingIntervalMs` (never when it is 0), the first time a minute
 * after start. Runs never overlap; a failed run is logged and the schedule goes on.
 */
export function startHousekeeping({
  db,
  config,
  log,
  firstRunDelayMs = 60_000,
}: HousekeeperOptions): Housekeeper {
  if (config.housekeepingIntervalMs <= 0) {
    log.info({}, 'housekeeping is off (HOUSEKEEPING_MINUTES=0): run `pnpm db:housekeeping` instead');
    return { stop: async () => {} };
  }
  const policy = housekeepingPolicy(config);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const run = async () => {
    const startedAt = performance.now();
    try {
      const result = await runHousekeeping(db, policy);
      const ms = Math.round(performance.now() - startedAt);
      if (!result) log.debug({ event: 'housekeeping.skipped' }, 'housekeeping runs on another instance');
      else if (Object.values(result).some((n) => n > 0)) {
        log.info({ event: 'housekeeping.done', deleted: result, ms }, 'housekeeping done');
      } else log.debug({ event: 'housekeeping.done', deleted: result, ms }, 'housekeeping: nothing to do');
    } catch (err) {
      log.error({ err, event: 'housekeeping.failed' }, 'housekeeping failed');
    }
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = run().finally(() => {
        running = undefined;
        schedule(config.housekeepingIntervalMs);
      });
    }, delay);
    timer.unref();
  };
  schedule(firstRunDelayMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
