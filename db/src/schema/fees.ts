import { MEMBERSHIP_CATEGORIES } from '@portal/shared';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { organizations } from './organizations.ts';
import { users } from './users.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/** The annual fee of a membership category in a year, in euro cents, set by administrators. */
export const feeRates = pgTable(
  'fee_rates',
  {
    year: integer('year').notNull(),
    category: text('category', { enum: MEMBERSHIP_CATEGORIES }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    /** After this day an unpaid fee is overdue. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...version,
  },
  (t) => [
    primaryKey({ columns: [t.year, t.category] }),
    check('fee_rates_amount_check', sql`amount_cents >= 0`),
    check('fee_rates_category_check', sql.raw(`category in (${list(MEMBERSHIP_CATEGORIES)})`)),
  ],
);

/** A payment of a member's annual fee, recorded by the committee. */
export const feePayments = pgTable(
  'fee_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    amountCents: integer('amount_cents').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    /**
     * The bank transfer's or receipt's reference; unique across the cluster, ignoring case (issue 11 B4), so
     * a double submit records once and one transfer is never booked to two organisations.
     */
    reference: text('reference').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fee_payments_reference_key').on(sql`lower(${t.reference})`),
    index('fee_payments_year_idx').on(t.year, t.organizationId),
    // A member's payments (the fee ledger's correlated lookup per membership): without it every membership
    // scanned every payment up to the year, minutes at 100,000 members.
    index('fee_payments_organization_idx').on(t.organizationId, t.year),
    check('fee_payments_amount_check', sql`amount_cents > 0`),
  ],
);
