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
import { meetingAgendaItems, meetings } from './meetings.ts';
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
    /**
     * What was decided: an application for admission, a change of an existing membership, or another
     * item of a body's meeting (issue 15 §2). An admission or membership change decided at a meeting keeps
     * its own subject and also names the meeting and item.
     */
    subject: text('subject', { enum: ['admission', 'membership', 'meeting'] })
      .notNull()
      .default('admission'),
    outcome: text('outcome', { enum: ['approved', 'rejected'] }).notNull(),
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'restrict' }),
    voteSessionId: uuid('vote_session_id').references(() => voteSessions.id, { onDelete: 'restrict' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'restrict' }),
    agendaItemId: uuid('agenda_item_id').references(() => meetingAgendaItems.id, { onDelete: 'restrict' }),
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
    // One decision per agenda item.
    uniqueIndex('decisions_agenda_item_key').on(t.agendaItemId),
    check('decisions_subject_check', sql`subject in ('admission', 'membership', 'meeting')`),
    check('decisions_meeting_check', sql`(meeting_id is null) = (agenda_item_id is null)`),
    check('decisions_meeting_subject_check', sql`subject <> 'meeting' or meeting_id is not null`),
  ],
);

/** The last decision number handed out per year, advanced by one atomic upsert. */
export const decisionCounters = pgTable('decision_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});
