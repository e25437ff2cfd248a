import { type AuthTokenPurpose, and, authTokens, type Db, eq, gt, isNull, sql, users } from '@portal/db';
import type { Language } from '@portal/shared';

export { deleteSessionById } from '../../auth/sessions.repository.ts';

/** Accounts and single-use email tokens in the database, for sign-up, log-in and recovery (decision 029). */

// ---------- accounts ----------

/** What log-in and the emailed links need of the account with this (lower-cased) email. */
export async function findCredentialsByEmail(db: Db, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      displayName: users.displayName,
      language: users.language,
      emailVerifiedAt: users.emailVerifiedAt,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  if (!row) return undefined;
  const { emailVerifiedAt, disabledAt, ...rest } = row;
  return { ...rest, verified: emailVerifiedAt !== null, disabled: disabledAt !== null };
}

export type Credentials = NonNullable<Awaited<ReturnType<typeof findCredentialsByEmail>>>;

/** Inserts a user unless the email is taken (a concurrent sign-up); returns the new id. */
export async function insertUserUnlessTaken(
  db: Db,
  user: { email: string; passwordHash: string; displayName: string; language: Language },
): Promise<string | undefined> {
  const [row] = await db.insert(users).values(user).onConflictDoNothing().returning({ id: users.id });
  return row?.id;
}

/** Marks a user changed: a new version for optimistic locking. */
const changed = { updatedAt: sql`now()`, version: sql`${users.version} + 1` };

/** Verified from now, or since earlier when already verified. */
const verifiedNowOrEarlier = sql`coalesce(${users.emailVerifiedAt}, now())`;

export async function markEmailVerified(db: Db, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ emailVerifiedAt: verifiedNowOrEarlier, ...changed })
    .where(eq(users.id, userId));
}

/** A new password; the email counts as verified too (the reset link reached it). */
export async function setPasswordAndVerify(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, emailVerifiedAt: verifiedNowOrEarlier, ...changed })
    .where(eq(users.id, userId));
}

/**
 * Changes the user's email (verified now) unless another account holds it; false when one does. One
 * statement: the check and the change cannot be split by a concurrent sign-up or change.
 */
export async function changeEmailUnlessTaken(db: Db, userId: string, newEmail: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ email: newEmail, emailVerifiedAt: sql`now()`, ...changed })
    .where(
      and(
        eq(users.id, userId),
        // The same table again under another name: a raw condition (`alias` is not re-exported by @portal/db).
        sql`not exists (select 1 from ${users} other where lower(other.email) = ${newEmail})`,
      ),
    )
    .returning({ id: users.id });
  return rows.length > 0;
}

// ---------- single-use tokens ----------

export async function insertAuthToken(
  db: Db,
  token: {
    tokenHash: string;
    userId: string;
    purpose: AuthTokenPurpose;
    newEmail: string | null;
    expiresAt: Date;
  },
): Promise<void> {
  await db.insert(authTokens).values(token);
}

/**
 * Marks the token of `purpose` used if it is unused and unexpired, in one conditional update (two
 * concurrent uses cannot both succeed); returns its user and new email, or undefined.
 */
export async function useAuthToken(db: Db, tokenHash: string, purpose: AuthTokenPurpose) {
  const [row] = await db
    .update(authTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(authTokens.tokenHash, tokenHash),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: authTokens.userId, newEmail: authTokens.newEmail });
  return row;
}

/** Marks every unused reset token of the user used. */
export async function useResetTokensOf(db: Db, userId: string): Promise<void> {
  await db
    .update(authTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(eq(authTokens.userId, userId), eq(authTokens.purpose, 'reset_password'), isNull(authTokens.usedAt)),
    );
}

/** The owner of the reset token with this hash (used or not, expired or not). */
export async function findResetTokenOwner(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ email: users.email, displayName: users.displayName })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(and(eq(authTokens.tokenHash, tokenHash), eq(authTokens.purpose, 'reset_password')));
  return row;
}
