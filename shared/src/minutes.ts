import * as z from 'zod';
import { MinutesVisibilitySchema } from './meetings.ts';
import { markdownProblem } from './news.ts';

/**
 * The minutes of a meeting (issue 15 §3, decision 045): revisions drafted by the meeting's officers in
 * Markdown (the news rules: no raw HTML, links http/https/mailto or on this site), commented on by the
 * body's members, approved by the chair and then locked; a correction is a new revision with its reason.
 */

export const MINUTES_TEXT_MAX = 200_000;
export const MINUTES_COMMENT_MAX = 5_000;

export const MINUTES_STATUSES = ['draft', 'approved'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

const minutesText = (required: boolean) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (required && value === '') {
        ctx.addIssue({ code: 'custom', input: '', params: { code: 'minutes.text_required' } });
        return;
      }
      if (value.length > MINUTES_TEXT_MAX) {
        ctx.addIssue({
          code: 'custom',
          input: '',
          params: { code: 'minutes.text_too_long', values: { max: MINUTES_TEXT_MAX, length: value.length } },
        });
        return;
      }
      const problem = markdownProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', input: '', params: { code: problem } });
    });

export const MinutesRevisionSchema = z.object({
  id: z.uuid(),
  revision: z.number().int(),
  status: z.enum(MINUTES_STATUSES),
  textBg: z.string(),
  textEn: z.string(),
  correctionReason: z.string().nullable(),
  draftedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.iso.datetime({ offset: true }).nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.number().int(),
});
export type MinutesRevision = z.infer<typeof MinutesRevisionSchema>;

export const MinutesCommentSchema = z.object({
  id: z.uuid(),
  revision: z.number().int(),
  author: z.string().nullable(),
  mine: z.boolean(),
  text: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type MinutesComment = z.infer<typeof MinutesCommentSchema>;

/** What a reader of a meeting's minutes gets: the meeting in brief, the revisions they may read, comments. */
export const MinutesViewSchema = z.object({
  meeting: z.object({
    id: z.uuid(),
    titleBg: z.string(),
    titleEn: z.string(),
    bodyNameBg: z.string(),
    bodyNameEn: z.string(),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    place: z.string(),
    status: z.string(),
    minutesVisibility: MinutesVisibilitySchema,
  }),
  /** The approved revisions (newest first), and the draft for those who may see it. */
  revisions: z.array(MinutesRevisionSchema),
  /** Comments on the draft (body members and officers only; empty for others). */
  comments: z.array(MinutesCommentSchema),
  /** What the reader may do now. */
  may: z.object({ draft: z.boolean(), comment: z.boolean(), approve: z.boolean() }),
});
export type MinutesView = z.infer<typeof MinutesViewSchema>;

export const MinutesDraftBodySchema = z.object({
  textBg: minutesText(true),
  textEn: minutesText(false).default(''),
  /** The draft's version when the editor loaded it (a stale save is refused). Absent: a new draft. */
  version: z.number().int().min(1).optional(),
  /** From revision 2 on: why the approved minutes are corrected. */
  correctionReason: z.string().trim().max(1000).optional(),
});
export type MinutesDraftBody = z.infer<typeof MinutesDraftBodySchema>;

export const MinutesCommentBodySchema = z.object({
  text: z.string().trim().min(1).max(MINUTES_COMMENT_MAX),
});

export const MinutesApproveBodySchema = z.object({ version: z.number().int().min(1) });

export const MinutesPrefillQuerySchema = z.object({ lang: z.enum(['bg', 'en']).default('bg') });

/** The public list of approved public minutes (issue 15 §3: "published: public, or members only"). */
export const PublicMinutesQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PublicMinutesQuery = z.infer<typeof PublicMinutesQuerySchema>;

export const PublicMinutesItemSchema = z.object({
  meetingId: z.uuid(),
  bodyNameBg: z.string(),
  bodyNameEn: z.string(),
  titleBg: z.string(),
  titleEn: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  /** The latest approved revision (the one the PDF prints by default). */
  revision: z.number().int(),
  approvedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type PublicMinutesItem = z.infer<typeof PublicMinutesItemSchema>;

export const PublicMinutesListSchema = z.object({
  items: z.array(PublicMinutesItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PublicMinutesList = z.infer<typeof PublicMinutesListSchema>;
