import {
  AGENDA_ITEM_KINDS,
  ATTENDANCE_KINDS,
  ITEM_VOTE_MODES,
  MAJORITY_RULES,
  MEETING_STATUSES,
  type MembershipProposal,
  MINUTES_VISIBILITIES,
  QUORUM_RULES,
  RSVP_ANSWERS,
  VOTE_CHOICES,
} from '@portal/shared';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
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
import { areas } from './areas.ts';
import { boardItems } from './board.ts';
import { bodyPositions, governingBodies } from './bodies.ts';
import { bytea, timestamps, version } from './columns.ts';
import { organizations } from './organizations.ts';
import { users } from './users.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * A meeting of a governing body (issue 15 §2, decision 041). Times are instants (shown in Europe/Sofia or
 * the viewer's zone); the body's quorum, majority and proxy rules are copied in when the meeting is
 * planned, so changing the body later never changes a meeting's count. `sequence` is the calendar entry's
 * revision: every change of time or place raises it and sends an update.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => governingBodies.id, { onDelete: 'restrict' }),
    titleBg: text('title_bg').notNull(),
    titleEn: text('title_en').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    place: text('place').notNull().default(''),
    onlineUrl: text('online_url'),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('planned'),
    quorum: text('quorum', { enum: QUORUM_RULES }).notNull(),
    majority: text('majority', { enum: MAJORITY_RULES }).notNull(),
    allowsProxy: boolean('allows_proxy').notNull(),
    minutesVisibility: text('minutes_visibility', { enum: MINUTES_VISIBILITIES })
      .notNull()
      .default('members'),
    sequence: integer('sequence').notNull().default(0),
    invitedAt: timestamp('invited_at', { withTimezone: true, mode: 'date' }),
    /** The day-before reminder went out (housekeeping sends it once). */
    remindedAt: timestamp('reminded_at', { withTimezone: true, mode: 'date' }),
    heldAt: timestamp('held_at', { withTimezone: true, mode: 'date' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...version,
  },
  (t) => [
    index('meetings_body_idx').on(t.bodyId, t.startsAt),
    index('meetings_starts_idx').on(t.startsAt),
    check('meetings_status_check', sql.raw(`status in (${list(MEETING_STATUSES)})`)),
    check('meetings_quorum_check', sql.raw(`quorum in (${list(QUORUM_RULES)})`)),
    check('meetings_majority_check', sql.raw(`majority in (${list(MAJORITY_RULES)})`)),
    check(
      'meetings_minutes_visibility_check',
      sql.raw(`minutes_visibility in (${list(MINUTES_VISIBILITIES)})`),
    ),
    check('meetings_time_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('meetings_cancelled_check', sql`(status = 'cancelled') = (cancelled_at is not null)`),
    check('meetings_title_length_check', sql`length(title_bg) between 1 and 200 and length(title_en) <= 200`),
  ],
);

/**
 * An item of a meeting's agenda, in order. It is free text or linked to what it is about: a join
 * application, a membership action (organisation + proposed change), a cooperation board item.
 */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: AGENDA_ITEM_KINDS }).notNull().default('text'),
    titleBg: text('title_bg').notNull(),
    titleEn: text('title_en').notNull().default(''),
    notesBg: text('notes_bg').notNull().default(''),
    notesEn: text('notes_en').notNull().default(''),
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'restrict' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'restrict' }),
    /** For a membership action: the proposed change (the membership votes' proposal). */
    proposal: jsonb('proposal').$type<MembershipProposal>(),
    boardItemId: uuid('board_item_id').references(() => boardItems.id, { onDelete: 'set null' }),
    /** For a minutes item: the earlier meeting of the same body whose minutes this meeting approves. */
    minutesMeetingId: uuid('minutes_meeting_id').references((): AnyPgColumn => meetings.id, {
      onDelete: 'restrict',
    }),
    /** For a strategy item: the strategy's specialisation area (ISIS) it is about. */
    areaId: text('area_id').references(() => areas.id, { onDelete: 'restrict' }),
    ...timestamps,
    ...version,
  },
  (t) => [
    index('meeting_agenda_items_meeting_idx').on(t.meetingId, t.position),
    index('meeting_agenda_items_minutes_idx').on(t.minutesMeetingId),
    index('meeting_agenda_items_application_idx').on(t.applicationId),
    check('meeting_agenda_items_kind_check', sql.raw(`kind in (${list(AGENDA_ITEM_KINDS)})`)),
    check(
      'meeting_agenda_items_link_check',
      sql`(kind = 'application') = (application_id is not null)
        and (kind = 'membership') = (organization_id is not null and proposal is not null)
        and (kind = 'board_item' or board_item_id is null)
        and (kind = 'minutes') = (minutes_meeting_id is not null)
        and (kind = 'strategy') = (area_id is not null)`,
    ),
    check(
      'meeting_agenda_items_title_check',
      sql`length(title_bg) between 1 and 300 and length(title_en) <= 300`,
    ),
  ],
);

