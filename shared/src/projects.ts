import * as z from 'zod';
import { ORGANIZATION_KINDS } from './organization.ts';

/**
 * Joint projects and consortia (issue 16 §4, decision 050): a project idea of a lead member organisation,
 * usually for a funding call, with partners (cluster members or named external partners), a budget in euro
 * cents split between the partners, a checklist of the call's documents, tasks, and requests to join and
 * invitations. Only the partners' representatives (of organisations that are active members now) see and
 * work on a project; the committee reads every project; members see forming projects' title, call and lead.
 */

export const PROJECT_STATUSES = [
  'idea',
  'forming',
  'submitted',
  'funded',
  'not_funded',
  'withdrawn',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** The moves the lead may make; the last three are final. */
export const PROJECT_TRANSITIONS: Record<ProjectStatus, readonly ProjectStatus[]> = {
  idea: ['forming', 'withdrawn'],
  forming: ['idea', 'submitted', 'withdrawn'],
  submitted: ['funded', 'not_funded', 'withdrawn'],
  funded: [],
  not_funded: [],
  withdrawn: [],
};
/** Funded, not funded or withdrawn: a project that moves no further takes no new partners. */
export const isProjectClosed = (status: ProjectStatus) => PROJECT_TRANSITIONS[status].length === 0;
export const canMoveProject = (from: ProjectStatus, to: ProjectStatus) =>
  from === to || PROJECT_TRANSITIONS[from].includes(to);

export const PROJECT_JOIN_KINDS = ['request', 'invitation'] as const;
export type ProjectJoinKind = (typeof PROJECT_JOIN_KINDS)[number];
export const PROJECT_JOIN_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type ProjectJoinStatus = (typeof PROJECT_JOIN_STATUSES)[number];

export const PROJECT_TITLE_MAX = 300;
export const PROJECT_SUMMARY_MAX = 4000;
export const PROJECT_ROLE_MAX = 500;
export const PROJECT_TASK_TITLE_MAX = 300;
export const PROJECT_MESSAGE_MAX = 2000;
export const PROJECT_PARTNERS_MAX = 50;
/** A budget up to €1 billion, in cents (well within JavaScript's safe integers). */
export const PROJECT_BUDGET_MAX_CENTS = 100_000_000_000;
/** Largest PDF a checklist item takes. */
export const PROJECT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

const text = (max: number) => z.string().trim().min(1).max(max);
const longText = (max: number) => z.string().trim().max(max);
const cents = z.number().int().min(0).max(PROJECT_BUDGET_MAX_CENTS);

export const ProjectCreateBodySchema = z.object({
  /** The lead: an organisation the representative represents, an active member now. */
  leadOrganizationId: z.uuid(),
  titleBg: text(PROJECT_TITLE_MAX),
  titleEn: text(PROJECT_TITLE_MAX),
  summaryBg: longText(PROJECT_SUMMARY_MAX).default(''),
  summaryEn: longText(PROJECT_SUMMARY_MAX).default(''),
  callId: z.uuid().nullable().default(null),
});
export type ProjectCreateBody = z.infer<typeof ProjectCreateBodySchema>;

export const ProjectUpdateBodySchema = ProjectCreateBodySchema.omit({ leadOrganizationId: true }).extend({
  status: z.enum(PROJECT_STATUSES),
  version: z.number().int().min(1),
});
export type ProjectUpdateBody = z.infer<typeof ProjectUpdateBodySchema>;

export const ProjectPartnerSchema = z.object({
  id: z.uuid(),
  /** A cluster member, or null for a named external partner. */
  organizationId: z.uuid().nullable(),
  name: z.string(),
  nameEn: z.string(),
  /** ISO 3166 two-letter code (BG for cluster members). */
  country: z.string(),
  kind: z.string().nullable(),
  role: z.string(),
  shareCents: z.number().int(),
  isLead: z.boolean(),
});
export type ProjectPartner = z.infer<typeof ProjectPartnerSchema>;

export const ProjectTaskSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  ownerPartnerId: z.uuid().nullable(),
  dueOn: z.iso.date().nullable(),
  done: z.boolean(),
  version: z.number().int(),
});
export type ProjectTask = z.infer<typeof ProjectTaskSchema>;

export const ProjectChecklistItemSchema = z.object({
  callDocumentId: z.uuid(),
  nameBg: z.string(),
  nameEn: z.string(),
  perPartner: z.boolean(),
  /** Uploads: one for the project, or one per partner where `perPartner`. */
  uploads: z.array(
    z.object({
      id: z.uuid(),
      partnerId: z.uuid().nullable(),
      filename: z.string(),
      size: z.number().int(),
      uploadedAt: z.iso.datetime({ offset: true }),
    }),
  ),
});
export type ProjectChecklistItem = z.infer<typeof ProjectChecklistItemSchema>;

export const ProjectJoinSchema = z.object({
  id: z.uuid(),
  kind: z.enum(PROJECT_JOIN_KINDS),
  organizationId: z.uuid(),
  organizationName: z.string(),
  organizationNameEn: z.string(),
  message: z.string(),
  status: z.enum(PROJECT_JOIN_STATUSES),
  createdAt: z.iso.datetime({ offset: true }),
});
export type ProjectJoin = z.infer<typeof ProjectJoinSchema>;

