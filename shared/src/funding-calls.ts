import * as z from 'zod';
import { PAGE_MAX, PAGE_SIZE_MAX } from './common.ts';
import { ORGANIZATION_KINDS, OrganizationKindSchema } from './organization.ts';

/**
 * Funding calls (issue 16 §3): programme calls the cluster's members prepare for, with their dates in
 * Europe/Sofia. The status is never stored: it follows from the opening and the deadline at read time
 * (upcoming before the opening, open until the deadline, closed after it).
 */

export const FUNDING_CALL_STATUSES = ['upcoming', 'open', 'closed'] as const;
export const FundingCallStatusSchema = z.enum(FUNDING_CALL_STATUSES);
export type FundingCallStatus = z.infer<typeof FundingCallStatusSchema>;

export function fundingCallStatus(opensAt: string | Date, deadlineAt: string | Date, now: Date = new Date()) {
  const t = now.getTime();
  if (t < new Date(opensAt).getTime()) return 'upcoming' as const;
  if (t < new Date(deadlineAt).getTime()) return 'open' as const;
  return 'closed' as const;
}

export const FUNDING_CALL_PROGRAMME_MAX = 200;
export const FUNDING_CALL_CODE_MAX = 60;
export const FUNDING_CALL_TITLE_MAX = 300;
export const FUNDING_CALL_SUMMARY_MAX = 4000;
export const FUNDING_CALL_DOCUMENT_NAME_MAX = 300;
/** Documents a call may require. */
export const FUNDING_CALL_DOCUMENTS_MAX = 40;
/** Days before the deadline on which interested members are reminded by email. */
export const FUNDING_CALL_REMINDER_DAYS = [30, 7, 1] as const;

// ---------- bodies ----------

const instant = z.iso.datetime({ offset: true });
const name = (max: number) => z.string().trim().min(1).max(max);

/** The call's page at the programme: http or https only (never `javascript:`). */
export const FundingCallUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((v) => /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(v), { params: { code: 'calls.url_invalid' } });

/** A document the call requires, in the order given (its position is its index in the list). */
export const FundingCallDocumentInputSchema = z.strictObject({
  /** An existing document's id keeps it (joint projects refer to it); absent: a new one. */
  id: z.uuid().optional(),
  nameBg: name(FUNDING_CALL_DOCUMENT_NAME_MAX),
  nameEn: name(FUNDING_CALL_DOCUMENT_NAME_MAX),
  perPartner: z.boolean().default(false),
});
export type FundingCallDocumentInput = z.infer<typeof FundingCallDocumentInputSchema>;

/** What the committee enters for a call (create and edit alike). */
export const FundingCallBodySchema = z
  .strictObject({
    programme: name(FUNDING_CALL_PROGRAMME_MAX),
    code: z.string().trim().max(FUNDING_CALL_CODE_MAX).default(''),
    titleBg: name(FUNDING_CALL_TITLE_MAX),
    titleEn: name(FUNDING_CALL_TITLE_MAX),
    summaryBg: z.string().trim().max(FUNDING_CALL_SUMMARY_MAX).default(''),
    summaryEn: z.string().trim().max(FUNDING_CALL_SUMMARY_MAX).default(''),
    opensAt: instant,
    deadlineAt: instant,
    /** Euro cents; null: not announced. */
    budgetCents: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().default(null),
    eligibleKinds: z.array(OrganizationKindSchema).max(ORGANIZATION_KINDS.length).default([]),
    url: FundingCallUrlSchema.nullable().default(null),
    documents: z.array(FundingCallDocumentInputSchema).max(FUNDING_CALL_DOCUMENTS_MAX).default([]),
  })
  .superRefine((body, ctx) => {
    if (new Date(body.deadlineAt).getTime() <= new Date(body.opensAt).getTime())
      ctx.addIssue({
        code: 'custom',
        path: ['deadlineAt'],
        input: body.deadlineAt,
        params: { code: 'calls.deadline_before_opening' },
      });
  });
export type FundingCallBody = z.infer<typeof FundingCallBodySchema>;
export type FundingCallBodyInput = z.input<typeof FundingCallBodySchema>;

export const FundingCallListQuerySchema = z.object({
  status: FundingCallStatusSchema.optional(),
  page: z.coerce.number().int().min(1).max(PAGE_MAX).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(20),
});
export type FundingCallListQuery = z.infer<typeof FundingCallListQuerySchema>;
export type FundingCallListQueryInput = z.input<typeof FundingCallListQuerySchema>;

// ---------- responses ----------

export const FundingCallDocumentSchema = z.object({
  id: z.uuid(),
  nameBg: z.string(),
  nameEn: z.string(),
  perPartner: z.boolean(),
  position: z.number().int(),
});
export type FundingCallDocument = z.infer<typeof FundingCallDocumentSchema>;

/** A call as everyone sees it: the number of interested member organisations, never their names. */
export const FundingCallSummarySchema = z.object({
  id: z.uuid(),
  programme: z.string(),
  code: z.string(),
  titleBg: z.string(),
  titleEn: z.string(),
  summaryBg: z.string(),
  summaryEn: z.string(),
  opensAt: z.string(),
  deadlineAt: z.string(),
  status: FundingCallStatusSchema,
  budgetCents: z.number().int().nullable(),
  eligibleKinds: z.array(OrganizationKindSchema),
  url: z.string().nullable(),
  interestedCount: z.number().int().nonnegative(),
  version: z.number().int(),
});
export type FundingCallSummary = z.infer<typeof FundingCallSummarySchema>;

export const FundingCallSchema = FundingCallSummarySchema.extend({
  documents: z.array(FundingCallDocumentSchema),
});
export type FundingCall = z.infer<typeof FundingCallSchema>;

export const FundingCallListResponseSchema = z.object({
  items: z.array(FundingCallSummarySchema),
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type FundingCallListResponse = z.infer<typeof FundingCallListResponseSchema>;

/** For members (representatives of active members, the committee, administrators): who is interested. */
export const FundingCallInterestsSchema = z.object({
  organizations: z.array(z.object({ id: z.uuid(), nameBg: z.string(), nameEn: z.string() })),
  /** Of the organisations the asker represents as an active member, those marked interested. */
  mine: z.array(z.uuid()),
  /** The organisations the asker may mark interest for (their active member organisations). */
  canMark: z.array(z.object({ id: z.uuid(), nameBg: z.string(), nameEn: z.string() })),
});
export type FundingCallInterests = z.infer<typeof FundingCallInterestsSchema>;

export const FundingCallInterestParamsSchema = z.object({ id: z.uuid(), organizationId: z.uuid() });
