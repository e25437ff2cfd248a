import { describe, expect, it } from 'vitest';
import { EmailSchema, NewPasswordSchema, passwordLength, SignUpBodySchema } from './auth.ts';

describe('passwords', () => {
  it('counts characters, not UTF-16 units, after NFC normalisation', () => {
    expect(passwordLength('🔑'.repeat(3))).toBe(3);
    // "й" as и + combining breve is one character once composed.
    expect(passwordLength('и\u0306')).toBe(1);
  });

  it('accepts 12 to 128 characters of any script and never trims', () => {
    expect(NewPasswordSchema.safeParse('абвгдежзийкл').success).toBe(true);
    expect(NewPasswordSchema.safeParse('абвгдежзийк').success).toBe(false);
    expect(NewPasswordSchema.safeParse('x'.repeat(128)).success).toBe(true);
    expect(NewPasswordSchema.safeParse('x'.repeat(129)).success).toBe(false);
    expect(NewPasswordSchema.parse('  spaces count  ')).toBe('  spaces count  ');
  });

  it('reports its own codes for length problems', () => {
    const short = NewPasswordSchema.safeParse('short');
    expect(short.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: 'password.too_short' } });
    const long = NewPasswordSchema.safeParse('я'.repeat(129));
    expect(long.error?.issues[0]).toMatchObject({ params: { code: 'password.too_long' } });
  });
});

describe('emails', () => {
  it('are trimmed and lower-cased, so they compare case-insensitively', () => {
    expect(EmailSchema.parse('  Maria@Example.BG ')).toBe('maria@example.bg');
    expect(EmailSchema.safeParse('not-an-email').success).toBe(false);
  });
});

describe('sign-up body', () => {
  it('refuses fields the caller may not set', () => {
    const body = { email: 'a@example.bg', password: 'long enough pass', displayName: 'A' };
    expect(SignUpBodySchema.safeParse(body).success).toBe(true);
    expect(SignUpBodySchema.safeParse({ ...body, roles: ['admin'] }).success).toBe(false);
  });
});
