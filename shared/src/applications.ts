import * as z from 'zod';
import { AreaIdSchema, EikSchema, KidCodeSchema } from './api.ts';
import { EmailSchema } from './auth.ts';
import { MembershipActionSchema } from './memberships.ts';
import { OrganizationKindSchema } from './organization.ts';
import { FoundedYearSchema, MOTIVATION_MIN_LENGTH, PastDateSchema, substantialText } from './plausibility.ts';

/**
 * The join application's life, shared by the server (which enforces it) and the web app (which offers
 * only the moves the state allows).
 *
 *   draft → submitted → under_review ⇄ changes_requested → in_vote → approved | rejected
 *   (withdrawn: by the applicant at any point before a decision; in_vote → under_review when a vote
 *   closes without quorum)
 */
export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'under_review',
  'changes_requested',
  'in_vote',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export const ApplicationStateSchema = z.enum(APPLICATION_STATES);
export type ApplicationState = z.infer<typeof ApplicationStateSchema>;

/** Who makes a move: the applicant, any committee member, the chair, or the server itself (vote outcome). */
export type TransitionActor = 'applicant' | 'committee' | 'chair' | 'system';

export const APPLICATION_ACTIONS = [
  'submit',
  'start_review',
  'request_changes',
  'resubmit',
  'open_vote',
  'withdraw',
  'approve',
  'reject',
  'no_quorum',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export interface Transition {
  from: readonly ApplicationState[];
  to: ApplicationState;
  by: TransitionActor;
}

export const TRANSITIONS: Record<ApplicationAction, Transition> = {
  submit: { from: ['draft'], to: 'submitted', by: 'applicant' },
  start_review: { from: ['submitted'], to: 'under_review', by: 'committee' },
  request_changes: { from: ['under_review'], to: 'changes_requested', by: 'committee' },
  resubmit: { from: ['changes_requested'], to: 'under_review', by: 'applicant' },
  open_vote: { from: ['under_review'], to: 'in_vote', by: 'chair' },
  withdraw: {
    from: ['draft', 'submitted', 'under_review', 'changes_requested', 'in_vote'],
    to: 'withdrawn',
    by: 'applicant',
  },
  // Only the vote's outcome, computed by the server, decides.
  approve: { from: ['in_vote'], to: 'approved', by: 'system' },
  reject: { from: ['in_vote'], to: 'rejected', by: 'system' },
  no_quorum: { from: ['in_vote'], to: 'under_review', by: 'system' },
};

/** The state `action` leads to from `state`, or null when the move is not allowed there. */
export function nextState(state: ApplicationState, action: ApplicationAction): ApplicationState | null {
  const t = TRANSITIONS[action];
  return t.from.includes(state) ? t.to : null;
}

/** The moves open to `actor` in `state` (for buttons; the server re-checks). */
export function availableActions(state: ApplicationState, actor: TransitionActor): ApplicationAction[] {
  return APPLICATION_ACTIONS.filter(
    (a) => TRANSITIONS[a].by === actor && TRANSITIONS[a].from.includes(state),
  );
}

/** States in which an application is still open (its ЕИК cannot be used by another application). */
export const OPEN_STATES: readonly ApplicationState[] = [
  'submitted',
  'under_review',
  'changes_requested',
  'in_vote',
];

export function isDecided(state: ApplicationState): boolean {
  return state === 'approved' || state === 'rejected';
}

/** The applicant may edit their answers in these states. */
export function isEditableByApplicant(state: ApplicationState): boolean {
  return state === 'draft' || state === 'changes_requested';
}

// ---------- votes ----------

export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export const VoteChoiceSchema = z.enum(VOTE_CHOICES);
export type VoteChoice = z.infer<typeof VoteChoiceSchema>;

/** Share of the eligible (non-recused) members who must take part: > ½ (default), ≥ ⅔, or all. */
export const QUORUM_RULES = ['more_than_half', 'two_thirds', 'all'] as const;
export const QuorumRuleSchema = z.enum(QUORUM_RULES);
export type QuorumRule = z.infer<typeof QuorumRuleSchema>;
export const MAJORITY_RULES = ['simple', 'two_thirds', 'unanimous'] as const;
export const MajorityRuleSchema = z.enum(MAJORITY_RULES);
export type MajorityRule = z.infer<typeof MajorityRuleSchema>;
export const BALLOTS = ['open', 'secret'] as const;
export const BallotSchema = z.enum(BALLOTS);
export type Ballot = z.infer<typeof BallotSchema>;

export interface Tally {
  /** Committee members who may vote on this application (not recused). */
  eligible: number;
  recused: number;
  for: number;
  against: number;
  abstain: number;
}

export type VoteOutcome = 'approved' | 'rejected' | 'no_quorum';

/** Did enough eligible members take part (abstentions count as taking part; recused members are not eligible)? */
export function hasQuorum(tally: Tally, quorum: QuorumRule = 'more_than_half'): boolean {
  const participated = tally.for + tally.against + tally.abstain;
  if (tally.eligible === 0) return false;
  switch (quorum) {
    case 'more_than_half':
      return participated * 2 > tally.eligible;
    case 'two_thirds':
      return participated * 3 >= tally.eligible * 2;
    case 'all':
      return participated >= tally.eligible;
  }
}

/**
 * The outcome of a closed vote, computed by the server from the votes — never taken from a client.
 * Quorum by `quorum` (default: more than half of the eligible, non-recused members took part). Majority
 * of the votes cast (for + against; abstentions are not votes cast): simple = more for than against;
 * two-thirds = for ≥ ⅔ of cast; unanimous = nobody against and at least one for.
 */
export function computeOutcome(
  tally: Tally,
  majority: MajorityRule,
  quorum: QuorumRule = 'more_than_half',
): VoteOutcome {
  if (!hasQuorum(tally, quorum)) return 'no_quorum';
  const cast = tally.for + tally.against;
  let passed: boolean;
  switch (majority) {
    case 'simple':
      passed = tally.for > tally.against;
      break;
    case 'two_thirds':
      passed = cast > 0 && tally.for * 3 >= cast * 2;
      break;
    case 'unanimous':
      passed = tally.for > 0 && tally.against === 0;
      break;
  }
  return passed ? 'approved' : 'rejected';
}

/** `2026-014`: the year and the decision's number within it. */
export function formatDecisionNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(3, '0')}`;
}

/**
 * The register text of the decision an admission vote ends in, in both languages: what the server writes
 * when the vote closes with a result (the demo seed writes its decisions with it too).
 */
export function admissionDecisionText(
  outcome: 'approved' | 'rejected',
  organization: { nameBg: string; nameEn: string; eik: string },
  tally: Pick<Tally, 'for' | 'against' | 'abstain'>,
): { textBg: string; textEn: string } {
  const verdictBg = outcome === 'approved' ? 'приема за член' : 'не приема за член';
  const verdictEn = outcome === 'approved' ? 'admits as a member' : 'does not admit as a member';
  const tallyText = `${tally.for}/${tally.against}/${tally.abstain}`;
  const { nameBg, nameEn, eik } = organization;
  return {
    textBg: `Комитетът ${verdictBg} на клъстера ${nameBg} (ЕИК ${eik}) с гласове за/против/въздържали се ${tallyText}.`,
    textEn: `The committee ${verdictEn} of the cluster ${nameEn} (EIK ${eik}) by ${tallyText} votes for/against/abstaining.`,
  };
}

// ---------- the application's sections (each step of the form saves one) ----------

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const APPLICABLE_CATEGORIES = ['regular', 'associated', 'engaged'] as const;

export const OrganizationSectionSchema = z.strictObject({
  nameBg: text(300),
  nameEn: text(300),
  eik: EikSchema,
  kind: OrganizationKindSchema,
  employees: z.number().int().min(0).max(1_000_000),
  foundedYear: FoundedYearSchema,
  city: text(100),
  address: text(300),
  website: z
    .url({ protocol: /^https?$/ })
    .max(300)
    .optional(),
  naceCodes: z.array(KidCodeSchema).min(1).max(10),
});
export type OrganizationSection = z.infer<typeof OrganizationSectionSchema>;

export const ContactSectionSchema = z.strictObject({
  name: text(200),
  position: text(200),
  email: EmailSchema,
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,30}$/),
});
export type ContactSection = z.infer<typeof ContactSectionSchema>;

export const AreasSectionSchema = z.strictObject({
  areaIds: z.array(AreaIdSchema).min(1).max(10),
});
export type AreasSection = z.infer<typeof AreasSectionSchema>;

/** What an organisation offers to and seeks from the cluster: free text per kind of sharing. */
const sharing = z.strictObject({
  infrastructure: optionalText(2000),
  information: optionalText(2000),
  people: optionalText(2000),
  projects: optionalText(2000),
});
export const OffersSectionSchema = z.strictObject({ offers: sharing, seeks: sharing });
export type OffersSection = z.infer<typeof OffersSectionSchema>;

export const MotivationSectionSchema = z.strictObject({
  motivation: substantialText(MOTIVATION_MIN_LENGTH, 5000),
  category: z.enum(APPLICABLE_CATEGORIES),
});
export type MotivationSection = z.infer<typeof MotivationSectionSchema>;

/**
 * The declaration texts in force. They live here, not in the UI's translations, because the exact text
 * and its version are stored with each acceptance: change a text only together with a new version.
 */
export const DECLARATION_VERSION = '2026-11';
export const DECLARATION_TEXTS = {
  acceptsStatute: {
    bg: 'Декларирам, че организацията приема устава на клъстера и се задължава да спазва решенията на неговите органи.',
    en: 'I declare that the organisation accepts the cluster’s statute and undertakes to abide by the decisions of its bodies.',
  },
  consentsToDataProcessing: {
    bg: 'Съгласен/на съм данните от заявлението да бъдат обработвани от клъстера за разглеждането му и за водене на регистъра на членовете.',
    en: 'I agree that the cluster processes the data in this application to review it and to keep the register of members.',
  },
} as const;
export const DeclarationsSectionSchema = z.strictObject({
  acceptsStatute: z.literal(true),
  consentsToDataProcessing: z.literal(true),
});
export type DeclarationsSection = z.infer<typeof DeclarationsSectionSchema>;

/** A public authority's accession needs its council's decision and its appointed representative. */
export const AccessionSectionSchema = z.strictObject({
  councilDecisionNumber: text(100),
  councilDecisionDate: PastDateSchema,
  representativeName: text(200),
  representativePosition: text(200),
});
export type AccessionSection = z.infer<typeof AccessionSectionSchema>;

export const APPLICATION_SECTIONS = [
  'organization',
  'contact',
  'areas',
  'offers',
  'motivation',
  'declarations',
  'accession',
] as const;
export const ApplicationSectionSchema = z.enum(APPLICATION_SECTIONS);
export type ApplicationSection = z.infer<typeof ApplicationSectionSchema>;

export const SECTION_SCHEMAS = {
  organization: OrganizationSectionSchema,
  contact: ContactSectionSchema,
  areas: AreasSectionSchema,
  offers: OffersSectionSchema,
  motivation: MotivationSectionSchema,
  declarations: DeclarationsSectionSchema,
  accession: AccessionSectionSchema,
} as const;

/** What a save of each section sends (PUT /api/applications/:id/sections/<section>), by section. */
export type SectionValues = { [S in ApplicationSection]: z.infer<(typeof SECTION_SCHEMAS)[S]> };
/** One section's save: the section and its body, typed together (a union over `S`). */
export type SectionSave<S extends ApplicationSection = ApplicationSection> = {
  [K in S]: { section: K; value: SectionValues[K] };
}[S];

export interface ApplicationData {
  organization?: OrganizationSection;
  contact?: ContactSection;
  areas?: AreasSection;
  offers?: OffersSection;
  motivation?: MotivationSection;
  declarations?: DeclarationsSection & {
    version: string;
    acceptedAt: string;
    /** The texts accepted, as shown (both languages). */
    texts?: Record<string, { bg: string; en: string }>;
  };
  accession?: AccessionSection;
}

export const DOCUMENT_KINDS = ['registration_certificate', 'council_decision', 'other'] as const;
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS = 5;

/** The sections an application still needs before it can be submitted, in form order. */
export function missingSections(
  data: ApplicationData,
  documents: readonly { kind: DocumentKind }[],
): (ApplicationSection | 'documents' | 'council_decision_document')[] {
  const missing: (ApplicationSection | 'documents' | 'council_decision_document')[] = [];
  for (const s of APPLICATION_SECTIONS) {
    if (s === 'accession' && data.organization?.kind !== 'public_authority') continue;
    if (!data[s]) missing.push(s);
  }
  if (documents.length === 0) missing.push('documents');
  if (data.organization?.kind === 'public_authority' && !documents.some((d) => d.kind === 'council_decision'))
    missing.push('council_decision_document');
  return missing;
}

// ---------- API ----------

export const ApplicationIdParamsSchema = z.object({ id: z.uuid() });
export const SectionParamsSchema = z.object({ id: z.uuid(), section: ApplicationSectionSchema });

/** Saving a step: the section's fields (validated by its own schema on the server). */
export const SaveSectionBodySchema = z.record(z.string(), z.unknown());

export const TransitionBodySchema = z.strictObject({
  comment: z.string().trim().max(5000).optional(),
});
export const ActionParamsSchema = z.object({
  id: z.uuid(),
  action: z.enum(['submit', 'start_review', 'request_changes', 'resubmit', 'open_vote', 'withdraw']),
});

export const COMMENT_AUDIENCES = ['committee', 'applicant'] as const;
export const CommentBodySchema = z.strictObject({
  text: z.string().trim().min(1).max(5000),
  /** `committee`: internal note; `applicant`: a message the applicant sees. */
  audience: z.enum(COMMENT_AUDIENCES),
});

export const VoteBodySchema = z.strictObject({ choice: VoteChoiceSchema });
export const RecuseBodySchema = z.strictObject({ reason: z.string().trim().min(1).max(1000) });

export const TimelineEntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime({ offset: true }),
  actorName: z.string().nullable(),
  kind: z.enum(['transition', 'comment', 'change']),
  action: z.string().nullable(),
  fromState: ApplicationStateSchema.nullable(),
  toState: ApplicationStateSchema.nullable(),
  audience: z.enum(COMMENT_AUDIENCES),
  text: z.string().nullable(),
  /** For a `change` (a section edited after the committee asked for changes): what it was and became. */
  changes: z
    .object({ section: ApplicationSectionSchema, before: z.unknown(), after: z.unknown() })
    .nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const DocumentInfoSchema = z.object({
  id: z.uuid(),
  kind: DocumentKindSchema,
  filename: z.string(),
  size: z.number().int(),
  uploadedAt: z.iso.datetime({ offset: true }),
});
export type DocumentInfo = z.infer<typeof DocumentInfoSchema>;

/**
 * Why a committee member is recused from an application automatically (decision 013): they are its
 * applicant, represent the applying organisation, or represent a member that declared itself a
 * competitor of the applicant.
 */
export const CONFLICTS_OF_INTEREST = ['applicant', 'representative', 'competitor'] as const;
export const ConflictOfInterestSchema = z.enum(CONFLICTS_OF_INTEREST);
export type ConflictOfInterest = z.infer<typeof ConflictOfInterestSchema>;

export const VotePanelSchema = z.object({
  sessionId: z.uuid(),
  round: z.number().int(),
  ballot: BallotSchema,
  majority: MajorityRuleSchema,
  quorum: QuorumRuleSchema,
  openedAt: z.iso.datetime({ offset: true }),
  closedAt: z.iso.datetime({ offset: true }).nullable(),
  tally: z.object({
    eligible: z.number().int(),
    recused: z.number().int(),
    /** Null while a secret ballot is open: its totals are shown only once it closes (decision 013). */
    for: z.number().int().nullable(),
    against: z.number().int().nullable(),
    abstain: z.number().int().nullable(),
    /** Members who have voted (in a secret ballot too). */
    voted: z.number().int(),
  }),
  quorumReached: z.boolean(),
  /**
   * The committee: who has voted, and how (open ballot only; `choice` is always null in a secret ballot,
   * to everyone).
   */
  voters: z.array(
    z.object({
      name: z.string(),
      voted: z.boolean(),
      choice: VoteChoiceSchema.nullable(),
      recused: z.boolean(),
    }),
  ),
  /** The caller's own vote (null in a secret ballot: it is not kept with the caller's name), and recusal. */
  myVote: VoteChoiceSchema.nullable(),
  myVoted: z.boolean(),
  myRecused: z.boolean(),
  outcome: z.enum(['approved', 'rejected', 'no_quorum']).nullable(),
});
export type VotePanel = z.infer<typeof VotePanelSchema>;

export const ApplicationSchema = z.object({
  id: z.uuid(),
  state: ApplicationStateSchema,
  applicant: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  // Answers as stored: saved under the rules of their day, so a rule tightened later (a minimum length,
  // a year bound that moves with the calendar) never makes an older answer unreadable.
  data: z.object({
    organization: OrganizationSectionSchema.extend({
      foundedYear: z.number().int(),
      naceCodes: z.array(z.string()),
    }).optional(),
    // The stored email is already normalised: responses carry it as a plain string (no transform).
    contact: ContactSectionSchema.extend({ email: z.string() }).optional(),
    areas: AreasSectionSchema.optional(),
    offers: OffersSectionSchema.optional(),
    motivation: MotivationSectionSchema.extend({ motivation: z.string() }).optional(),
    declarations: DeclarationsSectionSchema.extend({
      version: z.string(),
      acceptedAt: z.string(),
      texts: z.record(z.string(), z.object({ bg: z.string(), en: z.string() })).optional(),
    }).optional(),
    accession: AccessionSectionSchema.extend({ councilDecisionDate: z.iso.date() }).optional(),
  }),
  missing: z.array(z.string()),
  documents: z.array(DocumentInfoSchema),
  timeline: z.array(TimelineEntrySchema),
  vote: VotePanelSchema.nullable(),
  /** The committee viewer's conflict of interest (recused automatically; null: none, or not committee). */
  conflict: ConflictOfInterestSchema.nullable(),
  decision: z
    .object({ number: z.string(), date: z.iso.date(), outcome: z.enum(['approved', 'rejected']) })
    .nullable(),
  organizationId: z.uuid().nullable(),
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.number().int(),
});
export type Application = z.infer<typeof ApplicationSchema>;

export const ApplicationSummarySchema = z.object({
  id: z.uuid(),
  state: ApplicationStateSchema,
  nameBg: z.string().nullable(),
  nameEn: z.string().nullable(),
  eik: z.string().nullable(),
  kind: OrganizationKindSchema.nullable(),
  applicantName: z.string(),
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummarySchema>;

export const ApplicationQueueQuerySchema = z.object({
  state: ApplicationStateSchema.optional(),
  kind: OrganizationKindSchema.optional(),
  area: AreaIdSchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ApplicationQueueQuery = z.infer<typeof ApplicationQueueQuerySchema>;

export const ApplicationQueueResponseSchema = z.object({
  items: z.array(ApplicationSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Applications per state (the pipeline), over the other filters. */
  counts: z.record(z.string(), z.number().int()),
});
export type ApplicationQueueResponse = z.infer<typeof ApplicationQueueResponseSchema>;

export const MyApplicationsResponseSchema = z.object({ items: z.array(ApplicationSummarySchema) });

export const DecisionSchema = z.object({
  number: z.string(),
  date: z.iso.date(),
  organizationNameBg: z.string(),
  organizationNameEn: z.string(),
  /**
   * The organisation's public profile (`/members/:id`), given only while it is publicly listed (an active
   * member, not a candidate); null for a rejected applicant, a former member or an erased organisation.
   */
  organizationId: z.uuid().nullable(),
  /** Whether the organisation is publicly listed now, so its name can link to its profile. */
  organizationListed: z.boolean(),
  outcome: z.enum(['approved', 'rejected']),
  /** An admission (an application's vote) or a change of an existing membership. */
  subject: z.enum(['admission', 'membership']),
  /** Membership decisions: the change decided (from the membership history that references it). */
  membershipAction: MembershipActionSchema.nullable(),
  /** Members only: */
  applicationId: z.uuid().nullable(),
  tally: z
    .object({
      for: z.number(),
      against: z.number(),
      abstain: z.number(),
      eligible: z.number(),
      recused: z.number(),
    })
    .nullable(),
  textBg: z.string().nullable(),
  textEn: z.string().nullable(),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const DecisionListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  outcome: z.enum(['approved', 'rejected']).optional(),
  subject: z.enum(['admission', 'membership']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DecisionListQuery = z.infer<typeof DecisionListQuerySchema>;

export const DecisionListResponseSchema = z.object({
  items: z.array(DecisionSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** The years that hold at least one decision the reader may see, newest first (the register's year filter). */
export const DecisionYearsResponseSchema = z.object({ years: z.array(z.number().int()) });
export type DecisionYearsResponse = z.infer<typeof DecisionYearsResponseSchema>;

export const VotingSettingsSchema = z.strictObject({
  quorum: QuorumRuleSchema,
  majority: MajorityRuleSchema,
  ballot: BallotSchema,
});
export type VotingSettings = z.infer<typeof VotingSettingsSchema>;

/**
 * The organisations (by ЕИК) a member declares itself a competitor of (decision 013): the member's
 * representatives on the committee are recused from applications with these ЕИК.
 */
export const CompetitorsSchema = z.strictObject({
  eiks: z
    .array(EikSchema)
    .max(50)
    .refine((xs) => new Set(xs).size === xs.length, { params: { code: 'competitors.duplicate' } }),
});
export type Competitors = z.infer<typeof CompetitorsSchema>;

/** Why a closed vote ended as it did, for people (issue 11 B5): a key and the numbers it names. */
export type OutcomeReason =
  | 'no_quorum'
  | 'simple_passed'
  | 'simple_tie'
  | 'simple_failed'
  | 'two_thirds_passed'
  | 'two_thirds_failed'
  | 'unanimous_passed'
  | 'unanimous_against'
  | 'unanimous_no_for';

export function outcomeReason(
  tally: Tally,
  majority: MajorityRule,
  quorum: QuorumRule = 'more_than_half',
): OutcomeReason {
  if (!hasQuorum(tally, quorum)) return 'no_quorum';
  const passed = computeOutcome(tally, majority, quorum) === 'approved';
  switch (majority) {
    case 'simple':
      return passed ? 'simple_passed' : tally.for === tally.against ? 'simple_tie' : 'simple_failed';
    case 'two_thirds':
      return passed ? 'two_thirds_passed' : 'two_thirds_failed';
    case 'unanimous':
      return passed ? 'unanimous_passed' : tally.against > 0 ? 'unanimous_against' : 'unanimous_no_for';
  }
}
