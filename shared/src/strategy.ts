import * as z from 'zod';

/**
 * The cluster's strategy as data (issue 16 §1, decision 047): strategic goals (the horizontal one and one
 * per specialisation area), objectives under a goal with an owner and a status, and indicators under an
 * objective with a baseline, a target and a period. An indicator is either **computed** live from the
 * portal's data by a key of the fixed registry below, or **entered** by the committee as dated values with
 * their source (each value its own row, so the history shows).
 *
 * The registry is the stable vocabulary other features refer to (the readiness checks of issue 16 §2 name
 * indicator keys in their rules): keys are never renamed, only added.
 */

export const GOAL_KINDS = ['horizontal', 'vertical'] as const;
export const GoalKindSchema = z.enum(GOAL_KINDS);
export type GoalKind = z.infer<typeof GoalKindSchema>;

export const OBJECTIVE_STATUSES = ['not_started', 'on_track', 'at_risk', 'achieved'] as const;
export const ObjectiveStatusSchema = z.enum(OBJECTIVE_STATUSES);
export type ObjectiveStatus = z.infer<typeof ObjectiveStatusSchema>;

export const INDICATOR_SOURCES = ['computed', 'entered'] as const;
export const IndicatorSourceSchema = z.enum(INDICATOR_SOURCES);
export type IndicatorSource = z.infer<typeof IndicatorSourceSchema>;

export const INDICATOR_UNITS = ['count', 'percent', 'eur', 'days'] as const;
export const IndicatorUnitSchema = z.enum(INDICATOR_UNITS);
export type IndicatorUnit = z.infer<typeof IndicatorUnitSchema>;

/**
 * How a computed indicator counts: `now` — the state today (a stock, e.g. active members); `period` —
 * what happened within the indicator's period (a flow, e.g. meetings held), days in Europe/Sofia.
 */
export type IndicatorWindow = 'now' | 'period' | 'current_year';

export interface ComputedIndicatorDefinition {
  key: string;
  labelBg: string;
  labelEn: string;
  unit: IndicatorUnit;
  window: IndicatorWindow;
  /** The indicator needs a parameter: a specialisation area's id. */
  param: 'area' | null;
}

/** The registry of computed indicators; the server computes each in `routes/strategy/indicators.ts`. */
export const COMPUTED_INDICATORS = [
  {
    key: 'members.active_total',
    labelBg: 'Активни членове',
    labelEn: 'Active members',
    unit: 'count',
    window: 'now',
    param: null,
  },
  {
    key: 'members.active_in_area',
    labelBg: 'Активни членове в област',
    labelEn: 'Active members in an area',
    unit: 'count',
    window: 'now',
    param: 'area',
  },
  {
    key: 'members.sme_share',
    labelBg: 'Дял на МСП сред членовете',
    labelEn: 'Share of SMEs among members',
    unit: 'percent',
    window: 'now',
    param: null,
  },
  {
    key: 'partnerships.agreed',
    labelBg: 'Договорени партньорства',
    labelEn: 'Partnerships agreed',
    unit: 'count',
    window: 'period',
    param: null,
  },
  {
    key: 'meetings.held',
    labelBg: 'Проведени заседания',
    labelEn: 'Meetings held',
    unit: 'count',
    window: 'period',
    param: null,
  },
  {
    key: 'decisions.recorded',
    labelBg: 'Записани решения',
    labelEn: 'Decisions recorded',
    unit: 'count',
    window: 'period',
    param: null,
  },
  {
    key: 'fees.collection_rate',
    labelBg: 'Събираемост на членския внос за текущата година',
    labelEn: 'Fee collection rate for the current year',
    unit: 'percent',
    window: 'current_year',
    param: null,
  },
  {
    key: 'resources.shared',
    labelBg: 'Споделени ресурси',
    labelEn: 'Shared resources',
    unit: 'count',
    window: 'now',
    param: null,
  },
  // Appended for the readiness checks (issue 16 §2, decision 051).
  {
    key: 'members.kinds',
    labelBg: 'Видове организации сред активните членове',
    labelEn: 'Kinds of organisation among active members',
    unit: 'count',
    window: 'now',
    param: null,
  },
  {
    key: 'news.published',
    labelBg: 'Публикувани новини',
    labelEn: 'News published',
    unit: 'count',
    window: 'period',
    param: null,
  },
  {
    key: 'events.held',
    labelBg: 'Проведени събития',
    labelEn: 'Events held',
    unit: 'count',
    window: 'period',
    param: null,
  },
] as const satisfies readonly ComputedIndicatorDefinition[];

