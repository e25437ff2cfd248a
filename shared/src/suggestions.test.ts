/**
 * Issue 14 §4 (decision 035): explained partner suggestions. Examples first, then properties checked
 * with fast-check over small pools of ids, areas and item types, so that matches are frequent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORGANIZATION_KINDS } from './organization.ts';
import {
  PartnerSuggestionSchema,
  SUGGESTION_REASON_KINDS,
  SUGGESTION_WEIGHTS,
  type SuggestionDismissal,
  type SuggestionInput,
  type SuggestionItem,
  type SuggestionReason,
  suggestionReasonText,
  suggestionWeights,
  suggestPartners,
} from './suggestions.ts';

const item = (
  id: string,
  kind: 'offer' | 'request',
  type: string,
  areas: string[],
  title = `title ${id}`,
): SuggestionItem => ({ id, kind, type, areas, title: { bg: `${title} bg`, en: `${title} en` } });

const org = (id: string, over: Partial<SuggestionInput> = {}): SuggestionInput => ({
  id,
  kind: 'company',
  areas: [],
  activeMember: true,
  items: [],
  ...over,
});

const names = {
  area: (code: string) =>
    ({ ict: { bg: 'ИКТ', en: 'ICT' }, creative: { bg: 'Творчески индустрии', en: 'Creative industries' } })[
      code
    ],
};

describe('partner suggestions, by example', () => {
  const studio = org('studio', {
    kind: 'company',
    areas: ['creative'],
    items: [item('need-mocap', 'request', 'infrastructure', ['creative'], 'Motion-capture stage')],
  });

  it('suggests an organisation whose offer answers our request, with the items and the shared area named', () => {
    const university = org('uni', {
      kind: 'university',
      areas: ['creative', 'ict'],
      items: [item('mocap', 'offer', 'infrastructure', ['creative', 'ict'], 'Our mocap lab')],
    });
    const [first, ...rest] = suggestPartners(studio, [university]);
    expect(rest).toEqual([]);
    expect(first).toEqual({
      organizationId: 'uni',
      score: 40 + 20 + 10,
      reasons: [
        {
          kind: 'offer_answers_request',
          weight: 40,
          direction: 'their_offer_your_request',
          itemType: 'infrastructure',
          yourItem: {
            id: 'need-mocap',
            title: { bg: 'Motion-capture stage bg', en: 'Motion-capture stage en' },
          },
          theirItem: { id: 'mocap', title: { bg: 'Our mocap lab bg', en: 'Our mocap lab en' } },
          areas: ['creative'],
        },
        {
          kind: 'complementary_kind',
          weight: 20,
          yourKind: 'company',
          theirKind: 'university',
          areas: ['creative'],
        },
        { kind: 'shared_areas', weight: 10, areas: ['creative'] },
      ],
    });
    expect(PartnerSuggestionSchema.parse(first)).toEqual(first);
  });

  it('does not match an offer of another type or in another area', () => {
    const other = org('other', {
      items: [
        item('a', 'offer', 'people', ['creative']),
        item('b', 'offer', 'infrastructure', ['ict']),
        item('c', 'request', 'infrastructure', ['creative']),
      ],
    });
    expect(suggestPartners(studio, [other])).toEqual([]);
  });

  it('matches our offer to their request too', () => {
    const self = org('self', { items: [item('gpu', 'offer', 'infrastructure', ['ict'])] });
    const them = org('them', { items: [item('need-gpu', 'request', 'infrastructure', ['ict'])] });
    const [s] = suggestPartners(self, [them]);
    expect(s?.reasons[0]).toMatchObject({ direction: 'your_offer_their_request', areas: ['ict'] });
  });

  it('counts at most three matching pairs, the ones with the most shared areas first', () => {
    const self = org('self', {
      items: [
        item('r1', 'request', 'services', ['ict', 'creative']),
        item('r2', 'request', 'services', ['ict']),
      ],
    });
    const them = org('them', {
      items: [item('o1', 'offer', 'services', ['ict']), item('o2', 'offer', 'services', ['ict', 'creative'])],
    });
    const [s] = suggestPartners(self, [them]);
    const pairs = s?.reasons.map((r) =>
      r.kind === 'offer_answers_request' ? `${r.yourItem.id}-${r.theirItem.id}` : '',
    );
    expect(pairs).toEqual(['r1-o2', 'r1-o1', 'r2-o1']);
    expect(s?.score).toBe(3 * 40);
  });

  it('gives shared areas a unit each, up to three', () => {
    const areas = ['a1', 'a2', 'a3', 'a4'];
    const [s] = suggestPartners(org('self', { areas }), [org('them', { areas })]);
    expect(s?.reasons).toEqual([{ kind: 'shared_areas', weight: 30, areas }]);
  });

  it('ranks by score, then by organisation id', () => {
    const self = org('self', { areas: ['ict', 'creative'] });
    const result = suggestPartners(self, [
      org('c', { areas: ['ict'] }),
      org('b', { areas: ['ict', 'creative'] }),
      org('a', { areas: ['creative'] }),
    ]);
    expect(result.map((s) => s.organizationId)).toEqual(['b', 'a', 'c']);
  });

  it('leaves out ourselves, non-members, dismissed organisations and organisations without a reason', () => {
    const self = org('self', { areas: ['ict'] });
    const result = suggestPartners(
      self,
      [
        org('self', { areas: ['ict'] }),
        org('suspended', { areas: ['ict'], activeMember: false }),
        org('dismissed', { areas: ['ict'] }),
        org('unrelated', { areas: ['creative'] }),
        org('kept', { areas: ['ict'] }),
      ],
      { dismissals: [{ organizationId: 'self', dismissedId: 'dismissed', reasonKinds: ['shared_areas'] }] },
    );
    expect(result.map((s) => s.organizationId)).toEqual(['kept']);
  });

  it('gives an organisation that is not an active member no suggestions', () => {
    expect(
      suggestPartners(org('self', { areas: ['ict'], activeMember: false }), [org('x', { areas: ['ict'] })]),
    ).toEqual([]);
  });

  it('lowers a reason kind by a fifth per dismissal that showed it, down to two fifths', () => {
    const dismiss = (n: number): SuggestionDismissal[] =>
      Array.from({ length: n }, (_, i) => ({
        organizationId: 'self',
        dismissedId: `d${i}`,
        reasonKinds: ['shared_areas', 'shared_areas'],
      }));
    expect([0, 1, 2, 3, 4].map((n) => suggestionWeights('self', dismiss(n)).shared_areas)).toEqual([
      10, 8, 6, 4, 4,
    ]);
    expect(suggestionWeights('self', dismiss(2)).offer_answers_request).toBe(40);
    expect(suggestionWeights('other', dismiss(2)).shared_areas).toBe(10);
    const [s] = suggestPartners(org('self', { areas: ['ict'] }), [org('x', { areas: ['ict'] })], {
      dismissals: dismiss(1),
    });
    expect(s?.score).toBe(8);
  });

  it('suggests organisations interested in the same funding call', () => {
    const call = { id: 'horizon-1', title: { bg: 'Хоризонт', en: null } };
    const [s] = suggestPartners(org('self', { fundingCalls: [call] }), [
      org('x', { fundingCalls: [{ id: 'horizon-1', title: { bg: 'другo', en: 'other' } }] }),
    ]);
    expect(s?.reasons).toEqual([{ kind: 'same_funding_call', weight: 30, call }]);
  });

  it('returns at most the limit, and refuses a candidate listed twice', () => {
    const self = org('self', { areas: ['ict'] });
    const many = Array.from({ length: 500 }, (_, i) =>
      org(`o${String(i).padStart(3, '0')}`, { areas: ['ict'] }),
    );
    expect(suggestPartners(self, many, { limit: 5 }).map((s) => s.organizationId)).toEqual([
      'o000',
      'o001',
      'o002',
      'o003',
      'o004',
    ]);
    expect(suggestPartners(self, many).length).toBe(20);
    expect(() => suggestPartners(self, [org('x'), org('x')])).toThrow(RangeError);
  });
});

describe('the wording of reasons', () => {
  const base = {
    kind: 'offer_answers_request',
    weight: 40,
    itemType: 'infrastructure',
    yourItem: { id: 'r', title: { bg: 'Търсим сцена', en: null } },
    theirItem: { id: 'o', title: { bg: null, en: 'Mocap stage' } },
    areas: ['ict'],
  } satisfies Omit<Extract<SuggestionReason, { kind: 'offer_answers_request' }>, 'direction'>;

  it('names both items and the shared area, in the direction of the match', () => {
    expect(suggestionReasonText({ ...base, direction: 'their_offer_your_request' }, names)).toEqual({
      bg: 'Тяхното предложение „Mocap stage“ отговаря на вашето търсене „Търсим сцена“ (обща област: ИКТ)',
      en: 'Their offer “Mocap stage” answers your request “Търсим сцена” (shared area: ICT)',
    });
    expect(
      suggestionReasonText(
        { ...base, direction: 'your_offer_their_request', areas: ['ict', 'creative'] },
        names,
      ),
    ).toEqual({
      bg: 'Вашето предложение „Търсим сцена“ отговаря на тяхното търсене „Mocap stage“ (общи области: ИКТ и Творчески индустрии)',
      en: 'Your offer “Търсим сцена” answers their request “Mocap stage” (shared areas: ICT and Creative industries)',
    });
  });

  it('words the complementary kinds, shared areas and funding calls, showing an unknown area code as itself', () => {
    expect(
      suggestionReasonText(
        {
          kind: 'complementary_kind',
          weight: 20,
          yourKind: 'company',
          theirKind: 'university',
          areas: ['ict'],
        },
        names,
      ),
    ).toEqual({
      bg: 'Допълващи се партньори: търговско дружество и университет в една и съща област (ИКТ)',
      en: 'Complementary partners: a company and a university in the same area (ICT)',
    });
    expect(
      suggestionReasonText({ kind: 'shared_areas', weight: 30, areas: ['ict', 'creative', 'x-y'] }, names),
    ).toEqual({
      bg: 'Общи области: ИКТ, Творчески индустрии и x-y',
      en: 'Shared areas: ICT, Creative industries and x-y',
    });
    expect(
      suggestionReasonText(
        { kind: 'same_funding_call', weight: 30, call: { id: 'c', title: { bg: 'Хоризонт', en: null } } },
        names,
      ),
    ).toEqual({
      bg: 'И двете организации се интересуват от процедурата „Хоризонт“',
      en: 'Both organisations are interested in the funding call “Хоризонт”',
    });
  });
});

// ---------- properties ----------

const ids = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8'];
const areaCodes = ['ict', 'creative', 'health', 'energy'];
const types = ['infrastructure', 'people', 'services'];

const itemArb = (owner: string) =>
  fc
    .record({
      n: fc.integer({ min: 0, max: 5 }),
      kind: fc.constantFrom('offer' as const, 'request' as const),
      type: fc.constantFrom(...types),
      areas: fc.subarray(areaCodes),
    })
    .map(({ n, kind, type, areas }) => item(`${owner}-i${n}`, kind, type, areas));

const orgArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    kind: fc.constantFrom(...ORGANIZATION_KINDS),
    areas: fc.subarray(areaCodes),
    activeMember: fc.integer({ min: 0, max: 6 }).map((n) => n > 0),
    items: fc.uniqueArray(itemArb(id), { maxLength: 5, selector: (i) => i.id }),
    fundingCalls: fc
      .subarray(['c1', 'c2', 'c3'])
      .map((cs) => cs.map((c) => ({ id: c, title: { bg: `${c} bg`, en: null } }))),
  });

const worldArb = fc
  .record({
    self: orgArb('self').map((o) => ({ ...o, activeMember: true })),
    candidates: fc
      .subarray(ids)
      .chain(
        (chosen): fc.Arbitrary<SuggestionInput[]> =>
          chosen.length === 0 ? fc.constant([]) : fc.tuple(...chosen.map((id) => orgArb(id))),
      ),
    dismissedIds: fc.subarray(ids, { maxLength: 3 }),
    dismissedKinds: fc.subarray([...SUGGESTION_REASON_KINDS]),
    limit: fc.integer({ min: 1, max: 10 }),
  })
  .map(({ self, candidates, dismissedIds, dismissedKinds, limit }) => ({
    self: self as SuggestionInput,
    candidates: candidates as SuggestionInput[],
    dismissals: dismissedIds.map((dismissedId) => ({
      organizationId: 'self',
      dismissedId,
      reasonKinds: dismissedKinds,
    })) as SuggestionDismissal[],
    limit,
  }));

const run = (w: {
  self: SuggestionInput;
  candidates: SuggestionInput[];
  dismissals: SuggestionDismissal[];
  limit: number;
}) => suggestPartners(w.self, w.candidates, { dismissals: w.dismissals, limit: w.limit });

/** Whether a reason rests on data present in `self` and `candidate`. */
function restsOnInput(reason: SuggestionReason, self: SuggestionInput, candidate: SuggestionInput): boolean {
  const bothHave = (areas: string[], a: readonly string[], b: readonly string[]) =>
    areas.length > 0 && areas.every((x) => a.includes(x) && b.includes(x));
  switch (reason.kind) {
    case 'offer_answers_request': {
      const yours = self.items.find((i) => i.id === reason.yourItem.id);
      const theirs = candidate.items.find((i) => i.id === reason.theirItem.id);
      if (!yours || !theirs) return false;
      const [offer, request] =
        reason.direction === 'their_offer_your_request' ? [theirs, yours] : [yours, theirs];
      return (
        offer.kind === 'offer' &&
        request.kind === 'request' &&
        yours.type === reason.itemType &&
        theirs.type === reason.itemType &&
        JSON.stringify(yours.title) === JSON.stringify(reason.yourItem.title) &&
        JSON.stringify(theirs.title) === JSON.stringify(reason.theirItem.title) &&
        bothHave(reason.areas, yours.areas, theirs.areas)
      );
    }
    case 'same_funding_call':
      return (
        (self.fundingCalls ?? []).some((c) => c.id === reason.call.id) &&
        (candidate.fundingCalls ?? []).some((c) => c.id === reason.call.id)
      );
    case 'complementary_kind':
      return (
        reason.yourKind === self.kind &&
        reason.theirKind === candidate.kind &&
        bothHave(reason.areas, self.areas, candidate.areas)
      );
    case 'shared_areas':
      return bothHave(reason.areas, self.areas, candidate.areas);
  }
}

