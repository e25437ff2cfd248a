import * as z from 'zod';
import { computedIndicator } from './strategy.ts';

/**
 * Readiness checks (issue 16 §2, decision 051): criteria sets as data — a platform profile, a funding
 * call's eligibility, a label's indicator areas — each criterion either a **rule** over a computed
 * indicator of the strategy registry (`COMPUTED_INDICATORS`) with a green and an optional amber threshold,
 * or a **manual evidence item** the committee marks missing / partial / complete. Every "run the check"
 * stores a snapshot (who, when, each criterion's status and figure) so the history shows.
 */

export const READINESS_CRITERION_KINDS = ['rule', 'manual'] as const;
export const ReadinessCriterionKindSchema = z.enum(READINESS_CRITERION_KINDS);
export type ReadinessCriterionKind = z.infer<typeof ReadinessCriterionKindSchema>;

/** `gte`: the figure must reach the threshold (≥); `lte`: it must stay at or below it (≤). */
export const READINESS_COMPARISONS = ['gte', 'lte'] as const;
export const ReadinessComparisonSchema = z.enum(READINESS_COMPARISONS);
export type ReadinessComparison = z.infer<typeof ReadinessComparisonSchema>;

export const READINESS_MANUAL_STATUSES = ['missing', 'partial', 'complete'] as const;
export const ReadinessManualStatusSchema = z.enum(READINESS_MANUAL_STATUSES);
export type ReadinessManualStatus = z.infer<typeof ReadinessManualStatusSchema>;

export const READINESS_STATUSES = ['green', 'amber', 'red'] as const;
export const ReadinessStatusSchema = z.enum(READINESS_STATUSES);
export type ReadinessStatus = z.infer<typeof ReadinessStatusSchema>;

export const READINESS_EVIDENCE_KINDS = ['document', 'link', 'decision'] as const;
export const ReadinessEvidenceKindSchema = z.enum(READINESS_EVIDENCE_KINDS);
export type ReadinessEvidenceKind = z.infer<typeof ReadinessEvidenceKindSchema>;

/**
 * A rule's status for a figure: green when the green threshold is met; amber when only the amber one is
 * (amber lies on the weaker side of green); red otherwise — and red without a figure (nothing to count).
 */
export function ruleStatus(
  rule: { comparison: ReadinessComparison; green: number; amber: number | null },
  figure: number | null,
): ReadinessStatus {
  if (figure === null) return 'red';
  const meets = (threshold: number) =>
    rule.comparison === 'gte' ? figure >= threshold : figure <= threshold;
  if (meets(rule.green)) return 'green';
  if (rule.amber !== null && meets(rule.amber)) return 'amber';
  return 'red';
}

/** A manual item's colour: missing → red, partial → amber, complete → green. */
export function manualStatus(status: ReadinessManualStatus): ReadinessStatus {
  return status === 'complete' ? 'green' : status === 'partial' ? 'amber' : 'red';
}

// ---------- input ----------

const title = z.string().trim().min(1).max(300);
const text = z.string().trim().max(5000);
const position = z.number().int().min(0).max(1000).default(0);
const threshold = z.number().finite().min(-1e12).max(1e12);
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => /^https?:\/\/[^\s]+$/i.test(u), { params: { code: 'readiness.url_invalid' } });

export const ReadinessSetInputSchema = z.object({
  slug: z
    .string()
    .trim()
    .min(2)
    .max(80)
    .refine((v) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v), { params: { code: 'readiness.slug_invalid' } }),
  titleBg: title,
  titleEn: title,
  descriptionBg: text.default(''),
  descriptionEn: text.default(''),
  sourceName: z.string().trim().max(300).default(''),
  sourceUrl: httpUrl.nullable().default(null),
  position,
});
export type ReadinessSetInput = z.infer<typeof ReadinessSetInputSchema>;

const CriterionFieldsSchema = z.object({
  code: z.string().trim().min(1).max(20),
  titleBg: title,
  titleEn: title,
  guidanceBg: text.default(''),
  guidanceEn: text.default(''),
  kind: ReadinessCriterionKindSchema,
  indicatorKey: z.string().trim().min(1).max(100).nullable().default(null),
  /** The area of an area indicator (`members.active_in_area`). */
  indicatorParam: z.string().trim().min(1).max(63).nullable().default(null),
  comparison: ReadinessComparisonSchema.nullable().default(null),
  green: threshold.nullable().default(null),
  amber: threshold.nullable().default(null),
  position,
});

/**
 * A criterion: a rule names a known indicator key (with its area when the indicator needs one), a
 * comparison and a green threshold; an amber threshold, when given, lies on the weaker side of green. A
 * manual item names none of these. The area's existence is checked by the server (field error).
 */
