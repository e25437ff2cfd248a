import { type Db, eq, rateLimits, sql } from '@portal/db';
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
  /** Event registrations from one address (each sends an email; decision 042). */
  eventRegisterPerIp: { max: 20, windowSeconds: 3600 },
  /** Messages through a member's contact form (each sends email; decision 053): per sender address… */
  contactPerIp: { max: 5, windowSeconds: 3600 },
  /** …and per organisation written to, so that no member's mailbox is flooded from many addresses. */
  contactPerOrganization: { max: 20, windowSeconds: 86_400 },
} satisfies Record<string, Limit>;

export type RateLimits = Record<keyof typeof RATE_LIMITS, Limit>;

/**
 * Counts one hit on `key` in a fixed window and refuses with 429 + Retry-After once the window's
 * allowance is spent. One atomic upsert: concurrent hits on PostgreSQL cannot both see the old count.
 */
export async function hitRateLimit(db: Db, key: string, limit: Limit): Promise<void> {
  const windowOver = sql`${rateLimits.windowStart} <= now() - make_interval(secs => ${limit.windowSeconds})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: sql`now()`, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${windowOver} then 1 else ${rateLimits.hits} + 1 end`,
        windowStart: sql`case when ${windowOver} then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({
      hits: rateLimits.hits,
      retryAfter: sql<number>`greatest(1, ceil(extract(epoch from (${rateLimits.windowStart}
        + make_interval(secs => ${limit.windowSeconds}) - now()))))::int`,
    });
  if (row && row.hits > limit.max) {
    throw new AppError('rate_limited', 429, {
      values: { seconds: row.retryAfter },
      headers: { 'retry-after': String(row.retryAfter) },
    });
  }
}

/** Forgets a key's hits (a successful log-in clears the account's failures). */
export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
