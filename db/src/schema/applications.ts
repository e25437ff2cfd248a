import { APPLICATION_STATES, type ApplicationData, DOCUMENT_KINDS } from '@portal/shared';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, timestamps, version } from './columns.ts';
import { organizations } from './organizations.ts';
import { users } from './users.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * A join application. The answers live in `data` (one key per form section, each validated by its
 * section's schema when saved), so a draft can be half-filled; `eik` and `kind` are copied out of it
 * for the uniqueness rule and the committee's filters. `organization_id` is set when the applicant is an
 * organisation already on file (e.g. a candidate) and when an approval creates the member.
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    state: text('state', { enum: APPLICATION_STATES }).notNull().default('draft'),
    data: jsonb('data').$type<ApplicationData>().notNull().default({}),
    eik: text('eik'),
    kind: text('kind'),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
    ...version,
  },
  (t) => [
    check('applications_state_check', sql.raw(`state in (${list(APPLICATION_STATES)})`)),
    // One open application per ЕИК: a second one is refused by the database even under a race.
    uniqueIndex('applications_open_eik_key')
      .on(t.eik)
      .where(sql`state in ('submitted', 'under_review', 'changes_requested', 'in_vote')`),
    index('applications_applicant_idx').on(t.applicantId),
    index('applications_state_idx').on(t.state, t.submittedAt),
  ],
);

/** Uploaded PDFs, kept in the database (at most 5 × 10 MB an application) so backups hold everything. */
export const applicationDocuments = pgTable(
  'application_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    filename: text('filename').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('application_documents_application_idx').on(t.applicationId),
    check('application_documents_kind_check', sql.raw(`kind in (${list(DOCUMENT_KINDS)})`)),
  ],
);

/** The application's timeline: every transition and every comment, with who, when and to whom. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** `change`: the applicant edited a section while changes were requested (`changes` holds it). */
    kind: text('kind', { enum: ['transition', 'comment', 'change'] }).notNull(),
    action: text('action'),
    fromState: text('from_state'),
    toState: text('to_state'),
    /** `applicant`: the applicant sees it; `committee`: internal. */
    audience: text('audience', { enum: ['applicant', 'committee'] }).notNull(),
    text: text('text'),
    /** For `change`: `{ section, before, after }`, so the committee sees what was changed. */
    changes: jsonb('changes'),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.id)],
);