describe('partner suggestions, as properties', () => {
  it('are checked over worlds that reach every reason kind (the properties are not vacuous)', () => {
    const kinds = new Set(
      fc
        .sample(worldArb, { numRuns: 300, seed: 14 })
        .flatMap((w) => run(w).flatMap((s) => s.reasons.map((r) => r.kind))),
    );
    expect([...kinds].sort()).toEqual([...SUGGESTION_REASON_KINDS].sort());
  });

  it('never name the organisation itself, a non-member or a dismissed organisation', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const dismissed = new Set(w.dismissals.map((d) => d.dismissedId));
        for (const s of run(w)) {
          const candidate = w.candidates.find((c) => c.id === s.organizationId);
          expect(s.organizationId).not.toBe('self');
          expect(candidate?.activeMember).toBe(true);
          expect(dismissed.has(s.organizationId)).toBe(false);
        }
      }),
    );
  });

  it('give reasons that point at data present in the input', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        for (const s of run(w)) {
          const candidate = w.candidates.find((c) => c.id === s.organizationId) as SuggestionInput;
          expect(s.reasons.length).toBeGreaterThan(0);
          for (const reason of s.reasons) expect(restsOnInput(reason, w.self, candidate)).toBe(true);
          expect(PartnerSuggestionSchema.safeParse(s).success).toBe(true);
        }
      }),
    );
  });

  it('score each suggestion as the sum of its reasons’ weights, never above the undismissed weights', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        for (const s of run(w)) {
          expect(s.score).toBe(s.reasons.reduce((sum, r) => sum + r.weight, 0));
          for (const r of s.reasons) {
            const { weight, maxCount } = SUGGESTION_WEIGHTS[r.kind];
            expect(Number.isInteger(r.weight) && r.weight > 0).toBe(true);
            expect(r.weight).toBeLessThanOrEqual(weight * (r.kind === 'shared_areas' ? maxCount : 1));
          }
        }
      }),
    );
  });

  it('are ordered by score, then organisation id, and never exceed the limit', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const result = run(w);
        expect(result.length).toBeLessThanOrEqual(w.limit);
        for (let i = 1; i < result.length; i++) {
          const [a, b] = [result[i - 1], result[i]] as [(typeof result)[0], (typeof result)[0]];
          expect(a.score > b.score || (a.score === b.score && a.organizationId < b.organizationId)).toBe(
            true,
          );
        }
      }),
    );
  });

  it('keep the relative order of the others when an unrelated candidate is added', () => {
    fc.assert(
      fc.property(worldArb, orgArb('zz-new'), (w, extra) => {
        const before = run({ ...w, limit: 100 }).map((s) => s.organizationId);
        const after = run({ ...w, candidates: [...w.candidates, extra], limit: 100 })
          .map((s) => s.organizationId)
          .filter((id) => id !== 'zz-new');
        expect(after).toEqual(before);
      }),
    );
  });

  it('are deterministic: the same input, in any candidate order, gives the same list', () => {
    fc.assert(
      fc.property(
        worldArb.chain((w) =>
          fc.tuple(fc.constant(w), fc.shuffledSubarray(w.candidates, { minLength: w.candidates.length })),
        ),
        ([w, shuffled]) => {
          const first = run(w);
          expect(run(w)).toEqual(first);
          expect(run({ ...w, candidates: shuffled })).toEqual(first);
        },
      ),
    );
  });

  it('never raise a score when the organisation dismisses more', () => {
    fc.assert(
      fc.property(worldArb, fc.subarray([...SUGGESTION_REASON_KINDS], { minLength: 1 }), (w, kinds) => {
        const more = [
          ...w.dismissals,
          { organizationId: 'self', dismissedId: 'elsewhere', reasonKinds: kinds },
        ];
        const before = new Map(run({ ...w, limit: 100 }).map((s) => [s.organizationId, s.score]));
        for (const s of run({ ...w, dismissals: more, limit: 100 }))
          expect(s.score).toBeLessThanOrEqual(before.get(s.organizationId) ?? Number.POSITIVE_INFINITY);
      }),
    );
  });

  it('word every reason in both languages without an empty sentence', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        for (const s of run(w))
          for (const r of s.reasons) {
            const text = suggestionReasonText(r, names);
            expect(text.bg.length).toBeGreaterThan(10);
            expect(text.en.length).toBeGreaterThan(10);
          }
      }),
    );
  });
});
