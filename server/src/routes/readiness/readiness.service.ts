import type { Db } from '@portal/db';
import {
  countStatuses,
  isComputedIndicatorKey,
  manualStatus,
  type ReadinessCriterion,
  type ReadinessCriterionInput,
  type ReadinessEvidence,
  type ReadinessEvidenceInput,
  type ReadinessManualStatus,
  type ReadinessRun,
  type ReadinessSet,
  type ReadinessSetInput,
  type ReadinessSetList,
  type ReadinessStatus,
  ruleStatus,
  todayInSofia,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { AppError, fieldError } from '../../errors.ts';
import { type IndicatorReader, indicatorReader } from '../strategy/indicators.ts';
import {
  areaExists,
  type CriterionRow,
  criteriaOf,
  criterionIdByCode,
  deleteCriterionRow,
  deleteEvidence,
  type EvidenceRow,
  type EvidenceValues,
  evidenceOfSet,
  findDecisionByNumber,
  findEvidenceDocument,
  findSetById,
  findSetBySlug,
  insertCriterion,
  insertEvidence,
  insertRun,
  insertSet,
  lastRunTimes,
  listSetRows,
  lockCriterionRow,
  lockEvidence,
  runsOfSet,
  type SetRow,
  setIdBySlug,
  setManualStatus,
  slugOfSet,
  updateCriterionRow,
  updateSetRow,
} from './readiness.repository.ts';

/**
 * Readiness checks (issue 16 §2, decision 051). Reading evaluates every rule live through the strategy's
 * computed indicators (`indicatorReader`, never repeating their SQL): flows count the last 12 months.
 * Every change runs in one transaction with its audit event; edits of sets and criteria name the version
 * read (If-Match: 412 when stale). The SQL lives in readiness.repository.ts.
 */

export type { CriterionRow, SetRow };

/** The first day of the 12 months ending today (inclusive). */
export function twelveMonthsBefore(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

interface Evaluated {
  figure: number | null;
  status: ReadinessStatus;
}

async function evaluate(compute: IndicatorReader, c: CriterionRow, today: string): Promise<Evaluated> {
  if (c.kind === 'manual') return { figure: null, status: manualStatus(c.manualStatus) };
  if (
    !c.indicatorKey ||
    !isComputedIndicatorKey(c.indicatorKey) ||
    c.comparison === null ||
    c.green === null
  ) {
    return { figure: null, status: 'red' };
  }
  const figure = await compute(c.indicatorKey, {
    param: c.indicatorParam,
    periodStart: twelveMonthsBefore(today),
    periodEnd: today,
    today,
  });
  return { figure, status: ruleStatus({ comparison: c.comparison, green: c.green, amber: c.amber }, figure) };
}

function toEvidence(e: EvidenceRow): ReadinessEvidence {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    url: e.url,
    decisionId: e.decisionId,
    decisionNumber: e.decisionNumber,
    fileName: e.fileName,
    sizeBytes: e.sizeBytes,
    createdAt: e.createdAt.toISOString(),
  };
}

interface StoredResult {
  criterionId: string;
  code: string;
  status: ReadinessStatus;
  figure: number | null;
}

async function setBySlug(db: Db, slug: string): Promise<SetRow> {
  const row = await findSetBySlug(db, slug);
  if (!row) throw new AppError('readiness.set_not_found', 404);
  return row;
}

async function evaluateSet(db: Db, set: SetRow, today: string, compute = indicatorReader(db)) {
  const rows = await criteriaOf(db, set.id);
  const evaluated: { row: CriterionRow; result: Evaluated }[] = [];
  for (const row of rows) evaluated.push({ row, result: await evaluate(compute, row, today) });
  return evaluated;
}

function setFields(s: SetRow) {
  return {
    id: s.id,
    slug: s.slug,
    titleBg: s.titleBg,
    titleEn: s.titleEn,
    descriptionBg: s.descriptionBg,
    descriptionEn: s.descriptionEn,
    sourceName: s.sourceName,
    sourceUrl: s.sourceUrl,
    position: s.position,
    version: s.version,
  };
}

// ---------- reading ----------

export async function listSets(db: Db, today = todayInSofia()): Promise<ReadinessSetList> {
  const sets = await listSetRows(db);
  const lastRuns = await lastRunTimes(db);
  const items = [];
  const compute = indicatorReader(db);
  for (const s of sets) {
    const evaluated = await evaluateSet(db, s, today, compute);
    const last = lastRuns.find((r) => r.setId === s.id)?.at;
    items.push({
      ...setFields(s),
      counts: countStatuses(evaluated.map((e) => e.result.status)),
      lastRunAt: last ? new Date(last).toISOString() : null,
    });
  }
  return { items };
}

export async function getSet(db: Db, slug: string, today = todayInSofia()): Promise<ReadinessSet> {
  const set = await setBySlug(db, slug);
  const evaluated = await evaluateSet(db, set, today);
  const evidence = await evidenceOfSet(db, set.id);
  const runs = await runsOfSet(db, set.id, 50);
  const criteria = evaluated.map(
    ({ row: c, result }): ReadinessCriterion => ({
      id: c.id,
      code: c.code,
      titleBg: c.titleBg,
      titleEn: c.titleEn,
      guidanceBg: c.guidanceBg,
      guidanceEn: c.guidanceEn,
      kind: c.kind,
      indicatorKey: c.indicatorKey,
      indicatorParam: c.indicatorParam,
      comparison: c.comparison,
      green: c.green,
      amber: c.amber,
      manualStatus: c.manualStatus,
      position: c.position,
      version: c.version,
      figure: result.figure,
      status: result.status,
      evidence: evidence.filter((e) => e.criterionId === c.id).map(toEvidence),
    }),
  );
  return {
    ...setFields(set),
    counts: countStatuses(criteria.map((c) => c.status)),
    asOf: today,
    criteria,
    history: runs.map(({ run, ranByName }): ReadinessRun => {
      const results = run.results as StoredResult[];
      return {
        id: run.id,
        ranAt: run.ranAt.toISOString(),
        ranByName,
        counts: countStatuses(results.map((r) => r.status)),
        results,
      };
    }),
  };
}

/** The set with this id, read as `getSet` reads it (404 when there is none). */
export async function getSetById(db: Db, id: string, today = todayInSofia()): Promise<ReadinessSet> {
  const slug = await slugOfSet(db, id);
  if (slug === undefined) throw new AppError('readiness.set_not_found', 404);
  return getSet(db, slug, today);
}

// ---------- running the check ----------

export async function runCheck(db: Db, actor: Actor, slug: string, today = todayInSofia()): Promise<void> {
  await db.transaction(async (tx) => {
    const set = await setBySlug(tx, slug);
    const evaluated = await evaluateSet(tx, set, today);
    const results: StoredResult[] = evaluated.map(({ row, result }) => ({
      criterionId: row.id,
      code: row.code,
      status: result.status,
      figure: result.figure,
    }));
    const runId = await insertRun(tx, set.id, actor.userId, results);
    await recordAudit(tx, actor, {
      action: 'readiness.check_run',
      entityType: 'readiness_set',
      entityId: set.id,
      after: { runId, counts: countStatuses(results.map((r) => r.status)), results },
    });
  });
}

// ---------- manual items and evidence ----------

async function lockCriterion(db: Db, id: string): Promise<CriterionRow> {
  const row = await lockCriterionRow(db, id);
  if (!row) throw new AppError('readiness.criterion_not_found', 404);
  return row;
}

/** The slug of a set known to exist (the criterion being changed is locked and belongs to it). */
async function slugOf(db: Db, setId: string): Promise<string> {
  return (await slugOfSet(db, setId))!;
}

export async function markManual(
  db: Db,
  actor: Actor,
  id: string,
  status: ReadinessManualStatus,
): Promise<string> {
  return db.transaction(async (tx) => {
    const before = await lockCriterion(tx, id);
    if (before.kind !== 'manual') throw new AppError('readiness.not_manual', 409);
    await setManualStatus(tx, id, status, actor.userId);
    await recordAudit(tx, actor, {
      action: 'readiness.manual_marked',
      entityType: 'readiness_criterion',
      entityId: id,
      before: { code: before.code, manualStatus: before.manualStatus },
      after: { code: before.code, manualStatus: status },
    });
    return slugOf(tx, before.setId);
  });
}

export async function addEvidence(
  db: Db,
  actor: Actor,
  criterionId: string,
  input: ReadinessEvidenceInput | { kind: 'document'; fileName: string; content: Buffer },
): Promise<string> {
  return db.transaction(async (tx) => {
    const criterion = await lockCriterion(tx, criterionId);
    let values: EvidenceValues;
    if (input.kind === 'link') {
      values = { criterionId, kind: 'link', title: input.title, url: input.url, addedBy: actor.userId };
    } else if (input.kind === 'decision') {
      const decision = await findDecisionByNumber(tx, input.number);
      if (!decision) throw fieldError('body.number', 'readiness.decision_unknown');
      values = {
        criterionId,
        kind: 'decision',
        title: decision.number,
        decisionId: decision.id,
        addedBy: actor.userId,
      };
    } else {
      values = {
        criterionId,
        kind: 'document',
        title: input.fileName,
        fileName: input.fileName,
        contentType: 'application/pdf',
        sizeBytes: input.content.length,
        content: input.content,
        addedBy: actor.userId,
      };
    }
    const evidenceId = await insertEvidence(tx, values);
    await recordAudit(tx, actor, {
      action: 'readiness.evidence_added',
      entityType: 'readiness_criterion',
      entityId: criterionId,
      after: {
        evidenceId,
        code: criterion.code,
        kind: values.kind,
        title: values.title,
        url: values.url ?? null,
        sizeBytes: values.sizeBytes ?? null,
      },
    });
    return slugOf(tx, criterion.setId);
  });
}

export async function removeEvidence(db: Db, actor: Actor, evidenceId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockEvidence(tx, evidenceId);
    if (!row) throw new AppError('readiness.evidence_not_found', 404);
    await deleteEvidence(tx, evidenceId);
    await recordAudit(tx, actor, {
      action: 'readiness.evidence_removed',
      entityType: 'readiness_criterion',
      entityId: row.criterionId,
      before: { evidenceId: row.id, kind: row.kind, title: row.title, url: row.url },
    });
  });
}

