import {
  and,
  areas,
  asc,
  type Db,
  desc,
  eq,
  governingBodies,
  inArray,
  sql,
  strategyGoals,
  strategyIndicators,
  strategyIndicatorValues,
  strategyObjectives,
} from '@portal/db';
import type { GoalInput, IndicatorInput, IndicatorValueInput, ObjectiveInput } from '@portal/shared';

export type GoalRow = typeof strategyGoals.$inferSelect;
export type ObjectiveRow = typeof strategyObjectives.$inferSelect;
export type IndicatorRow = typeof strategyIndicators.$inferSelect;
export type ValueRow = typeof strategyIndicatorValues.$inferSelect;

/** The whole strategy in four statements (goals with their area, objectives with their body, indicators, values). */
export async function findStrategy(db: Db) {
  const goals = await db
    .select({ goal: strategyGoals, areaNameBg: areas.nameBg, areaNameEn: areas.nameEn })
    .from(strategyGoals)
    .leftJoin(areas, eq(areas.id, strategyGoals.areaId))
    .orderBy(asc(strategyGoals.position), asc(strategyGoals.createdAt));
  const objectives = await db
    .select({
      objective: strategyObjectives,
      bodyNameBg: governingBodies.nameBg,
      bodyNameEn: governingBodies.nameEn,
    })
    .from(strategyObjectives)
    .leftJoin(governingBodies, eq(governingBodies.id, strategyObjectives.ownerBodyId))
    .orderBy(asc(strategyObjectives.position), asc(strategyObjectives.createdAt));
  const indicators = await db
    .select()
    .from(strategyIndicators)
    .orderBy(asc(strategyIndicators.position), asc(strategyIndicators.createdAt));
  const values = await db
    .select()
    .from(strategyIndicatorValues)
    .orderBy(desc(strategyIndicatorValues.measuredOn), desc(strategyIndicatorValues.createdAt));
  return { goals, objectives, indicators, values };
}

export async function findGoal(db: Db, id: string, lock = false): Promise<GoalRow | undefined> {
  const q = db.select().from(strategyGoals).where(eq(strategyGoals.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}
export async function findObjective(db: Db, id: string, lock = false): Promise<ObjectiveRow | undefined> {
  const q = db.select().from(strategyObjectives).where(eq(strategyObjectives.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}
export async function findIndicator(db: Db, id: string, lock = false): Promise<IndicatorRow | undefined> {
  const q = db.select().from(strategyIndicators).where(eq(strategyIndicators.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function areaExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: areas.id }).from(areas).where(eq(areas.id, id));
  return !!row;
}
export async function bodyExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: governingBodies.id })
    .from(governingBodies)
    .where(eq(governingBodies.id, id));
  return !!row;
}

export async function insertGoal(db: Db, values: GoalInput): Promise<GoalRow> {
  const [row] = await db.insert(strategyGoals).values(values).returning();
  return row!;
}
export async function writeGoal(db: Db, id: string, version: number, values: GoalInput) {
  const [row] = await db
    .update(strategyGoals)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${strategyGoals.version} + 1` })
    .where(and(eq(strategyGoals.id, id), eq(strategyGoals.version, version)))
    .returning();
  return row;
}
export async function deleteGoal(db: Db, id: string, version: number): Promise<boolean> {
  const rows = await db
    .delete(strategyGoals)
    .where(and(eq(strategyGoals.id, id), eq(strategyGoals.version, version)))
    .returning({ id: strategyGoals.id });
  return rows.length > 0;
}

export async function insertObjective(db: Db, goalId: string, values: ObjectiveInput): Promise<ObjectiveRow> {
  const [row] = await db
    .insert(strategyObjectives)
    .values({ ...values, goalId })
    .returning();
  return row!;
}
export async function writeObjective(db: Db, id: string, version: number, values: ObjectiveInput) {
  const [row] = await db
    .update(strategyObjectives)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${strategyObjectives.version} + 1` })
    .where(and(eq(strategyObjectives.id, id), eq(strategyObjectives.version, version)))
    .returning();
  return row;
}
export async function deleteObjective(db: Db, id: string, version: number): Promise<boolean> {
  const rows = await db
    .delete(strategyObjectives)
    .where(and(eq(strategyObjectives.id, id), eq(strategyObjectives.version, version)))
    .returning({ id: strategyObjectives.id });
  return rows.length > 0;
}

export async function insertIndicator(
  db: Db,
  objectiveId: string,
  values: IndicatorInput,
): Promise<IndicatorRow> {
  const [row] = await db
    .insert(strategyIndicators)
    .values({ ...values, objectiveId })
    .returning();
  return row!;
}
export async function writeIndicator(db: Db, id: string, version: number, values: IndicatorInput) {
  const [row] = await db
    .update(strategyIndicators)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${strategyIndicators.version} + 1` })
    .where(and(eq(strategyIndicators.id, id), eq(strategyIndicators.version, version)))
    .returning();
  return row;
}
export async function deleteIndicator(db: Db, id: string, version: number): Promise<boolean> {
  const rows = await db
    .delete(strategyIndicators)
    .where(and(eq(strategyIndicators.id, id), eq(strategyIndicators.version, version)))
    .returning({ id: strategyIndicators.id });
  return rows.length > 0;
}

export async function insertValue(
  db: Db,
  indicatorId: string,
  enteredBy: string | null,
  values: IndicatorValueInput,
): Promise<ValueRow> {
  const [row] = await db
    .insert(strategyIndicatorValues)
    .values({ ...values, indicatorId, enteredBy })
    .returning();
  return row!;
}

/** The children of a goal or objective, for the audit snapshot of a delete. */
export async function countChildren(db: Db, objectiveIds: string[]): Promise<number> {
  if (objectiveIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(strategyIndicators)
    .where(inArray(strategyIndicators.objectiveId, objectiveIds));
  return row?.n ?? 0;
}
export async function objectiveIdsOf(db: Db, goalId: string): Promise<string[]> {
  const rows = await db
    .select({ id: strategyObjectives.id })
    .from(strategyObjectives)
    .where(eq(strategyObjectives.goalId, goalId));
  return rows.map((r) => r.id);
}
