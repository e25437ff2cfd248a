import { NEWS_CATEGORIES, NEWS_STATUSES } from '@portal/shared';
import { sql } from 'drizzle-orm';
import {
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
