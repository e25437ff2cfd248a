import {
  and,
  applicationEvents,
  applications,
  clusterSettings,
  type Db,
  decisions,
  desc,
  eq,
  isNull,
  memberships,
  organizationAreas,
  organizations,
  type SQL,
  secretTallies,
  sql,
  toIso,
  userOrganizations,
  userRoles,
  voteSessions,
  votes,
} from '@portal/db';
import type { MembershipProposal, Tally, VoteChoice, VoteOutcome, VotingSettings } from '@portal/shared';

/**
 * Votes of the committee in the database (decision 029): vote sessions, ballots and the nameless counts of
 * secret ballots (decision 013), the voting rules, and what closing an admission vote writes.
 *
 * The committee of a vote is an SQL subquery (`id`, `display_name`, `conflict`) given by the subject's
 * service: the conflicts of interest of an admission are rules over the application (conflicts.ts), those
 * of a membership vote one membership. The statements over it select from that subquery with `sql<T>`
 * columns; everything else is the query builder.
 */

// ---------- the rules ----------

/** The cluster's voting rules (undefined if the settings row is missing). */
export async function findVotingRules(db: Db): Promise<VotingSettings | undefined> {
  const [row] = await db
    .select({
      quorum: clusterSettings.quorumRule,
      majority: clusterSettings.majorityRule,
      ballot: clusterSettings.ballot,
    })
    .from(clusterSettings)
    .where(eq(clusterSettings.id, 1));
  return row;
}

export async function updateVotingRules(db: Db, rules: VotingSettings): Promise<void> {
  await db
    .update(clusterSettings)
    .set({
      quorumRule: rules.quorum,
      majorityRule: rules.majority,
      ballot: rules.ballot,
      updatedAt: sql`now()`,
      version: sql`${clusterSettings.version} + 1`,
    })
    .where(eq(clusterSettings.id, 1));
}

// ---------- sessions ----------

/** What a vote is on: an application (admission) or a membership (a proposed change). */
export type VoteSubject = { applicationId: string } | { organizationId: string };

const ofSubject = (subject: VoteSubject) =>
  'applicationId' in subject
    ? eq(voteSessions.applicationId, subject.applicationId)
    : eq(voteSessions.organizationId, subject.organizationId);

/** The latest round on a subject (only an open one when `openOnly`), timestamps as the API sends them. */
export async function findLatestSession(db: Db, subject: VoteSubject, openOnly = false) {
  const [row] = await db
    .select({
      id: voteSessions.id,
      round: voteSessions.round,
      quorum: voteSessions.quorum,
      majority: voteSessions.majority,
      ballot: voteSessions.ballot,
      proposal: voteSessions.proposal,
      openedAt: voteSessions.openedAt,
      closedAt: voteSessions.closedAt,
      outcome: voteSessions.outcome,
      tally: voteSessions.tally,
    })
    .from(voteSessions)
    .where(and(ofSubject(subject), openOnly ? isNull(voteSessions.closedAt) : undefined))
    .orderBy(desc(voteSessions.round))
    .limit(1);
  return row && { ...row, openedAt: toIso(row.openedAt), closedAt: toIso(row.closedAt) };
}

export type VoteSession = NonNullable<Awaited<ReturnType<typeof findLatestSession>>>;

/** Opens the next round on a subject with the given rules. */
export async function insertSession(
  db: Db,
  subject: VoteSubject,
  rules: VotingSettings,
  openedBy: string,
  proposal: MembershipProposal | null,
): Promise<{ id: string; round: number }> {
  const [opened] = await db
    .insert(voteSessions)
    .values({
      ...subject,
      proposal,
      round: sql`coalesce((select max(${voteSessions.round}) from ${voteSessions} where ${ofSubject(subject)}), 0) + 1`,
      ...rules,
      openedBy,
    })
    .returning({ id: voteSessions.id, round: voteSessions.round });
  return opened!;
}

/**
 * Closes a session with its outcome and count unless it is closed already (a second close is a no-op);
 * true when this call closed it.
 */
export async function closeSessionIfOpen(
  db: Db,
  sessionId: string,
  closing: { closedBy: string | null; outcome: VoteOutcome; tally: Tally },
): Promise<boolean> {
  const closed = await db
    .update(voteSessions)
    .set({ closedAt: sql`now()`, ...closing })
    .where(and(eq(voteSessions.id, sessionId), isNull(voteSessions.closedAt)))
    .returning({ id: voteSessions.id });
  return closed.length > 0;
}

// ---------- ballots ----------

/** A member's row in a session: a choice (null in a secret ballot) or a recusal. */
export async function findVote(db: Db, sessionId: string, memberId: string) {
  const [row] = await db
    .select({ choice: votes.choice, recused: votes.recused })
    .from(votes)
    .where(and(eq(votes.sessionId, sessionId), eq(votes.memberId, memberId)));
  return row;
}