export type ComputedIndicatorKey = (typeof COMPUTED_INDICATORS)[number]['key'];
export const COMPUTED_INDICATOR_KEYS = COMPUTED_INDICATORS.map((d) => d.key) as ComputedIndicatorKey[];

export function isComputedIndicatorKey(key: string): key is ComputedIndicatorKey {
  return (COMPUTED_INDICATOR_KEYS as string[]).includes(key);
}

export function computedIndicator(key: string): ComputedIndicatorDefinition | undefined {
  return COMPUTED_INDICATORS.find((d) => d.key === key);
}

/**
 * How far from the baseline to the target a value is, 0…1 (clamped); null without a value. A target below
 * the baseline (a figure to bring down) counts the same way; a target equal to the baseline is met or not.
 */
export function indicatorProgress(baseline: number, target: number, value: number | null): number | null {
  if (value === null) return null;
  if (target === baseline) return value >= target ? 1 : 0;
  const p = (value - baseline) / (target - baseline);
  return Math.min(1, Math.max(0, p));
}

// ---------- input ----------

const title = z.string().trim().min(1).max(300);
const description = z.string().trim().max(5000);
const day = z.iso.date();
/** A baseline, target or value: a finite number (JSON has no NaN; the bound keeps it sane). */
const amount = z.number().finite().min(-1e12).max(1e12);
const position = z.number().int().min(0).max(1000).default(0);

const GoalFieldsSchema = z.object({
  kind: GoalKindSchema,
  /** A vertical goal names its specialisation area; the horizontal one none. */
  areaId: z.string().trim().min(1).max(63).nullable().default(null),
  titleBg: title,
  titleEn: title,
  descriptionBg: description.default(''),
  descriptionEn: description.default(''),
  position,
});
const goalArea = (g: { kind: GoalKind; areaId: string | null }) =>
  g.kind === 'vertical' ? g.areaId !== null : g.areaId === null;
const goalAreaIssue = { params: { code: 'strategy.goal_area' }, path: ['areaId'] };
export const GoalInputSchema = GoalFieldsSchema.refine(goalArea, goalAreaIssue);
export type GoalInput = z.infer<typeof GoalInputSchema>;

const ObjectiveFieldsSchema = z.object({
  titleBg: title,
  titleEn: title,
  /** The owner: a governing body, or a person's or team's name as text — or both empty. */
  ownerBodyId: z.uuid().nullable().default(null),
  ownerName: z.string().trim().min(1).max(200).nullable().default(null),
  status: ObjectiveStatusSchema.default('not_started'),
  position,
});
export const ObjectiveInputSchema = ObjectiveFieldsSchema;
export type ObjectiveInput = z.infer<typeof ObjectiveInputSchema>;

const IndicatorFieldsSchema = z.object({
  nameBg: title,
  nameEn: title,
  unit: IndicatorUnitSchema,
  baseline: amount,
  target: amount,
  periodStart: day,
  periodEnd: day,
  source: IndicatorSourceSchema,
  /** A key of COMPUTED_INDICATORS (computed indicators only). */
  computedKey: z.string().trim().min(1).max(100).nullable().default(null),
  /** The area a `members.active_in_area` indicator counts. */
  computedParam: z.string().trim().min(1).max(63).nullable().default(null),
  position,
});
export const IndicatorInputSchema = IndicatorFieldsSchema.superRefine((i, ctx) => {
  if (i.periodEnd < i.periodStart) {
    ctx.addIssue({ code: 'custom', params: { code: 'strategy.period_order' }, path: ['periodEnd'] });
  }
  if (i.source === 'computed') {
    const def = i.computedKey === null ? undefined : computedIndicator(i.computedKey);
    if (!def) {
      ctx.addIssue({ code: 'custom', params: { code: 'strategy.unknown_indicator' }, path: ['computedKey'] });
    } else if (def.param === 'area' && i.computedParam === null) {
      ctx.addIssue({ code: 'custom', params: { code: 'strategy.param_required' }, path: ['computedParam'] });
    } else if (def.param === null && i.computedParam !== null) {
      ctx.addIssue({ code: 'custom', params: { code: 'strategy.param_none' }, path: ['computedParam'] });
    } else if (def.unit !== i.unit) {
      ctx.addIssue({ code: 'custom', params: { code: 'strategy.unit_mismatch' }, path: ['unit'] });
    }
  } else if (i.computedKey !== null || i.computedParam !== null) {
    ctx.addIssue({ code: 'custom', params: { code: 'strategy.entered_no_key' }, path: ['computedKey'] });
  }
});
export type IndicatorInput = z.infer<typeof IndicatorInputSchema>;

