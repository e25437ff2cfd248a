import * as z from 'zod';
import { EmailSchema } from './auth.ts';
import { AreaIdSchema, EikSchema } from './common.ts';
import { KidCodeSchema } from './directory.ts';
import { OrganizationKindSchema } from './organization.ts';
import { FoundedYearSchema, MOTIVATION_MIN_LENGTH, PastDateSchema, substantialText } from './plausibility.ts';
import { ConflictOfInterestSchema, VotePanelSchema } from './voting.ts';

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
