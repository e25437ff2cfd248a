import { describe, expect, it } from 'vitest';
import { todayInSofia } from './dates.ts';
import { FeePaymentBodySchema, FeeRatesBodySchema, feeStatus, matchesFeeFilter } from './fees.ts';

const base = { dueCents: 50_000, paidCents: 0, dueOn: '2026-03-31', today: '2026-02-01' };

describe('a member’s fee status in a year', () => {
  it('is not due without a rate for the category', () => {
    expect(feeStatus({ ...base, dueCents: null })).toBe('not_due');
    expect(feeStatus({ ...base, dueCents: null, dueOn: null, today: '2030-01-01' })).toBe('not_due');
  });

  it('is not due when the rate is zero, even after the due date', () => {
    expect(feeStatus({ ...base, dueCents: 0, today: '2026-12-31' })).toBe('not_due');
  });

  it('is paid when the payments cover the fee, before or after the due date', () => {
    expect(feeStatus({ ...base, paidCents: 50_000 })).toBe('paid');
    expect(feeStatus({ ...base, paidCents: 60_000, today: '2026-12-31' })).toBe('paid');
  });

  it('is partial when some is paid and the due date has not passed', () => {
    expect(feeStatus({ ...base, paidCents: 1 })).toBe('partial');
    expect(feeStatus({ ...base, paidCents: 49_999, today: '2026-03-31' })).toBe('partial');
  });

  it('is unpaid when nothing is paid and the due date has not passed (the due day itself included)', () => {
    expect(feeStatus(base)).toBe('unpaid');
    expect(feeStatus({ ...base, today: '2026-03-31' })).toBe('unpaid');
  });

  it('is overdue the day after the due date when unpaid or partly paid', () => {
    expect(feeStatus({ ...base, today: '2026-04-01' })).toBe('overdue');
    expect(feeStatus({ ...base, paidCents: 49_999, today: '2026-04-01' })).toBe('overdue');
  });
});

describe('the committee list’s filter', () => {
  it('matches one status, or every status still owing for `outstanding`', () => {
    expect(matchesFeeFilter('overdue', 'overdue')).toBe(true);
    expect(matchesFeeFilter('partial', 'overdue')).toBe(false);
    for (const s of ['unpaid', 'partial', 'overdue'] as const)
      expect(matchesFeeFilter(s, 'outstanding')).toBe(true);
    for (const s of ['paid', 'not_due'] as const) expect(matchesFeeFilter(s, 'outstanding')).toBe(false);
  });
});

describe('today in Sofia', () => {
  it('is the Bulgarian calendar day, not the UTC one', () => {
    // 22:30 UTC on 31 March is already 1 April in Sofia (UTC+3 in summer time).
    expect(todayInSofia(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(todayInSofia(new Date('2026-01-15T10:00:00Z'))).toBe('2026-01-15');
  });
});

describe('request bodies', () => {
  it('takes amounts as whole cents only', () => {
    const ok = {
      organizationId: '00000000-0000-4000-8000-000000000001',
      year: 2026,
      paidOn: '2026-02-01',
      reference: ' ПН-1 ',
    };
    expect(FeePaymentBodySchema.parse({ ...ok, amountCents: 100 }).reference).toBe('ПН-1');
    expect(FeePaymentBodySchema.safeParse({ ...ok, amountCents: 1.5 }).success).toBe(false);
    expect(FeePaymentBodySchema.safeParse({ ...ok, amountCents: 0 }).success).toBe(false);
    expect(FeePaymentBodySchema.safeParse({ ...ok, amountCents: 100, reference: '   ' }).success).toBe(false);
  });

  it('takes rates of known categories with a date', () => {
    expect(
      FeeRatesBodySchema.safeParse({ rates: [{ category: 'regular', amountCents: 0, dueOn: '2026-03-31' }] })
        .success,
    ).toBe(true);
    expect(
      FeeRatesBodySchema.safeParse({ rates: [{ category: 'gold', amountCents: 1, dueOn: '2026-03-31' }] })
        .success,
    ).toBe(false);
    expect(
      FeeRatesBodySchema.safeParse({ rates: [{ category: 'regular', amountCents: -1, dueOn: '2026-03-31' }] })
        .success,
    ).toBe(false);
    expect(
      FeeRatesBodySchema.safeParse({ rates: [{ category: 'regular', amountCents: 1, dueOn: '31.03.2026' }] })
        .success,
    ).toBe(false);
  });
});
