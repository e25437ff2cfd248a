import * as z from 'zod';
import { AreaIdSchema } from './common.ts';
import { type OrganizationKind, OrganizationKindSchema } from './organization.ts';

/**
 * Explained partner suggestions (issue 14 §4, decision 035): the scoring rules in one place.
 *
 * `suggestPartners(self, candidates, options)` scores every candidate organisation against `self` with a
 * fixed list of rules. Each rule yields **reasons**: a kind, an integer weight and references to the data
 * it rests on (item ids and titles, area codes, organisation kinds), so the UI can word the reason in bg
 * and en (`suggestionReasonText`) and nothing is a black box. A suggestion's score is the sum of its
 * reasons' weights; the list is ordered by score (highest first), then by organisation id.
 *
 * Pure and synchronous: no I/O, no clock, no randomness. The database pre-filters the candidates and
 * feeds this function (decision 035, "What the database does"); the function itself is linear in the
 * candidates' items and areas, with the indexes over `self` built once per call.
 *
 * Adding a reason kind: add it to `SUGGESTION_REASON_KINDS`, give it a weight and a cap in
 * `SUGGESTION_WEIGHTS`, a schema in `SuggestionReasonSchema`, a rule in `RULES` and a sentence in
 * `suggestionReasonText` (the `switch` there fails to compile until it is worded).
 */

// ---------- reason kinds and weights ----------

export const SUGGESTION_REASON_KINDS = [
  'offer_answers_request',
  'same_funding_call',
  'complementary_kind',
  'shared_areas',
] as const;
export const SuggestionReasonKindSchema = z.enum(SUGGESTION_REASON_KINDS);
export type SuggestionReasonKind = z.infer<typeof SuggestionReasonKindSchema>;

/**
 * The weight of one unit of each reason kind, and how many units count per candidate (a candidate with
 * 40 matching items must not drown everyone else). All weights are multiples of 5 so that the dismissal
 * factor (in fifths) keeps them whole numbers.
 */
export const SUGGESTION_WEIGHTS: Readonly<
  Record<SuggestionReasonKind, { weight: number; maxCount: number }>
> = {
  /** Per pair of their offer and your request (or yours and theirs) of the same type in a shared area. */
  offer_answers_request: { weight: 40, maxCount: 3 },
  /** Per funding call both organisations are interested in (fed once the call feature exists). */
  same_funding_call: { weight: 30, maxCount: 3 },
  /** Once: a research body and a business that share an ISIS area. */
  complementary_kind: { weight: 20, maxCount: 1 },
  /** Per shared ISIS area of the two profiles; one reason listing the areas. */
  shared_areas: { weight: 10, maxCount: 3 },
};

/** Each dismissal that showed a reason kind lowers that kind's weight for the dismissing organisation by a fifth… */
export const DISMISSAL_STEP_FIFTHS = 1;
/** …down to two fifths of its weight at most (three or more such dismissals). */
export const DISMISSAL_FLOOR_FIFTHS = 2;

/** Suggestions returned when the caller does not say. */
export const SUGGESTIONS_LIMIT_DEFAULT = 20;
export const SUGGESTIONS_LIMIT_MAX = 100;

/** Research bodies and businesses: a pair of one of each in the same area is "complementary". */
export const SUGGESTION_RESEARCH_KINDS: readonly OrganizationKind[] = ['university', 'research_institute'];
export const SUGGESTION_BUSINESS_KINDS: readonly OrganizationKind[] = ['company', 'sole_trader'];

// ---------- input ----------

/** A text in bg and/or en (a board item's title, a call's title). */
export interface SuggestionText {
  bg: string | null;
  en: string | null;
}

/** An open (published, not expired) board item of an organisation, as the rules see it. */
export interface SuggestionItem {
  id: string;
  kind: 'offer' | 'request';
  /** The board item type (infrastructure, information, people, …): compared for equality only. */
  type: string;
  /** ISIS area codes of the item. */
  areas: readonly string[];
  title: SuggestionText;
}

/** A funding call the organisation marked interest in (the call feature comes later). */
export interface SuggestionFundingCall {
  id: string;
  title: SuggestionText;
}

/** An organisation as the rules see it: `self` or a candidate. */
export interface SuggestionInput {
  id: string;
  kind: OrganizationKind;
  /** ISIS area codes of the profile. */
  areas: readonly string[];
  /** An active member now (not an applicant, not suspended, withdrawn or excluded). */
  activeMember: boolean;
  /** Its open offers and requests. */
  items: readonly SuggestionItem[];
  /** Funding calls it is interested in; absent until the call feature exists. */
  fundingCalls?: readonly SuggestionFundingCall[];
}

