import { type Db, sql } from '@portal/db';
import {
  type ApplicationData,
  admissionDecisionText,
  type Ballot,
  computeOutcome,
  hasQuorum,
  type MajorityRule,
  type Principal,
  type QuorumRule,
  SHARING_KINDS,
  type Sharing,
  type Tally,
  type VoteChoice,
  type VoteOutcome,
  type VotePanel,
} from '@portal/shared';
import { type Actor, recordAudit, type SignedInActor } from '../../audit.ts';
import { execute, isoTimestamp, parseJson } from '../../db.ts';
import { AppError } from '../../errors.ts';
import { recordEvent } from '../../events/events.ts';
import { type AppRow, assertCanView, loadRow } from '../applications/application-row.ts';
import { assertNoConflict, committeeOf } from '../applications/conflicts.ts';
import { allocateDecisionNumber } from '../decisions/numbers.ts';

interface SessionRow extends Record<string, unknown> {
  id: string;
  round: number;
  quorum: QuorumRule;
  majority: MajorityRule;
  ballot: Ballot;
  opened_at: string;
  closed_at: string | null;
  outcome: VoteOutcome | null;
  tally: Tally | string | null;
}

async function latestSession(
  db: Db,
  applicationId: string,
  openOnly = false,
): Promise<SessionRow | undefined> {
  const [row] = await execute<SessionRow>(
    db,
    sql`select id, round, quorum, majority, ballot, ${isoTimestamp('opened_at')} as opened_at,
          case when closed_at is null then null else ${isoTimestamp('closed_at')} end as closed_at, outcome, tally
        from vote_sessions where application_id = ${applicationId} ${openOnly ? sql`and closed_at is null` : sql``}
        order by round desc limit 1`,
  );
  return row;
}

interface Counted {
  tally: Tally;
  /** Members (of the current committee, not recused) who have voted. */
  voted: number;
}

/**
 * The tally of a session over the current committee (recused members are not eligible). An open ballot
 * counts the choices beside the names; a secret ballot counts them from `secret_tallies`, which holds no
 * names (decision 013), and who voted from `votes`.
 */
async function countVotes(
  db: Db,
  applicationId: string,
  session: Pick<SessionRow, 'id' | 'ballot'>,
): Promise<Counted> {
  const [row] = await execute<{
    members: number;
    recused: number;
    voted: number;
    f: number;
    a: number;
    ab: number;
  }>(
    db,
    // A member with a conflict of interest counts as recused whatever `votes` holds (decision 013).
    sql`with c as (${committeeOf(applicationId)}),
        v as (select v.member_id, v.choice, (v.recused or c.conflict is not null) as recused
              from votes v join c on c.id = v.member_id where v.session_id = ${session.id})
        select (select count(*) from c)::int as members,
          ((select count(*) from v where v.recused)
            + (select count(*) from c where c.conflict is not null
                and not exists (select 1 from v where v.member_id = c.id)))::int as recused,
          (select count(*) from v where not v.recused)::int as voted,
          ${
            session.ballot === 'secret'
              ? sql`coalesce((select votes from secret_tallies where session_id = ${session.id} and choice = 'for'), 0)::int as f,
          coalesce((select votes from secret_tallies where session_id = ${session.id} and choice = 'against'), 0)::int as a,
          coalesce((select votes from secret_tallies where session_id = ${session.id} and choice = 'abstain'), 0)::int as ab`
              : sql`(select count(*) from v where not v.recused and v.choice = 'for')::int as f,
          (select count(*) from v where not v.recused and v.choice = 'against')::int as a,
          (select count(*) from v where not v.recused and v.choice = 'abstain')::int as ab`
          }`,
  );
  const r = row ?? { members: 0, recused: 0, voted: 0, f: 0, a: 0, ab: 0 };
  return {
    tally: {
      eligible: Number(r.members) - Number(r.recused),
      recused: Number(r.recused),
      for: Number(r.f),
      against: Number(r.a),
      abstain: Number(r.ab),
    },
    voted: Number(r.voted),
  };
}

/**
 * The voting panel for a committee member. An open ballot shows who voted how; a secret ballot shows
 * only who has voted and, once closed, the totals — to everyone, the chair and administrators included.
 */
