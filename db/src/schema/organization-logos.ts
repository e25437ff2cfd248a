import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './columns.ts';
import { organizations } from './organizations.ts';

/**
 * An organisation's logo, stored once per upload as resized WebP renditions (the original is checked by its
 * content — PNG, JPEG or WebP, at most 1 MB — and not kept). `version` equals organizations.logo_version.
 */
export const organizationLogos = pgTable(
  'organization_logos',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The uploaded file's type as detected from its bytes. */
    sourceType: text('source_type').notNull(),
    /** At most 512 px on the longer side. */
    large: bytea('large').notNull(),
    /** At most 128 px on the longer side (cards, lists). */
    small: bytea('small').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  () => [
    check(
      'organization_logos_source_type_check',
      sql`source_type in ('image/png', 'image/jpeg', 'image/webp')`,
    ),
  ],
);
