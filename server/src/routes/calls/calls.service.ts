import {
  and,
  constraintViolation,
  type Db,
  eq,
  fundingCallDocuments,
  fundingCallInterests,
  fundingCalls,
  inArray,
  isoTimestamp,
  notInArray,
  organizations,
  sql,
} from '@portal/db';
import {
  type FundingCall,
  type FundingCallBody,
  type FundingCallDocument,
  type FundingCallInterests,
  type FundingCallListQuery,
  type FundingCallListResponse,
  type FundingCallSummary,
  fundingCallStatus,
  type OrganizationKind,
} from '@portal/shared';
import { type Actor, recordAudit, type SignedInActor } from '../../audit.ts';
import { ACTIVE_MEMBERSHIP, execute } from '../../db.ts';
import { AppError } from '../../errors.ts';

/** Funding calls (issue 16 §3, decision 049). */

const NOT_FOUND = () => new AppError('call.not_found', 404);

interface CallRow extends Record<string, unknown> {
  id: string;
  programme: string;
  code: string;
  title_bg: string;
  title_en: string;
  summary_bg: string;
  summary_en: string;
  opens_at: string;
  deadline_at: string;
  budget_cents: string | number | null;
  eligible_kinds: string[];
  url: string | null;
  version: number;
  interested: string | number;
}

/** Interested organisations counted: those that are active members now (decision 012). */
const interestedOf = (alias: string) => sql`
    (select count(*) from funding_call_interests i
       join memberships m on m.organization_id = i.organization_id
      where i.call_id = ${sql.raw(alias)}.id and ${ACTIVE_MEMBERSHIP}) as interested`;

const callColumns = sql`c.id, c.programme, c.code, c.title_bg, c.title_en, c.summary_bg, c.summary_en,
    ${isoTimestamp('c.opens_at')} as opens_at, ${isoTimestamp('c.deadline_at')} as deadline_at,
    c.budget_cents, c.eligible_kinds, c.url, c.version`;

const callSelect = sql`select ${callColumns}, ${interestedOf('c')} from funding_calls c`;

function toSummary(row: CallRow, now: Date): FundingCallSummary {
  return {
    id: row.id,
    programme: row.programme,
    code: row.code,
    titleBg: row.title_bg,
    titleEn: row.title_en,
    summaryBg: row.summary_bg,
    summaryEn: row.summary_en,
    opensAt: row.opens_at,
    deadlineAt: row.deadline_at,
    status: fundingCallStatus(row.opens_at, row.deadline_at, now),
    budgetCents: row.budget_cents === null ? null : Number(row.budget_cents),
    eligibleKinds: row.eligible_kinds as OrganizationKind[],
    url: row.url,
    interestedCount: Number(row.interested),
    version: row.version,
  };
}

function statusWhere(status: FundingCallListQuery['status'], now: Date) {
  const t = now.toISOString();
  switch (status) {
    case 'upcoming':
      return sql`where c.opens_at > ${t}::timestamptz`;
    case 'open':
      return sql`where c.opens_at <= ${t}::timestamptz and c.deadline_at > ${t}::timestamptz`;
    case 'closed':
      return sql`where c.deadline_at <= ${t}::timestamptz`;
    default:
      return sql``;
  }
}

/** The calls, paged: the coming deadlines first (soonest first), then the closed ones (latest first). */
export async function listCalls(
  db: Db,
  query: FundingCallListQuery,
  now = new Date(),
): Promise<FundingCallListResponse> {
  const t = now.toISOString();
  const where = statusWhere(query.status, now);
  // The order: the coming deadlines first (soonest first), then the closed ones (latest first).
  const order = sql`order by (c.deadline_at <= ${t}::timestamptz),
          case when c.deadline_at > ${t}::timestamptz then c.deadline_at end asc,
          c.deadline_at desc, c.id`;
  // The page is chosen first; the interest is counted for its calls only, not for every call that matches.
  const rows = await execute<CallRow & { total: string | number }>(
    db,
    sql`select p.*, ${interestedOf('p')} from (
          select ${callColumns}, c.deadline_at as deadline_ts, count(*) over () as total
            from funding_calls c ${where} ${order}
           limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}) p
        order by (p.deadline_ts <= ${t}::timestamptz),
          case when p.deadline_ts > ${t}::timestamptz then p.deadline_ts end asc,
          p.deadline_ts desc, p.id`,
  );
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (!rows[0] && query.page > 1) {
    const [c] = await execute<{ n: string | number }>(
      db,
      sql`select count(*) as n from funding_calls c ${where}`,
    );
    total = Number(c?.n ?? 0);
  }
  return { items: rows.map((r) => toSummary(r, now)), total, page: query.page, pageSize: query.pageSize };
}