export async function loadVotePanel(
  db: Db,
  applicationId: string,
  viewerId: string,
): Promise<VotePanel | null> {
  const session = await latestSession(db, applicationId);
  if (!session) return null;
  const secret = session.ballot === 'secret';
  const closed = session.closed_at !== null;
  const counted = await countVotes(db, applicationId, session);
  const tally: Tally = closed && session.tally ? parseJson(session.tally) : counted.tally;
  const voted =
    closed && session.tally && !secret ? tally.for + tally.against + tally.abstain : counted.voted;
  const hidden = secret && !closed;
  const voters = await execute<{ name: string; choice: VoteChoice | null; recused: boolean; voted: boolean }>(
    db,
    sql`select c.display_name as name, ${secret ? sql`null` : sql`case when c.conflict is null then v.choice end`} as choice,
          (coalesce(v.recused, false) or c.conflict is not null) as recused,
          (v.member_id is not null and not v.recused and c.conflict is null) as voted
        from (${committeeOf(applicationId)}) c left join votes v on v.member_id = c.id and v.session_id = ${session.id}
        order by c.display_name`,
  );
  const [mine] = await execute<{ choice: VoteChoice | null; recused: boolean }>(
    db,
    sql`select choice, recused from votes where session_id = ${session.id} and member_id = ${viewerId}`,
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
    myVoted: mine !== undefined && !mine.recused,
    myRecused: Boolean(mine?.recused),
    outcome: session.outcome,
  };
}

async function openSessionFor(tx: Db, row: AppRow): Promise<SessionRow> {
  if (row.state !== 'in_vote') throw new AppError('application.no_open_vote', 409);
  const session = await latestSession(tx, row.id, true);
  if (!session) throw new AppError('application.no_open_vote', 409);
  return session;
}

/** What a committee member does on an application's open vote. */
export type VoteAct =
  | { kind: 'cast'; choice: VoteChoice }
  | { kind: 'recuse'; reason: string }
  | { kind: 'close' };

/**
 * One act on the open vote of an application the caller may see, in one transaction under the
 * application's row lock, which serialises every vote, recusal and close of one application.
 */
export async function actOnVote(
  db: Db,
  context: { actor: SignedInActor; principal: Principal; publicUrl: string },
  applicationId: string,
  act: VoteAct,
): Promise<void> {
  const { actor, principal, publicUrl } = context;
  await db.transaction(async (tx) => {
    const row = await loadRow(tx, applicationId, true);
    assertCanView(principal, row);
    if (act.kind === 'cast') await castVote(tx, actor, row, act.choice, publicUrl);
    else if (act.kind === 'recuse') await recuse(tx, actor, row, act.reason, publicUrl);
    else await closeVote(tx, actor, row, publicUrl);
  });
}

/**
 * Casts or changes a vote (under the application's row lock, held by the caller's transaction). When
 * every eligible member has voted, the vote closes by itself.
 */
async function castVote(
  tx: Db,
  actor: Actor & { userId: string },
  row: AppRow,
  choice: VoteChoice,
  publicUrl: string,
): Promise<void> {
  const session = await openSessionFor(tx, row);
  await assertNoConflict(tx, row.id, actor.userId);
  const [existing] = await execute<{ recused: boolean }>(
    tx,
    sql`select recused from votes where session_id = ${session.id} and member_id = ${actor.userId}`,
  );
  if (existing?.recused) throw new AppError('application.recused', 409);
  await recordBallot(tx, session, actor.userId!, choice, Boolean(existing));
  // A secret ballot's audit trail records that a member voted, never how.
  await recordAudit(tx, actor, {
    action: 'vote.cast',
    entityType: 'application',
    entityId: row.id,
    after:
      session.ballot === 'secret' ? { round: session.round, voted: true } : { round: session.round, choice },
  });
  await closeIfComplete(tx, actor, row, session, publicUrl);
}

async function recuse(
  tx: Db,
  actor: Actor & { userId: string },
  row: AppRow,
  reason: string,
  publicUrl: string,
): Promise<void> {
  const session = await openSessionFor(tx, row);
  await assertNoConflict(tx, row.id, actor.userId);
  if (session.ballot === 'secret') {
    const [existing] = await execute<{ recused: boolean }>(
      tx,
      sql`select recused from votes where session_id = ${session.id} and member_id = ${actor.userId}`,
    );
    // A secret ballot once cast cannot be taken back out of the nameless count.
    if (existing && !existing.recused) throw new AppError('application.secret_vote_final', 409);
  }
  await execute(
    tx,
    sql`insert into votes (session_id, member_id, choice, recused, recusal_reason)
        values (${session.id}, ${actor.userId}, null, true, ${reason})
        on conflict (session_id, member_id) do update
          set choice = null, recused = true, recusal_reason = excluded.recusal_reason, updated_at = now()`,
  );
  await recordAudit(tx, actor, {
    action: 'vote.recused',
    entityType: 'application',
    entityId: row.id,
    after: { round: session.round, reason },
  });
  await closeIfComplete(tx, actor, row, session, publicUrl);
}

