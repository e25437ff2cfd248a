import {
  BOARD_CLOSE_OUTCOMES,
  BOARD_ITEM_KINDS,
  BOARD_ITEM_STATUSES,
  BOARD_ITEM_TYPES,
  BOARD_VISIBILITIES,
  ORGANIZATION_KINDS,
} from '@portal/shared';
import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { areas } from './areas.ts';
import { timestamps, version } from './columns.ts';
import { organizations } from './organizations.ts';
import { users } from './users.ts';

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * An offer or a request on the cooperation board (issue 14 §1, decision 033). `expired` is not written by
 * requests: a published item whose `valid_until` has passed is expired at read time.
 */
export const boardItems = pgTable(
  'board_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: BOARD_ITEM_KINDS }).notNull(),
    type: text('type', { enum: BOARD_ITEM_TYPES }).notNull(),
    titleBg: text('title_bg').notNull().default(''),
    titleEn: text('title_en').notNull().default(''),
    descriptionBg: text('description_bg').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    naceCode: text('nace_code'),
    /** The last day (Sofia) the item is on the board; null only while a draft names no date. */
    validUntil: date('valid_until', { mode: 'string' }),
    visibility: text('visibility', { enum: BOARD_VISIBILITIES }).notNull().default('members'),
    status: text('status', { enum: BOARD_ITEM_STATUSES }).notNull().default('draft'),
    closeOutcome: text('close_outcome', { enum: BOARD_CLOSE_OUTCOMES }),
    closeNote: text('close_note'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    /**
     * The `valid_until` whose "expires soon" reminder was raised (housekeeping, 7 days before): one
     * reminder per item and date; a new date gets a new reminder.
     */
    remindedFor: date('reminded_for', { mode: 'string' }),
    /**
     * The organisation's kind while it is an active admitted member (it has a `directory_entries` row), else
     * null: whether the item can be on the board, and the "organisation kind" filter, without a join. Kept
     * by triggers (migration `board_count_tables`, decision 038 §6); never written by the application.
     */
    listedKind: text('listed_kind', { enum: ORGANIZATION_KINDS }),
    /** The user who created it (null once that user is erased). */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * The search document of the titles and descriptions in both languages: the directory's
     * (`portal_search_document`: lower-cased, accent-free words, no positions), searched by word prefix with
     * `portal_search_query` (Bulgarian stems on the query side). Decision 038.
     */
    search: tsvector('search').generatedAlwaysAs(
      sql`portal_search_document(title_bg || ' ' || title_en || ' ' || description_bg || ' ' || description_en)`,
    ),
    ...timestamps,
    ...version,
  },
  (t) => [
    index('board_items_organization_idx').on(t.organizationId, t.createdAt),
    // The members' list (decision 038): a page is a walk of one of these in the list's exact order, and
    // the columns after the sort keys let the walk filter on the day, kind, type and the organisation's kind
    // without reading the rows. Only items of active members are in them (listed_kind, §6).
    index('board_items_newest_idx')
      .on(t.publishedAt.desc(), t.id, t.validUntil, t.kind, t.type, t.listedKind)
      .where(sql`status = 'published' and listed_kind is not null`),
    index('board_items_ending_idx')
      .on(t.validUntil, t.publishedAt.desc(), t.id, t.kind, t.type, t.listedKind)
      .where(sql`status = 'published' and listed_kind is not null`),
    index('board_items_search_idx')
      .using('gin', t.search)
      .where(sql`status = 'published' and listed_kind is not null`),
    check('board_items_kind_check', sql.raw(`kind in (${list(BOARD_ITEM_KINDS)})`)),
    check('board_items_type_check', sql.raw(`type in (${list(BOARD_ITEM_TYPES)})`)),
    check('board_items_visibility_check', sql.raw(`visibility in (${list(BOARD_VISIBILITIES)})`)),
    check('board_items_status_check', sql.raw(`status in (${list(BOARD_ITEM_STATUSES)})`)),
    check(
      'board_items_outcome_check',
      sql.raw(
        `(status = 'closed') = (close_outcome is not null) and (close_outcome is null or close_outcome in (${list(BOARD_CLOSE_OUTCOMES)}))`,
      ),
    ),
    check('board_items_published_dated_check', sql`status = 'draft' or valid_until is not null`),
    check('board_items_title_length_check', sql`length(title_bg) <= 200 and length(title_en) <= 200`),
    check(
      'board_items_description_length_check',
      sql`length(description_bg) <= 5000 and length(description_en) <= 5000`,
    ),
  ],
);

/** The ISIS areas of a board item (the profiles' taxonomy). */
export const boardItemAreas = pgTable(
  'board_item_areas',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => boardItems.id, { onDelete: 'cascade' }),
    areaId: text('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'restrict' }),
    // Copies of the item's columns, kept by triggers (migration `board_item_areas_copies`), so the partner
    // suggestions' pre-filter finds "open items of this type and kind in this area" in one index range
    // (decision 035). Never written by the application.
    organizationId: uuid('organization_id'),
    itemKind: text('item_kind', { enum: BOARD_ITEM_KINDS }),
    itemType: text('item_type', { enum: BOARD_ITEM_TYPES }),
    /** The item's `valid_until` while it is published, else null. */
    openUntil: date('open_until', { mode: 'string' }),
    /** The item's `listed_kind` (its organisation's kind while an active member, else null). */
    listedKind: text('listed_kind', { enum: ORGANIZATION_KINDS }),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.areaId] }),
    index('board_item_areas_area_idx').on(t.areaId),
    index('board_item_areas_open_match_idx')
      .on(t.areaId, t.itemType, t.itemKind, t.openUntil, t.organizationId, t.itemId)
      .where(sql`open_until is not null`),
  ],
);

/** The content of a published item as it was before each edit (its history). */
export const boardItemRevisions = pgTable(
  'board_item_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => boardItems.id, { onDelete: 'cascade' }),
    /** The item's version this snapshot was (the edit made version + 1). */
    version: integer('version').notNull(),
    /** The item's content before the edit: titles, descriptions, areas, NACE code, date, visibility. */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    editedBy: uuid('edited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('board_item_revisions_item_idx').on(t.itemId, t.version)],
);
