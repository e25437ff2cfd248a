import * as z from 'zod';
import { ContactValuesShape, PAGE_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from './api.ts';
import { DECISION_REQUIRED, MembershipActionSchema } from './memberships.ts';
import { MembershipCategorySchema, MembershipStatusSchema, OrganizationKindSchema } from './organization.ts';

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

export const MembershipDetailSchema = CommitteeMemberListItemSchema.extend({
  /** Every contact field (the committee sees all of them, whatever their visibility). */
  contacts: z.object(ContactValuesShape),
  /** The organisation's representatives, by name. */
  representatives: z.array(MemberRepresentativeSchema),
  /** Newest first. */
  events: z.array(MembershipEventSchema),
  /** The actions open from the current status. */
  availableActions: z.array(MembershipActionSchema),
});
export type MembershipDetail = z.infer<typeof MembershipDetailSchema>;

export const DecisionTallyInputSchema = z
  .object({
    for: z.number().int().min(0).max(1000),
    against: z.number().int().min(0).max(1000),
    abstain: z.number().int().min(0).max(1000),
    eligible: z.number().int().min(1).max(1000),
  })
  .refine((t) => t.for + t.against + t.abstain <= t.eligible, {
    path: ['eligible'],
    params: { code: 'decision.tally_exceeds' },
  });

/** A new decision of the register, recorded with the action (subject 'membership'). */
export const DecisionRecordSchema = z.object({
  decidedOn: z.iso.date(),
  textBg: z.string().trim().min(1).max(4000),
  textEn: z.string().trim().min(1).max(4000),
  tally: DecisionTallyInputSchema,
});
export type DecisionRecord = z.infer<typeof DecisionRecordSchema>;

export const DecisionRefSchema = z.union([
  z.strictObject({ number: DecisionNumberSchema }),
  z.strictObject({ record: DecisionRecordSchema }),
]);
export type DecisionRef = z.infer<typeof DecisionRefSchema>;

export const MembershipActionBodySchema = z
  .object({
    action: MembershipActionSchema,
    /** The new category (change_category only). */
    category: MembershipCategorySchema.optional(),
    effectiveOn: z.iso.date(),
    reason: z.string().trim().max(2000).default(''),
    /** An existing decision by number, a new one to record, or null where the statute requires none. */
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