/** A PDF of a meeting (the application documents' rules: PDF only, size limit, checked content). */
export const meetingDocuments = pgTable(
  'meeting_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** The agenda item it belongs to, or null for the meeting as a whole. */
    agendaItemId: uuid('agenda_item_id').references(() => meetingAgendaItems.id, { onDelete: 'set null' }),
    filename: text('filename').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('meeting_documents_meeting_idx').on(t.meetingId)],
);

/**
 * A seat at a meeting: the body's members on the meeting's day, written when the invitations go out
 * (and topped up when they are sent again). A person's seat is their position (a portal user or a
 * named person); at the general assembly a seat is a member organisation, answered and voted for by any
 * of its representatives. `name` is the seat's name at that time (erased with the person, GDPR).
 */
export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    positionId: uuid('position_id').references(() => bodyPositions.id, { onDelete: 'restrict' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'restrict' }),
    /** The position holder's account (null: a named person without one, or an organisation's seat). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true, mode: 'date' }),
    rsvp: text('rsvp', { enum: RSVP_ANSWERS }),
    /** With rsvp = 'proxy': the seat that votes for this one. */
    rsvpProxyId: uuid('rsvp_proxy_id').references((): AnyPgColumn => meetingParticipants.id, {
      onDelete: 'set null',
    }),
    rsvpAt: timestamp('rsvp_at', { withTimezone: true, mode: 'date' }),
    rsvpBy: uuid('rsvp_by').references(() => users.id, { onDelete: 'set null' }),
    attendance: text('attendance', { enum: ATTENDANCE_KINDS }),
    /** With attendance = 'proxy': the present seat that held the proxy. */
    attendanceProxyId: uuid('attendance_proxy_id').references((): AnyPgColumn => meetingParticipants.id, {
      onDelete: 'set null',
    }),
    ...timestamps,
    ...version,
  },
  (t) => [
    uniqueIndex('meeting_participants_position_key').on(t.meetingId, t.positionId),
    uniqueIndex('meeting_participants_organization_key').on(t.meetingId, t.organizationId),
    index('meeting_participants_user_idx').on(t.userId),
    check('meeting_participants_seat_check', sql`(position_id is null) <> (organization_id is null)`),
    check('meeting_participants_rsvp_check', sql.raw(`rsvp is null or rsvp in (${list(RSVP_ANSWERS)})`)),
    check(
      'meeting_participants_attendance_check',
      sql.raw(`attendance is null or attendance in (${list(ATTENDANCE_KINDS)})`),
    ),
    check('meeting_participants_rsvp_proxy_check', sql`(rsvp = 'proxy') = (rsvp_proxy_id is not null)`),
    check(
      'meeting_participants_attendance_proxy_check',
      sql`(attendance = 'proxy') = (attendance_proxy_id is not null)`,
    ),
    check(
      'meeting_participants_not_own_proxy_check',
      sql`rsvp_proxy_id is distinct from id and attendance_proxy_id is distinct from id`,
    ),
  ],
);

/**
 * The vote on one agenda item: counts entered by the secretary (`tally`) or the ballots cast in the
 * portal (`ballots`, counted when it closes). The outcome is computed by the server with the meeting's
 * rules; a decision (the register's entry, subject 'meeting' or, for an application, 'admission') is
 * linked once the vote is closed. Without quorum the meeting may consult but decides nothing.
 */