export const ReadinessCriterionInputSchema = CriterionFieldsSchema.superRefine((c, ctx) => {
  const issue = (path: string, code: string) =>
    ctx.addIssue({ code: 'custom', params: { code }, path: [path] });
  if (c.kind === 'manual') {
    if (
      c.indicatorKey !== null ||
      c.indicatorParam !== null ||
      c.comparison !== null ||
      c.green !== null ||
      c.amber !== null
    ) {
      issue('indicatorKey', 'readiness.manual_no_rule');
    }
    return;
  }
  const def = c.indicatorKey === null ? undefined : computedIndicator(c.indicatorKey);
  if (!def) issue('indicatorKey', 'readiness.unknown_indicator');
  else if (def.param === 'area' && c.indicatorParam === null)
    issue('indicatorParam', 'readiness.param_required');
  else if (def.param === null && c.indicatorParam !== null) issue('indicatorParam', 'readiness.param_none');
  if (c.comparison === null) issue('comparison', 'readiness.comparison_required');
  if (c.green === null) issue('green', 'readiness.threshold_required');
  if (c.comparison !== null && c.green !== null && c.amber !== null) {
    const weaker = c.comparison === 'gte' ? c.amber < c.green : c.amber > c.green;
    if (!weaker) issue('amber', 'readiness.amber_side');
  }
});
export type ReadinessCriterionInput = z.infer<typeof ReadinessCriterionInputSchema>;

export const ReadinessManualInputSchema = z.object({ status: ReadinessManualStatusSchema });
export type ReadinessManualInput = z.infer<typeof ReadinessManualInputSchema>;

/** A link to a page or to a numbered decision (documents are uploaded as multipart PDF). */
export const ReadinessEvidenceInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('link'), title: title, url: httpUrl }),
  z.object({ kind: z.literal('decision'), number: z.string().trim().min(1).max(20) }),
]);
export type ReadinessEvidenceInput = z.infer<typeof ReadinessEvidenceInputSchema>;

export const ReadinessSlugParamsSchema = z.object({ slug: z.string().min(1).max(80) });
export const ReadinessIdParamsSchema = z.object({ id: z.uuid() });

// ---------- output ----------

export const ReadinessEvidenceSchema = z.object({
  id: z.uuid(),
  kind: ReadinessEvidenceKindSchema,
  title: z.string(),
  url: z.string().nullable(),
  decisionId: z.uuid().nullable(),
  decisionNumber: z.string().nullable(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type ReadinessEvidence = z.infer<typeof ReadinessEvidenceSchema>;

export const ReadinessCriterionSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  titleBg: z.string(),
  titleEn: z.string(),
  guidanceBg: z.string(),
  guidanceEn: z.string(),
  kind: ReadinessCriterionKindSchema,
  indicatorKey: z.string().nullable(),
  indicatorParam: z.string().nullable(),
  comparison: ReadinessComparisonSchema.nullable(),
  green: z.number().nullable(),
  amber: z.number().nullable(),
  manualStatus: ReadinessManualStatusSchema,
  position: z.number().int(),
  version: z.number().int(),
  /** A rule's live figure (null: nothing to count); a manual item's none. */
  figure: z.number().nullable(),
  status: ReadinessStatusSchema,
  evidence: z.array(ReadinessEvidenceSchema),
});
export type ReadinessCriterion = z.infer<typeof ReadinessCriterionSchema>;

export const ReadinessCountsSchema = z.object({
  green: z.number().int(),
  amber: z.number().int(),
  red: z.number().int(),
});
export type ReadinessCounts = z.infer<typeof ReadinessCountsSchema>;

export const ReadinessRunResultSchema = z.object({
  criterionId: z.uuid(),
  code: z.string(),
  status: ReadinessStatusSchema,
  figure: z.number().nullable(),
});
export const ReadinessRunSchema = z.object({
  id: z.uuid(),
  ranAt: z.iso.datetime({ offset: true }),
  ranByName: z.string().nullable(),
  counts: ReadinessCountsSchema,
  results: z.array(ReadinessRunResultSchema),
});
export type ReadinessRun = z.infer<typeof ReadinessRunSchema>;

const SetFields = {
  id: z.uuid(),
  slug: z.string(),
  titleBg: z.string(),
  titleEn: z.string(),
  descriptionBg: z.string(),
  descriptionEn: z.string(),
  sourceName: z.string(),
  sourceUrl: z.string().nullable(),
  position: z.number().int(),
  version: z.number().int(),
  counts: ReadinessCountsSchema,
};
export const ReadinessSetSummarySchema = z.object({
  ...SetFields,
  lastRunAt: z.iso.datetime({ offset: true }).nullable(),
});
export const ReadinessSetListSchema = z.object({ items: z.array(ReadinessSetSummarySchema) });
export type ReadinessSetList = z.infer<typeof ReadinessSetListSchema>;

export const ReadinessSetSchema = z.object({
  ...SetFields,
  asOf: z.iso.date(),
  criteria: z.array(ReadinessCriterionSchema),
  /** The stored runs, newest first. */
  history: z.array(ReadinessRunSchema),
});
export type ReadinessSet = z.infer<typeof ReadinessSetSchema>;

export function countStatuses(statuses: readonly ReadinessStatus[]): ReadinessCounts {
  return {
    green: statuses.filter((s) => s === 'green').length,
    amber: statuses.filter((s) => s === 'amber').length,
    red: statuses.filter((s) => s === 'red').length,
  };
}