export async function loadEvidenceDocument(db: Db, evidenceId: string) {
  const row = await findEvidenceDocument(db, evidenceId);
  if (!row?.content || !row.fileName) throw new AppError('readiness.evidence_not_found', 404);
  return { fileName: row.fileName, content: row.content };
}

// ---------- editing sets and criteria (administrators) ----------

function snapshot<T extends { createdAt: Date; updatedAt: Date }>(row: T) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

async function checkSlugFree(db: Db, slug: string, exceptId: string | null): Promise<void> {
  const id = await setIdBySlug(db, slug);
  if (id !== undefined && id !== exceptId) throw fieldError('body.slug', 'readiness.slug_taken');
}

export async function createSet(db: Db, actor: Actor, input: ReadinessSetInput): Promise<SetRow> {
  return db.transaction(async (tx) => {
    await checkSlugFree(tx, input.slug, null);
    const row = await insertSet(tx, input);
    await recordAudit(tx, actor, {
      action: 'readiness.set_created',
      entityType: 'readiness_set',
      entityId: row.id,
      after: snapshot(row),
    });
    return row;
  });
}

export async function updateSet(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  input: ReadinessSetInput,
): Promise<SetRow> {
  return db.transaction(async (tx) => {
    const before = await findSetById(tx, id, true);
    if (!before) throw new AppError('readiness.set_not_found', 404);
    await checkSlugFree(tx, input.slug, id);
    const after = await updateSetRow(tx, id, version, input);
    if (!after) throw new AppError('precondition.failed', 412);
    await recordAudit(tx, actor, {
      action: 'readiness.set_updated',
      entityType: 'readiness_set',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

async function checkCriterion(
  db: Db,
  setId: string,
  input: ReadinessCriterionInput,
  exceptId: string | null,
) {
  if (input.indicatorParam !== null && !(await areaExists(db, input.indicatorParam))) {
    throw fieldError('body.indicatorParam', 'readiness.area_unknown');
  }
  const same = await criterionIdByCode(db, setId, input.code);
  if (same !== undefined && same !== exceptId) throw fieldError('body.code', 'readiness.code_taken');
}

export async function createCriterion(
  db: Db,
  actor: Actor,
  setId: string,
  input: ReadinessCriterionInput,
): Promise<CriterionRow> {
  return db.transaction(async (tx) => {
    if (!(await findSetById(tx, setId))) throw new AppError('readiness.set_not_found', 404);
    await checkCriterion(tx, setId, input, null);
    const row = await insertCriterion(tx, setId, input);
    await recordAudit(tx, actor, {
      action: 'readiness.criterion_created',
      entityType: 'readiness_criterion',
      entityId: row.id,
      after: snapshot(row),
    });
    return row;
  });
}

export async function updateCriterion(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  input: ReadinessCriterionInput,
): Promise<CriterionRow> {
  return db.transaction(async (tx) => {
    const before = await lockCriterion(tx, id);
    await checkCriterion(tx, before.setId, input, id);
    const after = await updateCriterionRow(tx, id, version, input);
    if (!after) throw new AppError('precondition.failed', 412);
    await recordAudit(tx, actor, {
      action: 'readiness.criterion_updated',
      entityType: 'readiness_criterion',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

export async function removeCriterion(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockCriterion(tx, id);
    if (!(await deleteCriterionRow(tx, id, version))) throw new AppError('precondition.failed', 412);
    await recordAudit(tx, actor, {
      action: 'readiness.criterion_deleted',
      entityType: 'readiness_criterion',
      entityId: id,
      before: snapshot(before),
    });
  });
}
