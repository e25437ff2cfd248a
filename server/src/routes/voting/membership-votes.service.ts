import { type Db, sql } from '@portal/db';
import {
  type Ballot,
  computeOutcome,
  hasQuorum,
  type MajorityRule,
  type MembershipProposal,
  type MembershipVote,
  type MembershipVoteOpenBody,
  type QuorumRule,
  type Tally,
  type VoteChoice,
  type VoteOutcome,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { execute, isoTimestamp, parseJson } from '../../db.ts';
import { AppError } from '../../errors.ts';
import { allocateDecisionNumber } from '../decisions/numbers.ts';
import {
  applyChange,
  checkChange,
  LABELS,
  loadMember,
  type MemberRow,
} from '../memberships/memberships.service.ts';
import { recordBallot } from './votes.service.ts';

/**
 * Votes of the committee on a change of an existing membership (issue 11 B1, decision 021): the chair
 * opens a vote on a proposal (action, category, reason, effective date); the committee votes as on
 * admissions (the rules are copied from the cluster's settings at the opening, a secret ballot keeps its
 * choices in `secret_tallies` without names — decision 013); the vote closes when every eligible member
 * has voted or the chair closes it. The server computes the outcome; an adopted change is recorded as a
 * numbered decision and applied in the closing transaction, a rejected one is recorded and changes
 * nothing, a vote without quorum records no decision. Everything runs under the membership's row lock.
 * A representative of the organisation on the committee is recused (not eligible, may not act).
 */

interface SessionRow extends Record<string, unknown> {
  id: string;
  round: number;
  quorum: QuorumRule;
  majority: MajorityRule;
  ballot: Ballot;
  proposal: MembershipProposal | string;
  opened_at: string;
  closed_at: string | null;
  outcome: VoteOutcome | null;
  tally: Tally | string | null;
}

/** The committee with each member's conflict on the membership: representing the organisation. */
const committeeOf = (organizationId: string) => sql`select u.id, u.display_name,
    case when exists (select 1 from user_organizations uo
      where uo.user_id = u.id and uo.organization_id = ${organizationId}) then 'representative' end as conflict
  from users u
  where u.disabled_at is null and exists (select 1 from user_roles r where r.user_id = u.id
    and r.role in ('committee_member', 'committee_chair'))`;

async function latestSession(db: Db, organizationId: string, openOnly = false) {
  const [row] = await execute<SessionRow>(
    db,
    sql`select id, round, quorum, majority, ballot, proposal, ${isoTimestamp('opened_at')} as opened_at,
          case when closed_at is null then null else ${isoTimestamp('closed_at')} end as closed_at, outcome, tally
        from vote_sessions where organization_id = ${organizationId} ${openOnly ? sql`and closed_at is null` : sql``}
        order by round desc limit 1`,
  );
  return row;
}

async function assertNoConflict(db: Db, organizationId: string, userId: string): Promise<void> {
  const [row] = await execute(
    db,
    sql`select 1 from user_organizations where user_id = ${userId} and organization_id = ${organizationId}`,
  );
  if (row) throw new AppError('membership.conflict_of_interest', 403);
}

async function countVotes(
  db: Db,
  organizationId: string,
  session: Pick<SessionRow, 'id' | 'ballot'>,
): Promise<{ tally: Tally; voted: number }> {
  const secret = session.ballot === 'secret';
  const [r] = await execute<{
    members: number;
    recused: number;
    voted: number;
    f: number;
    a: number;
    ab: number;
  }>(
    db,
    sql`with c as (${committeeOf(organizationId)}),
        v as (select v.member_id, v.choice from votes v join c on c.id = v.member_id
              where v.session_id = ${session.id} and c.conflict is null and not v.recused)
        select (select count(*) from c)::int as members,
          (select count(*) from c where c.conflict is not null)::int as recused,
          (select count(*) from v)::int as voted,
          ${
            secret
              ? sql`coalesce((select votes from secret_tallies where session_id = ${session.id} and choice = 'for'), 0)::int as f,
          coalesce((select votes from secret_tallies where session_id = ${session.id} and choice = 'against'), 0)::int as a,
          coalesce((select votes from secret_tallies where session_id = ${session.id} and choice = 'abstain'), 0)::int as ab`
              : sql`(select count(*) from v where v.choice = 'for')::int as f,
          (select count(*) from v where v.choice = 'against')::int as a,
          (select count(*) from v where v.choice = 'abstain')::int as ab`
          }`,
  );
  return {
    tally: {
      eligible: Number(r!.members) - Number(r!.recused),
      recused: Number(r!.recused),
      for: Number(r!.f),
      against: Number(r!.a),
      abstain: Number(r!.ab),
    },
    voted: Number(r!.voted),
  };
}

/** The open vote on the membership (else the latest closed one) as `viewerId` sees it. */
export async function loadMembershipVote(
  db: Db,
  organizationId: string,
  viewerId: string | null,
): Promise<MembershipVote | null> {
  const session = await latestSession(db, organizationId);
  if (!session) return null;
  const secret = session.ballot === 'secret';
  const closed = session.closed_at !== null;
  const counted = await countVotes(db, organizationId, session);
  const tally: Tally = closed && session.tally ? parseJson(session.tally) : counted.tally;
  const voted =
    closed && session.tally && !secret ? tally.for + tally.against + tally.abstain : counted.voted;
  const hidden = secret && !closed;
  const voters = await execute<{ name: string; choice: VoteChoice | null; recused: boolean; voted: boolean }>(
    db,
    sql`select c.display_name as name, ${secret ? sql`null` : sql`case when c.conflict is null then v.choice end`} as choice,
          (c.conflict is not null) as recused,
          (v.member_id is not null and c.conflict is null) as voted
        from (${committeeOf(organizationId)}) c
        left join votes v on v.member_id = c.id and v.session_id = ${session.id}
        order by c.display_name`,
  );
  const [mine] = viewerId
    ? await execute<{ choice: VoteChoice | null }>(
        db,
        sql`select choice from votes where session_id = ${session.id} and member_id = ${viewerId}`,
      )
    : [];
  const [conflict] = viewerId
    ? await execute(
        db,
        sql`select 1 from user_organizations where user_id = ${viewerId} and organization_id = ${organizationId}`,
      )
    : [];
  const [decision] = await execute<{ number: string }>(
    db,
    sql`select number from decisions where vote_session_id = ${session.id}`,
  );
  return {
    sessionId: session.id,
    round: Number(session.round),
    ballot: session.ballot,
    majority: session.majority,
    quorum: session.quorum,
    openedAt: session.opened_at,
    closedAt: session.closed_at,
    tally: {
      eligible: tally.eligible,
      recused: tally.recused,
      for: hidden ? null : tally.for,
      against: hidden ? null : tally.against,
      abstain: hidden ? null : tally.abstain,
      voted,
    },
    quorumReached: hasQuorum({ ...tally, for: voted, against: 0, abstain: 0 }, session.quorum),
    voters: voters.map((v) => ({
      name: v.name,
      voted: Boolean(v.voted),
      choice: secret ? null : v.choice,
      recused: Boolean(v.recused),
    })),
    myVote: secret ? null : (mine?.choice ?? null),
    myVoted: mine !== undefined && !conflict,
    myRecused: Boolean(conflict),
    outcome: session.outcome,
    proposal: parseJson(session.proposal),
    decisionNumber: decision?.number ?? null,
    myConflict: Boolean(conflict),
  };
}

/** The chair opens a vote on a proposed change (checked now as if it were taken now). */
export async function openMembershipVote(
  tx: Db,
  actor: Actor & { userId: string },
  organizationId: string,
  body: MembershipVoteOpenBody,
): Promise<void> {
  const row = await loadMember(tx, organizationId, true);
  await assertNoConflict(tx, organizationId, actor.userId);
  const proposal: MembershipProposal = {
    action: body.action,
    category: body.action === 'change_category' ? (body.category ?? null) : null,
    reason: body.reason,
    effectiveOn: body.effectiveOn,
  };
  await checkChange(tx, row, proposal, body.version);
  const [opened] = await execute<{ id: string; round: number }>(
    tx,
    sql`insert into vote_sessions (organization_id, proposal, round, quorum, majority, ballot, opened_by)
        select ${organizationId}, ${JSON.stringify(proposal)}::jsonb,
          coalesce((select max(round) from vote_sessions where organization_id = ${organizationId}), 0) + 1,
          s.quorum_rule, s.majority_rule, s.ballot, ${actor.userId}
        from cluster_settings s where s.id = 1
        returning id, round`,
  );
  await recordAudit(tx, actor, {
    action: 'membership.vote_opened',
    entityType: 'organization',
    entityId: organizationId,
    after: { round: Number(opened!.round), ...proposal },
  });
}

async function openSession(tx: Db, organizationId: string): Promise<SessionRow> {
  const session = await latestSession(tx, organizationId, true);
  if (!session) throw new AppError('membership.no_open_vote', 409);
  return session;
}

/** A committee member votes (under the membership's row lock); the last eligible vote closes it. */
export async function castMembershipVote(
  tx: Db,
  actor: Actor & { userId: string },
  organizationId: string,
  choice: VoteChoice,
  publicUrl: string,
): Promise<void> {
  const row = await loadMember(tx, organizationId, true);
  const session = await openSession(tx, organizationId);
  await assertNoConflict(tx, organizationId, actor.userId);
  const [existing] = await execute(
    tx,
    sql`select 1 from votes where session_id = ${session.id} and member_id = ${actor.userId}`,
  );
  // As on admissions (decision 013).
  await recordBallot(tx, session, actor.userId!, choice, Boolean(existing));
  await recordAudit(tx, actor, {
    action: 'vote.cast',
    entityType: 'membership_vote',
    entityId: session.id,
    after:
      session.ballot === 'secret' ? { round: session.round, voted: true } : { round: session.round, choice },
  });
  const { tally, voted } = await countVotes(tx, organizationId, session);
  if (tally.eligible > 0 && voted >= tally.eligible) {
    await closeSession(tx, actor, row, session, publicUrl, true);
  }
}

/** The chair closes the open vote. */
export async function closeMembershipVote(
  tx: Db,
  actor: Actor & { userId: string },
  organizationId: string,
  publicUrl: string,
): Promise<void> {
  const row = await loadMember(tx, organizationId, true);
  const session = await openSession(tx, organizationId);
  await assertNoConflict(tx, organizationId, actor.userId);
  await closeSession(tx, actor, row, session, publicUrl, false);
}

async function closeSession(
  tx: Db,
  actor: Actor & { userId: string },
  row: MemberRow,
  session: SessionRow,
  publicUrl: string,
  automatic: boolean,
): Promise<void> {
  const { tally } = await countVotes(tx, row.id, session);
  const outcome = computeOutcome(tally, session.majority, session.quorum);
  // The conditional update and the unique decision per session make a second close a no-op.
  const closed = await execute(
    tx,
    sql`update vote_sessions set closed_at = now(), closed_by = ${automatic ? null : actor.userId},
          outcome = ${outcome}, tally = ${JSON.stringify(tally)}::jsonb
        where id = ${session.id} and closed_at is null returning id`,
  );
  if (closed.length === 0) return;
  const proposal: MembershipProposal = parseJson(session.proposal);
  await recordAudit(tx, actor, {
    action: 'membership.vote_closed',
    entityType: 'organization',
    entityId: row.id,
    after: { round: Number(session.round), outcome, tally, automatic, ...proposal },
  });
  if (outcome === 'no_quorum') return;

  const counter = await allocateDecisionNumber(tx);
  const label = LABELS.action[proposal.action];
  const what = (lang: 'bg' | 'en') =>
    proposal.action === 'change_category' && proposal.category
      ? `${label[lang]} (${LABELS.category[proposal.category][lang]})`
      : label[lang];
  const tallyText = `${tally.for}/${tally.against}/${tally.abstain}`;
  const textBg =
    outcome === 'approved'
      ? `Комитетът реши: ${what('bg')} на членството на ${row.name_bg} (ЕИК ${row.eik}) от ${proposal.effectiveOn}, с гласове за/против/въздържали се ${tallyText}.`
      : `Комитетът не прие предложението за ${what('bg')} на членството на ${row.name_bg} (ЕИК ${row.eik}); гласове за/против/въздържали се ${tallyText}.`;
  const textEn =
    outcome === 'approved'
      ? `The committee decided: ${what('en')} of the membership of ${row.name_en} (EIK ${row.eik}) from ${proposal.effectiveOn}, by ${tallyText} votes for/against/abstaining.`
      : `The committee did not adopt the proposed ${what('en')} of the membership of ${row.name_en} (EIK ${row.eik}); ${tallyText} votes for/against/abstaining.`;
  const [decision] = await execute<{ id: string }>(
    tx,
    sql`insert into decisions (year, sequence, number, decided_on, subject, outcome, vote_session_id,
          organization_id, organization_name_bg, organization_name_en, text_bg, text_en, tally)
        values (${counter.year}, ${counter.sequence}, ${counter.number}, ${counter.today}::date, 'membership',
          ${outcome}, ${session.id}, ${row.id}, ${row.name_bg}, ${row.name_en}, ${textBg}, ${textEn},
          ${JSON.stringify(tally)}::jsonb)
        returning id`,
  );
  await recordAudit(tx, actor, {
    action: 'decision.created',
    entityType: 'decision',
    entityId: counter.number,
    after: {
      number: counter.number,
      subject: 'membership',
      outcome,
      membershipAction: proposal.action,
      organizationId: row.id,
      tally,
    },
  });
  if (outcome !== 'approved') return;
  // The proposal was checked at the opening, and nothing changed the membership while the vote was open.
  const { toStatus, toCategory } = await checkChange(tx, row, proposal, null, session.id);
  await applyChange(
    tx,
    actor,
    row,
    proposal,
    toStatus,
    toCategory,
    { id: decision!.id, number: counter.number },
    publicUrl,
  );
}
