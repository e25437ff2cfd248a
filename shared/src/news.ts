import * as z from 'zod';
import { AreaIdSchema, AreaRefSchema, PAGE_MAX, PAGE_SIZE_MAX } from './common.ts';
import { NewsEventSchema } from './events.ts';
import type { Language } from './i18n.ts';

/**
 * The cluster's news (issue 15 §4, decision 040): posts in Bulgarian and English written by the committee
 * and administrators, and member news that representatives of active members propose and the committee
 * approves. Bodies are Markdown, checked here by the same rules on both sides and rendered by the web app
 * to React elements (never to an HTML string, decision 022).
 */

export const NEWS_CATEGORIES = ['news', 'event', 'call', 'member_news'] as const;
export const NewsCategorySchema = z.enum(NEWS_CATEGORIES);
export type NewsCategory = z.infer<typeof NewsCategorySchema>;

/**
 * Stored statuses. `scheduled` is never stored: a published post whose `publishAt` is still in the future is
 * scheduled, and becomes public when that time comes (computed in queries, no job).
 */
export const NEWS_STATUSES = ['draft', 'submitted', 'returned', 'published', 'archived'] as const;
export const NewsStatusSchema = z.enum(NEWS_STATUSES);
export type NewsStatus = z.infer<typeof NewsStatusSchema>;
export const NEWS_EFFECTIVE_STATUSES = [...NEWS_STATUSES, 'scheduled'] as const;
export const NewsEffectiveStatusSchema = z.enum(NEWS_EFFECTIVE_STATUSES);
export type NewsEffectiveStatus = z.infer<typeof NewsEffectiveStatusSchema>;

export function effectiveNewsStatus(
  status: NewsStatus,
  publishAt: string | null,
  now: Date = new Date(),
): NewsEffectiveStatus {
  if (status === 'published' && publishAt !== null && new Date(publishAt).getTime() > now.getTime())
    return 'scheduled';
  return status;
}

export const NEWS_TITLE_MAX = 200;
export const NEWS_SUMMARY_MAX = 500;
/** The longest body in characters (100 000: a long article is a tenth of that). */
export const NEWS_BODY_MAX = 100_000;
export const NEWS_AREAS_MAX = 10;
export const NEWS_RETURN_REASON_MAX = 2000;
/** Posts on the home page's "Latest news". */
export const NEWS_LATEST = 3;
/** Items in a feed. */
export const NEWS_FEED_SIZE = 20;
/** Routes that take a body up to NEWS_BODY_MAX in two languages accept a request this large (then zod says why). */
export const NEWS_REQUEST_LIMIT = 4 * 1024 * 1024;

// ---------- Markdown rules ----------

/** Link targets may use these schemes; a target without one must be a path on this site (`/…`) or `#…`. */
export const NEWS_LINK_SCHEMES = ['http:', 'https:', 'mailto:'] as const;

const decodeEntities = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16) % 0x110000))
    .replace(/&#([0-9]+);?/g, (_, d: string) => String.fromCodePoint(Number(d) % 0x110000))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '');

/**
 * Is `url` a link target a post may use: http, https or mailto, or a path on this site? Entities, control
 * characters and spaces are removed first, so `java&#115;cript:` or `java\tscript:` is seen for what it is.
 */
export function isSafeNewsUrl(url: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = decodeEntities(url).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (clean === '') return true;
  if (clean.startsWith('#')) return true;
  if (clean.startsWith('/')) return !clean.startsWith('//') && !clean.startsWith('/\\');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(clean);
  if (!scheme) return !clean.includes(':') && !clean.startsWith('\\'); // a relative name like "page"
  return (NEWS_LINK_SCHEMES as readonly string[]).includes(`${scheme[1]!.toLowerCase()}:`);
}

/** Autolinks `<https://…>` and `<mailto:…>` are Markdown, not HTML. */
const AUTOLINK = /^<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/i;

export type MarkdownProblem = 'news.markdown_html' | 'news.markdown_link';

/**
 * Why `text` cannot be a post's body (null: it can). Raw HTML is refused everywhere — tags, comments,
 * declarations, processing instructions, even inside code (write `&lt;` there) — and every link or image
 * target, inline, in an autolink or a reference definition, must pass `isSafeNewsUrl`.
 */
export function markdownProblem(text: string): MarkdownProblem | null {
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    const rest = text.slice(i, i + 2100);
    const auto = AUTOLINK.exec(rest);
    if (auto) {
      if (!isSafeNewsUrl(auto[1]!)) return 'news.markdown_link';
      continue;
    }
    if (/^<[a-z/!?]/i.test(rest)) return 'news.markdown_html';
  }
  // Inline links and images: ](target "title") or ](<target>).
  for (const m of text.matchAll(/\]\(\s*(<[^>]*>|[^\s)]*)/g)) {
    const target = m[1]!.replace(/^<|>$/g, '');
    if (!isSafeNewsUrl(target)) return 'news.markdown_link';
  }
  // Reference definitions: [label]: target
  for (const m of text.matchAll(/^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/gm)) {
    const target = m[1]!.replace(/^<|>$/g, '');
    if (!isSafeNewsUrl(target)) return 'news.markdown_link';
  }
  return null;
}

