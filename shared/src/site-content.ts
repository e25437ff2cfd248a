import * as z from 'zod';

/**
 * The cluster's own words that administrators write (issue 11 C6, C13): the home page's texts and the
 * information pages an applicant must be able to read before accepting the declarations (the statute,
 * the privacy notice) and the contacts. Bodies are plain text: a blank line starts a paragraph, a line
 * starting with "- " is a list item, a short line on its own is a heading; nothing is rendered as HTML.
 */
export const SITE_PAGES = ['statute', 'privacy', 'contact'] as const;
export const SitePageSlugSchema = z.enum(SITE_PAGES);
export type SitePageSlug = z.infer<typeof SitePageSlugSchema>;
export const SitePageParamsSchema = z.object({ slug: SitePageSlugSchema });

const title = z.string().trim().min(1).max(200);
const body = z.string().trim().max(50_000);

export const SitePageEditBodySchema = z.strictObject({
  titleBg: title,
  titleEn: title,
  bodyBg: body,
  bodyEn: body,
});
export type SitePageEditBody = z.infer<typeof SitePageEditBodySchema>;

export const SitePageSchema = z.object({
  slug: SitePageSlugSchema,
  titleBg: z.string(),
  titleEn: z.string(),
  bodyBg: z.string(),
  bodyEn: z.string(),
  /** ISO time of the last change (the page says "last updated"). */
  updatedAt: z.string(),
  /** The row version; also the ETag (`"<version>"`) a change must name in If-Match. */
  version: z.number().int(),
});
export type SitePage = z.infer<typeof SitePageSchema>;

/** The home page's texts: the cluster's name, tagline, mission and strategy, in both languages. */
export const ClusterTextsEditBodySchema = z.strictObject({
  nameBg: title,
  nameEn: title,
  taglineBg: z.string().trim().max(300),
  taglineEn: z.string().trim().max(300),
  missionBg: z.string().trim().max(5000),
  missionEn: z.string().trim().max(5000),
  strategyBg: z.string().trim().max(10_000),
  strategyEn: z.string().trim().max(10_000),
});
export type ClusterTextsEditBody = z.infer<typeof ClusterTextsEditBodySchema>;
export const ClusterTextsSchema = ClusterTextsEditBodySchema.extend({ version: z.number().int() });
export type ClusterTexts = z.infer<typeof ClusterTextsSchema>;

/**
 * A body split into blocks for display (the one parser both sides use): headings (a short line on its own,
 * not ending like a sentence), paragraphs and bulleted lists.
 */
export type TextBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] };

const HEADING_MAX = 80;

export function textBlocks(body: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    if (lines.every((l) => l.startsWith('- '))) {
      blocks.push({ kind: 'list', items: lines.map((l) => l.slice(2).trim()) });
    } else if (lines.length === 1 && lines[0]!.length <= HEADING_MAX && !/[.,;:!?…]$/.test(lines[0]!)) {
      blocks.push({ kind: 'heading', text: lines[0]! });
    } else {
      blocks.push({ kind: 'paragraph', text: lines.join(' ') });
    }
  }
  return blocks;
}
