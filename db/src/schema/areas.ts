import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';

/** Specialisation areas (ISIS 2021–2027 thematic areas and their sub-areas), addressed by slug. */
export const areas = pgTable(
  'areas',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id').references((): AnyPgColumn => areas.id, { onDelete: 'restrict' }),
    nameBg: text('name_bg').notNull(),
    nameEn: text('name_en').notNull(),
    /** One of the cluster's vertical priorities. */
    isPriority: boolean('is_priority').notNull().default(false),
    position: integer('position').notNull().default(0),
    ...timestamps,
    ...version,
  },
  (t) => [
    index('areas_parent_idx').on(t.parentId),
    check('areas_id_slug', sql`${t.id} ~ '^[a-z][a-z0-9-]{0,62}$'`),
  ],
);
