import { describe, expect, it } from 'vitest';
import { MotivationSectionSchema, OrganizationSectionSchema } from './applications.ts';
import { todayInSofia } from './dates.ts';
import { FoundedYearSchema, isKidCode, PastDateSchema, substantialText } from './plausibility.ts';

const codes = (result: { error?: { issues: unknown[] } }) =>
  result.error?.issues.map((i) => (i as { params?: { code?: string } }).params?.code);

describe('plausible values (issue 11 C13)', () => {
  it('accepts founding years from 1800 to this year only', () => {
    const year = Number(todayInSofia().slice(0, 4));
    expect(FoundedYearSchema.safeParse(2014).success).toBe(true);
    expect(FoundedYearSchema.safeParse(year).success).toBe(true);
    expect(codes(FoundedYearSchema.safeParse(2099))).toEqual(['year.future']);
    expect(codes(FoundedYearSchema.safeParse(year + 1))).toEqual(['year.future']);
    expect(codes(FoundedYearSchema.safeParse(1799))).toEqual(['year.too_early']);
  });

  it('refuses a decision dated after today (in Sofia)', () => {
    expect(PastDateSchema.safeParse('2020-02-29').success).toBe(true);
    expect(PastDateSchema.safeParse(todayInSofia()).success).toBe(true);
    expect(codes(PastDateSchema.safeParse('2099-01-01'))).toEqual(['date.future']);
    expect(PastDateSchema.safeParse('2021-02-29').success).toBe(false);
    // 22:30 UTC on 31 December is already 1 January in Sofia.
    expect(todayInSofia(new Date('2026-12-31T22:30:00Z'))).toBe('2027-01-01');
  });

  it('knows the КИД-2008 divisions and groups', () => {
    for (const ok of ['62', '62.0', '62.01', '58.21', '01.11', '99.00', '85.42', '94.99']) {
      expect(isKidCode(ok), ok).toBe(true);
    }
    for (const bad of ['99.99', '00', '04', '48.1', '62.1', '62.11', '1', '621', '62.011', 'ab']) {
      expect(isKidCode(bad), bad).toBe(false);
    }
    const section = OrganizationSectionSchema.shape.naceCodes;
    expect(codes(section.safeParse(['99.99']))).toEqual(['nace.unknown']);
  });

  it('asks a motivation of at least 50 characters', () => {
    const short = MotivationSectionSchema.safeParse({ motivation: 'x', category: 'regular' });
    expect(codes(short)).toEqual(['text.too_short']);
    const padded = MotivationSectionSchema.safeParse({
      motivation: ` ${'a'.repeat(49)}   `,
      category: 'regular',
    });
    expect(padded.success).toBe(false);
    expect(
      MotivationSectionSchema.safeParse({ motivation: 'a'.repeat(50), category: 'regular' }).success,
    ).toBe(true);
    expect(substantialText(3, 5).safeParse('abcdef').success).toBe(false);
  });
});
