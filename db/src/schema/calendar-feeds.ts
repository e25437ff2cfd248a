import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.ts';
import { sharedResources } from './resources.ts';
import { users } from './users.ts';

/**
 * A private iCalendar feed of confirmed bookings (issue 14 §3, decision 034): of an organisation (what it
 * booked and what was booked of its resources) or of one resource (for its owner) — exactly one of the
 * two. The URL carries a random token; only its SHA-256 hash is stored (decision 014), so the URL is shown
 * once, when it is made; resetting it makes a new token and the old URL stops working.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id').references(() => sharedResources.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('calendar_feeds_organization_idx').on(t.organizationId),
    uniqueIndex('calendar_feeds_resource_idx').on(t.resourceId),
    uniqueIndex('calendar_feeds_token_idx').on(t.tokenHash),
    check('calendar_feeds_subject_check', sql`(organization_id is null) <> (resource_id is null)`),
  ],
);
