import { MEMBERSHIP_CATEGORIES, ORGANIZATION_KINDS, SIZE_CLASSES } from '@portal/shared';
import { sql } from 'drizzle-orm';
import { customType, date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.ts';

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/**
 * The public directory's read model (docs/decisions/006-directory-read-model.md): one narrow row per
 * PUBLICLY LISTED member — active and not a candidate — holding only what the directory filters, sorts
 * and searches on. Triggers on organizations, memberships, organization_areas and areas (migration
 * 0005) rewrite it in the same transaction as the change, so it never drifts; nothing else writes it.
 * The page's display fields are read from `organizations` for the page's rows only. The search document
 * lives in `directory_search` (migration 0006), so a count over many matches reads narrow rows (~150
 * bytes) rather than rows carrying ~700 bytes of search words.
 */
export const directoryEntries = pgTable(
  'directory_entries',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    nameBg: text('name_bg').notNull(),
    kind: text('kind', { enum: ORGANIZATION_KINDS }).notNull(),
    sizeClass: text('size_class', { enum: SIZE_CLASSES }),
    category: text('category', { enum: MEMBERSHIP_CATEGORIES }).notNull(),
    memberSince: date('member_since', { mode: 'string' }),
    /** The linked areas and every area above them, so `area_ids @> '{ict}'` includes ICT's sub-areas. */
    areaIds: text('area_ids').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    index('directory_entries_name_idx').on(sql`${t.nameBg} collate portal_bg`, t.organizationId),
    index('directory_entries_member_since_idx').on(
      t.memberSince.desc().nullsLast(),
      sql`${t.nameBg} collate portal_bg`,
      t.organizationId,
    ),
    index('directory_entries_areas_idx').using('gin', t.areaIds),
    // A kind or size filter sorted by name walks its own slice in name order: with the name index alone a
    // kind whose names sort late (universities: „Университет …“) would scan most of the table first.
    index('directory_entries_kind_name_idx').on(t.kind, sql`${t.nameBg} collate portal_bg`, t.organizationId),
    index('directory_entries_size_class_name_idx').on(
      t.sizeClass,
      sql`${t.nameBg} collate portal_bg`,
      t.organizationId,
    ),
    // A kind and/or size count is an index-only scan of this small index (no name text in it).
    index('directory_entries_kind_size_idx').on(t.kind, t.sizeClass),
  ],
);

/**
 * The search document of each directory row, apart from the narrow filter columns so that counts without
 * search words never read it. Kept by the same triggers, in the same transaction (migration 0007); a row
 * exists exactly when its `directory_entries` row does.
 */
export const directorySearch = pgTable(
  'directory_search',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => directoryEntries.organizationId, { onDelete: 'cascade' }),
    /**
     * portal_organization_document(): the words of both names and descriptions, offers and seeks, the city
     * and the names of the member's areas (and the areas above them), lower-cased and accent-free, without
     * positions; matched with prefix queries of stemmed words from portal_search_query()
     * (docs/decisions/018-bulgarian-word-forms.md).
     */
    search: tsvector('search').notNull(),
  },
  (t) => [index('directory_search_idx').using('gin', t.search)],
);

// The read model's count tables have no drizzle schema (drizzle cannot declare a "C" collation or an INCLUDE
// column): `directory_word_counts (lexeme, shared, members)` and `directory_facet_counts (area_id, kind,
// size_class, members)`, with their pending-change tables `directory_word_changes` and
// `directory_facet_changes`. Migration 0016_directory_count_tables creates them and the triggers that keep
// them in step with the two tables above at each commit; docs/decisions/011-directory-count-tables.md
// explains them. Only SQL in the directory, area and cluster services reads them.
