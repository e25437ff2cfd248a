import { MEMBERSHIP_CATEGORIES, MEMBERSHIP_STATUSES } from '@portal/shared';
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { organizations } from './organizations.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/** An organisation's standing in the cluster (one per organisation). */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    category: text('category', { enum: MEMBERSHIP_CATEGORIES }).notNull(),
    status: text('status', { enum: MEMBERSHIP_STATUSES }).notNull(),
    memberSince: date('member_since', { mode: 'string' }),
    ...timestamps,
    ...version,
  },
  (t) => [
    uniqueIndex('memberships_organization_key').on(t.organizationId),
    index('memberships_listed_idx')
      .on(t.organizationId)
      .where(sql`status = 'active' and category <> 'candidate'`),
    index('memberships_member_since_idx').on(t.memberSince),
    // The directory's "newest members first" sort (member_since desc nulls last) over listed members;
    // the ascending index above cannot serve it (a backward scan puts nulls first).
    index('memberships_listed_since_desc_idx')
      .on(t.memberSince.desc().nullsLast())
      .where(sql`status = 'active' and category <> 'candidate'`),
    check('memberships_category_check', sql.raw(`category in (${list(MEMBERSHIP_CATEGORIES)})`)),
    check('memberships_status_check', sql.raw(`status in (${list(MEMBERSHIP_STATUSES)})`)),
  ],
);