/** A value of an entered indicator: the figure, its source and the day it refers to. */
export const IndicatorValueInputSchema = z.object({
  value: amount,
  source: z.string().trim().min(1).max(500),
  measuredOn: day,
});
export type IndicatorValueInput = z.infer<typeof IndicatorValueInputSchema>;

export const StrategyIdParamsSchema = z.object({ id: z.uuid() });

// ---------- output ----------

export const IndicatorValueSchema = z.object({
  id: z.uuid(),
  value: z.number(),
  source: z.string(),
  measuredOn: day,
  createdAt: z.iso.datetime({ offset: true }),
});
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

export const IndicatorSchema = z.object({
  id: z.uuid(),
  objectiveId: z.uuid(),
  nameBg: z.string(),
  nameEn: z.string(),
  unit: IndicatorUnitSchema,
  baseline: z.number(),
  target: z.number(),
  periodStart: day,
  periodEnd: day,
  source: IndicatorSourceSchema,
  computedKey: z.string().nullable(),
  computedParam: z.string().nullable(),
  position: z.number().int(),
  version: z.number().int(),
  /** Computed: the live figure; entered: the latest value (by its day); null when there is none. */
  current: z.number().nullable(),
  /** The day `current` refers to: today for a computed indicator; the latest entered value's day. */
  currentOn: day.nullable(),
  /** The latest entered value's source (entered indicators). */
  currentSource: z.string().nullable(),
  /** 0…1 from baseline to target (`indicatorProgress`). */
  progress: z.number().nullable(),
  /** Entered values, newest first (the history). */
  values: z.array(IndicatorValueSchema),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const ObjectiveSchema = z.object({
  id: z.uuid(),
  goalId: z.uuid(),
  titleBg: z.string(),
  titleEn: z.string(),
  ownerBodyId: z.uuid().nullable(),
  ownerBodyNameBg: z.string().nullable(),
  ownerBodyNameEn: z.string().nullable(),
  ownerName: z.string().nullable(),
  status: ObjectiveStatusSchema,
  position: z.number().int(),
  version: z.number().int(),
  indicators: z.array(IndicatorSchema),
});
export type Objective = z.infer<typeof ObjectiveSchema>;

export const GoalSchema = z.object({
  id: z.uuid(),
  kind: GoalKindSchema,
  areaId: z.string().nullable(),
  areaNameBg: z.string().nullable(),
  areaNameEn: z.string().nullable(),
  titleBg: z.string(),
  titleEn: z.string(),
  descriptionBg: z.string(),
  descriptionEn: z.string(),
  position: z.number().int(),
  version: z.number().int(),
  objectives: z.array(ObjectiveSchema),
});
export type Goal = z.infer<typeof GoalSchema>;

export const StrategyResponseSchema = z.object({
  /** The day the computed figures were taken (Europe/Sofia). */
  asOf: day,
  goals: z.array(GoalSchema),
});
export type StrategyResponse = z.infer<typeof StrategyResponseSchema>;

/** The registry as the editing page offers it. */
export const ComputedIndicatorListSchema = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      labelBg: z.string(),
      labelEn: z.string(),
      unit: IndicatorUnitSchema,
      window: z.enum(['now', 'period', 'current_year']),
      param: z.enum(['area']).nullable(),
    }),
  ),
});
export type ComputedIndicatorList = z.infer<typeof ComputedIndicatorListSchema>;
