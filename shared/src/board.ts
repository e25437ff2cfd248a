import * as z from 'zod';
import {
  AreaIdSchema,
  AreaRefSchema,
  PAGE_MAX,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  ProblemSchema,
} from './common.ts';
import { todayInSofia } from './dates.ts';
import { NaceCodeSchema } from './directory.ts';
import { addDays } from './fees.ts';
import {
  isPubliclyListed,
  type MembershipCategory,
  type MembershipStatus,
  OrganizationKindSchema,
} from './organization.ts';

/**
 * The cooperation board (issue 14 §1, decision 033): offers and requests that representatives of member
 * organisations post for their organisation. The life cycle, the posting rule and the validity window are
 * pure functions here, so the server and the web app decide them the same way.
 */

export const BOARD_ITEM_KINDS = ['offer', 'request'] as const;
export const BoardItemKindSchema = z.enum(BOARD_ITEM_KINDS);
export type BoardItemKind = z.infer<typeof BoardItemKindSchema>;

export const BOARD_ITEM_TYPES = [
  'infrastructure',
  'information',
  'people',
  'joint_project',
  'services',
  'other',
] as const;
export const BoardItemTypeSchema = z.enum(BOARD_ITEM_TYPES);
export type BoardItemType = z.infer<typeof BoardItemTypeSchema>;

export const BOARD_VISIBILITIES = ['members', 'public'] as const;
export const BoardVisibilitySchema = z.enum(BOARD_VISIBILITIES);
export type BoardVisibility = z.infer<typeof BoardVisibilitySchema>;

/** Stored statuses; `expired` is never stored by a request: it follows from `validUntil` at read time. */
export const BOARD_ITEM_STATUSES = ['draft', 'published', 'closed', 'expired'] as const;
export const BoardItemStatusSchema = z.enum(BOARD_ITEM_STATUSES);
export type BoardItemStatus = z.infer<typeof BoardItemStatusSchema>;

export const BOARD_CLOSE_OUTCOMES = ['partnership_formed', 'no_longer_needed', 'other'] as const;
export const BoardCloseOutcomeSchema = z.enum(BOARD_CLOSE_OUTCOMES);
export type BoardCloseOutcome = z.infer<typeof BoardCloseOutcomeSchema>;

export const BOARD_SORTS = ['newest', 'ending_soon'] as const;
export const BoardSortSchema = z.enum(BOARD_SORTS);

export const BOARD_TITLE_MAX = 200;
export const BOARD_DESCRIPTION_MAX = 5000;
export const BOARD_AREAS_MAX = 10;
/** Days an item stays on the board when its author names no date. */
export const BOARD_DEFAULT_VALID_DAYS = 90;

// ---------- dates (calendar days in Sofia) ----------

