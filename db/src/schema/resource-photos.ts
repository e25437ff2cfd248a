import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './columns.ts';
import { sharedResources } from './resources.ts';

/**
 * Photos of a shared resource (issue 14 §3), made by the organisation logos' pipeline: the upload is
 * checked by its content (PNG, JPEG or WebP, at most 1 MB), turned upright and kept only as two WebP
 * renditions without metadata. `position` orders them (0 first); a few per resource.
 */
export const resourcePhotos = pgTable(
  'resource_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => sharedResources.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    sourceType: text('source_type').notNull(),
    large: bytea('large').notNull(),
    small: bytea('small').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('resource_photos_resource_idx').on(t.resourceId, t.position),
    check('resource_photos_source_type_check', sql`source_type in ('image/png', 'image/jpeg', 'image/webp')`),
  ],
);
