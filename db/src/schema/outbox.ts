import { LANGUAGES } from '@portal/shared';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const OUTBOX_STATUS = ['pending', 'sent', 'failed'] as const;

/**
 * Email to send, written in the same transaction as the event that causes it. The message is rendered
 * when it is queued (subject and text in the recipient's language), so what administrators read on the
 * mailbox page is exactly what is sent. A worker claims rows with FOR UPDATE SKIP LOCKED.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toEmail: text('to_email').notNull(),
    language: text('language', { enum: LANGUAGES }).notNull(),
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    /**
     * An iCalendar (RFC 5545) sent with the message as its text/calendar part and `.ics` attachment — an
     * invitation to a meeting, a registration for an event (issue 15); null for most messages.
     */
    calendar: text('calendar'),
    /**
     * The address a reply goes to (Reply-To), when it is not the portal: the visitor who wrote through an
     * organisation's contact form (decision 053); null for most messages.
     */
    replyTo: text('reply_to'),
    status: text('status', { enum: OUTBOX_STATUS }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('outbox_messages_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('outbox_messages_to_idx').on(t.toEmail, t.createdAt),
    index('outbox_messages_created_idx').on(t.createdAt),
    check(
      'outbox_messages_status_check',
      sql.raw(`status in (${OUTBOX_STATUS.map((s) => `'${s}'`).join(', ')})`),
    ),
  ],
);
