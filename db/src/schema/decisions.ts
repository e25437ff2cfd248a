import { sql } from 'drizzle-orm';
import {
  check,
  date,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { applications } from './applications.ts';
import { organizations } from './organizations.ts';
import { voteSessions } from './votes.ts';

/** The register of numbered decisions (`2026-014`: the 14th decision of 2026). */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    body: text('body').notNull().default('committee'),
    /** What was decided: an application for admission, or a change of an existing membership. */
    subject: text('subject', { enum: ['admission', 'membership'] })
      .notNull()
      .default('admission'),
    outcome: text('outcome', { enum: ['approved', 'rejected'] }).notNull(),
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'restrict' }),
    voteSessionId: uuid('vote_session_id').references(() => voteSessions.id, { onDelete: 'restrict' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    organizationNameBg: text('organization_name_bg').notNull(),
    organizationNameEn: text('organization_name_en').notNull(),
    textBg: text('text_bg').notNull(),
    textEn: text('text_en').notNull(),
    tally: jsonb('tally').notNull(),
    /** For a public authority's accession: its council's decision and appointed representative. */
    accession: jsonb('accession'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('decisions_number_key').on(t.number),
    uniqueIndex('decisions_year_sequence_key').on(t.year, t.sequence),
    // One decision per vote: a second close can never add another.
    uniqueIndex('decisions_vote_session_key').on(t.voteSessionId),
    check('decisions_outcome_check', sql`outcome in ('approved', 'rejected')`),
    check('decisions_subject_check', sql`subject in ('admission', 'membership')`),
  ],
);

/** The last decision number handed out per year, advanced by one atomic upsert. */
export const decisionCounters = pgTable('decision_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});
