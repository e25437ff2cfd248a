import { describe, expect, it } from 'vitest';
import { availableActions, missingSections, nextState } from './applications.ts';
import { formatDecisionNumber } from './decisions.ts';
import { computeOutcome, hasQuorum, outcomeReason, type Tally } from './voting.ts';

const tally = (eligible: number, f: number, a: number, ab: number, recused = 0): Tally => ({
  eligible,
  recused,
  for: f,
  against: a,
  abstain: ab,
});

describe('the state machine', () => {
  it('allows only the listed moves', () => {
    expect(nextState('draft', 'submit')).toBe('submitted');
    expect(nextState('submitted', 'open_vote')).toBeNull();
    expect(nextState('in_vote', 'no_quorum')).toBe('under_review');
    expect(nextState('approved', 'withdraw')).toBeNull();
  });

  it('offers each actor only its own moves', () => {
    expect(availableActions('under_review', 'committee')).toEqual(['request_changes']);
    expect(availableActions('under_review', 'chair')).toEqual(['open_vote']);
    expect(availableActions('changes_requested', 'applicant')).toEqual(['resubmit', 'withdraw']);
  });
});

describe('quorum', () => {
  it('counts abstentions as taking part and needs more than half by default', () => {
    expect(hasQuorum(tally(4, 1, 0, 1))).toBe(false);
    expect(hasQuorum(tally(4, 1, 0, 2))).toBe(true);
    expect(hasQuorum(tally(0, 0, 0, 0))).toBe(false);
  });

  it('supports two thirds and all', () => {
    expect(hasQuorum(tally(6, 3, 0, 0), 'two_thirds')).toBe(false);
    expect(hasQuorum(tally(6, 4, 0, 0), 'two_thirds')).toBe(true);
    expect(hasQuorum(tally(3, 2, 0, 0), 'all')).toBe(false);
    expect(hasQuorum(tally(3, 2, 1, 0), 'all')).toBe(true);
  });
});

describe('majority', () => {
  it('decides by votes cast under each rule', () => {
    expect(computeOutcome(tally(5, 2, 1, 0), 'simple')).toBe('approved');
    expect(computeOutcome(tally(5, 2, 2, 0), 'simple')).toBe('rejected');
    expect(computeOutcome(tally(5, 2, 1, 0), 'two_thirds')).toBe('approved');
    expect(computeOutcome(tally(5, 3, 2, 0), 'two_thirds')).toBe('rejected');
    expect(computeOutcome(tally(5, 3, 0, 1), 'unanimous')).toBe('approved');
    expect(computeOutcome(tally(5, 3, 1, 0), 'unanimous')).toBe('rejected');
    expect(computeOutcome(tally(5, 2, 0, 0), 'simple')).toBe('no_quorum');
    expect(computeOutcome(tally(5, 3, 0, 0), 'simple', 'all')).toBe('no_quorum');
  });
});

describe('submission', () => {
  it('lists what is missing, including the documents a public authority needs', () => {
    expect(missingSections({}, [])).toContain('documents');
    const authority = missingSections({ organization: { kind: 'public_authority' } as never }, [
      { kind: 'registration_certificate' },
    ]);
    expect(authority).toContain('accession');
    expect(authority).toContain('council_decision_document');
  });

  it('numbers decisions by year', () => {
    expect(formatDecisionNumber(2026, 14)).toBe('2026-014');
  });
});

describe('outcomeReason', () => {
  const t = (f: number, a: number, ab = 0) => ({ eligible: 3, recused: 0, for: f, against: a, abstain: ab });
  it('names a tie under "more for than against" as the reason for a rejection', () => {
    expect(computeOutcome(t(1, 1), 'simple')).toBe('rejected');
    expect(outcomeReason(t(1, 1), 'simple')).toBe('simple_tie');
  });
  it('names each rule', () => {
    expect(outcomeReason(t(2, 1), 'simple')).toBe('simple_passed');
    expect(outcomeReason(t(1, 2), 'simple')).toBe('simple_failed');
    expect(outcomeReason(t(1, 0), 'simple')).toBe('no_quorum');
    expect(outcomeReason(t(2, 1), 'two_thirds')).toBe('two_thirds_passed');
    expect(outcomeReason(t(1, 1, 1), 'two_thirds')).toBe('two_thirds_failed');
    expect(outcomeReason(t(2, 0, 1), 'unanimous')).toBe('unanimous_passed');
    expect(outcomeReason(t(2, 1), 'unanimous')).toBe('unanimous_against');
    expect(outcomeReason(t(0, 0, 3), 'unanimous')).toBe('unanimous_no_for');
  });
});
