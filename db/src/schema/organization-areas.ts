import { ORGANIZATION_KINDS } from '@portal/shared';
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { areas } from './areas.ts';
import { organizations } from './organizations.ts';

export const organizationAreas = pgTable(
  'organization_areas',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    areaId: text('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'restrict' }),
    // Copies kept by triggers (migration `suggestion_copies`) for the partner suggestions' pre-filter
    // (decision 035): whether the organisation is an active member now, and its kind — so "active members
    // sharing these areas, with their kinds" is one index-only range. Never written by the application.
    activeMember: boolean('active_member').notNull().default(false),
    organizationKind: text('organization_kind', { enum: ORGANIZATION_KINDS }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.areaId] }),
    index('organization_areas_area_idx').on(t.areaId),
    // Active members by area with their kinds (an index-only scan): the suggestions' shared-area count.
    index('organization_areas_member_match_idx')
      .on(t.areaId, t.organizationId, t.organizationKind)
      .where(sql`active_member`),
  ],
);
