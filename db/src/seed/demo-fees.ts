/**
 * Demo annual fees (issue 5): the 2026 rate of every category and a few payments, so the committee's fee
 * list shows paid, partly paid and overdue members, and the demo representative (Дигитална София) sees a
 * paid fee. Regular and engaged members owed theirs by 31 March; associated members have until the end
 * of the year, so a part payment of theirs is "partial" rather than overdue during 2026.
 *
 * Idempotent: rates are upserted per (year, category) and only rewritten when they differ; payments are
 * inserted with `on conflict do nothing` on their reference (unique across the cluster), so a second run adds none.
 */
import { eik9CheckDigit, type MembershipCategory } from '@portal/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

const eik = (first8: string) => `${first8}${eik9CheckDigit(first8)}`;

export interface DemoFeeRate {
  year: number;
  category: MembershipCategory;
  amountCents: number;
  dueOn: string;
}

export const DEMO_FEE_RATES: readonly DemoFeeRate[] = [
  { year: 2026, category: 'candidate', amountCents: 0, dueOn: '2026-03-31' },
  { year: 2026, category: 'regular', amountCents: 50_000, dueOn: '2026-03-31' },
  { year: 2026, category: 'engaged', amountCents: 100_000, dueOn: '2026-03-31' },
  { year: 2026, category: 'associated', amountCents: 25_000, dueOn: '2026-12-31' },
];

export interface DemoFeePayment {
  eik: string;
  year: number;
  amountCents: number;
  paidOn: string;
  reference: string;
}

export const DEMO_FEE_PAYMENTS: readonly DemoFeePayment[] = [
  // Дигитална София (engaged): paid in full.
  { eik: eik('20345678'), year: 2026, amountCents: 100_000, paidOn: '2026-02-18', reference: 'ПН-2026-0012' },
  // Балкан Софтуер Системс (engaged): paid in full.
  { eik: eik('13127540'), year: 2026, amountCents: 100_000, paidOn: '2026-03-02', reference: 'ПН-2026-0019' },
  // Облачен мост (regular): paid in full.
  { eik: eik('20411873'), year: 2026, amountCents: 50_000, paidOn: '2026-03-20', reference: 'ПН-2026-0027' },
  // Университет по информатика и изкуства (engaged): paid in two instalments.
  { eik: eik('00069118'), year: 2026, amountCents: 50_000, paidOn: '2026-01-28', reference: 'ПП-1184' },
  { eik: eik('00069118'), year: 2026, amountCents: 50_000, paidOn: '2026-03-25', reference: 'ПП-1391' },
  // Геопространствени решения (associated): paid in full.
  { eik: eik('20705562'), year: 2026, amountCents: 25_000, paidOn: '2026-04-14', reference: 'ПН-2026-0044' },
  // Данни и смисъл (regular): a part payment, and the due date has passed: overdue.
  { eik: eik('20502916'), year: 2026, amountCents: 20_000, paidOn: '2026-03-10', reference: 'ПН-2026-0023' },
  // Пиксел Ковачница (associated): a part payment before its due date: partial.
  { eik: eik('20566391'), year: 2026, amountCents: 10_000, paidOn: '2026-06-05', reference: 'ПН-2026-0058' },
];

/** Writes the demo rates and payments; `idOf` maps a demo organisation's ЕИК to its id. */
export async function seedDemoFees(tx: Db, idOf: (eik: string) => string): Promise<void> {
  for (const r of DEMO_FEE_RATES) {
    await tx.execute(
      sql`insert into fee_rates (year, category, amount_cents, due_on)
          values (${r.year}, ${r.category}, ${r.amountCents}, ${r.dueOn}::date)
          on conflict (year, category) do update
            set amount_cents = excluded.amount_cents, due_on = excluded.due_on,
                updated_at = now(), version = fee_rates.version + 1
            where (fee_rates.amount_cents, fee_rates.due_on)
              is distinct from (excluded.amount_cents, excluded.due_on)`,
    );
  }
  for (const p of DEMO_FEE_PAYMENTS) {
    await tx.execute(
      sql`insert into fee_payments (organization_id, year, amount_cents, paid_on, reference)
          values (${idOf(p.eik)}, ${p.year}, ${p.amountCents}, ${p.paidOn}::date, ${p.reference})
          on conflict do nothing`,
    );
  }
}