export const ProjectSchema = z.object({
  id: z.uuid(),
  titleBg: z.string(),
  titleEn: z.string(),
  summaryBg: z.string(),
  summaryEn: z.string(),
  callId: z.uuid().nullable(),
  callCode: z.string().nullable(),
  callTitleBg: z.string().nullable(),
  callTitleEn: z.string().nullable(),
  leadOrganizationId: z.uuid(),
  status: z.enum(PROJECT_STATUSES),
  totalCents: z.number().int(),
  version: z.number().int(),
  partners: z.array(ProjectPartnerSchema),
  tasks: z.array(ProjectTaskSchema),
  checklist: z.array(ProjectChecklistItemSchema),
  /** Requests and invitations (pending first); the partners see them. */
  joins: z.array(ProjectJoinSchema),
  /** What the asking user may do: work on it (a partner's representative), lead it, or only read it. */
  access: z.enum(['lead', 'partner', 'read']),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Project = z.infer<typeof ProjectSchema>;

export const ProjectListItemSchema = z.object({
  id: z.uuid(),
  titleBg: z.string(),
  titleEn: z.string(),
  callId: z.uuid().nullable(),
  callCode: z.string().nullable(),
  leadOrganizationId: z.uuid(),
  leadName: z.string(),
  leadNameEn: z.string(),
  status: z.enum(PROJECT_STATUSES),
  /** Whether one of the asking user's organisations is a partner (false: a forming project to ask to join). */
  mine: z.boolean(),
});
export type ProjectListItem = z.infer<typeof ProjectListItemSchema>;
export const ProjectListResponseSchema = z.object({ items: z.array(ProjectListItemSchema) });
export type ProjectListResponse = z.infer<typeof ProjectListResponseSchema>;

export const ProjectListQuerySchema = z.object({
  /** mine: my organisations' projects; forming: others' forming projects to ask to join; all: the committee. */
  scope: z.enum(['mine', 'forming', 'all']).default('mine'),
});

export const ProjectExternalPartnerBodySchema = z.object({
  name: text(300),
  nameEn: longText(300).default(''),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/),
  kind: z.enum(ORGANIZATION_KINDS),
  role: longText(PROJECT_ROLE_MAX).default(''),
});
export type ProjectExternalPartnerBody = z.infer<typeof ProjectExternalPartnerBodySchema>;

export const ProjectPartnerRoleBodySchema = z.object({ role: longText(PROJECT_ROLE_MAX) });

export const ProjectInvitationBodySchema = z.object({
  organizationId: z.uuid(),
  message: longText(PROJECT_MESSAGE_MAX).default(''),
});
export const ProjectJoinRequestBodySchema = z.object({
  organizationId: z.uuid(),
  message: longText(PROJECT_MESSAGE_MAX).default(''),
});
export const ProjectJoinAnswerBodySchema = z.object({ accept: z.boolean() });

/** The whole budget, replacing the stored lines (If-Match: the project's version). */
export const ProjectBudgetBodySchema = z.object({
  totalCents: cents,
  lines: z.array(z.object({ partnerId: z.uuid(), shareCents: z.number().int() })).max(PROJECT_PARTNERS_MAX),
});
export type ProjectBudgetBody = z.infer<typeof ProjectBudgetBodySchema>;

export interface BudgetFieldProblem {
  path: string;
  code:
    | 'project.share_negative'
    | 'project.shares_sum'
    | 'project.partner_unknown'
    | 'project.share_too_large';
  values?: Record<string, string | number>;
}

/**
 * The budget's rules, for the form (live) and the server alike: every share ≥ 0, and the shares sum exactly
 * to the total, to the cent. `partnerIds` are the project's partners; a line for any other is refused.
 */
export function budgetProblems(body: ProjectBudgetBody, partnerIds: readonly string[]): BudgetFieldProblem[] {
  const problems: BudgetFieldProblem[] = [];
  let sum = 0;
  body.lines.forEach((line, i) => {
    if (!partnerIds.includes(line.partnerId)) {
      problems.push({ path: `lines.${i}.partnerId`, code: 'project.partner_unknown' });
    }
    if (line.shareCents < 0) problems.push({ path: `lines.${i}.shareCents`, code: 'project.share_negative' });
    else if (line.shareCents > PROJECT_BUDGET_MAX_CENTS) {
      problems.push({ path: `lines.${i}.shareCents`, code: 'project.share_too_large' });
    }
    sum += line.shareCents;
  });
  if (problems.length === 0 && sum !== body.totalCents) {
    problems.push({
      path: 'totalCents',
      code: 'project.shares_sum',
      values: { sum: formatEuroCents(sum), total: formatEuroCents(body.totalCents) },
    });
  }
  return problems;
}

/** 123456 → "1234.56" (the API's and the sheets' plain form; the web formats for the reader). */
export function formatEuroCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1 234,56" / "1234.56" / "1234" → cents, or null when it is not an amount with at most two decimals. */
export function parseEuroCents(input: string): number | null {
  const s = input.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.replace('-', '').split('.');
  const value = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return s.startsWith('-') ? -value : value;
}

export const ProjectTaskBodySchema = z.object({
  title: text(PROJECT_TASK_TITLE_MAX),
  ownerPartnerId: z.uuid().nullable().default(null),
  dueOn: z.iso.date().nullable().default(null),
  done: z.boolean().default(false),
});
export type ProjectTaskBody = z.infer<typeof ProjectTaskBodySchema>;

export const ProjectPartnerParamsSchema = z.object({ id: z.uuid(), partnerId: z.uuid() });
export const ProjectTaskParamsSchema = z.object({ id: z.uuid(), taskId: z.uuid() });
export const ProjectJoinParamsSchema = z.object({ id: z.uuid(), joinId: z.uuid() });
export const ProjectDocumentParamsSchema = z.object({ id: z.uuid(), documentId: z.uuid() });
export const ProjectUploadQuerySchema = z.object({
  callDocumentId: z.uuid(),
  partnerId: z.uuid().optional(),
  filename: z.string().trim().min(1).max(200).default('document.pdf'),
});
