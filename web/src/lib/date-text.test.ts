import { describe, expect, it } from 'vitest';
import { dateTextPattern, formatDateText, isIsoDate, parseDateText } from './date-text.ts';

describe('date text', () => {
  it('writes an ISO day day-first in each language', () => {
    expect(formatDateText('2026-03-05', 'bg')).toBe('05.03.2026');
    expect(formatDateText('2026-03-05', 'en')).toBe('05/03/2026');
    expect(formatDateText('2024-02-29', 'bg')).toBe('29.02.2024');
    expect(dateTextPattern('bg')).toBe('DD.MM.YYYY');
    expect(dateTextPattern('en')).toBe('DD/MM/YYYY');
    // Not a day: shown as it came, never reinterpreted.
    expect(formatDateText('', 'bg')).toBe('');
    expect(formatDateText('2026-02-30', 'bg')).toBe('2026-02-30');
  });

  it('reads what a user types, day first, in any common separator, or ISO', () => {
    for (const typed of [
      '05.03.2026',
      '5.3.2026',
      '05/03/2026',
      '5-3-2026',
      '05 03 2026',
      ' 5.3.2026 г. ',
      '2026-03-05',
      '2026-3-5',
    ]) {
      expect(parseDateText(typed), typed).toBe('2026-03-05');
    }
    expect(parseDateText('29.02.2024')).toBe('2024-02-29');
    expect(parseDateText('31.12.9999')).toBe('9999-12-31');
  });

  it('gives null for partial, impossible or ambiguous dates', () => {
    for (const typed of [
      '',
      '05',
      '05.03',
      '05.03.2',
      '05.03.202',
      '05.03.26',
      '31.02.2026',
      '29.02.2025',
      '00.03.2026',
      '05.13.2026',
      '05.03.20260',
      'март 2026',
      '2026-02-30',
      '05.03.0999',
    ]) {
      expect(parseDateText(typed), typed).toBeNull();
    }
  });

  it('tells an ISO day from anything else', () => {
    expect(isIsoDate('2026-03-05')).toBe(true);
    expect(isIsoDate('2026-3-5')).toBe(false);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-03-05T00:00:00Z')).toBe(false);
  });
});
