import * as z from 'zod';
import { PAGE_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from './common.ts';
import { type MembershipCategory, MembershipCategorySchema, MembershipStatusSchema } from './organization.ts';

/**
 * Annual membership fees (issue 5). Administrators set the amount per category and year; the committee
 * records payments; representatives see their own organisation's status. Amounts travel as integer euro
 * cents (no floating point money anywhere); the web app formats them with Intl.NumberFormat.
 *
 * A member owes, for each year from the year it became a member (member_since; none: every year), the rate
 * of the category IN FORCE for that year (a category change counts from its effective date, and never
 * before the day it was recorded, so a fee once due keeps its amount: issue 11 B3, decision 016). The year
 * it joins is charged by the cluster's join rule (pro rata by month, the full year, or free). Money paid
 * beyond a year's fee is a credit carried to the next year (issue 11 B4). An unpaid fee changes nothing
 * else: the member stays listed.
 */

export const FEE_STATUSES = ['not_due', 'paid', 'partial', 'unpaid', 'overdue'] as const;
export const FeeStatusSchema = z.enum(FEE_STATUSES);
export type FeeStatus = z.infer<typeof FeeStatusSchema>;

/** The committee list's filter: a status, or `outstanding` (unpaid, partial or overdue). */
export const FEE_STATUS_FILTERS = [...FEE_STATUSES, 'outstanding'] as const;
export const FeeStatusFilterSchema = z.enum(FEE_STATUS_FILTERS);
export type FeeStatusFilter = z.infer<typeof FeeStatusFilterSchema>;

export const FEE_YEAR_MIN = 2000;
export const FEE_YEAR_MAX = 2100;
/** 100 000 EUR: more than any annual fee, and far below the 32-bit column's limit. */
export const FEE_AMOUNT_MAX_CENTS = 10_000_000;

export const FeeYearSchema = z.coerce.number().int().min(FEE_YEAR_MIN).max(FEE_YEAR_MAX);
const CentsSchema = z.number().int().min(0).max(FEE_AMOUNT_MAX_CENTS);

/**
 * A member's fee status in a year.
 * - no rate for its category (or a rate of 0) → `not_due`;
 * - paid ≥ due → `paid`;
 * - otherwise, after the due date (`today` > `dueOn`) → `overdue`;
 * - otherwise some paid → `partial`, nothing paid → `unpaid`.
 * Dates are ISO `YYYY-MM-DD` strings, which compare correctly as strings.
 */
export function feeStatus(input: {
  dueCents: number | null;
  paidCents: number;
  dueOn: string | null;
  today: string;
}): FeeStatus {
  const { dueCents, paidCents, dueOn, today } = input;
  if (dueCents === null || dueCents <= 0) return 'not_due';
  if (paidCents >= dueCents) return 'paid';
  if (dueOn !== null && today > dueOn) return 'overdue';
  return paidCents > 0 ? 'partial' : 'unpaid';
}

/** Does a status match the committee list's filter? */
export function matchesFeeFilter(status: FeeStatus, filter: FeeStatusFilter): boolean {
  if (filter === 'outstanding') return status === 'unpaid' || status === 'partial' || status === 'overdue';
  return status === filter;
}

// ---------- what a year costs (issue 11 B3/B4, decision 016) ----------

/**
 * How the year a member joins is charged (an administrator's setting, decision 016):
 * - `pro_rata_month`: the months from the month of admission to December, each 1/12 of the rate;
 * - `full_year`: the whole rate;
 * - `free_until_next_year`: nothing until the next year.
 */
export const FEE_JOIN_RULES = ['pro_rata_month', 'full_year', 'free_until_next_year'] as const;
export const FeeJoinRuleSchema = z.enum(FEE_JOIN_RULES);
export type FeeJoinRule = z.infer<typeof FeeJoinRuleSchema>;

/** A member joining mid-year has this many days from its admission before its first fee is overdue. */
export const JOINER_DUE_DAYS = 30;

export const FeeSettingsSchema = z.strictObject({ joinRule: FeeJoinRuleSchema });
export type FeeSettings = z.infer<typeof FeeSettingsSchema>;

/** A category change as recorded in the membership's history. */
export interface CategoryChange {
  fromCategory: MembershipCategory;
  toCategory: MembershipCategory;
  /** The day the decision says it takes effect. */
  effectiveOn: string;
  /** The day it was recorded (Sofia time): a change never reaches back before it. */
  recordedOn: string;
}

const maxDate = (a: string, b: string) => (a > b ? a : b);

/** `YYYY-MM-DD` plus some days (calendar arithmetic in UTC, no time zone can shift the day). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The category a fee period starting on `on` is charged by. A change applies from its effective date, but
 * not before the day it was recorded: a change decided in June "effective 1 January" cannot rewrite (or
 * erase) a fee that was already due; it applies from the next period. With several changes, the one that
 * applies last (then the one recorded last) wins; before any change the member had the first change's
 * `fromCategory`; with no change, the current category.
 */
export function categoryInForce(
  current: MembershipCategory,
  changes: readonly CategoryChange[],
  on: string,
): MembershipCategory {
  if (changes.length === 0) return current;
  let category = changes[0]!.fromCategory;
  let best: string | null = null as string | null;
  for (const c of changes) {
    const from = maxDate(c.effectiveOn, c.recordedOn);
    if (from <= on && (best === null || from >= best)) {
      best = from;
      category = c.toCategory;
    }
  }
  return category;
}

export interface YearRate {
  amountCents: number;
  dueOn: string;
}

/**
 * What a member owes in a year, and when. `null`: nothing (no rate, or not a member yet, or a free first
 * year). The year of admission follows the join rule, and its due date is never earlier than
 * JOINER_DUE_DAYS after admission (a member admitted in December is not overdue in March).
 */
export function yearFee(input: {
  year: number;
  rate: YearRate | null;
  memberSince: string | null;
  joinRule: FeeJoinRule;
}): YearRate | null {
  const { year, rate, memberSince, joinRule } = input;
  if (!rate) return null;
  if (memberSince === null) return rate;
  const joinYear = Number(memberSince.slice(0, 4));
  if (joinYear > year) return null;
  if (joinYear < year || memberSince === `${year}-01-01`) return rate;
  const dueOn = maxDate(rate.dueOn, addDays(memberSince, JOINER_DUE_DAYS));
  if (joinRule === 'free_until_next_year') return null;
  if (joinRule === 'full_year') return { amountCents: rate.amountCents, dueOn };
  const months = 12 - Number(memberSince.slice(5, 7)) + 1;
  return { amountCents: Math.round((rate.amountCents * months) / 12), dueOn };
}

export interface LedgerYearInput {
  year: number;
  category: MembershipCategory;
  /** The year's fee (after the join rule); null: nothing owed. */
  fee: YearRate | null;
  /** Paid for this year (payments recorded against it). */
  paidCents: number;
}

export interface LedgerYear extends LedgerYearInput {
  /** Overpayment carried in from the previous years. */
  creditInCents: number;
  /** Overpayment carried on to the next year (what was paid, with the credit, beyond this year's fee). */
  creditCents: number;
  status: FeeStatus;
}

/**
 * Years in ascending order → each with the credit it receives and passes on, and its status (payments
 * plus the credit in count as paid). A shortfall stays on its own year as a debt; it is never netted
 * against a later year's credit, so a debt is never hidden.
 */
export function feeLedger(years: readonly LedgerYearInput[], today: string): LedgerYear[] {
  let credit = 0;
  return years.map((y) => {
    const creditInCents = credit;
    const due = y.fee?.amountCents ?? 0;
    const available = y.paidCents + creditInCents;
    credit = Math.max(0, available - due);
    const status = feeStatus({
      dueCents: y.fee ? y.fee.amountCents : null,
      paidCents: available,
      dueOn: y.fee ? y.fee.dueOn : null,
      today,
    });
    return { ...y, creditInCents, creditCents: credit, status };
  });
}

// ---------- rates (administrators) ----------

export const FeeRateInputSchema = z.strictObject({
  category: MembershipCategorySchema,
  amountCents: CentsSchema,
  /** After this day an unpaid fee is overdue. */
  dueOn: z.iso.date(),
});
export type FeeRateInput = z.infer<typeof FeeRateInputSchema>;

export const FeeRatesBodySchema = z.strictObject({
  /** One entry per category to set; categories not sent keep their rate (or stay without one). */
  rates: z.array(FeeRateInputSchema).min(1).max(4),
});
export type FeeRatesBody = z.infer<typeof FeeRatesBodySchema>;

export const FeeRateSchema = FeeRateInputSchema.extend({
  version: z.number().int().positive(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type FeeRate = z.infer<typeof FeeRateSchema>;

export const FeeYearParamsSchema = z.object({ year: FeeYearSchema });
export const FeeRatesQuerySchema = z.object({ year: FeeYearSchema.optional() });

export const FeeRatesResponseSchema = z.object({
  year: z.number().int(),
  /** The categories with a rate in this year (the others owe nothing). */
  rates: z.array(FeeRateSchema),
  /** Every year with at least one rate, newest first (for the year switcher). */
  years: z.array(z.number().int()),
  /** How the year a member joins is charged (decision 016). */
  joinRule: FeeJoinRuleSchema,
});
export type FeeRatesResponse = z.infer<typeof FeeRatesResponseSchema>;

/**
 * The annual fee of each category in a year, for everyone (issue 11 C6): shown where a category is chosen
 * (the application's category step, the committee's category change). Categories without a rate owe
 * nothing that year.
 */
export const PublicFeeRatesResponseSchema = z.object({
  year: z.number().int(),
  rates: z.array(FeeRateInputSchema),
  joinRule: FeeJoinRuleSchema,
});
export type PublicFeeRatesResponse = z.infer<typeof PublicFeeRatesResponseSchema>;

// ---------- payments ----------

export const FeePaymentSchema = z.object({
  id: z.uuid(),
  amountCents: z.number().int().positive(),
  paidOn: z.iso.date(),
  reference: z.string(),
});
export type FeePayment = z.infer<typeof FeePaymentSchema>;

export const FEE_REFERENCE_MAX = 100;

export const FeePaymentBodySchema = z.strictObject({
  organizationId: z.uuid(),
  year: z.number().int().min(FEE_YEAR_MIN).max(FEE_YEAR_MAX),
  amountCents: z.number().int().min(1).max(FEE_AMOUNT_MAX_CENTS),
  paidOn: z.iso.date(),
  /**
   * The bank transfer's or receipt's reference; unique across the cluster (ignoring case), so a double
   * submit records once and one transfer is never booked to two organisations.
   */
  reference: z.string().trim().min(1).max(FEE_REFERENCE_MAX),
});
export type FeePaymentBody = z.infer<typeof FeePaymentBodySchema>;

export const FeePaymentCreatedSchema = FeePaymentSchema.extend({
  organizationId: z.uuid(),
  year: z.number().int(),
});
export type FeePaymentCreated = z.infer<typeof FeePaymentCreatedSchema>;

// ---------- the committee's list ----------

export const FeeListQuerySchema = z.object({
  year: FeeYearSchema.optional(),
  status: FeeStatusFilterSchema.optional(),
  /** Free text over the bg and en names and the ЕИК. */
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(PAGE_MAX).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type FeeListQuery = z.infer<typeof FeeListQuerySchema>;
export type FeeListQueryInput = z.input<typeof FeeListQuerySchema>;

export const MemberFeeSchema = z.object({
  organizationId: z.uuid(),
  eik: z.string(),
  nameBg: z.string(),
  nameEn: z.string(),
  category: MembershipCategorySchema,
  membershipStatus: MembershipStatusSchema,
  /** The category's rate in the year; null: none set (or the member joined later). */
  dueCents: z.number().int().nullable(),
  dueOn: z.iso.date().nullable(),
  paidCents: z.number().int().nonnegative(),
  /** Overpayment of earlier years counted towards this one. */
  creditInCents: z.number().int().nonnegative(),
  /** Paid (with the credit in) beyond this year's fee: carried to the next year. */
  creditCents: z.number().int().nonnegative(),
  status: FeeStatusSchema,
  payments: z.array(FeePaymentSchema),
});
export type MemberFee = z.infer<typeof MemberFeeSchema>;

export const FeeListResponseSchema = z.object({
  year: z.number().int(),
  items: z.array(MemberFeeSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});
export type FeeListResponse = z.infer<typeof FeeListResponseSchema>;

// ---------- a member's own fees ----------

export const OrganizationFeeYearSchema = z.object({
  year: z.number().int(),
  category: MembershipCategorySchema,
  dueCents: z.number().int().nullable(),
  dueOn: z.iso.date().nullable(),
  paidCents: z.number().int().nonnegative(),
  /** Overpayment of earlier years counted towards this one. */
  creditInCents: z.number().int().nonnegative(),
  /** Paid (with the credit in) beyond this year's fee: carried to the next year. */
  creditCents: z.number().int().nonnegative(),
  status: FeeStatusSchema,
  payments: z.array(FeePaymentSchema),
});
export type OrganizationFeeYear = z.infer<typeof OrganizationFeeYearSchema>;

export const OrganizationFeesResponseSchema = z.object({
  organizationId: z.uuid(),
  /** Null: the organisation has no membership (nothing is owed). */
  category: MembershipCategorySchema.nullable(),
  membershipStatus: MembershipStatusSchema.nullable(),
  /** Newest first: every year with a rate since the member joined, and every year with a payment. */
  years: z.array(OrganizationFeeYearSchema),
  /** The credit carried past the newest year (overpayments not yet used). */
  creditCents: z.number().int().nonnegative(),
});
export type OrganizationFeesResponse = z.infer<typeof OrganizationFeesResponseSchema>;
