import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';

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

let common: Set<string> | undefined;
/** Is the password one of the 10,000 most common (case-insensitive)? The list ships with the server. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean),
  );
  return common.has(password.normalize('NFC').toLowerCase());
}
