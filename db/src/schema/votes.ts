import {
  BALLOTS,
  MAJORITY_RULES,
  type MembershipProposal,
  QUORUM_RULES,
  type Tally,
  VOTE_CHOICES,
} from '@portal/shared';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { applications } from './applications.ts';
import { organizations } from './organizations.ts';
import { users } from './users.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * One vote on an application (a new round if an earlier one ended without quorum). The rules in force
 * are copied in when it opens, so changing the cluster's settings never changes a running vote.
 */
export const voteSessions = pgTable(
  'vote_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The application voted on (admission), or null for a vote on a membership change. */
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'cascade' }),
    /** The member whose membership change is voted on (issue 11 B1), or null for an admission. */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    /** The proposed membership change: action, category, reason, effective date (membership votes only). */
    proposal: jsonb('proposal').$type<MembershipProposal>(),
    round: integer('round').notNull(),
    quorum: text('quorum', { enum: QUORUM_RULES }).notNull().default('more_than_half'),
    majority: text('majority', { enum: MAJORITY_RULES }).notNull(),
    ballot: text('ballot', { enum: BALLOTS }).notNull(),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    outcome: text('outcome', { enum: ['approved', 'rejected', 'no_quorum'] }),
    /** The count at the close (the nameless totals of a secret ballot included). */
    tally: jsonb('tally').$type<Tally>(),
  },
  (t) => [
    uniqueIndex('vote_sessions_round_key').on(t.applicationId, t.round),
    // At most one open vote per application.
    uniqueIndex('vote_sessions_open_key').on(t.applicationId).where(sql`closed_at is null`),
    // At most one open vote per membership.
    uniqueIndex('vote_sessions_open_membership_key').on(t.organizationId).where(sql`closed_at is null`),
    check(
      'vote_sessions_subject_check',
      sql`(application_id is null) <> (organization_id is null) and (organization_id is null) = (proposal is null)`,
    ),
    check('vote_sessions_majority_check', sql.raw(`majority in (${list(MAJORITY_RULES)})`)),
    check('vote_sessions_quorum_check', sql.raw(`quorum in (${list(QUORUM_RULES)})`)),
    check('vote_sessions_ballot_check', sql.raw(`ballot in (${list(BALLOTS)})`)),
  ],
);

/** A committee member's vote (changeable until the vote closes) or recusal (conflict of interest). */
export const votes = pgTable(
  'votes',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => voteSessions.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    choice: text('choice', { enum: VOTE_CHOICES }),
    recused: boolean('recused').notNull().default(false),
    recusalReason: text('recusal_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.memberId] }),
    check('votes_choice_check', sql.raw(`choice is null or choice in (${list(VOTE_CHOICES)})`)),
    check('votes_recused_no_choice', sql`not (recused and choice is not null)`),
  ],
);

/**
 * The running count per choice of a secret ballot, kept apart from who voted (decision 013): a vote adds
 * one to its choice's row here and marks the member as having voted in `votes` (choice null). There is
 * no row per ballot, so nothing in the tables links a choice to a voter or orders ballots by time.
 */
export const secretTallies = pgTable(
  'secret_tallies',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => voteSessions.id, { onDelete: 'cascade' }),
    choice: text('choice', { enum: VOTE_CHOICES }).notNull(),
    votes: integer('votes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.choice] }),
    check('secret_tallies_choice_check', sql.raw(`choice in (${list(VOTE_CHOICES)})`)),
    check('secret_tallies_votes_check', sql`votes >= 0`),
  ],
);
