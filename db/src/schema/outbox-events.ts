import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Domain events that people hear about (decision 030): written by a service in the transaction of the
 * change, so an event exists if and only if its change committed. A dispatcher (server/src/events/)
 * claims undispatched events (FOR UPDATE SKIP LOCKED on PostgreSQL), turns each into `outbox_messages`
 * and marks it dispatched in one transaction; a failed handler is retried with backoff. `payload` holds
 * the facts of the change (ids, the action, the texts written with it), never a recipient's address.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** When a failed event is tried again (backoff); new events are due at once. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true, mode: 'date' }),
    /** Set when the handler failed `maxAttempts` times: the event is left alone (and logged). */
    failedAt: timestamp('failed_at', { withTimezone: true, mode: 'date' }),
    /** Failed attempts so far. */
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_events_due_idx')
      .on(t.nextAttemptAt, t.id)
      .where(sql`dispatched_at is null and failed_at is null`),
    index('outbox_events_dispatched_idx').on(t.dispatchedAt).where(sql`dispatched_at is not null`),
  ],
);
