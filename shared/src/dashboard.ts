import * as z from 'zod';
import { AreaIdSchema } from './common.ts';
import { MonthSchema } from './cooperation-overview.ts';

/**
 * The dashboard of the cluster (issue 16 §1, decision 048): members over time, the application funnel, fee
 * collection, cooperation activity and the coverage of the specialisation areas — for the committee, and an
 * aggregate public variant. Months are Sofia calendar months (`YYYY-MM`); the series run over the last
 * DASHBOARD_MONTHS months, this one included.
 */

export const DASHBOARD_MONTHS = 12;
/** An area with fewer active members than this is "thin" (the cluster is weak there). */
export const THIN_AREA_MEMBERS = 3;
/** The key of members without a known staff size in the size-class series. */
export const UNKNOWN_SIZE = 'unknown';

/** One line of a chart: a key (a category, kind, size class or theme) and one count per month. */
export const DashboardSeriesSchema = z.object({ key: z.string(), counts: z.array(z.number().int()) });
export type DashboardSeries = z.infer<typeof DashboardSeriesSchema>;

export const MembersOverTimeSchema = z.object({
  /** Members (active, not candidates) at the end of each month. */
  total: z.array(z.number().int()),
  category: z.array(DashboardSeriesSchema),
  kind: z.array(DashboardSeriesSchema),
  sizeClass: z.array(DashboardSeriesSchema),
  /** Per theme (top-level area): a member in two sub-areas of one theme counts once. */
  area: z.array(DashboardSeriesSchema),
});
export type MembersOverTime = z.infer<typeof MembersOverTimeSchema>;

export const SmeShareSchema = z.object({
  /** Members now (active, not candidates). */
  members: z.number().int(),
  /** Of them, micro, small and medium companies and sole traders (`isSme`). */
  sme: z.number().int(),
  /** sme / members (three decimals), or null without members. */
  share: z.number().nullable(),
});
export type SmeShare = z.infer<typeof SmeShareSchema>;

/** The staff sizes of a small or medium-sized enterprise (under 250). */
export const SME_SIZE_CLASSES: readonly string[] = ['micro', 'small', 'medium'];
/** The kinds of organisation that are enterprises. */
export const SME_KINDS: readonly string[] = ['company', 'sole_trader'];

/**
 * The one definition of an SME member, for the dashboard and the strategy's `members.sme_share` (decision
 * 048): a company or sole trader of micro, small or medium size. Universities, institutes and other kinds
 * are members but not SMEs; a member without a known size is not counted as one.
 */
export function isSme(kind: string, sizeClass: string | null): boolean {
  return SME_KINDS.includes(kind) && sizeClass !== null && SME_SIZE_CLASSES.includes(sizeClass);
}

/** The SME share: SMEs over all members now (not only those with a known size); null without members. */
export function smeShareOf(counts: { members: number; sme: number }): SmeShare {
  const { members, sme } = counts;
  return { members, sme, share: members ? Math.round((sme / members) * 1000) / 1000 : null };
}

export const FunnelSchema = z.object({
  /** Applications submitted per month. */
  submitted: z.array(z.number().int()),
  /** Applications decided (approved or rejected) per month. */
  approved: z.array(z.number().int()),
  rejected: z.array(z.number().int()),
  /** Totals over the period. */
  submittedTotal: z.number().int(),
  approvedTotal: z.number().int(),
  rejectedTotal: z.number().int(),
  withdrawnTotal: z.number().int(),
  /** Submitted and not yet decided, now. */
  openNow: z.number().int(),
  /** The median of days from submission to decision over the decisions of the period; null without any. */
  medianDaysToDecision: z.number().nullable(),
});
export type Funnel = z.infer<typeof FunnelSchema>;

export const DashboardFeeYearSchema = z.object({
  year: z.number().int(),
  /** Members now (active, not candidates) in categories with a rate for the year. */
  members: z.number().int(),
  /** Their fees by the rates of the year, in euro cents. */
  dueCents: z.number().int(),
  paidCents: z.number().int(),
  /** Members with at least one payment for the year. */
  paidMembers: z.number().int(),
});
export type DashboardFeeYear = z.infer<typeof DashboardFeeYearSchema>;

export const CooperationActivitySchema = z.object({
  /** Board items published per month. */
  items: z.array(z.number().int()),
  /** Confirmed bookings between two organisations per month of their start. */
  bookings: z.array(z.number().int()),
  /** Conversations started per month. */
  conversations: z.array(z.number().int()),
  /** Partnerships agreed per month. */
  partnerships: z.array(z.number().int()),
});
export type CooperationActivity = z.infer<typeof CooperationActivitySchema>;

export const AreaCoverageSchema = z.object({
  id: AreaIdSchema,
  parentId: AreaIdSchema.nullable(),
  nameBg: z.string(),
  nameEn: z.string(),
  isPriority: z.boolean(),
  /** Active members (not candidates) in the area now; for a theme, in it or any of its sub-areas (once). */
  members: z.number().int(),
  thin: z.boolean(),
});
export type AreaCoverage = z.infer<typeof AreaCoverageSchema>;

export const DashboardSchema = z.object({
  generatedAt: z.string(),
  months: z.array(MonthSchema),
  members: MembersOverTimeSchema,
  sme: SmeShareSchema,
  funnel: FunnelSchema,
  fees: z.array(DashboardFeeYearSchema),
  cooperation: CooperationActivitySchema,
  coverage: z.array(AreaCoverageSchema),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

/** The public figures: aggregate numbers only, never an organisation's name or id. */
export const PublicDashboardSchema = z.object({
  generatedAt: z.string(),
  months: z.array(MonthSchema),
  members: MembersOverTimeSchema.pick({ total: true, kind: true, sizeClass: true, area: true }),
  sme: SmeShareSchema,
  cooperation: CooperationActivitySchema,
  coverage: z.array(AreaCoverageSchema),
});
export type PublicDashboard = z.infer<typeof PublicDashboardSchema>;