/**
 * "Not relevant": `organizationId` dismissed the suggestion of `dismissedId`. `reasonKinds` are the kinds of
 * the reasons that suggestion showed when it was dismissed (stored with the dismissal); they are the signal.
 */
export interface SuggestionDismissal {
  organizationId: string;
  dismissedId: string;
  reasonKinds: readonly SuggestionReasonKind[];
}

export interface SuggestOptions {
  /** At most this many suggestions (default 20, at most 100). */
  limit?: number;
  /** Dismissals; only those made by `self` are read. */
  dismissals?: readonly SuggestionDismissal[];
}

// ---------- output (the API contract) ----------

const SuggestionTextSchema = z.object({ bg: z.string().nullable(), en: z.string().nullable() });
const ItemRefSchema = z.object({ id: z.string(), title: SuggestionTextSchema });
const WeightSchema = z.number().int().positive();

export const SuggestionReasonSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('offer_answers_request'),
    weight: WeightSchema,
    /** Whose offer answers whose request. */
    direction: z.enum(['their_offer_your_request', 'your_offer_their_request']),
    /** The board item type both items have. */
    itemType: z.string(),
    yourItem: ItemRefSchema,
    theirItem: ItemRefSchema,
    /** Areas both items have, sorted. */
    areas: z.array(AreaIdSchema).min(1),
  }),
  z.object({
    kind: z.literal('same_funding_call'),
    weight: WeightSchema,
    call: ItemRefSchema,
  }),
  z.object({
    kind: z.literal('complementary_kind'),
    weight: WeightSchema,
    yourKind: OrganizationKindSchema,
    theirKind: OrganizationKindSchema,
    /** Profile areas both have, sorted. */
    areas: z.array(AreaIdSchema).min(1),
  }),
  z.object({
    kind: z.literal('shared_areas'),
    weight: WeightSchema,
    /** Profile areas both have, sorted; at most `SUGGESTION_WEIGHTS.shared_areas.maxCount` count. */
    areas: z.array(AreaIdSchema).min(1),
  }),
]);
export type SuggestionReason = z.infer<typeof SuggestionReasonSchema>;

export const PartnerSuggestionSchema = z.object({
  organizationId: z.string(),
  /** The sum of the reasons' weights. */
  score: z.number().int().positive(),
  reasons: z.array(SuggestionReasonSchema).min(1),
});
export type PartnerSuggestion = z.infer<typeof PartnerSuggestionSchema>;

// ---------- weights after dismissals ----------

/**
 * The weight of one unit of each reason kind for `organizationId`, after its dismissals: each of its
 * dismissals that showed a kind takes a fifth off that kind, down to two fifths. Exported so the
 * database pre-filter can rank area-only candidates with the same numbers (decision 035).
 */
export function suggestionWeights(
  organizationId: string,
  dismissals: readonly SuggestionDismissal[] = [],
): Record<SuggestionReasonKind, number> {
  const seen = new Map<SuggestionReasonKind, number>();
  for (const d of dismissals) {
    if (d.organizationId !== organizationId) continue;
    for (const kind of new Set(d.reasonKinds)) seen.set(kind, (seen.get(kind) ?? 0) + 1);
  }
  const weights = {} as Record<SuggestionReasonKind, number>;
  for (const kind of SUGGESTION_REASON_KINDS) {
    const fifths = Math.max(DISMISSAL_FLOOR_FIFTHS, 5 - DISMISSAL_STEP_FIFTHS * (seen.get(kind) ?? 0));
    weights[kind] = (SUGGESTION_WEIGHTS[kind].weight * fifths) / 5;
  }
  return weights;
}

// ---------- the rules ----------

/** Indexes over `self`, built once per call. */
interface Context {
  self: SuggestionInput;
  weights: Record<SuggestionReasonKind, number>;
  selfAreas: ReadonlySet<string>;
  /** item type → area → self's offers and requests with that type and area (no string keys built per lookup). */
  selfItems: ReadonlyMap<string, ReadonlyMap<string, { offer: SuggestionItem[]; request: SuggestionItem[] }>>;
  selfCalls: ReadonlyMap<string, SuggestionFundingCall>;
  selfIsResearch: boolean;
  selfIsBusiness: boolean;
}