/** The latest day an item may be valid until: one year after `today` (29 February → 28 February). */
export function latestValidUntil(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  // 2028-02-29 + 1 year would roll over to 1 March.
  if (next.getUTCMonth() !== m - 1) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

export function defaultValidUntil(today: string): string {
  return addDays(today, BOARD_DEFAULT_VALID_DAYS);
}

/** Why a validity date cannot be used (null: it can): it must be after today and at most a year away. */
export function validUntilProblem(
  validUntil: string,
  today: string,
): 'board.valid_until_past' | 'board.valid_until_too_far' | null {
  if (validUntil <= today) return 'board.valid_until_past';
  if (validUntil > latestValidUntil(today)) return 'board.valid_until_too_far';
  return null;
}

// ---------- the life cycle ----------

/** The status a reader sees: a published item whose last day has passed is expired (no job needed). */
export function effectiveBoardStatus(
  status: BoardItemStatus,
  validUntil: string | null,
  today: string = todayInSofia(),
): BoardItemStatus {
  if (status === 'published' && validUntil !== null && validUntil < today) return 'expired';
  return status;
}

export const BOARD_ACTIONS = ['edit', 'publish', 'close'] as const;
export type BoardAction = (typeof BOARD_ACTIONS)[number];

/**
 * The status after `action` on an item whose effective status is `status`, or null when the action is not
 * open. Drafts are edited and published; published items are edited (each edit is kept as a revision)
 * and closed; an expired item may be closed, or edited with a new date, which puts it back on the board;
 * a closed item is final.
 */
export function boardItemStatusAfter(status: BoardItemStatus, action: BoardAction): BoardItemStatus | null {
  switch (action) {
    case 'edit':
      if (status === 'draft') return 'draft';
      return status === 'published' || status === 'expired' ? 'published' : null;
    case 'publish':
      return status === 'draft' ? 'published' : null;
    case 'close':
      return status === 'published' || status === 'expired' ? 'closed' : null;
  }
}

/** The actions open on an item in `status` (for the buttons a page shows). */
export function availableBoardActions(status: BoardItemStatus): BoardAction[] {
  return BOARD_ACTIONS.filter((a) => boardItemStatusAfter(status, a) !== null);
}

/**
 * May an organisation with this membership (null: none on file) post to the board or change its items?
 * Only an active, admitted member: a candidate, a suspended, withdrawn or excluded member may not, and its
 * items leave every list at once (the lists apply the same rule at read time).
 */
export function canPostToBoard(
  membership: { status: MembershipStatus; category: MembershipCategory } | null,
): boolean {
  return membership !== null && isPubliclyListed(membership);
}

/** Is the item on the board right now (listed to members; to everyone when public)? */
export function isOnBoard(
  item: { status: BoardItemStatus; validUntil: string | null },
  membership: { status: MembershipStatus; category: MembershipCategory } | null,
  today: string = todayInSofia(),
): boolean {
  return (
    effectiveBoardStatus(item.status, item.validUntil, today) === 'published' && canPostToBoard(membership)
  );
}

// ---------- bodies ----------

const title = z.string().trim().max(BOARD_TITLE_MAX);
const description = z.string().trim().max(BOARD_DESCRIPTION_MAX);

/** A validity date, checked against today in Sofia when the body is parsed. */
export const BoardValidUntilSchema = z.iso.date().superRefine((value, ctx) => {
  const problem = validUntilProblem(value, todayInSofia());
  if (problem) {
    ctx.addIssue({
      code: 'custom',
      input: value,
      params: { code: problem, values: { max: latestValidUntil(todayInSofia()) } },
    });
  }
});

const contentShape = {
  kind: BoardItemKindSchema,
  type: BoardItemTypeSchema,
  titleBg: title.default(''),
  titleEn: title.default(''),
  descriptionBg: description.default(''),
  descriptionEn: description.default(''),
  areaIds: z.array(AreaIdSchema).min(1).max(BOARD_AREAS_MAX),
  naceCode: NaceCodeSchema.nullable().default(null),
  /** The last day on the board; null: 90 days from publishing. */
  validUntil: BoardValidUntilSchema.nullable().default(null),
  visibility: BoardVisibilitySchema.default('members'),
};

/** At least one language complete: its title and its description. */
function oneLanguageComplete(
  body: { titleBg: string; titleEn: string; descriptionBg: string; descriptionEn: string },
  ctx: z.RefinementCtx,
) {
  const bg = body.titleBg !== '' && body.descriptionBg !== '';
  const en = body.titleEn !== '' && body.descriptionEn !== '';
  if (bg || en) return;
  // Point at the first empty field of the language that was started (Bulgarian when none was).
  const started = body.titleEn !== '' || body.descriptionEn !== '' ? 'En' : 'Bg';
  const field =
    (started === 'Bg' ? body.titleBg : body.titleEn) === '' ? `title${started}` : `description${started}`;
  ctx.addIssue({ code: 'custom', path: [field], input: '', params: { code: 'board.language_incomplete' } });
}

export const BoardItemCreateBodySchema = z.strictObject(contentShape).superRefine(oneLanguageComplete);
export type BoardItemCreateBody = z.infer<typeof BoardItemCreateBodySchema>;
export type BoardItemCreateBodyInput = z.input<typeof BoardItemCreateBodySchema>;

/** An edit sends the whole item again with the version it read (a stale one is refused with 409). */
export const BoardItemUpdateBodySchema = z
  .strictObject({ ...contentShape, version: z.number().int().positive() })
  .superRefine(oneLanguageComplete);
export type BoardItemUpdateBody = z.infer<typeof BoardItemUpdateBodySchema>;

export const BoardItemPublishBodySchema = z.strictObject({ version: z.number().int().positive() });
export type BoardItemPublishBody = z.infer<typeof BoardItemPublishBodySchema>;

export const BoardItemCloseBodySchema = z.strictObject({
  version: z.number().int().positive(),
  outcome: BoardCloseOutcomeSchema,
  note: z.string().trim().max(1000).nullable().default(null),
});
export type BoardItemCloseBody = z.infer<typeof BoardItemCloseBodySchema>;

export const BoardItemParamsSchema = z.object({ id: z.uuid(), itemId: z.uuid() });

// ---------- queries ----------

/**
 * The board counts the matches of a list exactly up to this many; beyond, the total is a lower bound
 * (`totalIsLowerBound`) and the pages stop at the last one that reaches it (decision 038).
 */
export const BOARD_TOTAL_CAP = 1000;

/** The last page a list of `pageSize` items reaches (pages beyond would start past the counted matches). */
export const boardLastPage = (pageSize: number): number => Math.ceil(BOARD_TOTAL_CAP / pageSize);

export const BoardListQuerySchema = z
  .object({
    /**
     * Words over the titles and descriptions in both languages (Cyrillic or Latin, any case, no accents):
     * each word is the start of a word in the item (Bulgarian endings ignored), all words required.
     */
    q: z.string().trim().max(200).optional(),
    kind: BoardItemKindSchema.optional(),
    type: BoardItemTypeSchema.optional(),
    /** An area or a theme (a theme matches its sub-areas too). */
    area: AreaIdSchema.optional(),
    organizationKind: OrganizationKindSchema.optional(),
    sort: BoardSortSchema.default('newest'),
    page: z.coerce.number().int().min(1).max(PAGE_MAX).default(1),
    pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
  })
  .superRefine((q, ctx) => {
    if (q.page > boardLastPage(q.pageSize)) {
      ctx.addIssue({
        code: 'custom',
        path: ['page'],
        input: q.page,
        params: { code: 'board.page_too_far', values: { max: boardLastPage(q.pageSize) } },
      });
    }
  });
export type BoardListQuery = z.infer<typeof BoardListQuerySchema>;
export type BoardListQueryInput = z.input<typeof BoardListQuerySchema>;

// ---------- responses ----------

export const BoardOrganizationRefSchema = z.object({
  id: z.uuid(),
  nameBg: z.string(),
  nameEn: z.string(),
  kind: OrganizationKindSchema,
});

/** What a member sees in the list: everything but the full description (an excerpt of it). */
export const BoardItemSummarySchema = z.object({
  id: z.uuid(),
  organization: BoardOrganizationRefSchema,
  kind: BoardItemKindSchema,
  type: BoardItemTypeSchema,
  titleBg: z.string(),
  titleEn: z.string(),
  areas: z.array(AreaRefSchema),
  naceCode: z.string().nullable(),
  validUntil: z.iso.date().nullable(),
  visibility: BoardVisibilitySchema,
  status: BoardItemStatusSchema,
  publishedAt: z.iso.datetime().nullable(),
});
export type BoardItemSummary = z.infer<typeof BoardItemSummarySchema>;

export const BoardItemSchema = BoardItemSummarySchema.extend({
  descriptionBg: z.string(),
  descriptionEn: z.string(),
  closeOutcome: BoardCloseOutcomeSchema.nullable(),
  closeNote: z.string().nullable(),
  closedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().positive(),
  /** How many times the item was edited after it was published (its revisions). */
  revisionCount: z.number().int().nonnegative(),
});
export type BoardItem = z.infer<typeof BoardItemSchema>;

/** A 409 on a stale version carries the item as it is now (`current`), to show instead of the stale copy. */
export const BoardConflictSchema = ProblemSchema.extend({ current: BoardItemSchema.nullable().optional() });

export const BoardListResponseSchema = z.object({
  items: z.array(BoardItemSummarySchema),
  /** The number of matches, exact up to BOARD_TOTAL_CAP; with `totalIsLowerBound` "more than `total`". */
  total: z.number().int().nonnegative(),
  /** True when more than BOARD_TOTAL_CAP items match: `total` is then BOARD_TOTAL_CAP, a lower bound. */
  totalIsLowerBound: z.boolean(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});
export type BoardListResponse = z.infer<typeof BoardListResponseSchema>;

export const OwnBoardItemsResponseSchema = z.object({ items: z.array(BoardItemSchema) });
export type OwnBoardItemsResponse = z.infer<typeof OwnBoardItemsResponseSchema>;

/** The public teaser of an item: title, type, areas and organisation only (never the description). */
export const BoardTeaserItemSchema = z.strictObject({
  id: z.uuid(),
  kind: BoardItemKindSchema,
  type: BoardItemTypeSchema,
  titleBg: z.string(),
  titleEn: z.string(),
  areas: z.array(AreaRefSchema),
  organization: z.strictObject({ id: z.uuid(), nameBg: z.string(), nameEn: z.string() }),
  publishedAt: z.iso.datetime().nullable(),
});
export type BoardTeaserItem = z.infer<typeof BoardTeaserItemSchema>;

export const BoardTeaserResponseSchema = z.object({
  /** Items on the board now (members-only ones included: a count says nothing of their content). */
  total: z.number().int().nonnegative(),
  byType: z.array(
    z.object({ type: BoardItemTypeSchema, kind: BoardItemKindSchema, count: z.number().int() }),
  ),
  byArea: z.array(AreaRefSchema.extend({ count: z.number().int() })),
  /** The latest items their authors made public. */
  latest: z.array(BoardTeaserItemSchema),
});
export type BoardTeaserResponse = z.infer<typeof BoardTeaserResponseSchema>;

export const BoardTeaserQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/** An item's content before one edit, as the revisions keep it (decision 033). */
export const BoardRevisionContentSchema = z.object({
  kind: BoardItemKindSchema,
  type: BoardItemTypeSchema,
  titleBg: z.string(),
  titleEn: z.string(),
  descriptionBg: z.string(),
  descriptionEn: z.string(),
  areaIds: z.array(z.string()),
  naceCode: z.string().nullable(),
  validUntil: z.iso.date().nullable(),
  visibility: BoardVisibilitySchema,
  status: BoardItemStatusSchema,
});

/** One revision: the version it was and when the edit that replaced it was made (no editor's name). */
export const BoardItemRevisionSchema = z.object({
  version: z.number().int().positive(),
  editedAt: z.iso.datetime(),
  content: BoardRevisionContentSchema,
});
export type BoardItemRevision = z.infer<typeof BoardItemRevisionSchema>;

export const BoardItemRevisionsResponseSchema = z.object({ items: z.array(BoardItemRevisionSchema) });
export type BoardItemRevisionsResponse = z.infer<typeof BoardItemRevisionsResponseSchema>;
