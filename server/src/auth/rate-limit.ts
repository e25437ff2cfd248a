import { type Db, sql } from '@portal/db';
import { execute } from '../db.ts';
import { AppError } from '../errors.ts';

export interface Limit {
  /** Requests allowed per window. */
  max: number;
  windowSeconds: number;
}

/** The limits on the endpoints attackers like; windows always end, so no account is locked for good. */
export const RATE_LIMITS = {
  /** The sixth wrong password for one account within a minute is refused. */
  logInPerAccount: { max: 5, windowSeconds: 60 },
  logInPerIp: { max: 30, windowSeconds: 60 },
  signUpPerIp: { max: 10, windowSeconds: 3600 },
  signUpPerAccount: { max: 3, windowSeconds: 3600 },
  resetPerAccount: { max: 3, windowSeconds: 900 },
  resetPerIp: { max: 20, windowSeconds: 3600 },
  tokenPerIp: { max: 30, windowSeconds: 900 },
  /** Invitations of colleagues to represent an organisation, per inviting user (each sends an email). */
  invitePerUser: { max: 20, windowSeconds: 3600 },
  /**
   * Current-password checks of a signed-in user (password change and email change share the count): each
   * is a full argon2 verification, and a stolen session must not become a password-guessing oracle.
   * Counted before the check like log-in; a right password clears the count.
   */
  passwordCheckPerUser: { max: 5, windowSeconds: 900 },
  /** Email-change requests that send mail, per user and per new address (no mail floods). */
  emailChangePerUser: { max: 5, windowSeconds: 3600 },
  emailChangePerAddress: { max: 3, windowSeconds: 3600 },
} satisfies Record<string, Limit>;

export type RateLimits = Record<keyof typeof RATE_LIMITS, Limit>;

/**
 * Counts one hit on `key` in a fixed window and refuses with 429 + Retry-After once the window's
 * allowance is spent. One atomic upsert: concurrent hits on PostgreSQL cannot both see the old count.
 */
export async function hitRateLimit(db: Db, key: string, limit: Limit): Promise<void> {
  const [row] = await execute<{ hits: number; retry_after: number }>(
    db,
    sql`insert into rate_limits as r (key, window_start, hits) values (${key}, now(), 1)
        on conflict (key) do update set
          hits = case when r.window_start <= now() - make_interval(secs => ${limit.windowSeconds}) then 1
                      else r.hits + 1 end,
          window_start = case when r.window_start <= now() - make_interval(secs => ${limit.windowSeconds})
                              then now() else r.window_start end
        returning hits,
          greatest(1, ceil(extract(epoch from (window_start + make_interval(secs => ${limit.windowSeconds}) - now()))))::int
            as retry_after`,
  );
  if (row && row.hits > limit.max) {
    throw new AppError('rate_limited', 429, {
      values: { seconds: row.retry_after },
      headers: { 'retry-after': String(row.retry_after) },
    });
  }
}

/** Forgets a key's hits (a successful log-in clears the account's failures). */
export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await execute(db, sql`delete from rate_limits where key = ${key}`);
}