export const meetingItemVotes = pgTable(
  'meeting_item_votes',
  {
    agendaItemId: uuid('agenda_item_id')
      .primaryKey()
      .references(() => meetingAgendaItems.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    mode: text('mode', { enum: ITEM_VOTE_MODES }).notNull(),
    /** The motion put to the vote (the decision's text if carried). */
    motionBg: text('motion_bg').notNull(),
    motionEn: text('motion_en').notNull().default(''),
    votesFor: integer('votes_for').notNull().default(0),
    votesAgainst: integer('votes_against').notNull().default(0),
    abstentions: integer('abstentions').notNull().default(0),
    /** Seats present or represented by proxy when the vote was taken. */
    eligible: integer('eligible').notNull().default(0),
    outcome: text('outcome', { enum: ['approved', 'rejected', 'no_quorum'] }),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * For a minutes item: the draft revision put to the vote and its version when the vote opened — an
     * adopted motion approves exactly that text (decision 046).
     */
    minutesId: uuid('minutes_id').references((): AnyPgColumn => meetingMinutes.id, { onDelete: 'restrict' }),
    minutesVersion: integer('minutes_version'),
    ...version,
  },
  (t) => [
    index('meeting_item_votes_meeting_idx').on(t.meetingId),
    check('meeting_item_votes_minutes_check', sql`(minutes_id is null) = (minutes_version is null)`),
    check('meeting_item_votes_mode_check', sql.raw(`mode in (${list(ITEM_VOTE_MODES)})`)),
    check(
      'meeting_item_votes_counts_check',
      sql`votes_for >= 0 and votes_against >= 0 and abstentions >= 0
        and votes_for + votes_against + abstentions <= eligible`,
    ),
    check(
      'meeting_item_votes_outcome_check',
      sql`outcome is null or outcome in ('approved', 'rejected', 'no_quorum')`,
    ),
    check('meeting_item_votes_closed_check', sql`(closed_at is null) = (outcome is null)`),
  ],
);

/** A ballot cast in the portal on an agenda item (open ballot: who voted how is recorded). */
export const meetingBallots = pgTable(
  'meeting_ballots',
  {
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => meetingItemVotes.agendaItemId, { onDelete: 'cascade' }),
    /** The seat the ballot counts for (one's own, or one held by proxy). */
    participantId: uuid('participant_id')
      .notNull()
      .references(() => meetingParticipants.id, { onDelete: 'cascade' }),
    choice: text('choice', { enum: VOTE_CHOICES }).notNull(),
    castBy: uuid('cast_by').references(() => users.id, { onDelete: 'set null' }),
    castAt: timestamp('cast_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.agendaItemId, t.participantId] }),
    check('meeting_ballots_choice_check', sql.raw(`choice in (${list(VOTE_CHOICES)})`)),
  ],
);

/**
 * The minutes of a meeting (issue 15 §3, decision 045), one row per revision. Revision 1 is drafted by the
 * meeting's officers from the agenda (pre-filled with attendance, quorum and each item's decision and
 * tally), commented on by the body's members and approved by the chair (or at a later meeting); an
 * approved revision is locked — a trigger refuses any change to it — and a correction is a new revision
 * with its reason, approved the same way. At most one revision is a draft at a time.
 */
export const meetingMinutes = pgTable(
  'meeting_minutes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    status: text('status', { enum: ['draft', 'approved'] })
      .notNull()
      .default('draft'),
    /** Markdown (the news rules: no raw HTML, safe links only). */
    textBg: text('text_bg').notNull(),
    textEn: text('text_en').notNull().default(''),
    /** Why a later revision corrects the approved one (required from revision 2). */
    correctionReason: text('correction_reason'),
    draftedBy: uuid('drafted_by').references(() => users.id, { onDelete: 'set null' }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
    ...version,
  },
  (t) => [
    uniqueIndex('meeting_minutes_revision_key').on(t.meetingId, t.revision),
    uniqueIndex('meeting_minutes_one_draft_key').on(t.meetingId).where(sql`status = 'draft'`),
    check('meeting_minutes_status_check', sql`status in ('draft', 'approved')`),
    check('meeting_minutes_approved_check', sql`(status = 'approved') = (approved_at is not null)`),
    check('meeting_minutes_reason_check', sql`revision = 1 or correction_reason is not null`),
    check('meeting_minutes_length_check', sql`length(text_bg) <= 200000 and length(text_en) <= 200000`),
  ],
);

/** A body member's comment on a draft of the minutes. */
export const meetingMinutesComments = pgTable(
  'meeting_minutes_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    minutesId: uuid('minutes_id')
      .notNull()
      .references(() => meetingMinutes.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('meeting_minutes_comments_minutes_idx').on(t.minutesId, t.createdAt),
    index('meeting_minutes_comments_author_idx').on(t.authorId),
    check('meeting_minutes_comments_length_check', sql`length(text) between 1 and 5000`),
  ],
);