/** What is worked out once per candidate and read by several rules. */
interface Pair {
  candidate: SuggestionInput;
  /** Profile areas both have, sorted, without duplicates. */
  sharedAreas: string[];
}

type Rule = (ctx: Context, pair: Pair, out: SuggestionReason[]) => void;
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const ref = (item: { id: string; title: SuggestionText }) => ({
  id: item.id,
  title: { bg: item.title.bg, en: item.title.en },
});

/** Their offer answers your request, or yours theirs: same type and at least one shared item area. */
const offerAnswersRequest: Rule = (ctx, { candidate }, out) => {
  if (ctx.selfItems.size === 0 || candidate.items.length === 0) return;
  // Matching (your item, their item) pairs with the areas they share; a handful per candidate, so an array.
  let pairs: { yours: SuggestionItem; theirs: SuggestionItem; areas: string[] }[] | undefined;
  for (const theirs of candidate.items) {
    const byArea = ctx.selfItems.get(theirs.type);
    if (!byArea) continue;
    for (const area of theirs.areas) {
      const mine = byArea.get(area);
      if (!mine) continue;
      const matches = theirs.kind === 'offer' ? mine.request : mine.offer;
      for (const yours of matches) {
        pairs ??= [];
        const pair = pairs.find((p) => p.yours === yours && p.theirs === theirs);
        if (!pair) pairs.push({ yours, theirs, areas: [area] });
        else if (!pair.areas.includes(area)) pair.areas.push(area);
      }
    }
  }
  if (!pairs) return;
  // The strongest pairs count: most shared areas, then by your item id and their item id.
  const ranked =
    pairs.length === 1
      ? pairs
      : pairs.sort(
          (a, b) =>
            b.areas.length - a.areas.length ||
            byString(a.yours.id, b.yours.id) ||
            byString(a.theirs.id, b.theirs.id),
        );
  for (const pair of ranked.slice(0, SUGGESTION_WEIGHTS.offer_answers_request.maxCount)) {
    out.push({
      kind: 'offer_answers_request',
      weight: ctx.weights.offer_answers_request,
      direction: pair.theirs.kind === 'offer' ? 'their_offer_your_request' : 'your_offer_their_request',
      itemType: pair.theirs.type,
      yourItem: ref(pair.yours),
      theirItem: ref(pair.theirs),
      areas: pair.areas.length > 1 ? pair.areas.sort(byString) : pair.areas,
    });
  }
};

/** Both interested in the same funding call: one reason per call, sorted by call id. */
const sameFundingCall: Rule = (ctx, { candidate }, out) => {
  if (ctx.selfCalls.size === 0 || !candidate.fundingCalls) return;
  const shared = new Map<string, SuggestionFundingCall>();
  for (const call of candidate.fundingCalls) {
    const own = ctx.selfCalls.get(call.id);
    if (own) shared.set(call.id, own);
  }
  const calls = [...shared.values()]
    .sort((a, b) => byString(a.id, b.id))
    .slice(0, SUGGESTION_WEIGHTS.same_funding_call.maxCount);
  for (const call of calls)
    out.push({ kind: 'same_funding_call', weight: ctx.weights.same_funding_call, call: ref(call) });
};

function sharedProfileAreas(ctx: Context, candidate: SuggestionInput): string[] {
  const shared: string[] = [];
  for (const area of candidate.areas)
    if (ctx.selfAreas.has(area) && !shared.includes(area)) shared.push(area);
  return shared.length > 1 ? shared.sort(byString) : shared;
}

/** A research body and a business (either way round) that share a profile area. */
const complementaryKind: Rule = (ctx, { candidate, sharedAreas: areas }, out) => {
  if (areas.length === 0) return;
  const complementary =
    (ctx.selfIsResearch && SUGGESTION_BUSINESS_KINDS.includes(candidate.kind)) ||
    (ctx.selfIsBusiness && SUGGESTION_RESEARCH_KINDS.includes(candidate.kind));
  if (!complementary) return;
  out.push({
    kind: 'complementary_kind',
    weight: ctx.weights.complementary_kind,
    yourKind: ctx.self.kind,
    theirKind: candidate.kind,
    areas: [...areas],
  });
};

/** Shared profile areas: one reason, a unit of weight per area up to the cap. */
const sharedAreas: Rule = (ctx, { sharedAreas: areas }, out) => {
  if (areas.length === 0) return;
  const counted = Math.min(areas.length, SUGGESTION_WEIGHTS.shared_areas.maxCount);
  out.push({ kind: 'shared_areas', weight: ctx.weights.shared_areas * counted, areas });
};

