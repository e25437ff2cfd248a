import { SUGGESTION_REASON_KINDS } from '@portal/shared';
import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * "Not relevant" (issue 14 §4, decision 035): `organization_id` dismissed the partner suggestion of
 * `dismissed_id`. It hides that organisation from the dismisser's suggestions until undone (the row is
 * deleted), and `reason_kinds` — the kinds of the reasons the suggestion showed when it was dismissed — are
 * the signal `suggestionWeights` reads. No person is stored: who dismissed it is in the audit log.
 */
export const suggestionDismissals = pgTable(
  'suggestion_dismissals',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    dismissedId: uuid('dismissed_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    reasonKinds: text('reason_kinds').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.dismissedId] }),
    index('suggestion_dismissals_dismissed_idx').on(t.dismissedId),
    check('suggestion_dismissals_not_self_check', sql`organization_id <> dismissed_id`),
    check(
      'suggestion_dismissals_kinds_check',
      sql.raw(`reason_kinds <@ array[${list(SUGGESTION_REASON_KINDS)}]::text[]`),
    ),
  ],
);