async function documentsOf(db: Db, callId: string): Promise<FundingCallDocument[]> {
  return db
    .select({
      id: fundingCallDocuments.id,
      nameBg: fundingCallDocuments.nameBg,
      nameEn: fundingCallDocuments.nameEn,
      perPartner: fundingCallDocuments.perPartner,
      position: fundingCallDocuments.position,
    })
    .from(fundingCallDocuments)
    .where(eq(fundingCallDocuments.callId, callId))
    .orderBy(fundingCallDocuments.position, fundingCallDocuments.id);
}

export async function getCall(db: Db, id: string, now = new Date()): Promise<FundingCall> {
  const [row] = await execute<CallRow>(db, sql`${callSelect} where c.id = ${id}`);
  if (!row) throw NOT_FOUND();
  return { ...toSummary(row, now), documents: await documentsOf(db, id) };
}

const callValues = (body: FundingCallBody) => ({
  programme: body.programme,
  code: body.code,
  titleBg: body.titleBg,
  titleEn: body.titleEn,
  summaryBg: body.summaryBg,
  summaryEn: body.summaryEn,
  opensAt: new Date(body.opensAt),
  deadlineAt: new Date(body.deadlineAt),
  budgetCents: body.budgetCents,
  eligibleKinds: body.eligibleKinds,
  url: body.url,
});

/** What the audit keeps of a call: its fields and documents (no counts, no status). */
const snapshot = (call: FundingCall) => {
  const { interestedCount: _i, status: _s, version: _v, ...rest } = call;
  return rest;
};

/** Writes the documents list: kept ids are updated, new ones inserted, the rest removed. */
async function writeDocuments(tx: Db, callId: string, documents: FundingCallBody['documents']) {
  const keep = documents.flatMap((d) => (d.id ? [d.id] : []));
  const existing = await tx
    .select({ id: fundingCallDocuments.id })
    .from(fundingCallDocuments)
    .where(eq(fundingCallDocuments.callId, callId));
  const known = new Set(existing.map((d) => d.id));
  const unknown = documents.findIndex((d) => d.id && !known.has(d.id));
  if (unknown >= 0)
    throw new AppError('validation.failed', 400, {
      fields: [{ path: `body.documents.${unknown}.id`, code: 'calls.document_unknown' }],
    });
  try {
    await tx
      .delete(fundingCallDocuments)
      .where(
        keep.length
          ? and(eq(fundingCallDocuments.callId, callId), notInArray(fundingCallDocuments.id, keep))
          : eq(fundingCallDocuments.callId, callId),
      );
  } catch (error) {
    // A joint project's checklist refers to the document (projects, issue 16 §4).
    if (constraintViolation(error)?.kind === 'foreignKey') throw new AppError('call.in_use', 409);
    throw error;
  }
  for (const [position, d] of documents.entries()) {
    const values = { nameBg: d.nameBg, nameEn: d.nameEn, perPartner: d.perPartner, position };
    if (d.id) await tx.update(fundingCallDocuments).set(values).where(eq(fundingCallDocuments.id, d.id));
    else await tx.insert(fundingCallDocuments).values({ ...values, callId });
  }
}

export async function createCall(db: Db, actor: SignedInActor, body: FundingCallBody): Promise<FundingCall> {
  // A document sent with an id is refused by `writeDocuments` (a new call has none), rolling all back.
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(fundingCalls)
      .values({ ...callValues(body), createdBy: actor.userId })
      .returning({ id: fundingCalls.id });
    const id = row!.id;
    await writeDocuments(tx, id, body.documents);
    const call = await getCall(tx, id);
    await recordAudit(tx, actor, {
      action: 'call.created',
      entityType: 'funding_call',
      entityId: id,
      after: snapshot(call),
    });
    return call;
  });
}

