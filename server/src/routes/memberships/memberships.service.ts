import { type Db, sql } from '@portal/db';
import {
  availableMembershipActions,
  type CommitteeMemberListItem,
  type CommitteeMemberListQuery,
  type CommitteeMemberListResponse,
  type Language,
  type MembershipAction,
  type MembershipActionBody,
  type MembershipCategory,
  type MembershipDetail,
  type MembershipEvent,
  type MembershipStatus,
  membershipStatusAfter,
  type OrganizationKind,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { containsPattern, execute, isoTimestamp } from '../../db.ts';
import { AppError, fieldError } from '../../errors.ts';
import { recordEvent } from '../../events/events.ts';
import { loadMembershipVote } from '../voting/membership-votes.service.ts';
import { memberContacts } from './member-contacts.ts';

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
  action: {
    change_category: { bg: 'промяна на категорията', en: 'change of category' },
    suspend: { bg: 'спиране на членството', en: 'suspension' },
    reinstate: { bg: 'възстановяване на членството', en: 'reinstatement' },
    withdraw: { bg: 'напускане по желание на члена', en: 'withdrawal at the member’s request' },
    exclude: { bg: 'изключване', en: 'exclusion' },
  },
  status: {
    active: { bg: 'активно', en: 'active' },
    suspended: { bg: 'спряно', en: 'suspended' },
    withdrawn: { bg: 'прекратено по желание', en: 'withdrawn' },
    excluded: { bg: 'изключен', en: 'excluded' },
  },
  category: {
    candidate: { bg: 'кандидат-член', en: 'candidate member' },
    regular: { bg: 'редовен член', en: 'regular member' },
    associated: { bg: 'асоцииран член', en: 'associated member' },
    engaged: { bg: 'ангажиран член', en: 'engaged member' },
  },
};

export interface MemberRow extends Record<string, unknown> {
  id: string;
  name_bg: string;
  name_en: string;
  eik: string;
  kind: OrganizationKind;
  category: MembershipCategory;
  status: MembershipStatus;
  member_since: string | null;
  version: number;
}

const MEMBER_COLUMNS = sql`o.id, o.name_bg, o.name_en, o.eik, o.kind, m.category, m.status,
  m.member_since::text as member_since, m.version`;

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
    version: Number(r.version),
  };
}

/**
 * Every organisation with a membership (any status), searched by name or ЕИК, filtered by status and
 * category, in one statement: the page's rows with the total beside them (a page past the end still
 * answers the total, through the outer join on a single row).
 */
