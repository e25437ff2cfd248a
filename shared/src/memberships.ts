import * as z from 'zod';
import type { MembershipStatus } from './organization.ts';

/**
 * Changes of an existing membership (issue 5), made by the committee or administrators. Each is an audit
 * event and a row of membership_events; where the statute requires it, it references a decision of the
 * register. Only active non-candidate members are listed in the directory (isPubliclyListed).
 */
export const MEMBERSHIP_ACTIONS = ['change_category', 'suspend', 'reinstate', 'withdraw', 'exclude'] as const;
export const MembershipActionSchema = z.enum(MEMBERSHIP_ACTIONS);
export type MembershipAction = z.infer<typeof MembershipActionSchema>;

/** From which statuses an action may be taken, and the status it leads to. */
export const MEMBERSHIP_TRANSITIONS: Record<
  MembershipAction,
  { from: readonly MembershipStatus[]; to: MembershipStatus | 'same' }
> = {
  change_category: { from: ['active', 'suspended'], to: 'same' },
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  withdraw: { from: ['active', 'suspended'], to: 'withdrawn' },
  exclude: { from: ['active', 'suspended'], to: 'excluded' },
};

/**
 * Does the statute require a decision of the register for this action? A withdrawal is the member's own
 * written request and is recorded without one; everything else is decided by the committee.
 */
export const DECISION_REQUIRED: Record<MembershipAction, boolean> = {
  change_category: true,
  suspend: true,
  reinstate: true,
  withdraw: false,
  exclude: true,
};

/** The actions open to a membership in `status` (category changes only to another category). */
export function availableMembershipActions(status: MembershipStatus): MembershipAction[] {
  return MEMBERSHIP_ACTIONS.filter((a) => MEMBERSHIP_TRANSITIONS[a].from.includes(status));
}

/** The status after `action`, or null when the action is not open from `status`. */
export function membershipStatusAfter(
  action: MembershipAction,
  status: MembershipStatus,
): MembershipStatus | null {
  const t = MEMBERSHIP_TRANSITIONS[action];
  if (!t.from.includes(status)) return null;
  return t.to === 'same' ? status : t.to;
}