const markdownBody = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (value.length > NEWS_BODY_MAX) {
      ctx.addIssue({
        code: 'custom',
        input: '',
        params: { code: 'news.body_too_long', values: { max: NEWS_BODY_MAX, length: value.length } },
      });
      return;
    }
    const problem = markdownProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', input: '', params: { code: problem } });
  });

// ---------- slugs ----------

const LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sht',
  ъ: 'a',
  ь: 'y',
  ю: 'yu',
  я: 'ya',
};

export const NEWS_SLUG_MAX = 80;
export const NewsSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(NEWS_SLUG_MAX);

/** A post's address from its title: Bulgarian transliterated (the official system), words joined by "-". */
export function newsSlugOf(title: string): string {
  const latin = [...title.toLowerCase()].map((c) => LATIN[c] ?? c).join('');
  const slug = latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, NEWS_SLUG_MAX)
    .replace(/-+$/, '');
  return slug || 'post';
}

// ---------- bodies ----------

const title = z.string().trim().max(NEWS_TITLE_MAX);
const summary = z.string().trim().max(NEWS_SUMMARY_MAX);

const contentShape = {
  titleBg: title.default(''),
  titleEn: title.default(''),
  summaryBg: summary.default(''),
  summaryEn: summary.default(''),
  bodyBg: markdownBody.default(''),
  bodyEn: markdownBody.default(''),
  areaIds: z.array(AreaIdSchema).max(NEWS_AREAS_MAX).default([]),
};

/** At least one language with a title and a body; a language with a body has its title. */
function oneLanguageComplete(
  body: { titleBg: string; titleEn: string; bodyBg: string; bodyEn: string },
  ctx: z.RefinementCtx,
) {
  for (const lang of ['Bg', 'En'] as const) {
    if (body[`body${lang}`] !== '' && body[`title${lang}`] === '')
      ctx.addIssue({
        code: 'custom',
        path: [`title${lang}`],
        input: '',
        params: { code: 'news.language_incomplete' },
      });
  }
  const bg = body.titleBg !== '' && body.bodyBg !== '';
  const en = body.titleEn !== '' && body.bodyEn !== '';
  if (bg || en) return;
  const started = body.titleEn !== '' || body.bodyEn !== '' ? 'En' : 'Bg';
  const field = body[`title${started}`] === '' ? `title${started}` : `body${started}`;
  ctx.addIssue({ code: 'custom', path: [field], input: '', params: { code: 'news.language_incomplete' } });
}

/** A post the committee or an administrator writes (any category). */
export const NewsPostCreateBodySchema = z
  .strictObject({
    ...contentShape,
    category: NewsCategorySchema,
    /** The address; null: made from the title. */
    slug: NewsSlugSchema.nullable().default(null),
  })
  .superRefine(oneLanguageComplete);
export type NewsPostCreateBody = z.infer<typeof NewsPostCreateBodySchema>;
export type NewsPostCreateBodyInput = z.input<typeof NewsPostCreateBodySchema>;

export const NewsPostUpdateBodySchema = z
  .strictObject({
    ...contentShape,
    category: NewsCategorySchema,
    slug: NewsSlugSchema,
    version: z.number().int().positive(),
  })
  .superRefine(oneLanguageComplete);
export type NewsPostUpdateBody = z.infer<typeof NewsPostUpdateBodySchema>;