export async function listMembers(db: Db, q: CommitteeMemberListQuery): Promise<CommitteeMemberListResponse> {
  const filters = [sql`true`];
  if (q.status) filters.push(sql`m.status = ${q.status}`);
  if (q.category) filters.push(sql`m.category = ${q.category}`);
  if (q.q) {
    const p = containsPattern(q.q.toLowerCase());
    filters.push(sql`(lower(o.name_bg) like ${p} or lower(o.name_en) like ${p} or o.eik like ${p})`);
  }
  const where = sql.join(filters, sql` and `);
  const rows = await execute<MemberRow & { total: number }>(
    db,
    sql`with matching as (
          select ${MEMBER_COLUMNS} from memberships m join organizations o on o.id = m.organization_id
          where ${where}
        ), page as (
          select * from matching order by lower(name_bg), id
          limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}
        )
        select (select count(*)::int from matching) as total, page.*
        from (select 1) as one left join page on true`,
  );
  const total = Number(rows[0]?.total ?? 0);
  return {
    items: rows.filter((r) => r.id !== null).map(presentItem),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function loadMember(db: Db, organizationId: string, lock = false): Promise<MemberRow> {
  const [row] = await execute<MemberRow>(
    db,
    sql`select ${MEMBER_COLUMNS} from memberships m join organizations o on o.id = m.organization_id
        where m.organization_id = ${organizationId} ${lock ? sql`for update of m` : sql``}`,
  );
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
  const events = await execute<{
    id: number;
    action: MembershipAction;
    from_category: MembershipCategory;
    to_category: MembershipCategory;
    from_status: MembershipStatus;
    to_status: MembershipStatus;
    decision_number: string | null;
    reason: string;
    effective_on: string;
    actor_name: string | null;
    at: string;
  }>(
    db,
    sql`select e.id, e.action, e.from_category, e.to_category, e.from_status, e.to_status,
          d.number as decision_number, e.reason, e.effective_on::text as effective_on,
          u.display_name as actor_name, ${isoTimestamp('e.created_at')} as at
        from membership_events e
        left join decisions d on d.id = e.decision_id
        left join users u on u.id = e.actor_id
        where e.organization_id = ${organizationId}
        order by e.id desc`,
  );
  return {
    ...presentItem(row),
    ...(await memberContacts(db, organizationId)),
    events: events.map(
      (e): MembershipEvent => ({
        id: Number(e.id),
        action: e.action,
        fromCategory: e.from_category,
        toCategory: e.to_category,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        decisionNumber: e.decision_number,
        reason: e.reason,
        effectiveOn: e.effective_on,
        actorName: e.actor_name,
        at: e.at,
      }),
    ),
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
  publicUrl: string,
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
    const [found] = await execute<{
      id: string;
      number: string;
      organization_id: string | null;
      subject: 'admission' | 'membership';
      outcome: 'approved' | 'rejected';
      used: boolean;
    }>(
      tx,
      sql`select d.id, d.number, d.organization_id, d.subject, d.outcome,
            exists (select 1 from membership_events e where e.decision_id = d.id) as used
          from decisions d where d.number = ${number}`,
    );
    if (!found) throw fieldError('body.decision.number', 'decision.unknown', { number });
    // A reference must be a decision taken about this organisation's membership, in favour, that no other
    // change rests on already (issue 11 B2). The membership's row lock serialises two uses of it.
    if (found.organization_id !== organizationId)
      throw fieldError('body.decision.number', 'decision.other_organization', { number });
    if (found.subject !== 'membership')
      throw fieldError('body.decision.number', 'decision.not_membership', { number });
    if (found.outcome !== 'approved')
      throw fieldError('body.decision.number', 'decision.not_approved', { number });
    if (found.used) throw fieldError('body.decision.number', 'decision.used', { number });
    decision = { id: found.id, number: found.number };
  }
  await applyChange(tx, actor, row, change, toStatus, toCategory, decision, publicUrl);
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
  if (version !== null && Number(row.version) !== version) {
    throw new MembershipConflict('membership.stale', {
      ...bilingual('status', LABELS.status[row.status]),
      ...bilingual('category', LABELS.category[row.category]),
    });
  }
  // While the committee votes on a change, nothing else changes the membership (issue 11 B1).
  const [open] = await execute<{ id: string }>(
    tx,
    sql`select id from vote_sessions where organization_id = ${row.id} and closed_at is null
          ${ignoreVoteSession ? sql`and id <> ${ignoreVoteSession}` : sql``}`,
  );
  if (open) throw new MembershipConflict('membership.vote_open', {});
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
  _publicUrl: string, // links are built when the event is dispatched (decision 030)
): Promise<void> {
  const organizationId = row.id;
  const body = change;
  await execute(
    tx,
    sql`update memberships set status = ${toStatus}, category = ${toCategory}, updated_at = now(),
          version = version + 1
        where organization_id = ${organizationId}`,
  );
  await execute(
    tx,
    sql`insert into membership_events (organization_id, action, from_category, to_category, from_status,
          to_status, decision_id, reason, effective_on, actor_id)
        values (${organizationId}, ${body.action}, ${row.category}, ${toCategory}, ${row.status}, ${toStatus},
          ${decision?.id ?? null}, ${body.reason}, ${body.effectiveOn}::date, ${actor.userId ?? null})`,
  );
  await recordAudit(tx, actor, {
    action: `membership.${body.action}`,
    entityType: 'organization',
    entityId: organizationId,
    before: { status: row.status, category: row.category, version: Number(row.version) },
    after: {
      status: toStatus,
      category: toCategory,
      version: Number(row.version) + 1,
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
