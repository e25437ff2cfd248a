import {
  READINESS_COMPARISONS,
  READINESS_CRITERION_KINDS,
  READINESS_EVIDENCE_KINDS,
  READINESS_MANUAL_STATUSES,
} from '@portal/shared';
import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, timestamps, version } from './columns.ts';
import { decisions } from './decisions.ts';
import { users } from './users.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * A readiness criteria set (issue 16 §2, decision 051): a platform profile, a funding call's eligibility or
 * a label's indicator areas, written in our own words with the name and address of its public source.
 */
export const readinessSets = pgTable(
  'readiness_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    titleBg: text('title_bg').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionBg: text('description_bg').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    sourceName: text('source_name').notNull().default(''),
    sourceUrl: text('source_url'),
    position: integer('position').notNull().default(0),
    ...timestamps,
    ...version,
  },
  (t) => [uniqueIndex('readiness_sets_slug_key').on(t.slug)],
);

/**
 * A criterion of a set: a rule over a computed indicator of the strategy registry (key, optional area,
 * ≥/≤, green and optional amber threshold), or a manual evidence item the committee marks.
 */
export const readinessCriteria = pgTable(
  'readiness_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    setId: uuid('set_id')
      .notNull()
      .references(() => readinessSets.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    titleBg: text('title_bg').notNull(),
    titleEn: text('title_en').notNull(),
    guidanceBg: text('guidance_bg').notNull().default(''),
    guidanceEn: text('guidance_en').notNull().default(''),
    kind: text('kind', { enum: READINESS_CRITERION_KINDS }).notNull(),
    indicatorKey: text('indicator_key'),
    indicatorParam: text('indicator_param'),
    comparison: text('comparison', { enum: READINESS_COMPARISONS }),
    green: doublePrecision('green'),
    amber: doublePrecision('amber'),
    manualStatus: text('manual_status', { enum: READINESS_MANUAL_STATUSES }).notNull().default('missing'),
    manualMarkedBy: uuid('manual_marked_by').references(() => users.id, { onDelete: 'set null' }),
    manualMarkedAt: timestamp('manual_marked_at', { withTimezone: true, mode: 'date' }),
    position: integer('position').notNull().default(0),
    ...timestamps,
    ...version,
  },
  (t) => [
    check('readiness_criteria_kind_check', sql.raw(`kind in (${list(READINESS_CRITERION_KINDS)})`)),
    check(
      'readiness_criteria_manual_status_check',
      sql.raw(`manual_status in (${list(READINESS_MANUAL_STATUSES)})`),
    ),
    check(
      'readiness_criteria_comparison_check',
      sql.raw(`comparison is null or comparison in (${list(READINESS_COMPARISONS)})`),
    ),
    check(
      'readiness_criteria_rule_check',
      sql`(${t.kind} = 'rule') = (${t.indicatorKey} is not null and ${t.comparison} is not null and ${t.green} is not null)
        and (${t.kind} = 'rule' or (${t.indicatorParam} is null and ${t.amber} is null))`,
    ),
    uniqueIndex('readiness_criteria_code_key').on(t.setId, t.code),
    index('readiness_criteria_set_idx').on(t.setId, t.position),
  ],
);

/**
 * Evidence for a criterion: an uploaded PDF (committee-only), a link to a page, or a numbered decision.
 */
export const readinessEvidence = pgTable(
  'readiness_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => readinessCriteria.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: READINESS_EVIDENCE_KINDS }).notNull(),
    title: text('title').notNull(),
    url: text('url'),
    decisionId: uuid('decision_id').references(() => decisions.id, { onDelete: 'cascade' }),
    fileName: text('file_name'),
    contentType: text('content_type'),
    sizeBytes: integer('size_bytes'),
    content: bytea('content'),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    check('readiness_evidence_kind_check', sql.raw(`kind in (${list(READINESS_EVIDENCE_KINDS)})`)),
    check(
      'readiness_evidence_shape_check',
      sql`(${t.kind} = 'link') = (${t.url} is not null)
        and (${t.kind} = 'decision') = (${t.decisionId} is not null)
        and (${t.kind} = 'document') = (${t.content} is not null and ${t.fileName} is not null)`,
    ),
    index('readiness_evidence_criterion_idx').on(t.criterionId, t.createdAt),
    index('readiness_evidence_decision_idx').on(t.decisionId),
  ],
);

/** A run of a set's check: who ran it, when, and each criterion's status and figure then (jsonb). */
export const readinessRuns = pgTable(
  'readiness_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    setId: uuid('set_id')
      .notNull()
      .references(() => readinessSets.id, { onDelete: 'cascade' }),
    ranBy: uuid('ran_by').references(() => users.id, { onDelete: 'set null' }),
    ranAt: timestamp('ran_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** `[{ criterionId, code, status, figure }]` */
    results: jsonb('results').notNull(),
  },
  (t) => [index('readiness_runs_set_idx').on(t.setId, t.ranAt)],
);
