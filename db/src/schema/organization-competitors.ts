import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.ts';

/**
 * The organisations a member declares itself a competitor of, by ЕИК (decision 013), so that one not yet
 * on file (a new applicant) can be named too. When an application carries one of these ЕИК, the
 * member's representatives on the committee are recused from it automatically.
 */
export const organizationCompetitors = pgTable(
  'organization_competitors',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    competitorEik: text('competitor_eik').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.competitorEik] }),
    index('organization_competitors_eik_idx').on(t.competitorEik),
  ],
);
