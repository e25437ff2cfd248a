import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';

/**
 * The cluster's own identity, shown on the public home page. One row (id = 1): the portal serves any
 * cluster, so nothing about Sofia is hard-coded beyond the demo seed.
 */
export const clusterSettings = pgTable(
  'cluster_settings',
  {
    id: integer('id').primaryKey().default(1),
    nameBg: text('name_bg').notNull(),
    nameEn: text('name_en').notNull(),
    taglineBg: text('tagline_bg').notNull().default(''),
    taglineEn: text('tagline_en').notNull().default(''),
    missionBg: text('mission_bg').notNull().default(''),
    missionEn: text('mission_en').notNull().default(''),
    strategyBg: text('strategy_bg').notNull().default(''),
    strategyEn: text('strategy_en').notNull().default(''),
    /** Voting rules for admissions (editable by administrators; copied into each vote when it opens). */
    quorumRule: text('quorum_rule', { enum: ['more_than_half', 'two_thirds', 'all'] })
      .notNull()
      .default('more_than_half'),
    majorityRule: text('majority_rule', { enum: ['simple', 'two_thirds', 'unanimous'] })
      .notNull()
      .default('simple'),
    ballot: text('ballot', { enum: ['open', 'secret'] })
      .notNull()
      .default('open'),
    /** How the year a member joins is charged (issue 11 B3, decision 016). */
    feeJoinRule: text('fee_join_rule', { enum: ['pro_rata_month', 'full_year', 'free_until_next_year'] })
      .notNull()
      .default('pro_rata_month'),
    ...timestamps,
    ...version,
  },
  (t) => [check('cluster_settings_single_row', sql`${t.id} = 1`)],
);
