import * as z from 'zod';
import { PAGE_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from './api.ts';
import { MembershipCategorySchema, MembershipStatusSchema } from './organization.ts';

/**
 * Annual membership fees (issue 5). Administrators set the amount per category and year; the committee
 * records payments; representatives see their own organisation's status. Amounts travel as integer euro
 * cents (no floating point money anywhere); the web app formats them with Intl.NumberFormat.
 *
 * A member owes the rate of its current category for every year from the year it became a member
 * (member_since; none: every year). An unpaid fee changes nothing else: the member stays listed.
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

/** Today's date (`YYYY-MM-DD`) in the cluster's time zone, Sofia: due dates are Bulgarian calendar days. */
export function todayInSofia(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Sofia',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
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
});
export type FeeRatesResponse = z.infer<typeof FeeRatesResponseSchema>;

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
  /** The bank transfer's or receipt's reference; unique per organisation, so a double submit records once. */
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
});
export type OrganizationFeesResponse = z.infer<typeof OrganizationFeesResponseSchema>;
