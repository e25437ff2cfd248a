import { ORGANIZATION_KINDS } from '@portal/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { organizations } from './organizations.ts';
import { users } from './users.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * A funding call (issue 16 §3). Public: the committee and administrators keep them. The status (upcoming,
 * open, closed) follows from `opens_at` and `deadline_at` at read time (shared `fundingCallStatus`).
 */
export const fundingCalls = pgTable(
  'funding_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The programme, e.g. „Програма „Конкурентоспособност и иновации в предприятията“ 2021–2027“. */
    programme: text('programme').notNull(),
    /** The call's code in the programme, e.g. BG16RFPR001-1.007. */
    code: text('code').notNull(),
    titleBg: text('title_bg').notNull(),
    titleEn: text('title_en').notNull(),
    summaryBg: text('summary_bg').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    opensAt: timestamp('opens_at', { withTimezone: true, mode: 'date' }).notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The call's whole budget in euro cents (null: not announced). */
    budgetCents: bigint('budget_cents', { mode: 'number' }),
    /** Kinds of organisation that may be partners (empty: any). */
    eligibleKinds: text('eligible_kinds').array().notNull().default(sql`'{}'::text[]`),
    /** The call's page at the programme. */
    url: text('url'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...version,
  },
  (t) => [
    index('funding_calls_deadline_idx').on(t.deadlineAt),
    check('funding_calls_dates_check', sql`deadline_at > opens_at`),
    check('funding_calls_budget_check', sql`budget_cents is null or budget_cents >= 0`),
    check(
      'funding_calls_kinds_check',
      sql.raw(`eligible_kinds <@ array[${list(ORGANIZATION_KINDS)}]::text[]`),
    ),
    check('funding_calls_url_check', sql`url is null or url ~ '^https?://'`),
  ],
);

/** A document the call requires; a project's checklist is these, with uploads per partner where `per_partner`. */
export const fundingCallDocuments = pgTable(
  'funding_call_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => fundingCalls.id, { onDelete: 'cascade' }),
    nameBg: text('name_bg').notNull(),
    nameEn: text('name_en').notNull(),
    /** Each partner provides its own (e.g. a declaration); otherwise one for the whole project. */
    perPartner: boolean('per_partner').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('funding_call_documents_call_idx').on(t.callId, t.position)],
);

/** A member organisation's interest in a call (marked by one of its representatives). */
export const fundingCallInterests = pgTable(
  'funding_call_interests',
  {
    callId: uuid('call_id')
      .notNull()
      .references(() => fundingCalls.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Who marked it (null once that account is removed or erased). */
    markedBy: uuid('marked_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.organizationId] }),
    index('funding_call_interests_organization_idx').on(t.organizationId),
  ],
);

/** Reminders sent (one per call, organisation and number of days before the deadline): sent once only. */
export const fundingCallReminders = pgTable(
  'funding_call_reminders',
  {
    callId: uuid('call_id')
      .notNull()
      .references(() => fundingCalls.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    daysBefore: integer('days_before').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.organizationId, t.daysBefore] }),
    check('funding_call_reminders_days_check', sql`days_before in (30, 7, 1)`),
  ],
);