async function closeIfComplete(
  tx: Db,
  actor: Actor & { userId: string },
  row: AppRow,
  session: SessionRow,
  publicUrl: string,
): Promise<void> {
  const { tally, voted } = await countVotes(tx, row.id, session);
  if (tally.eligible > 0 && voted >= tally.eligible) {
    await closeSession(tx, { ...actor, userId: actor.userId }, row, session, publicUrl, true);
  }
}

/** The chair closes the open vote. */
async function closeVote(
  tx: Db,
  actor: Actor & { userId: string },
  row: AppRow,
  publicUrl: string,
): Promise<void> {
  const session = await openSessionFor(tx, row);
  await assertNoConflict(tx, row.id, actor.userId);
  await closeSession(tx, actor, row, session, publicUrl, false);
}

/**
 * Closes a vote: the outcome is computed here from the votes. A decision gets the next number of the
 * year; approval makes the organisation an active member and the applicant its representative, in this
 * same transaction. The conditional UPDATE (`closed_at is null`) and the unique decision per session make
 * a second close a no-op even if two ever raced past the row lock.
 */
async function closeSession(
  tx: Db,
  actor: Actor & { userId: string },
  row: AppRow,
  session: SessionRow,
  _publicUrl: string, // links are built when the event is dispatched (decision 030)
  automatic: boolean,
): Promise<void> {
  const { tally } = await countVotes(tx, row.id, session);
  const outcome = computeOutcome(tally, session.majority, session.quorum);
  const closed = await execute(
    tx,
    sql`update vote_sessions set closed_at = now(), closed_by = ${automatic ? null : actor.userId},
          outcome = ${outcome}, tally = ${JSON.stringify(tally)}::jsonb
        where id = ${session.id} and closed_at is null returning id`,
  );
  if (closed.length === 0) return;
  const systemActor = automatic ? { ...actor } : actor;
  await recordAudit(tx, systemActor, {
    action: 'vote.closed',
    entityType: 'application',
    entityId: row.id,
    after: { round: session.round, outcome, tally, automatic },
  });

  if (outcome === 'no_quorum') {
    await execute(
      tx,
      sql`update applications set state = 'under_review', updated_at = now(), version = version + 1 where id = ${row.id}`,
    );
    await addTransitionEvent(
      tx,
      row.id,
      automatic ? null : actor.userId,
      'no_quorum',
      'in_vote',
      'under_review',
    );
    await recordEvent(tx, {
      type: 'application.decided',
      payload: { applicationId: row.id, outcome, number: null },
    });
    return;
  }

  const data = parseJson(row.data) as ApplicationData;
  const org = data.organization;
  if (!org) throw new AppError('internal', 500);
  const counter = await allocateDecisionNumber(tx);
  const { number, today } = counter;

  let organizationId = row.organization_id;
  if (outcome === 'approved') {
    organizationId = await admit(tx, row, data, today);
  }
  const { textBg, textEn } = admissionDecisionText(outcome, org, tally);
  await execute(
    tx,
    sql`insert into decisions (year, sequence, number, decided_on, outcome, application_id, vote_session_id,
          organization_id, organization_name_bg, organization_name_en, text_bg, text_en, tally, accession)
        values (${counter.year}, ${counter.sequence}, ${number}, ${today}::date, ${outcome}, ${row.id}, ${session.id},
          ${organizationId}, ${org.nameBg}, ${org.nameEn},
          ${textBg}, ${textEn},
          ${JSON.stringify(tally)}::jsonb, ${data.accession ? JSON.stringify(data.accession) : null}::jsonb)`,
  );
  await execute(
    tx,
    sql`update applications set state = ${outcome}, decided_at = now(), organization_id = ${organizationId},
          updated_at = now(), version = version + 1 where id = ${row.id}`,
  );
  await addTransitionEvent(
    tx,
    row.id,
    automatic ? null : actor.userId,
    outcome === 'approved' ? 'approve' : 'reject',
    'in_vote',
    outcome,
    `№ ${number}`,
  );
  await recordAudit(tx, actor, {
    action: 'decision.created',
    entityType: 'decision',
    entityId: number,
    after: { number, outcome, applicationId: row.id, organizationId, tally },
  });
  await recordEvent(tx, { type: 'application.decided', payload: { applicationId: row.id, outcome, number } });
}

