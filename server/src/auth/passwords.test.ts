import { describe, expect, it } from 'vitest';
import { hashPassword, isCommonPassword, verifyPassword } from './passwords.ts';

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

describe('the common-password list', () => {
  it('ships 10,000 entries and matches case-insensitively', async () => {
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean);
    expect(lines).toHaveLength(10_000);
    expect(new Set(lines).size).toBe(10_000);
    expect(isCommonPassword('qwerty123456')).toBe(true);
    expect(isCommonPassword('QWERTY123456')).toBe(true);
    expect(isCommonPassword('klaster-demo-2026')).toBe(false);
  });
});
