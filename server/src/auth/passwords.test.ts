import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('uses argon2id with the OWASP parameters and verifies only the same password', async () => {
    const hash = await hashPassword('дълга парола на кирилица');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'дълга парола на кирилица')).toBe(true);
    expect(await verifyPassword(hash, 'дълга парола на кирилицa')).toBe(false); // Latin "a" at the end
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('treats composed and decomposed Cyrillic as the same password', async () => {
    const hash = await hashPassword('йордан-йорданов');
    expect(await verifyPassword(hash, 'и\u0306ордан-и\u0306орданов')).toBe(true);
  });

  it('does not truncate long passwords', async () => {
    const base = 'x'.repeat(127);
    const hash = await hashPassword(`${base}a`);
    expect(await verifyPassword(hash, `${base}b`)).toBe(false);
  });
});

describe('the password strength rule', () => {
  it('refuses long but guessable passwords that a plain common-password list misses', () => {
    for (const password of ['password1234', '123456789012', 'qwertyuiop12', 'iloveyou1234', '1q2w3e4r5t6y']) {
      expect(passwordProblem(password), password).toBe('password.weak');
    }
    for (const password of ['QWERTY123456', 'aaaaaaaaaaaa', 'passwordpassword', 'абвгдежзийкл']) {
      expect(passwordProblem(password), password).toBe('password.weak');
    }
  });

  it('accepts passphrases and unpredictable passwords in any script', () => {
    for (const password of [
      'klaster-demo-2026',
      'correct horse battery staple',
      'жълт слон ям',
      'МояТайнаПарола',
    ]) {
      expect(passwordProblem(password), password).toBeUndefined();
    }
  });

  it('refuses the user’s own email local part or name, whatever the case and separators', () => {
    const user = { email: 'ivan.petrov@example.bg', displayName: 'Иван Петров' };
    expect(passwordProblem('IvanPetrov horse battery', user)).toBe('password.personal');
    expect(passwordProblem('blue petrov horse battery', user)).toBe('password.personal');
    expect(passwordProblem('зелен ИВАН кон батерия', user)).toBe('password.personal');
    expect(passwordProblem('иван петров конче 7', user)).toBe('password.personal');
    // Short name parts are not refused on their own (too common inside other words).
    expect(
      passwordProblem('correct horse battery staple', { email: 'al@example.bg', displayName: 'Al' }),
    ).toBeUndefined();
  });
});
