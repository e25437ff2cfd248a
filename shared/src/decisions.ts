import * as z from 'zod';
import type { Language } from './i18n.ts';
import type { MembershipProposal } from './membership-admin.ts';
import { type MembershipAction, MembershipActionSchema } from './memberships.ts';
import type { MembershipCategory } from './organization.ts';
import type { Tally } from './voting.ts';

/** The register of numbered decisions: admissions (an application's vote) and membership changes. */

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
  /** The body that decided (a meeting's body, decision 043); the committee by default. */
  body?: { bg: string; en: string },
): { textBg: string; textEn: string } {
  const verdictBg = outcome === 'approved' ? 'приема за член' : 'не приема за член';
  const verdictEn = outcome === 'approved' ? 'admits as a member' : 'does not admit as a member';
  const tallyText = `${tally.for}/${tally.against}/${tally.abstain}`;
  const { nameBg, nameEn, eik } = organization;
  return {
    textBg: `${body ? body.bg : 'Комитетът'} ${verdictBg} на клъстера ${nameBg} (ЕИК ${eik}) с гласове за/против/въздържали се ${tallyText}.`,
    textEn: `${body ? body.en : 'The committee'} ${verdictEn} of the cluster ${nameEn} (EIK ${eik}) by ${tallyText} votes for/against/abstaining.`,
  };
}

/** The membership changes as a decision's text names them. */
export const MEMBERSHIP_ACTION_LABELS: Record<MembershipAction, Record<Language, string>> = {
  change_category: { bg: 'промяна на категорията', en: 'change of category' },
  suspend: { bg: 'спиране на членството', en: 'suspension' },
  reinstate: { bg: 'възстановяване на членството', en: 'reinstatement' },
  withdraw: { bg: 'напускане по желание на члена', en: 'withdrawal at the member’s request' },
  exclude: { bg: 'изключване', en: 'exclusion' },
};

/** The membership categories as a decision's text names them. */
export const MEMBERSHIP_CATEGORY_LABELS: Record<MembershipCategory, Record<Language, string>> = {
  candidate: { bg: 'кандидат-член', en: 'candidate member' },
  regular: { bg: 'редовен член', en: 'regular member' },
  associated: { bg: 'асоцииран член', en: 'associated member' },
  engaged: { bg: 'ангажиран член', en: 'engaged member' },
};

/**
 * The register text of the decision a membership vote ends in (issue 11 B1), in both languages: what the
 * server writes when the vote closes with a result, so a seed or the web can word one the same way.
 */
export function membershipDecisionText(
  outcome: 'approved' | 'rejected',
  proposal: Pick<MembershipProposal, 'action' | 'category' | 'effectiveOn'>,
  organization: { nameBg: string; nameEn: string; eik: string },
  tally: Pick<Tally, 'for' | 'against' | 'abstain'>,
  /** The body that decided (a meeting's body, decision 046); the committee by default. */
  body?: { bg: string; en: string },
): { textBg: string; textEn: string } {
  const byBg = body ? body.bg : 'Комитетът';
  const byEn = body ? body.en : 'The committee';
  const { nameBg, nameEn, eik } = organization;
  const category = proposal.category ? MEMBERSHIP_CATEGORY_LABELS[proposal.category] : null;
  const act = actionText(proposal.action, category, {
    bg: `${nameBg} (ЕИК ${eik})`,
    en: `${nameEn} (EIK ${eik})`,
  });
  const tallyText = `${tally.for}/${tally.against}/${tally.abstain}`;
  const from = proposal.effectiveOn;
  return outcome === 'approved'
    ? {
        textBg: `${byBg} реши: ${act.bg} от ${from}, с гласове за/против/въздържали се ${tallyText}.`,
        textEn: `${byEn} decided: ${act.en} from ${from}, by ${tallyText} votes for/against/abstaining.`,
      }
    : {
        textBg: `${byBg} не прие предложението за ${act.bg}; гласове за/против/въздържали се ${tallyText}.`,
        textEn: `${byEn} did not adopt the proposed ${act.en}; ${tallyText} votes for/against/abstaining.`,
      };
}

/** A membership action on an organisation, in words that read whole in both languages. */
function actionText(
  action: MembershipProposal['action'],
  category: Record<Language, string> | null,
  who: Record<Language, string>,
): Record<Language, string> {
  switch (action) {
    case 'change_category':
      return {
        bg: `промяна на категорията${category ? ` (${category.bg})` : ''} на членството на ${who.bg}`,
        en: `change of category${category ? ` (${category.en})` : ''} of the membership of ${who.en}`,
      };
    case 'suspend':
      return { bg: `спиране на членството на ${who.bg}`, en: `suspension of the membership of ${who.en}` };
    case 'reinstate':
      return {
        bg: `възстановяване на членството на ${who.bg}`,
        en: `reinstatement of the membership of ${who.en}`,
      };
    case 'withdraw':
      return {
        bg: `прекратяване на членството на ${who.bg} по негово желание`,
        en: `withdrawal of ${who.en} from the cluster at its own request`,
      };
    case 'exclude':
      return { bg: `изключване на ${who.bg} от клъстера`, en: `exclusion of ${who.en} from the cluster` };
  }
}

/** What the register's decisions are about (meetings: issue 15 §2, decision 041). */
export const DECISION_SUBJECTS = ['admission', 'membership', 'meeting'] as const;
export type DecisionSubject = (typeof DECISION_SUBJECTS)[number];

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
  /** An admission (an application's vote), a change of an existing membership, or a meeting's decision. */
  subject: z.enum(DECISION_SUBJECTS),
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
  /** Taken at a meeting of a body (decision 043): the meeting's title and start, for members. */
  meeting: z
    .object({
      id: z.uuid(),
      titleBg: z.string(),
      titleEn: z.string(),
      startsAt: z.iso.datetime({ offset: true }),
    })
    .nullable(),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const DecisionListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  outcome: z.enum(['approved', 'rejected']).optional(),
  subject: z.enum(DECISION_SUBJECTS).optional(),
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
