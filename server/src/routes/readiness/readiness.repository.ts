import {
  and,
  areas,
  asc,
  type Db,
  decisions,
  desc,
  eq,
  readinessCriteria,
  readinessEvidence,
  readinessRuns,
  readinessSets,
  sql,
  users,
} from '@portal/db';
import type { ReadinessCriterionInput, ReadinessManualStatus, ReadinessSetInput } from '@portal/shared';

/**
 * Readiness sets, criteria, evidence and runs in the database (decision 051). Only SQL here: the rules,
 * the checks of the version read (If-Match) and the audit live in readiness.service.ts. Lookups return
 * undefined when nothing matches; the service decides which problem that is.
 */

export type SetRow = typeof readinessSets.$inferSelect;
export type CriterionRow = typeof readinessCriteria.$inferSelect;
export type EvidenceRow = Omit<typeof readinessEvidence.$inferSelect, 'content'> & {
  decisionNumber: string | null;
};
export type EvidenceValues = typeof readinessEvidence.$inferInsert;

// ---------- sets ----------

export async function listSetRows(db: Db): Promise<SetRow[]> {
  return db.select().from(readinessSets).orderBy(asc(readinessSets.position), asc(readinessSets.slug));
}

export async function findSetBySlug(db: Db, slug: string): Promise<SetRow | undefined> {
  const [row] = await db.select().from(readinessSets).where(eq(readinessSets.slug, slug));
  return row;
}

/** The set (locked for update when `lock`), or undefined. */
export async function findSetById(db: Db, id: string, lock = false): Promise<SetRow | undefined> {
  const query = db.select().from(readinessSets).where(eq(readinessSets.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function slugOfSet(db: Db, setId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ slug: readinessSets.slug })
    .from(readinessSets)
    .where(eq(readinessSets.id, setId));
  return row?.slug;
}

/** The id of the set with this slug, or undefined. */
export async function setIdBySlug(db: Db, slug: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: readinessSets.id })
    .from(readinessSets)
    .where(eq(readinessSets.slug, slug));
  return row?.id;
}

export async function insertSet(db: Db, input: ReadinessSetInput): Promise<SetRow> {
  const [row] = await db.insert(readinessSets).values(input).returning();
  return row!;
}

/** Changes the set when it is still at `version` (bumping it); undefined when stale. */
export async function updateSetRow(
  db: Db,
  id: string,
  version: number,
  input: ReadinessSetInput,
): Promise<SetRow | undefined> {
  const [row] = await db
    .update(readinessSets)
    .set({ ...input, version: sql`${readinessSets.version} + 1`, updatedAt: new Date() })
    .where(and(eq(readinessSets.id, id), eq(readinessSets.version, version)))
    .returning();
  return row;
}

// ---------- criteria ----------

export async function criteriaOf(db: Db, setId: string): Promise<CriterionRow[]> {
  return db
    .select()
    .from(readinessCriteria)
    .where(eq(readinessCriteria.setId, setId))
    .orderBy(asc(readinessCriteria.position), asc(readinessCriteria.code));
}

/** The criterion, locked for update, or undefined. */
export async function lockCriterionRow(db: Db, id: string): Promise<CriterionRow | undefined> {
  const [row] = await db.select().from(readinessCriteria).where(eq(readinessCriteria.id, id)).for('update');
  return row;
}

/** The id of the set's criterion with this code, or undefined. */
export async function criterionIdByCode(db: Db, setId: string, code: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: readinessCriteria.id })
    .from(readinessCriteria)
    .where(and(eq(readinessCriteria.setId, setId), eq(readinessCriteria.code, code)));
  return row?.id;
}

export async function areaExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: areas.id }).from(areas).where(eq(areas.id, id));
  return row !== undefined;
}

export async function insertCriterion(
  db: Db,
  setId: string,
  input: ReadinessCriterionInput,
): Promise<CriterionRow> {
  const [row] = await db
    .insert(readinessCriteria)
    .values({ ...input, setId })
    .returning();
  return row!;
}

/** Changes the criterion when it is still at `version` (bumping it); undefined when stale. */
export async function updateCriterionRow(
  db: Db,
  id: string,
  version: number,
  input: ReadinessCriterionInput,
): Promise<CriterionRow | undefined> {
  const [row] = await db
    .update(readinessCriteria)
    .set({ ...input, version: sql`${readinessCriteria.version} + 1`, updatedAt: new Date() })
    .where(and(eq(readinessCriteria.id, id), eq(readinessCriteria.version, version)))
    .returning();
  return row;
}