/** An open ballot: the member's choice, which a later one replaces. */
export async function upsertOpenVote(db: Db, sessionId: string, memberId: string, choice: VoteChoice) {
  await db
    .insert(votes)
    .values({ sessionId, memberId, choice })
    .onConflictDoUpdate({
      target: [votes.sessionId, votes.memberId],
      set: { choice: sql`excluded.choice`, updatedAt: sql`now()` },
    });
}

/** A secret ballot, name side: the member has voted (no choice); a second one breaks the primary key. */
export async function insertSecretVoter(db: Db, sessionId: string, memberId: string) {
  await db.insert(votes).values({ sessionId, memberId, choice: null });
}

/** A secret ballot, choice side: one more for `choice` in the nameless count. */
export async function addToSecretTally(db: Db, sessionId: string, choice: VoteChoice) {
  await db
    .insert(secretTallies)
    .values({ sessionId, choice, votes: 1 })
    .onConflictDoUpdate({
      target: [secretTallies.sessionId, secretTallies.choice],
      set: { votes: sql`${secretTallies.votes} + 1` },
    });
}

/** A recusal (conflict of interest): no choice, whatever the member had chosen. */
export async function upsertRecusal(db: Db, sessionId: string, memberId: string, reason: string) {
  await db
    .insert(votes)
    .values({ sessionId, memberId, choice: null, recused: true, recusalReason: reason })
    .onConflictDoUpdate({
      target: [votes.sessionId, votes.memberId],
      set: {
        choice: null,
        recused: true,
        recusalReason: sql`excluded.recusal_reason`,
        updatedAt: sql`now()`,
      },
    });
}

// ---------- the committee's count ----------

/** The committee subquery, as the `c` the statements below read. */
const committeeAs = (committee: SQL) => sql`(${committee}) c`;

/** A member counts as recused with a conflict of interest whatever `votes` holds (decision 013). */
const isRecused = sql`(coalesce(${votes.recused}, false) or c.conflict is not null)`;
const hasVoted = sql`(${votes.memberId} is not null and not ${votes.recused} and c.conflict is null)`;

/**
 * The count of a session over the committee, in one statement: its size, the recused, who voted, and the
 * choices: beside the names in an open ballot, from `secret_tallies` (which holds no names) in a secret one.
 */
export async function countSession(
  db: Db,
  session: { id: string; ballot: 'open' | 'secret' },
  committee: SQL,
) {
  const chose = (choice: VoteChoice) =>
    session.ballot === 'secret'
      ? sql<number>`coalesce((select ${secretTallies.votes} from ${secretTallies}
          where ${secretTallies.sessionId} = ${session.id} and ${secretTallies.choice} = ${choice}), 0)::int`.mapWith(
          Number,
        )
      : sql<number>`(count(*) filter (where ${hasVoted} and ${votes.choice} = ${choice}))::int`.mapWith(
          Number,
        );
  const [row] = await db
    .select({
      members: sql<number>`count(*)::int`.mapWith(Number),
      recused: sql<number>`(count(*) filter (where ${isRecused}))::int`.mapWith(Number),
      voted: sql<number>`(count(*) filter (where ${hasVoted}))::int`.mapWith(Number),
      for: chose('for'),
      against: chose('against'),
      abstain: chose('abstain'),
    })
    .from(committeeAs(committee))
    .leftJoin(votes, and(sql`${votes.memberId} = c.id`, eq(votes.sessionId, session.id)));
  return row ?? { members: 0, recused: 0, voted: 0, for: 0, against: 0, abstain: 0 };
}

/** The committee by name, each with whether they voted, their choice (null in a secret ballot) or recusal. */
export async function findVoters(db: Db, sessionId: string, committee: SQL) {
  return db
    .select({
      name: sql<string>`c.display_name`,
      choice: sql<VoteChoice | null>`case when c.conflict is null then ${votes.choice} end`,
      recused: sql<boolean>`${isRecused}`,
      voted: sql<boolean>`${hasVoted}`,
    })
    .from(committeeAs(committee))
    .leftJoin(votes, and(sql`${votes.memberId} = c.id`, eq(votes.sessionId, sessionId)))
    .orderBy(sql`c.display_name`);
}

// ---------- membership votes ----------

/** The committee with each member's conflict on a membership: representing the organisation. */
export const membershipCommitteeOf = (organizationId: string) => sql`select u.id, u.display_name,
    case when exists (select 1 from user_organizations uo
      where uo.user_id = u.id and uo.organization_id = ${organizationId}) then 'representative' end as conflict
  from users u
  where u.disabled_at is null and exists (select 1 from user_roles r where r.user_id = u.id
    and r.role in ('committee_member', 'committee_chair'))`;