/** The rules, in the order their reasons are listed within a suggestion. */
const RULES: readonly Rule[] = [offerAnswersRequest, sameFundingCall, complementaryKind, sharedAreas];

// ---------- ranking ----------

const better = (a: PartnerSuggestion, b: PartnerSuggestion) =>
  b.score - a.score || byString(a.organizationId, b.organizationId);

/**
 * Ranked partner suggestions for `self`: never `self`, never a candidate that is not an active member,
 * never one `self` dismissed, never one without a reason. Ordered by score (highest first), then by
 * organisation id; at most `options.limit`. An inactive `self` gets none. Candidate ids must be unique.
 */
export function suggestPartners(
  self: SuggestionInput,
  candidates: Iterable<SuggestionInput>,
  options: SuggestOptions = {},
): PartnerSuggestion[] {
  const limit = Math.min(options.limit ?? SUGGESTIONS_LIMIT_DEFAULT, SUGGESTIONS_LIMIT_MAX);
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a whole number: ${limit}`);
  if (!self.activeMember || limit === 0) return [];

  const dismissals = options.dismissals ?? [];
  const dismissed = new Set<string>();
  for (const d of dismissals) if (d.organizationId === self.id) dismissed.add(d.dismissedId);

  const selfItems = new Map<string, Map<string, { offer: SuggestionItem[]; request: SuggestionItem[] }>>();
  for (const item of self.items) {
    let byArea = selfItems.get(item.type);
    if (!byArea) {
      byArea = new Map();
      selfItems.set(item.type, byArea);
    }
    for (const area of new Set(item.areas)) {
      let lists = byArea.get(area);
      if (!lists) {
        lists = { offer: [], request: [] };
        byArea.set(area, lists);
      }
      lists[item.kind].push(item);
    }
  }
  const ctx: Context = {
    self,
    weights: suggestionWeights(self.id, dismissals),
    selfAreas: new Set(self.areas),
    selfItems,
    selfCalls: new Map((self.fundingCalls ?? []).map((c) => [c.id, c])),
    selfIsResearch: SUGGESTION_RESEARCH_KINDS.includes(self.kind),
    selfIsBusiness: SUGGESTION_BUSINESS_KINDS.includes(self.kind),
  };

  const seen = new Set<string>();
  let kept: PartnerSuggestion[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.id)) throw new RangeError(`candidate listed twice: ${candidate.id}`);
    seen.add(candidate.id);
    if (candidate.id === self.id || !candidate.activeMember || dismissed.has(candidate.id)) continue;
    const pair: Pair = { candidate, sharedAreas: sharedProfileAreas(ctx, candidate) };
    const reasons: SuggestionReason[] = [];
    for (const rule of RULES) rule(ctx, pair, reasons);
    if (reasons.length === 0) continue;
    let score = 0;
    for (const reason of reasons) score += reason.weight;
    kept.push({ organizationId: candidate.id, score, reasons });
    // Keep memory and the final sort bounded: trim to the best `limit` whenever the list doubles.
    if (kept.length >= 2 * limit + 64) kept = kept.sort(better).slice(0, limit);
  }
  return kept.sort(better).slice(0, limit);
}

// ---------- wording ----------

/** Names the UI already has (from the area list); an unknown code is shown as itself. */
export interface SuggestionNames {
  area: (code: string) => { bg: string; en: string } | undefined;
}

const KIND_WORDS: Partial<Record<OrganizationKind, { bg: string; en: string }>> = {
  university: { bg: 'университет', en: 'a university' },
  research_institute: { bg: 'научен институт', en: 'a research institute' },
  company: { bg: 'търговско дружество', en: 'a company' },
  sole_trader: { bg: 'едноличен търговец', en: 'a sole trader' },
};

function listWords(words: string[], and: string): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}`;
}

/** A title in the wanted language, else the other one. */
function titleIn(text: SuggestionText, language: 'bg' | 'en'): string {
  return (language === 'bg' ? (text.bg ?? text.en) : (text.en ?? text.bg)) ?? '';
}

/**
 * One reason as a sentence in bg and en, for the person of the organisation the suggestion is for
 * ("your" is that organisation, "their" the suggested one). Titles in Bulgarian quotes „…“ and English
 * quotes “…”.
 */
