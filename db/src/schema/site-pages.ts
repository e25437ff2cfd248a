import { sql } from 'drizzle-orm';
import { check, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';

/** The cluster's information pages that administrators write (the statute, the privacy notice, contacts). */
export const SITE_PAGE_SLUGS = ['statute', 'privacy', 'contact'] as const;

/**
 * One row per information page, in both languages. The body is plain text: blank lines separate
 * paragraphs and lines starting with "- " are list items (no HTML is ever stored or rendered).
 */
export const sitePages = pgTable(
  'site_pages',
  {
    slug: text('slug', { enum: SITE_PAGE_SLUGS }).primaryKey(),
    titleBg: text('title_bg').notNull(),
    titleEn: text('title_en').notNull(),
    bodyBg: text('body_bg').notNull().default(''),
    bodyEn: text('body_en').notNull().default(''),
    ...timestamps,
    ...version,
  },
  (t) => [check('site_pages_slug', sql`${t.slug} in ('statute', 'privacy', 'contact')`)],
);
