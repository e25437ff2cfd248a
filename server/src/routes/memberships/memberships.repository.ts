import {
  and,
  type Db,
  decisions,
  desc,
  eq,
  exists,
  isNull,
  like,
  meetingAgendaItems,
  meetingItemVotes,
  membershipEvents,
  memberships,
  ne,
  or,
  organizations,
  type SQL,
  sql,
  toIso,
  userOrganizations,
  users,
  voteSessions,
} from '@portal/db';
import type {
  CommitteeMemberListQuery,
  MembershipAction,
  MembershipCategory,
  MembershipStatus,
} from '@portal/shared';
import { containsPattern } from '../../db.ts';

/** Memberships, their history and the decisions they rest on in the database (decision 029). */

/**
 * A membership with its organisation. The keys are the row's column names: the membership votes read
 * them so (`MemberRow`).
 */
const memberColumns = {
  id: organizations.id,
  name_bg: organizations.nameBg,
  name_en: organizations.nameEn,
  eik: organizations.eik,
  kind: organizations.kind,
  category: memberships.category,
  status: memberships.status,
  member_since: memberships.memberSince,
  version: memberships.version,
};

/** The membership of the organisation (locked for update when `lock`), or undefined. */
export async function findMember(db: Db, organizationId: string, lock = false) {
  const query = db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.organizationId, organizationId));
  const [row] = lock ? await query.for('update', { of: memberships }) : await query;
  return row;
}

export type MemberRow = NonNullable<Awaited<ReturnType<typeof findMember>>>;

export function memberFilter(q: Omit<CommitteeMemberListQuery, 'page' | 'pageSize'>): SQL | undefined {
  const p = q.q ? containsPattern(q.q.toLowerCase()) : undefined;
  return and(
    q.status ? eq(memberships.status, q.status) : undefined,
    q.category ? eq(memberships.category, q.category) : undefined,
    p === undefined
      ? undefined
      : or(
          like(sql`lower(${organizations.nameBg})`, p),
          like(sql`lower(${organizations.nameEn})`, p),
          like(organizations.eik, p),
        ),
  );
}

/**
 * A page of the memberships matching `where` (by name) and the number of all of them, in one statement:
 * the page's rows beside the total, and a page past the end still answers the total (one row, with the
 * membership's columns null, from the outer join on a single row).
 */
export async function findMemberPage(
  db: Db,
  where: SQL | undefined,
  page: { limit: number; offset: number },
) {
  const matching = db
    .$with('matching')
    .as(
      db
        .select(memberColumns)
        .from(memberships)
        .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
        .where(where),
    );
  // `matching` is declared once, by the statement below.
  const pageOf = db
    .$with('page')
    .as(
      db
        .select()
        .from(matching)
        .orderBy(sql`lower(${matching.name_bg})`, matching.id)
        .limit(page.limit)
        .offset(page.offset),
    );
  const rows = await db
    .with(matching, pageOf)
    .select({
      total: sql<number>`(select count(*)::int from ${matching})`.mapWith(Number),
      member: {
        id: pageOf.id,
        name_bg: pageOf.name_bg,
        name_en: pageOf.name_en,
        eik: pageOf.eik,
        kind: pageOf.kind,
        category: pageOf.category,
        status: pageOf.status,
        member_since: pageOf.member_since,
        version: pageOf.version,
      },
    })
    .from(sql`(select 1) as one`)
    .leftJoin(pageOf, sql`true`);
  return {
    total: rows[0]?.total ?? 0,
    members: rows.flatMap((r) => (r.member ? [r.member] : [])),
  };
}

/** The membership's history, newest first, with the decision's number and the actor's name. */
export async function findMembershipEvents(db: Db, organizationId: string) {
  const rows = await db
    .select({
      id: membershipEvents.id,
      action: membershipEvents.action,
      fromCategory: membershipEvents.fromCategory,
      toCategory: membershipEvents.toCategory,
      fromStatus: membershipEvents.fromStatus,
      toStatus: membershipEvents.toStatus,
      decisionNumber: decisions.number,
      reason: membershipEvents.reason,
      effectiveOn: membershipEvents.effectiveOn,
      actorName: users.displayName,
      at: membershipEvents.createdAt,
    })
    .from(membershipEvents)
    .leftJoin(decisions, eq(decisions.id, membershipEvents.decisionId))
    .leftJoin(users, eq(users.id, membershipEvents.actorId))
    .where(eq(membershipEvents.organizationId, organizationId))
    .orderBy(desc(membershipEvents.id));
  return rows.map((r) => ({ ...r, at: toIso(r.at) }));
}

/** The decision of the register with this number, and whether a membership change rests on it already. */
export async function findDecisionByNumber(db: Db, number: string) {
  const [row] = await db
    .select({
      id: decisions.id,
      number: decisions.number,
      organizationId: decisions.organizationId,
      subject: decisions.subject,
      outcome: decisions.outcome,
      used: sql<boolean>`${exists(
        db
          .select({ one: sql`1` })
          .from(membershipEvents)
          .where(eq(membershipEvents.decisionId, decisions.id)),
      )}`,
    })
    .from(decisions)
    .where(eq(decisions.number, number));
  return row;
}

/**
 * Is a vote open on the membership: a committee vote session (other than `except`), or a meeting's vote
 * on a membership item about the organisation (decision 046)?
 */
export async function hasOpenVote(db: Db, organizationId: string, except: string | null): Promise<boolean> {
  const rows = await db
    .select({ id: voteSessions.id })
    .from(voteSessions)
    .where(
      and(
        eq(voteSessions.organizationId, organizationId),
        isNull(voteSessions.closedAt),
        except ? ne(voteSessions.id, except) : undefined,
      ),
    );
  if (rows.length > 0) return true;
  const atMeetings = await db
    .select({ id: meetingItemVotes.agendaItemId })
    .from(meetingItemVotes)
    .innerJoin(meetingAgendaItems, eq(meetingAgendaItems.id, meetingItemVotes.agendaItemId))
    .where(
      and(
        eq(meetingAgendaItems.kind, 'membership'),
        eq(meetingAgendaItems.organizationId, organizationId),
        isNull(meetingItemVotes.closedAt),
      ),
    )
    .limit(1);
  return atMeetings.length > 0;
}

/** Sets the membership's status and category: a new version. */
export async function updateMembership(
  db: Db,
  organizationId: string,
  to: { status: MembershipStatus; category: MembershipCategory },
): Promise<void> {
  await db
    .update(memberships)
    .set({ ...to, updatedAt: sql`now()`, version: sql`${memberships.version} + 1` })
    .where(eq(memberships.organizationId, organizationId));
}

export async function insertMembershipEvent(
  db: Db,
  event: {
    organizationId: string;
    action: MembershipAction;
    fromCategory: MembershipCategory;
    toCategory: MembershipCategory;
    fromStatus: MembershipStatus;
    toStatus: MembershipStatus;
    decisionId: string | null;
    reason: string;
    effectiveOn: string;
    actorId: string | null;
  },
): Promise<void> {
  await db.insert(membershipEvents).values(event);
}

/** The organisation's representatives who can be written to (not disabled), by email. */
export async function findRepresentativeRecipients(db: Db, organizationId: string) {
  return db
    .select({ email: users.email, display_name: users.displayName, language: users.language })
    .from(users)
    .innerJoin(userOrganizations, eq(userOrganizations.userId, users.id))
    .where(and(eq(userOrganizations.organizationId, organizationId), isNull(users.disabledAt)))
    .orderBy(users.email);
}