/** Does the user represent the organisation (a conflict of interest on its membership)? */
export async function isRepresentative(db: Db, userId: string, organizationId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: userOrganizations.userId })
    .from(userOrganizations)
    .where(and(eq(userOrganizations.userId, userId), eq(userOrganizations.organizationId, organizationId)));
  return row !== undefined;
}

/** The number of the decision a session ended in, if any. */
export async function findDecisionNumber(db: Db, sessionId: string): Promise<string | null> {
  const [row] = await db
    .select({ number: decisions.number })
    .from(decisions)
    .where(eq(decisions.voteSessionId, sessionId));
  return row?.number ?? null;
}

// ---------- what a closing vote writes ----------

export async function insertDecision(
  db: Db,
  decision: typeof decisions.$inferInsert,
): Promise<{ id: string }> {
  const [row] = await db.insert(decisions).values(decision).returning({ id: decisions.id });
  return row!;
}

/** An admission vote's result on its application: back to review (no quorum), or decided. */
export async function setApplicationAfterVote(
  db: Db,
  applicationId: string,
  result: { state: 'under_review' } | { state: 'approved' | 'rejected'; organizationId: string | null },
): Promise<void> {
  await db
    .update(applications)
    .set({
      ...result,
      ...(result.state === 'under_review' ? {} : { decidedAt: sql`now()` }),
      updatedAt: sql`now()`,
      version: sql`${applications.version} + 1`,
    })
    .where(eq(applications.id, applicationId));
}

/** The applicant sees a vote's result in the application's history. */
export async function insertTransitionEvent(
  db: Db,
  event: {
    applicationId: string;
    actorId: string | null;
    action: string;
    from: string;
    to: string;
    text: string | null;
  },
): Promise<void> {
  await db.insert(applicationEvents).values({
    applicationId: event.applicationId,
    actorId: event.actorId,
    kind: 'transition',
    action: event.action,
    fromState: event.from,
    toState: event.to,
    audience: 'applicant',
    text: event.text,
  });
}

/** An admitted organisation, created from the application; one already on file with its ЕИК is kept. */
export async function insertOrFindOrganization(
  db: Db,
  organization: typeof organizations.$inferInsert,
): Promise<string> {
  const [row] = await db
    .insert(organizations)
    .values(organization)
    .onConflictDoUpdate({ target: organizations.eik, set: { updatedAt: sql`now()` } })
    .returning({ id: organizations.id });
  return row!.id;
}

/** What an organisation offers to or seeks from the cluster, written only where it filled in nothing. */
export async function fillSharingIfEmpty(
  db: Db,
  organizationId: string,
  sharing: Pick<typeof organizations.$inferInsert, 'offers' | 'seeks'>,
): Promise<void> {
  const empty = (value: object | undefined) => !value || Object.keys(value).length === 0;
  const where = (column: typeof organizations.offers | typeof organizations.seeks) =>
    and(eq(organizations.id, organizationId), sql`${column} = '{}'::jsonb`);
  if (!empty(sharing.offers)) {
    await db.update(organizations).set({ offers: sharing.offers }).where(where(organizations.offers));
  }
  if (!empty(sharing.seeks)) {
    await db.update(organizations).set({ seeks: sharing.seeks }).where(where(organizations.seeks));
  }
}

export async function addOrganizationAreas(db: Db, organizationId: string, areaIds: string[]): Promise<void> {
  if (areaIds.length === 0) return;
  await db
    .insert(organizationAreas)
    .values(areaIds.map((areaId) => ({ organizationId, areaId })))
    .onConflictDoNothing();
}

/** The organisation becomes an active member in `category` from `since` (a former membership is renewed). */
export async function activateMembership(
  db: Db,
  organizationId: string,
  category: (typeof memberships.$inferInsert)['category'],
  since: string,
): Promise<void> {
  await db
    .insert(memberships)
    .values({ organizationId, category, status: 'active', memberSince: since })
    .onConflictDoUpdate({
      target: memberships.organizationId,
      set: {
        category: sql`excluded.category`,
        status: 'active',
        memberSince: sql`excluded.member_since`,
        updatedAt: sql`now()`,
        version: sql`${memberships.version} + 1`,
      },
    });
}

/** The applicant becomes a representative of the admitted organisation. */
export async function addRepresentative(db: Db, userId: string, organizationId: string): Promise<void> {
  await db.insert(userOrganizations).values({ userId, organizationId }).onConflictDoNothing();
  await db.insert(userRoles).values({ userId, role: 'representative' }).onConflictDoNothing();
}