export function suggestionReasonText(
  reason: SuggestionReason,
  names: SuggestionNames,
): { bg: string; en: string } {
  const areas = (codes: string[]) => ({
    bg: listWords(
      codes.map((c) => names.area(c)?.bg ?? c),
      'и',
    ),
    en: listWords(
      codes.map((c) => names.area(c)?.en ?? c),
      'and',
    ),
  });
  switch (reason.kind) {
    case 'offer_answers_request': {
      const a = areas(reason.areas);
      const many = reason.areas.length > 1;
      const yours = { bg: titleIn(reason.yourItem.title, 'bg'), en: titleIn(reason.yourItem.title, 'en') };
      const theirs = { bg: titleIn(reason.theirItem.title, 'bg'), en: titleIn(reason.theirItem.title, 'en') };
      const areaBg = `${many ? 'общи области' : 'обща област'}: ${a.bg}`;
      const areaEn = `${many ? 'shared areas' : 'shared area'}: ${a.en}`;
      return reason.direction === 'their_offer_your_request'
        ? {
            bg: `Тяхното предложение „${theirs.bg}“ отговаря на вашето търсене „${yours.bg}“ (${areaBg})`,
            en: `Their offer “${theirs.en}” answers your request “${yours.en}” (${areaEn})`,
          }
        : {
            bg: `Вашето предложение „${yours.bg}“ отговаря на тяхното търсене „${theirs.bg}“ (${areaBg})`,
            en: `Your offer “${yours.en}” answers their request “${theirs.en}” (${areaEn})`,
          };
    }
    case 'same_funding_call':
      return {
        bg: `И двете организации се интересуват от процедурата „${titleIn(reason.call.title, 'bg')}“`,
        en: `Both organisations are interested in the funding call “${titleIn(reason.call.title, 'en')}”`,
      };
    case 'complementary_kind': {
      const a = areas(reason.areas);
      const yours = KIND_WORDS[reason.yourKind] ?? { bg: reason.yourKind, en: reason.yourKind };
      const theirs = KIND_WORDS[reason.theirKind] ?? { bg: reason.theirKind, en: reason.theirKind };
      return {
        bg: `Допълващи се партньори: ${yours.bg} и ${theirs.bg} в една и съща област (${a.bg})`,
        en: `Complementary partners: ${yours.en} and ${theirs.en} in the same area (${a.en})`,
      };
    }
    case 'shared_areas': {
      const a = areas(reason.areas);
      return reason.areas.length > 1
        ? { bg: `Общи области: ${a.bg}`, en: `Shared areas: ${a.en}` }
        : { bg: `Обща област: ${a.bg}`, en: `Shared area: ${a.en}` };
    }
  }
}

// ---------- the API (GET /api/account/organizations/:id/suggestions and its dismissals) ----------

/** The organisation a suggestion or a dismissal names, as the page shows it. */
export const SuggestedOrganizationSchema = z.object({
  id: z.uuid(),
  nameBg: z.string(),
  nameEn: z.string(),
  kind: OrganizationKindSchema,
});
export type SuggestedOrganization = z.infer<typeof SuggestedOrganizationSchema>;

export const SuggestionsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(SUGGESTIONS_LIMIT_MAX).default(SUGGESTIONS_LIMIT_DEFAULT),
});
export type SuggestionsQuery = z.infer<typeof SuggestionsQuerySchema>;

export const SuggestionDismissedSchema = z.object({
  organization: SuggestedOrganizationSchema,
  reasonKinds: z.array(SuggestionReasonKindSchema),
  dismissedAt: z.string(),
});
export type SuggestionDismissed = z.infer<typeof SuggestionDismissedSchema>;

export const SuggestionsResponseSchema = z.object({
  organizationId: z.uuid(),
  /** False: the organisation is not an active member now, so it gets no suggestions. */
  activeMember: z.boolean(),
  suggestions: z.array(PartnerSuggestionSchema.extend({ organization: SuggestedOrganizationSchema })),
  /** Its "not relevant" dismissals, newest first, for undoing them. */
  dismissed: z.array(SuggestionDismissedSchema),
  /** The weight of one unit of each reason kind for this organisation after its dismissals. */
  weights: z.record(SuggestionReasonKindSchema, z.number()),
});
export type SuggestionsResponse = z.infer<typeof SuggestionsResponseSchema>;
export type SuggestionView = SuggestionsResponse['suggestions'][number];

export const SuggestionDismissBodySchema = z.object({ organizationId: z.uuid() });
export type SuggestionDismissBody = z.infer<typeof SuggestionDismissBodySchema>;

export const SuggestionDismissalParamsSchema = z.object({ id: z.uuid(), dismissedId: z.uuid() });