/** Publish now (null) or at a time (scheduled); also approves a submitted member news. */
export const NewsPublishBodySchema = z.strictObject({
  version: z.number().int().positive(),
  publishAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type NewsPublishBody = z.infer<typeof NewsPublishBodySchema>;

export const NewsVersionBodySchema = z.strictObject({ version: z.number().int().positive() });
export type NewsVersionBody = z.infer<typeof NewsVersionBodySchema>;

export const NewsReturnBodySchema = z.strictObject({
  version: z.number().int().positive(),
  reason: z.string().trim().min(1).max(NEWS_RETURN_REASON_MAX),
});
export type NewsReturnBody = z.infer<typeof NewsReturnBodySchema>;

/** A member news a representative proposes for an organisation they represent. */
export const NewsProposalCreateBodySchema = z
  .strictObject({ ...contentShape, organizationId: z.uuid() })
  .superRefine(oneLanguageComplete);
export type NewsProposalCreateBody = z.infer<typeof NewsProposalCreateBodySchema>;
export type NewsProposalCreateBodyInput = z.input<typeof NewsProposalCreateBodySchema>;

export const NewsProposalUpdateBodySchema = z
  .strictObject({ ...contentShape, version: z.number().int().positive() })
  .superRefine(oneLanguageComplete);
export type NewsProposalUpdateBody = z.infer<typeof NewsProposalUpdateBodySchema>;

// ---------- queries ----------

export const NEWS_PAGE_SIZE_DEFAULT = 10;

export const NewsListQuerySchema = z.object({
  category: NewsCategorySchema.optional(),
  area: AreaIdSchema.optional(),
  page: z.coerce.number().int().min(1).max(PAGE_MAX).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(NEWS_PAGE_SIZE_DEFAULT),
});
export type NewsListQuery = z.infer<typeof NewsListQuerySchema>;
export type NewsListQueryInput = z.input<typeof NewsListQuerySchema>;

export const NewsEditorListQuerySchema = z.object({
  status: NewsEffectiveStatusSchema.optional(),
  page: z.coerce.number().int().min(1).max(PAGE_MAX).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(20),
});
export type NewsEditorListQuery = z.infer<typeof NewsEditorListQuerySchema>;
export type NewsEditorListQueryInput = z.input<typeof NewsEditorListQuerySchema>;

export const NewsSlugParamsSchema = z.object({ slug: NewsSlugSchema });
export const NewsFeedParamsSchema = z.object({ lang: z.enum(['bg', 'en']) });

// ---------- responses ----------

export const NewsOrganizationRefSchema = z.object({ id: z.uuid(), nameBg: z.string(), nameEn: z.string() });

/** A post as everyone sees it once it is published. */
export const NewsSummarySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  category: NewsCategorySchema,
  titleBg: z.string(),
  titleEn: z.string(),
  summaryBg: z.string(),
  summaryEn: z.string(),
  areas: z.array(AreaRefSchema),
  /** ISO time it became public. */
  publishedAt: z.string(),
  /** The member organisation whose news it is (member news). */
  organization: NewsOrganizationRefSchema.nullable(),
  /** The cover image's version (build its URL with `newsCoverUrl`); null: no cover. */
  coverVersion: z.number().int().nullable(),
  /** An event's date, place and registration state (decision 042); null: not an event, or no date yet. */
  event: NewsEventSchema.nullable(),
});
export type NewsSummary = z.infer<typeof NewsSummarySchema>;

export const NewsPublicPostSchema = NewsSummarySchema.extend({
  bodyBg: z.string(),
  bodyEn: z.string(),
  /** The author's name; null once their account was erased ("a former user"). */
  authorName: z.string().nullable(),
});
export type NewsPublicPost = z.infer<typeof NewsPublicPostSchema>;

export const NewsListResponseSchema = z.object({
  items: z.array(NewsSummarySchema),
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NewsListResponse = z.infer<typeof NewsListResponseSchema>;

const personRef = z.object({ id: z.uuid(), name: z.string() }).nullable();

/** A post as its editors (and, for member news, its proposer) see it, in any status. */
export const NewsPostSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  category: NewsCategorySchema,
  status: NewsStatusSchema,
  effectiveStatus: NewsEffectiveStatusSchema,
  titleBg: z.string(),
  titleEn: z.string(),
  summaryBg: z.string(),
  summaryEn: z.string(),
  bodyBg: z.string(),
  bodyEn: z.string(),
  areaIds: z.array(AreaIdSchema),
  publishAt: z.string().nullable(),
  organization: NewsOrganizationRefSchema.nullable(),
  /** Who wrote (or proposed) it; null once that account was erased. */
  author: personRef,
  /** Who changed it last. */
  editor: personRef,
  returnReason: z.string().nullable(),
  coverVersion: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type NewsPost = z.infer<typeof NewsPostSchema>;

export const NewsPostListResponseSchema = z.object({
  items: z.array(NewsPostSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NewsPostListResponse = z.infer<typeof NewsPostListResponseSchema>;

export const NewsConflictSchema = z.object({ code: z.string(), title: z.string(), status: z.number() });

/** The title of a post in `lang`, or in the other language when it has none in `lang`. */
export function newsText(
  post: { titleBg: string; titleEn: string },
  lang: Language,
): { title: string; lang: Language } {
  if (lang === 'en' && post.titleEn) return { title: post.titleEn, lang: 'en' };
  if (post.titleBg) return { title: post.titleBg, lang: 'bg' };
  return { title: post.titleEn, lang: 'en' };
}

/** Does the post exist in `lang` (a title and a body in that language)? */
export function newsHasLanguage(
  post: { titleBg: string; titleEn: string; bodyBg?: string; bodyEn?: string },
  lang: Language,
): boolean {
  return lang === 'en' ? post.titleEn !== '' : post.titleBg !== '';
}

/** The public address of a post. */
export const newsPath = (slug: string) => `/news/${encodeURIComponent(slug)}`;

/** The longest side of a cover's renditions (the logos' pipeline with larger sizes). */
export const NEWS_COVER_SIZES = { large: 1200, small: 400 } as const;

/** A public post's cover at `version` (cacheable for ever: a new upload takes a new version). */
export const newsCoverUrl = (postId: string, version: number, size: 'large' | 'small') =>
  `/api/news/covers/${encodeURIComponent(postId)}?size=${size}&v=${version}`;

/** A post's cover for its editors (any status; not cached). */
export const editorNewsCoverUrl = (postId: string, version: number, size: 'large' | 'small') =>
  `/api/committee/news/${encodeURIComponent(postId)}/cover?size=${size}&v=${version}`;
