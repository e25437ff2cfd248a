import { MEMBERSHIP_ACTIONS, MEMBERSHIP_CATEGORIES, MEMBERSHIP_STATUSES } from '@portal/shared';
import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { decisions } from './decisions.ts';
import { organizations } from './organizations.ts';
import { users } from './users.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * The history of a membership: every category change, suspension, reinstatement, withdrawal and exclusion,
 * with the register decision it rests on (where the statute requires one).
 */
export const membershipEvents = pgTable(
  'membership_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    action: text('action', { enum: MEMBERSHIP_ACTIONS }).notNull(),
    fromCategory: text('from_category', { enum: MEMBERSHIP_CATEGORIES }).notNull(),
    toCategory: text('to_category', { enum: MEMBERSHIP_CATEGORIES }).notNull(),
    fromStatus: text('from_status', { enum: MEMBERSHIP_STATUSES }).notNull(),
    toStatus: text('to_status', { enum: MEMBERSHIP_STATUSES }).notNull(),
    decisionId: uuid('decision_id').references(() => decisions.id, { onDelete: 'restrict' }),
    reason: text('reason').notNull().default(''),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('membership_events_organization_idx').on(t.organizationId, t.id),
    check('membership_events_action_check', sql.raw(`action in (${list(MEMBERSHIP_ACTIONS)})`)),
  ],
);