/** Changes a call naming the version read (If-Match): 412 when it changed in the meantime. */
export async function updateCall(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  body: FundingCallBody,
): Promise<FundingCall> {
  return db.transaction(async (tx) => {
    const before = await getCall(tx, id);
    if (before.version !== expectedVersion) throw new AppError('precondition.failed', 412);
    const [row] = await tx
      .update(fundingCalls)
      .set({ ...callValues(body), updatedAt: new Date(), version: sql`${fundingCalls.version} + 1` })
      .where(and(eq(fundingCalls.id, id), eq(fundingCalls.version, expectedVersion)))
      .returning({ id: fundingCalls.id });
    if (!row) throw new AppError('precondition.failed', 412);
    await writeDocuments(tx, id, body.documents);
    const after = await getCall(tx, id);
    await recordAudit(tx, actor, {
      action: 'call.updated',
      entityType: 'funding_call',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/** Removes a call no member is interested in and no joint project is built on; otherwise 409. */
export async function deleteCall(db: Db, actor: Actor, id: string, expectedVersion: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getCall(tx, id);
    if (before.version !== expectedVersion) throw new AppError('precondition.failed', 412);
    const [interest] = await tx
      .select({ id: fundingCallInterests.organizationId })
      .from(fundingCallInterests)
      .where(eq(fundingCallInterests.callId, id))
      .limit(1);
    if (interest) throw new AppError('call.in_use', 409);
    try {
      await tx.delete(fundingCalls).where(eq(fundingCalls.id, id));
    } catch (error) {
      // A joint project is built on it (its foreign key does not cascade).
      if (constraintViolation(error)?.kind === 'foreignKey') throw new AppError('call.in_use', 409);
      throw error;
    }
    await recordAudit(tx, actor, {
      action: 'call.deleted',
      entityType: 'funding_call',
      entityId: id,
      before: snapshot(before),
    });
  });
}

/**
 * Who is interested in a call, for members: the interested organisations that are active members now, and of
 * the asker's active member organisations which are marked and which they may mark.
 */
export async function listInterests(
  db: Db,
  callId: string,
  memberOrganizationIds: readonly string[],
  { known = false }: { known?: boolean } = {},
): Promise<FundingCallInterests> {
  // After marking or unmarking, the call was just read (404 there): not read again.
  if (!known) await callDates(db, callId);
  const rows = await execute<{ id: string; nameBg: string; nameEn: string }>(
    db,
    sql`select o.id, o.name_bg as "nameBg", o.name_en as "nameEn" from funding_call_interests i
          join organizations o on o.id = i.organization_id
          join memberships m on m.organization_id = o.id
        where i.call_id = ${callId} and ${ACTIVE_MEMBERSHIP}
        order by o.name_bg collate portal_bg, o.id`,
  );
  const own = memberOrganizationIds.length
    ? await db
        .select({ id: organizations.id, nameBg: organizations.nameBg, nameEn: organizations.nameEn })
        .from(organizations)
        .where(inArray(organizations.id, [...memberOrganizationIds]))
        .orderBy(organizations.nameBg)
    : [];
  const interested = new Set(rows.map((r) => r.id));
  return {
    organizations: rows,
    mine: own.filter((o) => interested.has(o.id)).map((o) => o.id),
    canMark: own,
  };
}

/** The call's dates, the one read marking needs (its status); 404 for no such call. */
async function callDates(db: Db, id: string) {
  const [row] = await db
    .select({ opensAt: fundingCalls.opensAt, deadlineAt: fundingCalls.deadlineAt })
    .from(fundingCalls)
    .where(eq(fundingCalls.id, id));
  if (!row) throw NOT_FOUND();
  return row;
}

/** Marks an organisation interested (idempotent; not in a closed call). */
export async function markInterest(
  db: Db,
  actor: SignedInActor,
  callId: string,
  organizationId: string,
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const call = await callDates(tx, callId);
    if (fundingCallStatus(call.opensAt, call.deadlineAt, now) === 'closed')
      throw new AppError('call.closed', 409);
    const inserted = await tx
      .insert(fundingCallInterests)
      .values({ callId, organizationId, markedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ callId: fundingCallInterests.callId });
    if (inserted.length === 0) return;
    await recordAudit(tx, actor, {
      action: 'call.interest_marked',
      entityType: 'funding_call',
      entityId: callId,
      after: { organizationId },
    });
  });
}

export async function unmarkInterest(
  db: Db,
  actor: SignedInActor,
  callId: string,
  organizationId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await callDates(tx, callId);
    const gone = await tx
      .delete(fundingCallInterests)
      .where(
        and(eq(fundingCallInterests.callId, callId), eq(fundingCallInterests.organizationId, organizationId)),
      )
      .returning({ markedBy: fundingCallInterests.markedBy });
    if (gone.length === 0) return;
    await recordAudit(tx, actor, {
      action: 'call.interest_unmarked',
      entityType: 'funding_call',
      entityId: callId,
      before: { organizationId, markedBy: gone[0]!.markedBy },
    });
  });
}