/** Deletes the criterion when it is still at `version`; false when stale. */
export async function deleteCriterionRow(db: Db, id: string, version: number): Promise<boolean> {
  const deleted = await db
    .delete(readinessCriteria)
    .where(and(eq(readinessCriteria.id, id), eq(readinessCriteria.version, version)))
    .returning({ id: readinessCriteria.id });
  return deleted.length > 0;
}

export async function setManualStatus(
  db: Db,
  id: string,
  status: ReadinessManualStatus,
  markedBy: string | null,
): Promise<void> {
  await db
    .update(readinessCriteria)
    .set({ manualStatus: status, manualMarkedBy: markedBy, manualMarkedAt: new Date() })
    .where(eq(readinessCriteria.id, id));
}

// ---------- evidence ----------

const evidenceColumns = {
  id: readinessEvidence.id,
  criterionId: readinessEvidence.criterionId,
  kind: readinessEvidence.kind,
  title: readinessEvidence.title,
  url: readinessEvidence.url,
  decisionId: readinessEvidence.decisionId,
  decisionNumber: decisions.number,
  fileName: readinessEvidence.fileName,
  contentType: readinessEvidence.contentType,
  sizeBytes: readinessEvidence.sizeBytes,
  addedBy: readinessEvidence.addedBy,
  createdAt: readinessEvidence.createdAt,
};

/** The evidence of every criterion of the set (without document contents), oldest first. */
export async function evidenceOfSet(db: Db, setId: string): Promise<EvidenceRow[]> {
  return db
    .select(evidenceColumns)
    .from(readinessEvidence)
    .innerJoin(readinessCriteria, eq(readinessCriteria.id, readinessEvidence.criterionId))
    .leftJoin(decisions, eq(decisions.id, readinessEvidence.decisionId))
    .where(eq(readinessCriteria.setId, setId))
    .orderBy(asc(readinessEvidence.createdAt));
}

export async function findDecisionByNumber(db: Db, number: string) {
  const [row] = await db
    .select({ id: decisions.id, number: decisions.number })
    .from(decisions)
    .where(eq(decisions.number, number));
  return row;
}

export async function insertEvidence(db: Db, values: EvidenceValues): Promise<string> {
  const [row] = await db.insert(readinessEvidence).values(values).returning({ id: readinessEvidence.id });
  return row!.id;
}

/** The item of evidence (without its content), locked for update, or undefined. */
export async function lockEvidence(db: Db, id: string) {
  const [row] = await db
    .select({
      id: readinessEvidence.id,
      criterionId: readinessEvidence.criterionId,
      kind: readinessEvidence.kind,
      title: readinessEvidence.title,
      url: readinessEvidence.url,
    })
    .from(readinessEvidence)
    .where(eq(readinessEvidence.id, id))
    .for('update');
  return row;
}

export async function deleteEvidence(db: Db, id: string): Promise<void> {
  await db.delete(readinessEvidence).where(eq(readinessEvidence.id, id));
}

/** The file name and content of a document item of evidence, or undefined. */
export async function findEvidenceDocument(db: Db, id: string) {
  const [row] = await db
    .select({ fileName: readinessEvidence.fileName, content: readinessEvidence.content })
    .from(readinessEvidence)
    .where(and(eq(readinessEvidence.id, id), eq(readinessEvidence.kind, 'document')));
  return row;
}

// ---------- runs ----------

/** When each set was last run (as the database's text of max(ran_at)). */
export async function lastRunTimes(db: Db) {
  return db
    .select({ setId: readinessRuns.setId, at: sql<string>`max(${readinessRuns.ranAt})` })
    .from(readinessRuns)
    .groupBy(readinessRuns.setId);
}

/** The set's latest runs with the name of who ran them, newest first. */
export async function runsOfSet(db: Db, setId: string, limit: number) {
  return db
    .select({ run: readinessRuns, ranByName: users.displayName })
    .from(readinessRuns)
    .leftJoin(users, eq(users.id, readinessRuns.ranBy))
    .where(eq(readinessRuns.setId, setId))
    .orderBy(desc(readinessRuns.ranAt))
    .limit(limit);
}

export async function insertRun(
  db: Db,
  setId: string,
  ranBy: string | null,
  results: unknown,
): Promise<string> {
  const [run] = await db
    .insert(readinessRuns)
    .values({ setId, ranBy, results })
    .returning({ id: readinessRuns.id });
  return run!.id;
}
