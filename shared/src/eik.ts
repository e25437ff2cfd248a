/**
 * ЕИК / БУЛСТАТ — the Bulgarian unified identification code of legal entities.
 *
 * Rule (Наредба за ЕИК / Търговски регистър): 9 digits, or 13 for a branch (9-digit ЕИК + 4 digits).
 * - 9th digit: Σ dᵢ·i (i = 1..8) mod 11; if 10, weights 3..10 mod 11; if still 10 the digit is 0.
 * - 13th digit: digits 9..12 with weights 2,7,3,5 mod 11; if 10, weights 4,9,5,7; if still 10, 0;
 *   and the first 9 digits must themselves be a valid ЕИК.
 */
const W9_PRIMARY = [1, 2, 3, 4, 5, 6, 7, 8];
const W9_FALLBACK = [3, 4, 5, 6, 7, 8, 9, 10];
const W13_PRIMARY = [2, 7, 3, 5];
const W13_FALLBACK = [4, 9, 5, 7];

function checkDigit(digits: number[], primary: number[], fallback: number[]): number {
  const sum = (weights: number[]) => weights.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0) % 11;
  const first = sum(primary);
  if (first !== 10) return first;
  const second = sum(fallback);
  return second === 10 ? 0 : second;
}

/** The check digit a 9-digit ЕИК must end with, given its first 8 digits. */
export function eik9CheckDigit(first8: string): number {
  return checkDigit([...first8].map(Number), W9_PRIMARY, W9_FALLBACK);
}

/** The check digit a 13-digit ЕИК must end with, given its first 12 digits. */
export function eik13CheckDigit(first12: string): number {
  return checkDigit([...first12.slice(8, 12)].map(Number), W13_PRIMARY, W13_FALLBACK);
}

/** 9 digits, or 13 for a branch: the shape, before the check digits are looked at. */
export function hasEikFormat(value: string): boolean {
  return /^(\d{9}|\d{13})$/.test(value);
}

/**
 * What is wrong with an ЕИК, so that a person who typed 9 digits is not told to type 9 digits
 * (issue 11 C5): `format` (not 9 or 13 digits), `check_digit` (the right length, a digit mistyped), or
 * null when it is valid.
 */
export function eikProblem(value: string): 'format' | 'check_digit' | null {
  if (!hasEikFormat(value)) return 'format';
  return isValidEik(value) ? null : 'check_digit';
}

export function isValidEik(value: string): boolean {
  if (!/^(\d{9}|\d{13})$/.test(value)) return false;
  if (eik9CheckDigit(value.slice(0, 8)) !== Number(value[8])) return false;
  if (value.length === 9) return true;
  return eik13CheckDigit(value.slice(0, 12)) === Number(value[12]);
}
