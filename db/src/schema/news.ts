import { EVENT_REGISTRATION_STATUSES, NEWS_CATEGORIES, NEWS_STATUSES } from '@portal/shared';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { areas } from './areas.ts';
import { bytea, timestamps, version } from './columns.ts';
import { organizations } from './organizations.ts';
import { users } from './users.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * A news post (issue 15 §4, decision 040). Public while `status = 'published' and publish_at <= now()`:
 * a published post with a later `publish_at` is scheduled, computed at read time (no job). Events with a
 * date, a place and registrations will hang off a post of category `event` in their own table.
 */
export const newsPosts = pgTable(
  'news_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    category: text('category', { enum: NEWS_CATEGORIES }).notNull(),
    status: text('status', { enum: NEWS_STATUSES }).notNull().default('draft'),
    titleBg: text('title_bg').notNull().default(''),
    titleEn: text('title_en').notNull().default(''),
    summaryBg: text('summary_bg').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    bodyBg: text('body_bg').notNull().default(''),
    bodyEn: text('body_en').notNull().default(''),
    /** When it is (or becomes) public; set by publishing. */
    publishAt: timestamp('publish_at', { withTimezone: true, mode: 'date' }),
    /** Member news: the organisation whose news it is (proposed by one of its representatives). */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    /** Who wrote or proposed it (null once that account is removed; an erased account keeps its row). */
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who changed it last. */
    editorId: uuid('editor_id').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    /** The cover image's version (the post's version when it was uploaded); null: no cover. */
    coverVersion: integer('cover_version'),
    /** Why the committee returned a proposal (cleared when it is submitted again). */
    returnReason: text('return_reason'),
    ...timestamps,
    ...version,
  },
  (t) => [
    uniqueIndex('news_posts_slug_idx').on(t.slug),
    index('news_posts_public_idx').on(t.publishAt.desc(), t.id).where(sql`status = 'published'`),
    index('news_posts_status_idx').on(t.status, t.updatedAt),
    index('news_posts_author_idx').on(t.authorId),
    index('news_posts_organization_idx').on(t.organizationId),
    check('news_posts_category_check', sql.raw(`category in (${list(NEWS_CATEGORIES)})`)),
    check('news_posts_status_check', sql.raw(`status in (${list(NEWS_STATUSES)})`)),
    check('news_posts_published_dated_check', sql`status <> 'published' or publish_at is not null`),
    check('news_posts_member_news_check', sql`organization_id is null or category = 'member_news'`),
    check('news_posts_slug_check', sql`slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80`),
    check('news_posts_title_length_check', sql`length(title_bg) <= 200 and length(title_en) <= 200`),
    check('news_posts_summary_length_check', sql`length(summary_bg) <= 500 and length(summary_en) <= 500`),
    check('news_posts_body_length_check', sql`length(body_bg) <= 100000 and length(body_en) <= 100000`),
  ],
);

/** The ISIS areas a post is tagged with (the profiles' and the board's taxonomy). */
export const newsPostAreas = pgTable(
  'news_post_areas',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => newsPosts.id, { onDelete: 'cascade' }),
    areaId: text('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.areaId] }), index('news_post_areas_area_idx').on(t.areaId)],
);

/**
 * A post's cover image, stored as WebP renditions by the organisation logos' pipeline (`renderLogo`: the
 * upload is checked by its bytes, at most 1 MB, and not kept). `version` equals news_posts.cover_version.
 */
export const newsCovers = pgTable(
  'news_covers',
  {
    postId: uuid('post_id')
      .primaryKey()
      .references(() => newsPosts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    sourceType: text('source_type').notNull(),
    /** At most 1200 px on the longer side (the post's page, link previews). */
    large: bytea('large').notNull(),
    /** At most 400 px on the longer side (lists, the home page). */
    small: bytea('small').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  () => [
    check('news_covers_source_type_check', sql`source_type in ('image/png', 'image/jpeg', 'image/webp')`),
  ],
);

/**
 * The date, place and registration rules of a post of category `event` (issue 15 §4, decision 042). One row
 * per event post; registering locks this row `for update`, so two people cannot both take the last seat.
 */
export const newsEvents = pgTable(
  'news_events',
  {
    postId: uuid('post_id')
      .primaryKey()
      .references(() => newsPosts.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    place: text('place').notNull().default(''),
    onlineUrl: text('online_url'),
    registrationEnabled: boolean('registration_enabled').notNull().default(false),
    /** Who may register: anyone with an email address, or only signed-in users of active members. */
    registrationOpenTo: text('registration_open_to', { enum: ['public', 'members'] })
      .notNull()
      .default('public'),
    /** Confirmed seats; null: unlimited. */
    capacity: integer('capacity'),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true, mode: 'date' }),
    /** Bumped on every change of the details (the calendar entry's SEQUENCE). */
    sequence: integer('sequence').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  () => [
    check('news_events_dates_check', sql`ends_at > starts_at`),
    check('news_events_open_to_check', sql`registration_open_to in ('public', 'members')`),
    check('news_events_capacity_check', sql`capacity is null or capacity between 1 and 100000`),
    check(
      'news_events_place_check',
      sql`length(place) <= 300 and (online_url is null or length(online_url) <= 500)`,
    ),
  ],
);

/**
 * A registration for an event: confirmed (has a seat) or on the waiting list (in order of `created_at`), or
 * cancelled. One active registration per email per event. The cancellation link's token is kept as its
 * SHA-256 hash only.
 */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => newsPosts.id, { onDelete: 'cascade' }),
    /** The signed-in user who registered (null: registered without an account, or the account is gone). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    /** Lower-cased. */
    email: text('email').notNull(),
    organizationName: text('organization_name').notNull().default(''),
    language: text('language', { enum: ['bg', 'en'] })
      .notNull()
      .default('bg'),
    status: text('status', { enum: EVENT_REGISTRATION_STATUSES }).notNull(),
    cancelTokenHash: text('cancel_token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** When it got its seat (registering, or promoted from the waiting list). */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('event_registrations_active_email_idx')
      .on(t.postId, t.email)
      .where(sql`status <> 'cancelled'`),
    uniqueIndex('event_registrations_token_idx').on(t.cancelTokenHash),
    index('event_registrations_post_idx').on(t.postId, t.status, t.createdAt),
    index('event_registrations_user_idx').on(t.userId),
    index('event_registrations_email_idx').on(t.email),
    check('event_registrations_status_check', sql`status in ('confirmed', 'waiting', 'cancelled')`),
    check('event_registrations_language_check', sql`language in ('bg', 'en')`),
    check(
      'event_registrations_length_check',
      sql`length(name) between 1 and 200 and length(email) between 3 and 254 and length(organization_name) <= 200`,
    ),
    check('event_registrations_cancelled_check', sql`(status = 'cancelled') = (cancelled_at is not null)`),
  ],
);
