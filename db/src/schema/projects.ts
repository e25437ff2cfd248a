import {
  ORGANIZATION_KINDS,
  PROJECT_JOIN_KINDS,
  PROJECT_JOIN_STATUSES,
  PROJECT_STATUSES,
} from '@portal/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, timestamps, version } from './columns.ts';
import { fundingCallDocuments, fundingCalls } from './funding-calls.ts';
import { organizations } from './organizations.ts';
import { users } from './users.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * A joint project (issue 16 §4, decision 050): an idea of a lead member organisation, usually for a funding
 * call. `version` guards the project and its budget alike (the budget is saved whole, If-Match).
 */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    titleBg: text('title_bg').notNull(),
    titleEn: text('title_en').notNull(),
    summaryBg: text('summary_bg').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    callId: uuid('call_id').references(() => fundingCalls.id, { onDelete: 'set null' }),
    leadOrganizationId: uuid('lead_organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    status: text('status', { enum: PROJECT_STATUSES }).notNull().default('idea'),
    /** The whole budget in euro cents; the partners' shares sum to it exactly. */
    totalCents: bigint('total_cents', { mode: 'number' }).notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...version,
  },
  (t) => [
    index('projects_lead_idx').on(t.leadOrganizationId),
    index('projects_call_idx').on(t.callId),
    check('projects_status_check', sql.raw(`status in (${list(PROJECT_STATUSES)})`)),
    check('projects_total_check', sql`total_cents >= 0`),
  ],
);

/**
 * A partner: a cluster member organisation, or a named external partner (name, country, kind). The lead is
 * a partner too. `share_cents` is its part of the budget.
 */
export const projectPartners = pgTable(
  'project_partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'restrict' }),
    externalName: text('external_name'),
    externalNameEn: text('external_name_en'),
    externalCountry: text('external_country'),
    externalKind: text('external_kind'),
    role: text('role').notNull().default(''),
    shareCents: bigint('share_cents', { mode: 'number' }).notNull().default(0),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    unique('project_partners_org_unique').on(t.projectId, t.organizationId),
    index('project_partners_organization_idx').on(t.organizationId),
    check('project_partners_share_check', sql`share_cents >= 0`),
    check(
      'project_partners_who_check',
      sql`(organization_id is not null and external_name is null)
          or (organization_id is null and external_name is not null and external_country ~ '^[A-Z]{2}$'
              and external_kind is not null)`,
    ),
    check(
      'project_partners_kind_check',
      sql.raw(`external_kind is null or external_kind in (${list(ORGANIZATION_KINDS)})`),
    ),
  ],
);

/** A task of the consortium, owned by a partner. */
export const projectTasks = pgTable(
  'project_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerPartnerId: uuid('owner_partner_id').references(() => projectPartners.id, { onDelete: 'set null' }),
    dueOn: date('due_on', { mode: 'string' }),
    done: boolean('done').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    ...version,
  },
  (t) => [index('project_tasks_project_idx').on(t.projectId)],
);

/**
 * A PDF uploaded for an item of the call's checklist: one for the project, or one per partner where the
 * call's document is `per_partner`. A new upload replaces the old one (one row per item and partner).
 */
export const projectDocuments = pgTable(
  'project_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    callDocumentId: uuid('call_document_id')
      .notNull()
      .references(() => fundingCallDocuments.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id').references(() => projectPartners.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    unique('project_documents_item_unique').on(t.projectId, t.callDocumentId, t.partnerId).nullsNotDistinct(),
  ],
);

/**
 * A member organisation's request to join a forming project (answered by the lead), or the lead's invitation
 * to a member organisation (answered by that organisation's representative). One pending per project and
 * organisation.
 */
export const projectJoins = pgTable(
  'project_joins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: PROJECT_JOIN_KINDS }).notNull(),
    message: text('message').notNull().default(''),
    status: text('status', { enum: PROJECT_JOIN_STATUSES }).notNull().default('pending'),
    /** Who asked or invited, and who answered (null once that account is erased). */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('project_joins_pending_unique')
      .on(t.projectId, t.organizationId)
      .where(sql`status = 'pending'`),
    index('project_joins_project_idx').on(t.projectId),
    index('project_joins_organization_idx').on(t.organizationId),
    check('project_joins_kind_check', sql.raw(`kind in (${list(PROJECT_JOIN_KINDS)})`)),
    check('project_joins_status_check', sql.raw(`status in (${list(PROJECT_JOIN_STATUSES)})`)),
  ],
);
