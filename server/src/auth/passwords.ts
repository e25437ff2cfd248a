import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';

/**
 * argon2id with OWASP's first recommended parameter set (19 MiB memory, 2 iterations, 1 lane): see the
 * OWASP Password Storage Cheat Sheet. Passwords are NFC-normalised so the same Cyrillic password typed
 * on different keyboards hashes the same; nothing is trimmed or truncated.
 */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Verifies against a throw-away hash, so a log-in for an unknown email costs as long as one with a
 * wrong password and timing does not reveal which emails are registered.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('timing-equaliser-not-a-real-password');
  await verifyPassword(await dummyHash, password);
}

let estimator: ZxcvbnFactory | undefined;
/**
 * zxcvbn-ts with its common dictionaries (the most common passwords of public breach corpora, names,
 * Wikipedia words, keyboard patterns): unlike a plain list it also scores long passwords made of
 * sequences, repeats, dates, keyboard walks and common words with digits (`password1234`,
 * `123456789012`, `qwertyuiop12`). Built once, on first use (~0.4 s).
 */
function passwordEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
  });
  return estimator;
}

/**
 * The lowest zxcvbn score a new password must reach: 3 means about 10^8 guesses or more, "safely
 * unguessable" against online attacks and slowed offline ones given argon2id (zxcvbn's own scale).
 */
export const MIN_PASSWORD_SCORE = 3;

/** Parts of a name or email shorter than this are too common to refuse inside a password. */
const MIN_PERSONAL_PART = 4;

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('bg');
const compact = (s: string) => fold(s).replace(/[\s._+\-@]+/g, '');

/** What a password must not contain: the email's local part (whole and by piece) and the name. */
function personalParts(user: { email?: string | undefined; displayName?: string | undefined }): string[] {
  const parts = new Set<string>();
  const local = user.email ? fold(user.email.split('@')[0] ?? '') : '';
  const name = user.displayName ? fold(user.displayName) : '';
  for (const whole of [compact(local), compact(name)]) if (whole.length >= 3) parts.add(whole);
  for (const piece of [...local.split(/[._+-]+/), ...name.split(/[\s._-]+/)]) {
    if (piece.length >= MIN_PERSONAL_PART) parts.add(piece);
  }
  return [...parts];
}

export type PasswordProblem = 'password.weak' | 'password.personal';

/**
 * Why a new password is refused, if it is: it contains the user's own email (local part) or name
 * (case-insensitive, separators ignored), or zxcvbn estimates it below MIN_PASSWORD_SCORE (the user's
 * email and name count as known words there too).
 */
export function passwordProblem(
  password: string,
  user: { email?: string | undefined; displayName?: string | undefined } = {},
): PasswordProblem | undefined {
  const parts = personalParts(user);
  const folded = fold(password);
  const compacted = compact(password);
  if (parts.some((p) => folded.includes(p) || compacted.includes(p))) return 'password.personal';
  const result = passwordEstimator().check(password.normalize('NFC'), parts);
  return result.score < MIN_PASSWORD_SCORE ? 'password.weak' : undefined;
}
