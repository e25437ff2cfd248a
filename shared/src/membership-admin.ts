import * as z from 'zod';
import { PAGE_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from './common.ts';
import { ContactValuesShape } from './directory.ts';
import { DECISION_REQUIRED, MembershipActionSchema } from './memberships.ts';
import { MembershipCategorySchema, MembershipStatusSchema, OrganizationKindSchema } from './organization.ts';
import { VotePanelSchema } from './voting.ts';

/**
 * The committee's administration of memberships (issue 5): the list of every organisation with a
 * membership, one membership with its history, and the actions on it (memberships.ts holds the rules).
 */

/** A register number as the register prints it: `2026-003`. */
export const DecisionNumberSchema = z
  .string()
  .trim()
  .refine((n) => /^\d{4}-\d{3,}$/.test(n), { params: { code: 'decision.number_format' } });

export const CommitteeMemberListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  status: MembershipStatusSchema.optional(),
  category: MembershipCategorySchema.optional(),
  page: z.coerce.number().int().min(1).max(PAGE_MAX).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type CommitteeMemberListQuery = z.infer<typeof CommitteeMemberListQuerySchema>;

export const CommitteeMemberListItemSchema = z.object({
  /** The organisation's id (a membership is addressed by its organisation). */
  id: z.uuid(),
  nameBg: z.string(),
  nameEn: z.string(),
  eik: z.string(),
  kind: OrganizationKindSchema,
  category: MembershipCategorySchema,
  status: MembershipStatusSchema,
  memberSince: z.iso.date().nullable(),
  version: z.number().int(),
});
export type CommitteeMemberListItem = z.infer<typeof CommitteeMemberListItemSchema>;

export const CommitteeMemberListResponseSchema = z.object({
  items: z.array(CommitteeMemberListItemSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});
export type CommitteeMemberListResponse = z.infer<typeof CommitteeMemberListResponseSchema>;

export const MembershipEventSchema = z.object({
  id: z.number().int(),
  action: MembershipActionSchema,
  fromCategory: MembershipCategorySchema,
  toCategory: MembershipCategorySchema,
  fromStatus: MembershipStatusSchema,
  toStatus: MembershipStatusSchema,
  /** The register decision it rests on (null: a withdrawal recorded on the member's own request). */
  decisionNumber: z.string().nullable(),
  reason: z.string(),
  effectiveOn: z.iso.date(),
  actorName: z.string().nullable(),
  at: z.iso.datetime({ offset: true }),
});
export type MembershipEvent = z.infer<typeof MembershipEventSchema>;

/** Someone who represents the organisation in the portal (the committee reaches them by email). */
export const MemberRepresentativeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
});
export type MemberRepresentative = z.infer<typeof MemberRepresentativeSchema>;

/** The change a membership vote is about, fixed when the chair opens it. */
export const MembershipProposalSchema = z.object({
  action: MembershipActionSchema,
  /** The new category (change_category only). */
  category: MembershipCategorySchema.nullable(),
  reason: z.string(),
  effectiveOn: z.iso.date(),
});
export type MembershipProposal = z.infer<typeof MembershipProposalSchema>;

/** A vote of the committee on a membership change (issue 11 B1): the admission panel plus the proposal. */
export const MembershipVoteSchema = VotePanelSchema.extend({
  proposal: MembershipProposalSchema,
  /** The decision recorded at the close (null while open, or when it ended without quorum). */
  decisionNumber: z.string().nullable(),
  /** The caller represents the organisation: recused, may not vote, open or close. */
  myConflict: z.boolean(),
});
export type MembershipVote = z.infer<typeof MembershipVoteSchema>;

export const MembershipDetailSchema = CommitteeMemberListItemSchema.extend({
  /** Every contact field (the committee sees all of them, whatever their visibility). */
  contacts: z.object(ContactValuesShape),
  /** The organisation's representatives, by name. */
  representatives: z.array(MemberRepresentativeSchema),
  /** Newest first. */
  events: z.array(MembershipEventSchema),
  /** The actions open from the current status. */
  availableActions: z.array(MembershipActionSchema),
  /** The open vote on a change of this membership, else the latest closed one (null: none ever). */
  vote: MembershipVoteSchema.nullable(),
});
export type MembershipDetail = z.infer<typeof MembershipDetailSchema>;

/**
 * A decision the change rests on: an existing adopted decision of the register about this membership, by
 * number. A new decision is never typed in (issue 11 B1): it is taken by a vote in the portal
 * (MembershipVoteOpenBodySchema), whose outcome the server computes.
 */
export const DecisionRefSchema = z.strictObject({ number: DecisionNumberSchema });
export type DecisionRef = z.infer<typeof DecisionRefSchema>;

export const MembershipActionBodySchema = z
  .object({
    action: MembershipActionSchema,
    /** The new category (change_category only). */
    category: MembershipCategorySchema.optional(),
    effectiveOn: z.iso.date(),
    reason: z.string().trim().max(2000).default(''),
    /** An existing decision by number, or null where the statute requires none. */
    decision: DecisionRefSchema.nullable(),
    /** The membership's version as read; a stale one is refused (409) and nothing changes. */
    version: z.number().int().min(1),
  })
  .superRefine((body, ctx) => {
    if (body.action === 'change_category' && !body.category) {
      ctx.addIssue({
        code: 'custom',
        path: ['category'],
        message: 'required',
        params: { code: 'membership.category_required' },
      });
    }
    if (DECISION_REQUIRED[body.action] && body.decision === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['decision'],
        message: 'required',
        params: { code: 'membership.decision_required' },
      });
    }
  });
export type MembershipActionBody = z.infer<typeof MembershipActionBodySchema>;

export const MembershipIdParamsSchema = z.object({ id: z.uuid() });

/** A 409 about a membership: the problem, and the membership as it is now (stale version, closed action). */
export const MembershipConflictSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string().optional(),
  current: MembershipDetailSchema.optional(),
});

/** The chair opens a vote on a membership change (every action but a withdrawal needs a decision). */
export const MembershipVoteOpenBodySchema = z
  .strictObject({
    action: MembershipActionSchema,
    category: MembershipCategorySchema.optional(),
    effectiveOn: z.iso.date(),
    reason: z.string().trim().max(2000).default(''),
    /** The membership's version as read; a stale one is refused (409). */
    version: z.number().int().min(1),
  })
  .superRefine((body, ctx) => {
    if (body.action === 'change_category' && !body.category) {
      ctx.addIssue({
        code: 'custom',
        path: ['category'],
        message: 'required',
        params: { code: 'membership.category_required' },
      });
    }
    if (!DECISION_REQUIRED[body.action]) {
      ctx.addIssue({
        code: 'custom',
        path: ['action'],
        message: 'no vote',
        params: { code: 'membership.vote_not_needed' },
      });
    }
  });
export type MembershipVoteOpenBody = z.infer<typeof MembershipVoteOpenBodySchema>;
