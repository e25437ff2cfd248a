import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format.ts';

describe('formatDateTime', () => {
  it('shows an instant in Sofia time whatever the machine’s time zone (winter +2, summer +3)', () => {
    expect(formatDateTime('2026-02-05T08:00:00.000Z', 'en')).toBe('5 Feb 2026, 10:00');
    expect(formatDateTime('2026-07-01T06:30:00.000Z', 'en')).toBe('1 Jul 2026, 09:30');
    expect(formatDateTime('2026-02-05T08:00:00.000Z', 'bg')).toMatch(/^5\.02\.2026 г\.,? 10:00/);
  });

  it('keeps a calendar day as it is', () => {
    expect(formatDate('2026-03-15', 'bg')).toBe('15 март 2026 г.');
  });
});
