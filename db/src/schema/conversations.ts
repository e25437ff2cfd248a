import {
  CONVERSATION_STATUSES,
  DECLINE_REASON_MAX,
  MESSAGE_BODY_MAX,
  PROPOSAL_ENDINGS,
} from '@portal/shared';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { areas } from './areas.ts';
import { boardItems } from './board.ts';
import { timestamps, version } from './columns.ts';
import { organizations } from './organizations.ts';
import { users } from './users.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * A private conversation about a board item between the item's organisation (the owner) and an
 * organisation that expressed interest (issue 14 §2, decision 036). One per item and interested
 * organisation: a second "express interest" returns the existing one (the unique index decides races).
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => boardItems.id, { onDelete: 'cascade' }),
    /** The item's organisation, copied when the conversation opens. */
    ownerOrganizationId: uuid('owner_organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    interestedOrganizationId: uuid('interested_organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** The representative who expressed interest (null once that user is erased). */
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: CONVERSATION_STATUSES }).notNull().default('open'),
    /** Which side proposed "agreed" (one of the two organisations), by whom and when. */
    agreedProposedByOrganizationId: uuid('agreed_proposed_by_organization_id').references(
      () => organizations.id,
      { onDelete: 'set null' },
    ),
    agreedProposedBy: uuid('agreed_proposed_by').references(() => users.id, { onDelete: 'set null' }),
    agreedProposedAt: timestamp('agreed_proposed_at', { withTimezone: true, mode: 'date' }),
    agreedConfirmedBy: uuid('agreed_confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    agreedConfirmedAt: timestamp('agreed_confirmed_at', { withTimezone: true, mode: 'date' }),
    /**
     * How the last proposal of "agreed" ended without a partnership: withdrawn by the side that proposed it,
     * or declined by the other side (with an optional short reason, shown to both sides only). Cleared by
     * the next proposal.
     */
    proposalEnded: text('proposal_ended', { enum: PROPOSAL_ENDINGS }),
    proposalEndedByOrganizationId: uuid('proposal_ended_by_organization_id').references(
      () => organizations.id,
      { onDelete: 'set null' },
    ),
    proposalEndedBy: uuid('proposal_ended_by').references(() => users.id, { onDelete: 'set null' }),
    proposalEndedAt: timestamp('proposal_ended_at', { withTimezone: true, mode: 'date' }),
    declineReason: text('decline_reason'),
    /** The newest message's time (lists sort by it). */
    lastMessageAt: timestamp('last_message_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    ...timestamps,
    ...version,
  },
  (t) => [
    uniqueIndex('conversations_item_interested_key').on(t.itemId, t.interestedOrganizationId),
    index('conversations_owner_idx').on(t.ownerOrganizationId, t.lastMessageAt),
    index('conversations_interested_idx').on(t.interestedOrganizationId, t.lastMessageAt),
    check('conversations_status_check', sql.raw(`status in (${list(CONVERSATION_STATUSES)})`)),
    check('conversations_two_sides_check', sql`owner_organization_id <> interested_organization_id`),
    check(
      'conversations_agreed_check',
      sql`(status = 'open') = (agreed_proposed_at is null) and (status = 'agreed') = (agreed_confirmed_at is not null)`,
    ),
    check(
      'conversations_proposal_ended_check',
      sql.raw(
        `(proposal_ended is null or proposal_ended in (${list(PROPOSAL_ENDINGS)})) and (proposal_ended is null) = (proposal_ended_at is null) and (decline_reason is null or (proposal_ended = 'declined' and length(decline_reason) between 1 and ${DECLINE_REASON_MAX}))`,
      ),
    ),
  ],
);

/** A plain-text message in a conversation. */
export const conversationMessages = pgTable(
  'conversation_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** The writer (null once erased: shown as "erased person"; the text stays for the other side). */
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The side the writer spoke for. */
    authorOrganizationId: uuid('author_organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('conversation_messages_conversation_idx').on(t.conversationId, t.createdAt),
    index('conversation_messages_author_idx').on(t.authorUserId),
    check('conversation_messages_body_check', sql.raw(`length(body) between 1 and ${MESSAGE_BODY_MAX}`)),
  ],
);

/** How far each user has read each conversation (unread counts: the other side's newer messages). */
export const conversationReads = pgTable(
  'conversation_reads',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadAt: timestamp('last_read_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    index('conversation_reads_user_idx').on(t.userId),
  ],
);

/** When each recipient was last emailed about each conversation (one digest per hour at most). */
export const conversationDigests = pgTable(
  'conversation_digests',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] })],
);

/** A user's conversation settings (no row: the defaults — new-message emails on). */
export const conversationSettings = pgTable('conversation_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  emailsEnabled: boolean('emails_enabled').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * A partnership agreed in a conversation (proposed by one side, confirmed by the other). Shown on the
 * public profiles ("partners in the cluster") only when both sides consented.
 */
export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** The board item's organisation. */
    ownerOrganizationId: uuid('owner_organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** The organisation that expressed interest. */
    partnerOrganizationId: uuid('partner_organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    agreedAt: timestamp('agreed_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Each side's consent to show the partnership on the public profiles (null: not given). */
    ownerConsentAt: timestamp('owner_consent_at', { withTimezone: true, mode: 'date' }),
    partnerConsentAt: timestamp('partner_consent_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
    ...version,
  },
  (t) => [
    uniqueIndex('partnerships_conversation_key').on(t.conversationId),
    index('partnerships_owner_idx').on(t.ownerOrganizationId),
    index('partnerships_partner_idx').on(t.partnerOrganizationId),
    index('partnerships_agreed_idx').on(t.agreedAt),
  ],
);

/** The areas of a partnership (the board item's areas when it was agreed). */
export const partnershipAreas = pgTable(
  'partnership_areas',
  {
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    areaId: text('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'restrict' }),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.areaId] }),
    index('partnership_areas_area_idx').on(t.areaId),
  ],
);
