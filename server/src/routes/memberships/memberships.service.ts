import type { Db } from '@portal/db';
import {
  availableMembershipActions,
  type CommitteeMemberListItem,
  type CommitteeMemberListQuery,
  type CommitteeMemberListResponse,
  type Language,
  MEMBERSHIP_ACTION_LABELS,
  MEMBERSHIP_CATEGORY_LABELS,
  type MembershipAction,
  type MembershipActionBody,
  type MembershipCategory,
  type MembershipDetail,
  type MembershipEvent,
  type MembershipStatus,
  membershipStatusAfter,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordEvent } from '../../events/events.ts';
import { loadMembershipVote } from '../voting/membership-votes.service.ts';
import { memberContacts } from './member-contacts.ts';
import {
  findDecisionByNumber,
  findMember,
  findMemberPage,
  findMembershipEvents,
  hasOpenVote,
  insertMembershipEvent,
  type MemberRow,
  memberFilter,
  updateMembership,
} from './memberships.repository.ts';

export type { MemberRow };

/**
 * The committee's administration of memberships: category changes, suspension, reinstatement, recorded
 * withdrawal and exclusion. Each change locks the membership row, checks the version the committee member
 * read and the transition rules of shared/memberships.ts, and writes in one transaction the membership,
 * its history row, the register decision (when recorded with it) and the audit event. The public
 * directory's read model follows through its triggers.
 */

/** Labels the server needs in both languages (problem details, emails). */
export const LABELS: {
  action: Record<MembershipAction, Record<Language, string>>;
  status: Record<MembershipStatus, Record<Language, string>>;
  category: Record<MembershipCategory, Record<Language, string>>;
} = {
  action: MEMBERSHIP_ACTION_LABELS,
  status: {
    active: { bg: 'активно', en: 'active' },
    suspended: { bg: 'спряно', en: 'suspended' },
    withdrawn: { bg: 'прекратено по желание', en: 'withdrawn' },
    excluded: { bg: 'изключен', en: 'excluded' },
  },
  category: MEMBERSHIP_CATEGORY_LABELS,
};

function presentItem(r: MemberRow): CommitteeMemberListItem {
  return {
    id: r.id,
    nameBg: r.name_bg,
    nameEn: r.name_en,
    eik: r.eik,
    kind: r.kind,
    category: r.category,
    status: r.status,
    memberSince: r.member_since,
    version: r.version,
  };
}

/**
 * Every organisation with a membership (any status), searched by name or ЕИК, filtered by status and
 * category, in one statement: the page's rows with the total beside them (a page past the end still
 * answers the total, through the outer join on a single row).
 */
