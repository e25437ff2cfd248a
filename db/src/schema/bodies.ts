import { BODY_KINDS, MAJORITY_RULES, POSITION_KINDS, QUORUM_RULES } from '@portal/shared';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { users } from './users.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * A governing body of the cluster (issue 15 §1, decision 039) with its rules. Meetings (§2) belong to a
 * body and decide by its quorum and majority; its members are its position holders, or for the general
 * assembly the member organisations.
 */
export const governingBodies = pgTable(
  'governing_bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: BODY_KINDS }).notNull(),
    nameBg: text('name_bg').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionBg: text('description_bg').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    quorum: text('quorum', { enum: QUORUM_RULES }).notNull().default('more_than_half'),
    majority: text('majority', { enum: MAJORITY_RULES }).notNull().default('simple'),
    allowsProxy: boolean('allows_proxy').notNull().default(false),
    /** Its current position holders are the committee that reviews applications (user_roles). */
    reviewsApplications: boolean('reviews_applications').notNull().default(false),
    foundedOn: date('founded_on', { mode: 'string' }),
    dissolvedOn: date('dissolved_on', { mode: 'string' }),
    sortOrder: integer('sort_order').notNull().default(0),
    ...timestamps,
    ...version,
  },
  (t) => [
    check('governing_bodies_kind_check', sql.raw(`kind in (${list(BODY_KINDS)})`)),
    check('governing_bodies_quorum_check', sql.raw(`quorum in (${list(QUORUM_RULES)})`)),
    check('governing_bodies_majority_check', sql.raw(`majority in (${list(MAJORITY_RULES)})`)),
    check(
      'governing_bodies_dissolved_check',
      sql`${t.dissolvedOn} is null or (${t.foundedOn} is not null and ${t.dissolvedOn} >= ${t.foundedOn})`,
    ),
    /** One body at a time reviews applications. */
    uniqueIndex('governing_bodies_reviewing_key')
      .on(t.reviewsApplications)
      .where(sql`${t.reviewsApplications}`),
  ],
);

/**
 * Who holds which position in a body for which term, [starts_on, ends_on) in Europe/Sofia days. The holder
 * is a portal user or a named person without an account; when a named person's name is erased (GDPR) the
 * row stays with neither, `holder_erased_at` set.
 */
export const bodyPositions = pgTable(
  'body_positions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => governingBodies.id, { onDelete: 'restrict' }),
    position: text('position', { enum: POSITION_KINDS }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'restrict' }),
    personName: text('person_name'),
    holderErasedAt: timestamp('holder_erased_at', { withTimezone: true, mode: 'date' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    ...timestamps,
    ...version,
  },
  (t) => [
    check('body_positions_position_check', sql.raw(`position in (${list(POSITION_KINDS)})`)),
    check('body_positions_term_check', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check(
      'body_positions_holder_check',
      sql`(${t.userId} is not null)::int + (${t.personName} is not null)::int + (${t.holderErasedAt} is not null)::int = 1`,
    ),
    index('body_positions_body_idx').on(t.bodyId, t.startsOn),
    index('body_positions_user_idx').on(t.userId),
  ],
);
