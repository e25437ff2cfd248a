import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
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
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.areaId] }),
    index('organization_areas_area_idx').on(t.areaId),
    // Organisations by area with the id in the index (an index-only scan): the suggestions' shared-area count.
    index('organization_areas_area_organization_idx').on(t.areaId, t.organizationId),
  ],
);
