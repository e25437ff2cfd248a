import * as z from 'zod';
import {
  AgendaItemKindSchema,
  AttendanceKindSchema,
  ItemVoteModeSchema,
  MeetingStatusSchema,
} from './meetings.ts';
import {
  hasQuorum,
  type MajorityRule,
  MajorityRuleSchema,
  passesMajority,
  type QuorumRule,
  QuorumRuleSchema,
  VoteChoiceSchema,
} from './voting.ts';

/**
 * What happens at a meeting (issue 15 §2, decision 043): attendance per seat (present, by proxy, absent),
 * the live quorum, and the vote on each agenda item — tallies entered by an officer or ballots cast by the
 * seats in the portal — with the outcome the server computes by the meeting's rules.
 */

/** Seats present or represented by proxy, as the quorum counts them. */
export interface Attendance {
  seats: number;
  present: number;
  represented: number;
}

/**
 * Is the meeting quorate? The body's quorum rule over its seats, with the seats present or represented
 * by proxy as "taking part" (the voting code's `hasQuorum` vocabulary: more than half, two thirds, all).
 */
export function meetingHasQuorum(a: Attendance, rule: QuorumRule): boolean {
  return hasQuorum(
    { eligible: a.seats, recused: 0, for: a.present + a.represented, against: 0, abstain: 0 },
    rule,
  );
}

/** The outcome of an agenda item's vote: no decision without quorum (consultation only), else the majority rule. */
export function meetingItemOutcome(
  quorate: boolean,
  count: { for: number; against: number },
  majority: MajorityRule,
): 'approved' | 'rejected' | 'no_quorum' {
  if (!quorate) return 'no_quorum';
  return passesMajority(count, majority) ? 'approved' : 'rejected';
}

/** The fewest seats present or represented that make the quorum (for "n more needed"). */
export function quorumThreshold(seats: number, rule: QuorumRule): number {
  if (seats === 0) return 1;
  switch (rule) {
    case 'more_than_half':
      return Math.floor(seats / 2) + 1;
    case 'two_thirds':
      return Math.ceil((seats * 2) / 3);
    case 'all':
      return seats;
  }
}

export const ConductParamsSchema = z.object({ id: z.uuid() });
export const ConductItemParamsSchema = z.object({ id: z.uuid(), itemId: z.uuid() });

export const AttendanceEntrySchema = z.strictObject({
  participantId: z.uuid(),
  attendance: AttendanceKindSchema,
  /** With `proxy`: the present seat of this meeting that holds the proxy. */
  proxyId: z.uuid().nullable().optional(),
});
export const AttendanceBodySchema = z.strictObject({
  entries: z.array(AttendanceEntrySchema).min(1).max(1000),
});
export type AttendanceBody = z.infer<typeof AttendanceBodySchema>;

export const OpenItemVoteBodySchema = z.strictObject({
  mode: ItemVoteModeSchema,
  motionBg: z.string().trim().min(1).max(2000),
  motionEn: z.string().trim().max(2000).default(''),
});
export type OpenItemVoteBody = z.infer<typeof OpenItemVoteBodySchema>;

export const ItemBallotBodySchema = z.strictObject({
  /** The seat the ballot is for: one's own, or one held by proxy. */
  participantId: z.uuid(),
  choice: VoteChoiceSchema,
});

const count = z.number().int().min(0).max(100_000);
export const ItemTallySchema = z.strictObject({ for: count, against: count, abstain: count });
export type ItemTally = z.infer<typeof ItemTallySchema>;

/** Closing a vote: the counts for a `tally` vote (required there), nothing for `ballots`. */
export const CloseItemVoteBodySchema = z.strictObject({ tally: ItemTallySchema.optional() });

export const ItemVoteSchema = z.object({
  mode: ItemVoteModeSchema,
  motionBg: z.string(),
  motionEn: z.string(),
  for: z.number().int(),
  against: z.number().int(),
  abstain: z.number().int(),
  /** Seats present or represented (when closed: at the close). */
  eligible: z.number().int(),
  outcome: z.enum(['approved', 'rejected', 'no_quorum']).nullable(),
  openedAt: z.iso.datetime({ offset: true }),
  closedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Open ballot: each seat's choice. */
  ballots: z.array(z.object({ participantId: z.uuid(), name: z.string(), choice: VoteChoiceSchema })),
  /**
   * Seats that do not vote on this item: on a membership change, the organisation concerned (its seat at
   * the general assembly, or a seat held by one of its representatives) — the committee's rule (decision 046).
   */
  recusedSeatIds: z.array(z.uuid()),
  decisionNumber: z.string().nullable(),
});
export type ItemVote = z.infer<typeof ItemVoteSchema>;

export const ConductSeatSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  attendance: AttendanceKindSchema.nullable(),
  proxyId: z.uuid().nullable(),
});
export type ConductSeat = z.infer<typeof ConductSeatSchema>;

export const ConductViewSchema = z.object({
  meetingId: z.uuid(),
  status: MeetingStatusSchema,
  quorum: QuorumRuleSchema,
  majority: MajorityRuleSchema,
  allowsProxy: z.boolean(),
  /** May the viewer record attendance and votes (an officer of the body today, or an administrator)? */
  canManage: z.boolean(),
  /** Seats the viewer may cast a ballot for now (their own present seat and seats it holds by proxy). */
  myVotingSeats: z.array(z.uuid()),
  seats: z.array(ConductSeatSchema),
  attendance: z.object({
    seats: z.number().int(),
    present: z.number().int(),
    represented: z.number().int(),
    absent: z.number().int(),
    /** Present or represented seats needed for the quorum. */
    needed: z.number().int(),
  }),
  quorumMet: z.boolean(),
  items: z.array(
    z.object({
      id: z.uuid(),
      position: z.number().int(),
      kind: AgendaItemKindSchema,
      titleBg: z.string(),
      titleEn: z.string(),
      vote: ItemVoteSchema.nullable(),
    }),
  ),
});
export type ConductView = z.infer<typeof ConductViewSchema>;
