/**
 * Issue 11 B3/B4 (decision 016): which category a year is charged by, what the year a member joins costs,
 * and how an overpayment is carried forward. Examples first, then properties checked with fast-check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CategoryChange,
  categoryInForce,
  FEE_JOIN_RULES,
  feeLedger,
  JOINER_DUE_DAYS,
  type LedgerYearInput,
  yearFee,
} from './fees.ts';
import { MEMBERSHIP_CATEGORIES } from './organization.ts';

const rate = { amountCents: 60_000, dueOn: '2031-03-31' };

describe('the category a fee period is charged by', () => {
  const upgrade: CategoryChange = {
    fromCategory: 'regular',
    toCategory: 'engaged',
    effectiveOn: '2032-01-01',
    recordedOn: '2031-06-10',
  };

  it('is the old category before a change takes effect and the new one from its effective date', () => {
    expect(categoryInForce('engaged', [upgrade], '2031-01-01')).toBe('regular');
    expect(categoryInForce('engaged', [upgrade], '2032-01-01')).toBe('engaged');
  });

  it('is not reached back by a change dated before the day it was recorded', () => {
    const backdated = { ...upgrade, effectiveOn: '2031-01-01' };
    expect(categoryInForce('engaged', [backdated], '2031-01-01')).toBe('regular');
    expect(categoryInForce('engaged', [backdated], '2032-01-01')).toBe('engaged');
  });

  it('is the current category when nothing changed', () => {
    expect(categoryInForce('associated', [], '2031-01-01')).toBe('associated');
  });
});

describe('the fee of the year a member joins', () => {
  it('is pro rata by month from the month of admission, due 30 days after admission', () => {
    expect(yearFee({ year: 2031, rate, memberSince: '2031-12-10', joinRule: 'pro_rata_month' })).toEqual({
      amountCents: 5_000,
      dueOn: '2032-01-09',
    });
    expect(yearFee({ year: 2031, rate, memberSince: '2031-07-01', joinRule: 'pro_rata_month' })).toEqual({
      amountCents: 30_000,
      dueOn: '2031-07-31',
    });
  });

  it('keeps the rate’s due date when it is later than 30 days after admission', () => {
    expect(yearFee({ year: 2031, rate, memberSince: '2031-01-20', joinRule: 'full_year' })).toEqual(rate);
  });

  it('is nothing under "free until next year", and the full rate in every later year', () => {
    const joined = { rate, memberSince: '2031-05-05', joinRule: 'free_until_next_year' as const };
    expect(yearFee({ year: 2031, ...joined })).toBeNull();
    expect(yearFee({ year: 2032, ...joined })).toEqual(rate);
  });

  it('is nothing before the member joined, and the rate for a member since 1 January', () => {
    expect(yearFee({ year: 2030, rate, memberSince: '2031-05-05', joinRule: 'full_year' })).toBeNull();
    expect(yearFee({ year: 2031, rate, memberSince: '2031-01-01', joinRule: 'pro_rata_month' })).toEqual(
      rate,
    );
  });
});

describe('credit from overpayments', () => {
  const year = (y: number, due: number | null, paid: number): LedgerYearInput => ({
    year: y,
    category: 'regular',
    fee: due === null ? null : { amountCents: due, dueOn: `${y}-03-31` },
    paidCents: paid,
  });

  it('carries what was paid beyond a fee to the next year, which counts it as paid', () => {
    const [a, b] = feeLedger([year(2031, 50_000, 70_000), year(2032, 50_000, 30_000)], '2032-06-01');
    expect(a).toMatchObject({ status: 'paid', creditInCents: 0, creditCents: 20_000 });
    expect(b).toMatchObject({ status: 'paid', creditInCents: 20_000, creditCents: 0 });
  });

  it('never nets a debt against a later credit: the unpaid year stays overdue', () => {
    const [a, b, c] = feeLedger(
      [year(2030, 50_000, 0), year(2031, 50_000, 80_000), year(2032, 50_000, 0)],
      '2032-06-01',
    );
    expect(a?.status).toBe('overdue');
    expect(b).toMatchObject({ status: 'paid', creditCents: 30_000 });
    expect(c).toMatchObject({ status: 'overdue', creditInCents: 30_000, creditCents: 0 });
  });
});

// ---------- properties ----------

const day = fc
  .date({ min: new Date('2030-01-01T00:00:00Z'), max: new Date('2033-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const category = fc.constantFrom(...MEMBERSHIP_CATEGORIES);
const change = fc
  .record({ fromCategory: category, toCategory: category, effectiveOn: day, recordedOn: day })
  .map((c): CategoryChange => c);

describe('fee properties', () => {
  it('a change never alters the category of a period that began before it was recorded', () => {
    fc.assert(
      fc.property(
        category,
        fc.array(change, { maxLength: 4 }),
        change,
        day,
        (current, earlier, later, on) => {
          fc.pre(earlier.length > 0 && on < later.recordedOn);
          const chained = { ...later, fromCategory: current };
          expect(categoryInForce(chained.toCategory, [...earlier, chained], on)).toBe(
            categoryInForce(current, earlier, on),
          );
        },
      ),
    );
  });

  it('the joining year never costs more than the rate, nor is due before 30 days after admission', () => {
    fc.assert(
      fc.property(
        day,
        fc.constantFrom(...FEE_JOIN_RULES),
        fc.integer({ min: 0, max: 10_000_000 }),
        (memberSince, joinRule, amountCents) => {
          const year = Number(memberSince.slice(0, 4));
          const r = { amountCents, dueOn: `${year}-03-31` };
          const fee = yearFee({ year, rate: r, memberSince, joinRule });
          if (fee === null) return;
          expect(fee.amountCents).toBeLessThanOrEqual(amountCents);
          expect(fee.amountCents).toBeGreaterThanOrEqual(0);
          if (memberSince !== `${year}-01-01`) {
            expect(fee.dueOn >= addDays(memberSince, JOINER_DUE_DAYS)).toBe(true);
          }
          // Later years cost the full rate, due on the rate's date.
          expect(yearFee({ year: year + 1, rate: r, memberSince, joinRule })).toEqual(r);
        },
      ),
    );
  });

  it('pro rata charges are the months left in the year, each a twelfth', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 1_200_000 }),
        (month, twelfths) => {
          const amountCents = twelfths * 12;
          const memberSince = `2031-${String(month).padStart(2, '0')}-15`;
          const fee = yearFee({
            year: 2031,
            rate: { amountCents, dueOn: '2031-03-31' },
            memberSince,
            joinRule: 'pro_rata_month',
          });
          expect(fee?.amountCents).toBe(twelfths * (13 - month));
        },
      ),
    );
  });

  const ledgerYears = fc
    .array(
      fc.record({
        due: fc.option(fc.integer({ min: 0, max: 100_000 })),
        paid: fc.integer({ min: 0, max: 150_000 }),
      }),
      {
        maxLength: 6,
      },
    )
    .map((ys) =>
      ys.map(
        (y, i): LedgerYearInput => ({
          year: 2030 + i,
          category: 'regular',
          fee: y.due === null ? null : { amountCents: y.due, dueOn: `${2030 + i}-03-31` },
          paidCents: y.paid,
        }),
      ),
    );

  it('keeps every cent: what was paid is what was applied to fees plus the credit left', () => {
    fc.assert(
      fc.property(ledgerYears, (years) => {
        const ledger = feeLedger(years, '2040-01-01');
        const paid = years.reduce((n, y) => n + y.paidCents, 0);
        const applied = ledger.reduce(
          (n, y) => n + Math.min(y.fee?.amountCents ?? 0, y.paidCents + y.creditInCents),
          0,
        );
        expect(applied + (ledger.at(-1)?.creditCents ?? 0)).toBe(paid);
        for (const y of ledger) expect(y.creditCents).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('a later payment never turns an earlier year from paid into owing', () => {
    fc.assert(
      fc.property(ledgerYears, fc.nat(), fc.integer({ min: 1, max: 50_000 }), (years, pick, extra) => {
        fc.pre(years.length > 0);
        const i = pick % years.length;
        const more = years.map((y, j) => (j === i ? { ...y, paidCents: y.paidCents + extra } : y));
        const before = feeLedger(years, '2040-01-01');
        const after = feeLedger(more, '2040-01-01');
        before.forEach((y, j) => {
          if (y.status === 'paid') expect(after[j]?.status).toBe('paid');
          if (j < i) expect(after[j]).toEqual(y);
        });
      }),
    );
  });
});