export async function listMembers(db: Db, q: CommitteeMemberListQuery): Promise<CommitteeMemberListResponse> {
  const { total, members } = await findMemberPage(db, memberFilter(q), {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: members.map(presentItem), total, page: q.page, pageSize: q.pageSize };
}

export async function loadMember(db: Db, organizationId: string, lock = false): Promise<MemberRow> {
  const row = await findMember(db, organizationId, lock);
  if (!row) throw new AppError('membership.not_found', 404);
  return row;
}

/** One membership with its history (newest first) and the actions open now. */
export async function membershipDetail(
  db: Db,
  organizationId: string,
  viewerId: string | null,
): Promise<MembershipDetail> {
  const row = await loadMember(db, organizationId);
  const events = await findMembershipEvents(db, organizationId);
  return {
    ...presentItem(row),
    ...(await memberContacts(db, organizationId)),
    events: events satisfies MembershipEvent[],
    availableActions: availableMembershipActions(row.status),
    vote: await loadMembershipVote(db, organizationId, viewerId),
  };
}

/** A 409 that carries the membership as it is now, for the client to show instead of its stale copy. */
export class MembershipConflict extends AppError {
  constructor(
    code: 'membership.stale' | 'membership.transition_invalid' | 'membership.vote_open',
    values: Record<string, string>,
  ) {
    super(code, 409, { values });
  }
}

/**
 * Runs a committee act on a membership (`work`, given the transaction) in one transaction and returns the
 * membership as it is then. A MembershipConflict leaves as the same 409 carrying the current membership
 * (`current`), read after the rollback.
 */
export async function inMembershipTransaction(
  db: Db,
  organizationId: string,
  viewerId: string | null,
  work: (tx: Db) => Promise<void>,
): Promise<MembershipDetail> {
  try {
    await db.transaction((tx) => work(tx));
  } catch (error) {
    if (!(error instanceof MembershipConflict)) throw error;
    throw error.withExtensions({ current: await membershipDetail(db, organizationId, viewerId) });
  }
  return membershipDetail(db, organizationId, viewerId);
}

export function bilingual(prefix: string, labels: Record<Language, string>): Record<string, string> {
  return { [`${prefix}Bg`]: labels.bg, [`${prefix}En`]: labels.en };
}

/**
 * Takes a membership action. Returns the organisation's id; throws a 404 for an unknown membership, a
 * MembershipConflict for a stale version or an action not open from the current status, and field errors
 * for a same-category change or a decision number that cannot be the basis of the change.
 */
export async function takeMembershipAction(
  tx: Db,
  actor: Actor,
  organizationId: string,
  body: MembershipActionBody,
): Promise<void> {
  // The row lock serialises every action on one membership; the version check refuses a decision taken
  // on what the committee member saw when someone else has changed it since.
  const row = await loadMember(tx, organizationId, true);
  const change = {
    action: body.action,
    category: body.category ?? null,
    reason: body.reason,
    effectiveOn: body.effectiveOn,
  };
  const { toStatus, toCategory } = await checkChange(tx, row, change, body.version);

  let decision: { id: string; number: string } | null = null;
  if (body.decision && 'number' in body.decision) {
    const number = body.decision.number;
    const found = await findDecisionByNumber(tx, number);
    if (!found) throw fieldError('body.decision.number', 'decision.unknown', { number });
    // A reference must be a decision taken about this organisation's membership, in favour, that no other
    // change rests on already (issue 11 B2). The membership's row lock serialises two uses of it.
    if (found.organizationId !== organizationId)
      throw fieldError('body.decision.number', 'decision.other_organization', { number });
    if (found.subject !== 'membership')
      throw fieldError('body.decision.number', 'decision.not_membership', { number });
    if (found.outcome !== 'approved')
      throw fieldError('body.decision.number', 'decision.not_approved', { number });
    if (found.used) throw fieldError('body.decision.number', 'decision.used', { number });
    decision = { id: found.id, number: found.number };
  }
  await applyChange(tx, actor, row, change, toStatus, toCategory, decision);
}

/**
 * Checks that `change` may be made now: the version the client read, no open vote on the membership,
 * the transition rules and a real category change. Call under the membership's row lock.
 */
export async function checkChange(
  tx: Db,
  row: MemberRow,
  change: MembershipChange,
  version: number | null,
  ignoreVoteSession: string | null = null,
): Promise<{ toStatus: MembershipStatus; toCategory: MembershipCategory }> {
  if (version !== null && row.version !== version) {
    throw new MembershipConflict('membership.stale', {
      ...bilingual('status', LABELS.status[row.status]),
      ...bilingual('category', LABELS.category[row.category]),
    });
  }
  // While the committee votes on a change, nothing else changes the membership (issue 11 B1).
  if (await hasOpenVote(tx, row.id, ignoreVoteSession))
    throw new MembershipConflict('membership.vote_open', {});
  const toStatus = membershipStatusAfter(change.action, row.status);
  if (toStatus === null) {
    throw new MembershipConflict('membership.transition_invalid', {
      ...bilingual('action', LABELS.action[change.action]),
      ...bilingual('status', LABELS.status[row.status]),
    });
  }
  const toCategory = change.action === 'change_category' && change.category ? change.category : row.category;
  if (change.action === 'change_category' && toCategory === row.category) {
    throw fieldError('body.category', 'membership.same_category');
  }
  return { toStatus, toCategory };
}

/** A change of a membership: what the committee member asks for, or what a vote was opened on. */
export interface MembershipChange {
  action: MembershipAction;
  category: MembershipCategory | null;
  reason: string;
  effectiveOn: string;
}

/**
 * Writes a checked change: the membership (version + 1), its history row resting on `decision`, the
 * audit event and the representatives' emails, in the caller's transaction.
 */
export async function applyChange(
  tx: Db,
  actor: Actor,
  row: MemberRow,
  change: MembershipChange,
  toStatus: MembershipStatus,
  toCategory: MembershipCategory,
  decision: { id: string; number: string } | null,
): Promise<void> {
  const organizationId = row.id;
  const body = change;
  await updateMembership(tx, organizationId, { status: toStatus, category: toCategory });
  await insertMembershipEvent(tx, {
    organizationId,
    action: body.action,
    fromCategory: row.category,
    toCategory,
    fromStatus: row.status,
    toStatus,
    decisionId: decision?.id ?? null,
    reason: body.reason,
    effectiveOn: body.effectiveOn,
    actorId: actor.userId ?? null,
  });
  await recordAudit(tx, actor, {
    action: `membership.${body.action}`,
    entityType: 'organization',
    entityId: organizationId,
    before: { status: row.status, category: row.category, version: row.version },
    after: {
      status: toStatus,
      category: toCategory,
      version: row.version + 1,
      number: decision?.number ?? null,
      effectiveOn: body.effectiveOn,
      reason: body.reason,
    },
  });
  await recordEvent(tx, {
    type: 'membership.changed',
    payload: {
      organizationId,
      action: body.action,
      status: toStatus,
      category: toCategory,
      effectiveOn: body.effectiveOn,
      decisionNumber: decision?.number ?? null,
    },
  });
}
