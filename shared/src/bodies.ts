import * as z from 'zod';
import { MajorityRuleSchema, QuorumRuleSchema } from './voting.ts';

/**
 * Governing bodies and their positions (issue 15 §1, decision 039): the initiative committee, the general
 * assembly, the management and control boards and working groups, each with its quorum and majority rule
 * (the voting rules' vocabulary), and who holds which position for which term.
 *
 * A term is the half-open period [startsOn, endsOn): a position is held on a day d when
 * startsOn ≤ d and (endsOn is null or d < endsOn), days in Europe/Sofia. Ending a position "today" sets
 * endsOn to today, so the person no longer holds it from today on.
 */

export const BODY_KINDS = [
  'initiative_committee',
  'general_assembly',
  'management_board',
  'control_board',
  'working_group',
] as const;
export const BodyKindSchema = z.enum(BODY_KINDS);
export type BodyKind = z.infer<typeof BodyKindSchema>;

export const POSITION_KINDS = ['chair', 'deputy_chair', 'secretary', 'member'] as const;
export const PositionKindSchema = z.enum(POSITION_KINDS);
export type PositionKind = z.infer<typeof PositionKindSchema>;

/** Is the term [startsOn, endsOn) running on `day` (YYYY-MM-DD)? */
export function termHeldOn(term: { startsOn: string; endsOn: string | null }, day: string): boolean {
  return term.startsOn <= day && (term.endsOn === null || day < term.endsOn);
}

/** Do two terms share a day? (Half-open: one ending on the day the other starts does not overlap.) */
export function termsOverlap(
  a: { startsOn: string; endsOn: string | null },
  b: { startsOn: string; endsOn: string | null },
): boolean {
  return (a.endsOn === null || b.startsOn < a.endsOn) && (b.endsOn === null || a.startsOn < b.endsOn);
}

const name = z.string().trim().min(1).max(200);
const description = z.string().trim().max(5000);
const day = z.iso.date();

const termOrder = (t: { startsOn: string; endsOn: string | null }) =>
  t.endsOn === null || t.endsOn >= t.startsOn;
const termIssue = { params: { code: 'bodies.term_order' }, path: ['endsOn'] };

const BodyFieldsSchema = z.object({
  kind: BodyKindSchema,
  nameBg: name,
  nameEn: name,
  descriptionBg: description.default(''),
  descriptionEn: description.default(''),
  quorum: QuorumRuleSchema,
  majority: MajorityRuleSchema,
  /** Members may give a proxy to another member (used by meetings, issue 15 §2). */
  allowsProxy: z.boolean().default(false),
  /**
   * This body reviews join applications: its current position holders are the committee (user_roles
   * `committee_member`, the chair also `committee_chair`). At most one body at a time.
   */
  reviewsApplications: z.boolean().default(false),
  /** Null: still to be founded. */
  foundedOn: day.nullable().default(null),
  /** Set when the body ceased to exist; it then leaves the public page. */
  dissolvedOn: day.nullable().default(null),
  sortOrder: z.number().int().min(0).max(1000).default(0),
});

const dissolvedAfterFounded = (b: { foundedOn: string | null; dissolvedOn: string | null }) =>
  b.dissolvedOn === null || (b.foundedOn !== null && b.dissolvedOn >= b.foundedOn);
const dissolvedIssue = { params: { code: 'bodies.dissolved_order' }, path: ['dissolvedOn'] };

export const BodyCreateBodySchema = BodyFieldsSchema.refine(dissolvedAfterFounded, dissolvedIssue);
export type BodyCreateBody = z.infer<typeof BodyCreateBodySchema>;
export const BodyUpdateBodySchema = BodyFieldsSchema.extend({ version: z.number().int().min(1) }).refine(
  dissolvedAfterFounded,
  dissolvedIssue,
);
export type BodyUpdateBody = z.infer<typeof BodyUpdateBodySchema>;

/**
 * A position: held by a portal user (`userId`), or by a named person without an account (`personName`) —
 * exactly one of the two; the body that reviews applications takes users only.
 */
const PositionFieldsSchema = z.object({
  position: PositionKindSchema,
  userId: z.uuid().nullable().default(null),
  personName: name.nullable().default(null),
  startsOn: day,
  endsOn: day.nullable().default(null),
});
const oneHolder = (p: { userId: string | null; personName: string | null }) =>
  (p.userId === null) !== (p.personName === null);
const holderIssue = { params: { code: 'bodies.holder_one' }, path: ['userId'] };

export const PositionCreateBodySchema = PositionFieldsSchema.refine(oneHolder, holderIssue).refine(
  termOrder,
  termIssue,
);
export type PositionCreateBody = z.infer<typeof PositionCreateBodySchema>;
export const PositionUpdateBodySchema = PositionFieldsSchema.extend({ version: z.number().int().min(1) })
  .refine(oneHolder, holderIssue)
  .refine(termOrder, termIssue);
export type PositionUpdateBody = z.infer<typeof PositionUpdateBodySchema>;
/** Ends a position on a day (default: today in Sofia): from that day on it is not held. */
export const PositionEndBodySchema = z.strictObject({ endsOn: day.optional() });
export type PositionEndBody = z.infer<typeof PositionEndBodySchema>;

export const BodyParamsSchema = z.object({ id: z.uuid() });
export const PositionParamsSchema = z.object({ id: z.uuid(), positionId: z.uuid() });

export const PositionSchema = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  position: PositionKindSchema,
  /** The holder's name; null when it was erased (decision 039). */
  name: z.string().nullable(),
  /** The portal user holding it (administrators only; null on the public page and for named persons). */
  userId: z.uuid().nullable(),
  startsOn: day,
  endsOn: day.nullable(),
  version: z.number().int(),
});
export type Position = z.infer<typeof PositionSchema>;

export const MemberOrganizationSchema = z.object({ id: z.uuid(), nameBg: z.string(), nameEn: z.string() });

export const BodySchema = z.object({
  id: z.uuid(),
  kind: BodyKindSchema,
  nameBg: z.string(),
  nameEn: z.string(),
  descriptionBg: z.string(),
  descriptionEn: z.string(),
  quorum: QuorumRuleSchema,
  majority: MajorityRuleSchema,
  allowsProxy: z.boolean(),
  reviewsApplications: z.boolean(),
  foundedOn: day.nullable(),
  dissolvedOn: day.nullable(),
  sortOrder: z.number().int(),
  version: z.number().int(),
  /** Public page: the positions held today. Administration and history: every term, newest first. */
  positions: z.array(PositionSchema),
  /**
   * General assembly: the member organisations, one vote each through its representative (the active
   * members now, candidates excluded). Empty for the other kinds.
   */
  memberOrganizations: z.array(MemberOrganizationSchema),
});
export type Body = z.infer<typeof BodySchema>;
export const BodyListResponseSchema = z.object({ items: z.array(BodySchema) });
export type BodyListResponse = z.infer<typeof BodyListResponseSchema>;
