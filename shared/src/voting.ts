import * as z from 'zod';

/**
 * Voting (decision 013): the committee's vote on an application and on a change of membership, its rules
 * (the cluster's voting settings), the outcome computed from the tally, conflicts of interest.
 */

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
  return passesMajority(tally, majority) ? 'approved' : 'rejected';
}

/**
 * Does the count carry the motion under `majority` (quorum aside: a meeting's quorum is its attendance,
 * decision 043)? Majority of the votes cast (for + against; abstentions are not votes cast).
 */
export function passesMajority(tally: Pick<Tally, 'for' | 'against'>, majority: MajorityRule): boolean {
  const cast = tally.for + tally.against;
  switch (majority) {
    case 'simple':
      return tally.for > tally.against;
    case 'two_thirds':
      return cast > 0 && tally.for * 3 >= cast * 2;
    case 'unanimous':
      return tally.for > 0 && tally.against === 0;
  }
}

export const VoteBodySchema = z.strictObject({ choice: VoteChoiceSchema });
export const RecuseBodySchema = z.strictObject({ reason: z.string().trim().min(1).max(1000) });

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

export const VotingSettingsSchema = z.strictObject({
  quorum: QuorumRuleSchema,
  majority: MajorityRuleSchema,
  ballot: BallotSchema,
});
export type VotingSettings = z.infer<typeof VotingSettingsSchema>;

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
