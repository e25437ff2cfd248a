import {
  BOOKING_STATUSES,
  FEE_UNITS,
  type OpeningHours,
  RESOURCE_CONDITIONS,
  RESOURCE_KINDS,
  WHO_MAY_BOOK,
} from '@portal/shared';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { organizations } from './organizations.ts';
import { users } from './users.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * A resource a member shares with the cluster (issue 14 §3): a lab, studio, equipment, meeting space or
 * expert time, with its conditions and booking rules. Bookings live in `resource_bookings`.
 */
export const sharedResources = pgTable(
  'shared_resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: RESOURCE_KINDS }).notNull(),
    nameBg: text('name_bg').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionBg: text('description_bg').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    location: text('location').notNull().default(''),
    capacity: integer('capacity'),
    conditions: text('conditions', { enum: RESOURCE_CONDITIONS }).notNull(),
    /** With conditions = 'fee': the fee in euro cents per `feeUnit`. */
    feeCents: integer('fee_cents'),
    feeUnit: text('fee_unit', { enum: FEE_UNITS }),
    whoMayBook: text('who_may_book', { enum: WHO_MAY_BOOK }).notNull().default('members'),
    minNoticeHours: integer('min_notice_hours').notNull().default(0),
    maxBookingHours: integer('max_booking_hours').notNull().default(8),
    /** Seven entries, Monday first, each opening and closing in Europe/Sofia time or null (closed). */
    openingHours: jsonb('opening_hours').$type<OpeningHours>().notNull(),
    active: boolean('active').notNull().default(true),
    ...timestamps,
    ...version,
  },
  (t) => [
    index('shared_resources_organization_idx').on(t.organizationId),
    check('shared_resources_kind_check', sql.raw(`kind in (${list(RESOURCE_KINDS)})`)),
    check('shared_resources_conditions_check', sql.raw(`conditions in (${list(RESOURCE_CONDITIONS)})`)),
    check('shared_resources_fee_unit_check', sql.raw(`fee_unit in (${list(FEE_UNITS)})`)),
    check('shared_resources_who_check', sql.raw(`who_may_book in (${list(WHO_MAY_BOOK)})`)),
    check(
      'shared_resources_fee_check',
      sql`(conditions = 'fee') = (fee_cents is not null and fee_unit is not null) and (fee_cents is null or fee_cents > 0)`,
    ),
    check(
      'shared_resources_rules_check',
      sql`min_notice_hours >= 0 and max_booking_hours > 0 and (capacity is null or capacity > 0)`,
    ),
  ],
);

/**
 * A request to use a shared resource for a time range. Confirmed bookings of one resource never overlap:
 * the exclusion constraint `resource_bookings_no_overlap` (custom migration, decision 034) says so.
 */
export const resourceBookings = pgTable(
  'resource_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => sharedResources.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    status: text('status', { enum: BOOKING_STATUSES }).notNull().default('requested'),
    /** Why the owner declined, or why either side cancelled. */
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('resource_bookings_resource_idx').on(t.resourceId, t.startsAt),
    index('resource_bookings_organization_idx').on(t.organizationId, t.startsAt),
    check('resource_bookings_status_check', sql.raw(`status in (${list(BOOKING_STATUSES)})`)),
    check('resource_bookings_range_check', sql`ends_at > starts_at`),
  ],
);