async function addTransitionEvent(
  tx: Db,
  applicationId: string,
  actorId: string | null,
  action: string,
  from: string,
  to: string,
  text: string | null = null,
): Promise<void> {
  await execute(
    tx,
    sql`insert into application_events (application_id, actor_id, kind, action, from_state, to_state, audience, text)
        values (${applicationId}, ${actorId}, 'transition', ${action}, ${from}, ${to}, 'applicant', ${text})`,
  );
}

/** The kinds of sharing with some text (an application's section may carry empty strings). */
function sharingOf(section: Sharing | undefined): Sharing {
  const out: Sharing = {};
  for (const kind of SHARING_KINDS) {
    const text = section?.[kind]?.trim();
    if (text) out[kind] = text;
  }
  return out;
}

/** Approval: the organisation (created from the application, or the candidate on file) becomes an active member. */
async function admit(tx: Db, row: AppRow, data: ApplicationData, today: string): Promise<string> {
  const org = data.organization!;
  let organizationId = row.organization_id;
  // What the applicant offers to and seeks from the cluster becomes the member's profile (issue 11 C8).
  const offers = JSON.stringify(sharingOf(data.offers?.offers));
  const seeks = JSON.stringify(sharingOf(data.offers?.seeks));
  if (!organizationId) {
    const [created] = await execute<{ id: string }>(
      tx,
      sql`insert into organizations (eik, name_bg, name_en, kind, employees, founded_year, city, address, website,
            nace_codes, offers, seeks)
          values (${org.eik}, ${org.nameBg}, ${org.nameEn}, ${org.kind}, ${org.employees}, ${org.foundedYear},
            ${org.city}, ${org.address}, ${org.website ?? null},
            ${`{${org.naceCodes.map((c) => `"${c}"`).join(',')}}`}::text[], ${offers}::jsonb, ${seeks}::jsonb)
          on conflict (eik) do update set updated_at = now()
          returning id`,
    );
    organizationId = created!.id;
  }
  if (data.offers) {
    // A candidate on file (or an organisation found by its ЕИК) keeps what it already filled in.
    await execute(
      tx,
      sql`update organizations set offers = ${offers}::jsonb where id = ${organizationId} and offers = '{}'::jsonb
            and ${offers}::jsonb <> '{}'::jsonb`,
    );
    await execute(
      tx,
      sql`update organizations set seeks = ${seeks}::jsonb where id = ${organizationId} and seeks = '{}'::jsonb
            and ${seeks}::jsonb <> '{}'::jsonb`,
    );
  }
  if (data.areas?.areaIds.length) {
    for (const areaId of data.areas.areaIds) {
      await execute(
        tx,
        sql`insert into organization_areas (organization_id, area_id) values (${organizationId}, ${areaId})
            on conflict do nothing`,
      );
    }
  }
  const category = data.motivation?.category ?? 'regular';
  await execute(
    tx,
    sql`insert into memberships (organization_id, category, status, member_since)
        values (${organizationId}, ${category}, 'active', ${today}::date)
        on conflict (organization_id) do update set category = excluded.category, status = 'active',
          member_since = excluded.member_since, updated_at = now(), version = memberships.version + 1`,
  );
  await execute(
    tx,
    sql`insert into user_organizations (user_id, organization_id) values (${row.applicant_id}, ${organizationId})
        on conflict do nothing`,
  );
  await execute(
    tx,
    sql`insert into user_roles (user_id, role) values (${row.applicant_id}, 'representative') on conflict do nothing`,
  );
  return organizationId;
}

/**
 * Records one member's ballot (admissions and membership votes alike). In a secret ballot the choice goes to
 * the nameless count and the name to `votes` without a choice: no statement, row or log line holds both, so
 * a secret ballot is final (the old choice is not known to undo it). An open ballot can be changed.
 */
export async function recordBallot(
  tx: Db,
  session: { id: string; ballot: string },
  memberId: string,
  choice: string,
  hasVoted: boolean,
): Promise<void> {
  if (session.ballot === 'secret') {
    if (hasVoted) throw new AppError('application.secret_vote_final', 409);
    await execute(
      tx,
      sql`insert into votes (session_id, member_id, choice) values (${session.id}, ${memberId}, null)`,
    );
    await execute(
      tx,
      sql`insert into secret_tallies (session_id, choice, votes) values (${session.id}, ${choice}, 1)
          on conflict (session_id, choice) do update set votes = secret_tallies.votes + 1`,
    );
  } else {
    await execute(
      tx,
      sql`insert into votes (session_id, member_id, choice) values (${session.id}, ${memberId}, ${choice})
          on conflict (session_id, member_id) do update set choice = excluded.choice, updated_at = now()`,
    );
  }
}
