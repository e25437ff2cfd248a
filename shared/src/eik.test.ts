import { describe, expect, it } from 'vitest';
import { EikSchema } from './common.ts';
import { eik9CheckDigit, eik13CheckDigit, eikProblem, isValidEik } from './eik.ts';

describe('ЕИК/БУЛСТАТ validation', () => {
  it.each(['131071587', '130007884', '175074752', '0000568780291'])('accepts the valid code %s', (eik) => {
    expect(isValidEik(eik)).toBe(true);
  });

  it.each([
    ['175074751', 'a wrong 9th check digit'],
    ['0000568780292', 'a wrong 13th check digit'],
    ['17507475', 'too few digits'],
    ['1750747520', 'ten digits'],
    ['17507475a', 'a letter'],
    [' 175074752', 'surrounding space'],
    ['', 'nothing'],
    ['１７５０７４７５２', 'full-width digits'],
  ])('rejects %s (%s)', (eik) => {
    expect(isValidEik(eik)).toBe(false);
  });

  it('rejects a branch code whose first nine digits are not a valid ЕИК', () => {
    // 000056879 is invalid as a 9-digit code; the branch check digit alone must not rescue it.
    const first12 = '000056879029';
    expect(isValidEik(`${first12}${eik13CheckDigit(first12)}`)).toBe(false);
  });

  it('uses the fallback weights 3..10 when the first sum mod 11 is 10', () => {
    // 1·1+0+…+8·8 = 65 ≡ 10 (mod 11) → fallback: 1·3+8·10 = 83 ≡ 6.
    expect(eik9CheckDigit('10000008')).toBe(6);
    expect(isValidEik('100000086')).toBe(true);
    expect(isValidEik('100000080')).toBe(false);
  });

  it('uses 0 when both sums of a 9-digit code are 10', () => {
    const found = Array.from({ length: 200_000 }, (_, i) => String(10_000_000 + i)).find((p) => {
      const d = [...p].map(Number);
      const s1 = d.reduce((a, x, i) => a + x * (i + 1), 0) % 11;
      const s2 = d.reduce((a, x, i) => a + x * (i + 3), 0) % 11;
      return s1 === 10 && s2 === 10;
    });
    expect(found).toBeDefined();
    expect(eik9CheckDigit(found!)).toBe(0);
    expect(isValidEik(`${found}0`)).toBe(true);
  });

  it('uses the fallback weights 4,9,5,7 for a branch when 2,7,3,5 give 10', () => {
    // Digits 9..12 = 0,0,0,2 → 2·5 = 10 → fallback 2·7 = 14 ≡ 3.
    expect(eik13CheckDigit('175074752' + '002')).toBe(3);
    expect(isValidEik('1750747520023')).toBe(true);
    expect(isValidEik('1750747520020')).toBe(false);
  });
});

describe('what is wrong with an ЕИК (issue 11 C5)', () => {
  it('tells a mistyped check digit from a wrong length', () => {
    expect(eikProblem('175074752')).toBeNull();
    expect(eikProblem('175074751')).toBe('check_digit');
    expect(eikProblem('0000568780292')).toBe('check_digit');
    expect(eikProblem('17507475')).toBe('format');
    const codes = (value: string) =>
      EikSchema.safeParse(value).error?.issues.map((i) => (i as { params?: { code?: string } }).params?.code);
    expect(codes('175074751')).toEqual(['eik.check_digit']);
    expect(codes('12345')).toEqual(['eik.invalid']);
    expect(codes('175074752')).toBeUndefined();
  });
});
