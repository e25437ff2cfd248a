import { GOAL_KINDS, INDICATOR_SOURCES, INDICATOR_UNITS, OBJECTIVE_STATUSES } from '@portal/shared';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { areas } from './areas.ts';
import { governingBodies } from './bodies.ts';
import { timestamps, version } from './columns.ts';
import { users } from './users.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * A strategic goal of the cluster's roadmap (issue 16 §1, decision 047): the horizontal one (a stronger
 * innovation ecosystem) or a vertical one naming its specialisation area.
 */
export const strategyGoals = pgTable(
  'strategy_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: GOAL_KINDS }).notNull(),
    areaId: text('area_id').references(() => areas.id, { onDelete: 'restrict' }),
    titleBg: text('title_bg').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionBg: text('description_bg').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    position: integer('position').notNull().default(0),
    ...timestamps,
    ...version,
  },
  (t) => [
    check('strategy_goals_kind_check', sql.raw(`kind in (${list(GOAL_KINDS)})`)),
    check(
      'strategy_goals_area_check',
      sql`(${t.kind} = 'vertical') = (${t.areaId} is not null)`,
    ),
    index('strategy_goals_area_idx').on(t.areaId),
  ],
);

/** An objective under a goal, with its owner (a governing body and/or a name) and status. */
export const strategyObjectives = pgTable(
  'strategy_objectives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => strategyGoals.id, { onDelete: 'cascade' }),
    titleBg: text('title_bg').notNull(),
    titleEn: text('title_en').notNull(),
    ownerBodyId: uuid('owner_body_id').references(() => governingBodies.id, { onDelete: 'set null' }),
    ownerName: text('owner_name'),
    status: text('status', { enum: OBJECTIVE_STATUSES }).notNull().default('not_started'),
    position: integer('position').notNull().default(0),
    ...timestamps,
    ...version,
  },
  (t) => [
    check('strategy_objectives_status_check', sql.raw(`status in (${list(OBJECTIVE_STATUSES)})`)),
    index('strategy_objectives_goal_idx').on(t.goalId, t.position),
    index('strategy_objectives_owner_body_idx').on(t.ownerBodyId),
  ],
);

/**
 * An indicator of an objective: computed live from the portal's data by a registry key (shared
 * `COMPUTED_INDICATORS`), or entered as dated values with their source (`strategy_indicator_values`).
 */
export const strategyIndicators = pgTable(
  'strategy_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    objectiveId: uuid('objective_id')
      .notNull()
      .references(() => strategyObjectives.id, { onDelete: 'cascade' }),
    nameBg: text('name_bg').notNull(),
    nameEn: text('name_en').notNull(),
    unit: text('unit', { enum: INDICATOR_UNITS }).notNull(),
    baseline: doublePrecision('baseline').notNull(),
    target: doublePrecision('target').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    source: text('source', { enum: INDICATOR_SOURCES }).notNull(),
    computedKey: text('computed_key'),
    computedParam: text('computed_param'),
    position: integer('position').notNull().default(0),
    ...timestamps,
    ...version,
  },
  (t) => [
    check('strategy_indicators_unit_check', sql.raw(`unit in (${list(INDICATOR_UNITS)})`)),
    check('strategy_indicators_source_check', sql.raw(`source in (${list(INDICATOR_SOURCES)})`)),
    check('strategy_indicators_period_check', sql`${t.periodEnd} >= ${t.periodStart}`),
    check(
      'strategy_indicators_key_check',
      sql`(${t.source} = 'computed') = (${t.computedKey} is not null) and (${t.computedParam} is null or ${t.computedKey} is not null)`,
    ),
    index('strategy_indicators_objective_idx').on(t.objectiveId, t.position),
  ],
);

/** An entered value of an indicator (never updated: a correction is a newer value, so history shows). */
export const strategyIndicatorValues = pgTable(
  'strategy_indicator_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => strategyIndicators.id, { onDelete: 'cascade' }),
    value: doublePrecision('value').notNull(),
    source: text('source').notNull(),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('strategy_indicator_values_indicator_idx').on(t.indicatorId, t.measuredOn)],
);
