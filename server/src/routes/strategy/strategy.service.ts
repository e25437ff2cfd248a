import type { Db } from '@portal/db';
import {
  type Goal,
  type GoalInput,
  type Indicator,
  type IndicatorInput,
  type IndicatorValueInput,
  indicatorProgress,
  isComputedIndicatorKey,
  type Objective,
  type ObjectiveInput,
  type StrategyResponse,
  todayInSofia,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { AppError, fieldError } from '../../errors.ts';
import { indicatorReader } from './indicators.ts';
import {
  areaExists,
  bodyExists,
  countChildren,
  deleteGoal,
  deleteIndicator,
  deleteObjective,
  findGoal,
  findIndicator,
  findObjective,
  findStrategy,
  type GoalRow,
  type IndicatorRow,
  insertGoal,
  insertIndicator,
  insertObjective,
  insertValue,
  type ObjectiveRow,
  objectiveIdsOf,
  type ValueRow,
  writeGoal,
  writeIndicator,
  writeObjective,
} from './strategy.repository.ts';

/**
 * The cluster's strategy as data (issue 16 §1, decision 047). Reading computes every computed indicator
 * live; every change runs in one transaction with its audit event, names the version it was made on
 * (If-Match: 412 when stale) and checks the references (area, body) as field errors.
 */

// ---------- reading ----------

export async function getStrategy(db: Db, today = todayInSofia()): Promise<StrategyResponse> {
  const { goals, objectives, indicators, values } = await findStrategy(db);
  const compute = indicatorReader(db);
  const computed = new Map<string, number | null>();
  for (const i of indicators) {
    if (i.source !== 'computed' || !i.computedKey || !isComputedIndicatorKey(i.computedKey)) continue;
    computed.set(
      i.id,
      await compute(i.computedKey, {
        param: i.computedParam,
        periodStart: i.periodStart,
        periodEnd: earlierDay(i.periodEnd, today),
        today,
      }),
    );
  }
  const toIndicator = (i: IndicatorRow): Indicator => {
    const own = values.filter((v) => v.indicatorId === i.id);
    const latest = own[0];
    const current = i.source === 'computed' ? (computed.get(i.id) ?? null) : (latest?.value ?? null);
    return {
      id: i.id,
      objectiveId: i.objectiveId,
      nameBg: i.nameBg,
      nameEn: i.nameEn,
      unit: i.unit,
      baseline: i.baseline,
      target: i.target,
      periodStart: i.periodStart,
      periodEnd: i.periodEnd,
      source: i.source,
      computedKey: i.computedKey,
      computedParam: i.computedParam,
      position: i.position,
      version: i.version,
      current,
      currentOn: i.source === 'computed' ? today : (latest?.measuredOn ?? null),
      currentSource: i.source === 'entered' ? (latest?.source ?? null) : null,
      progress: indicatorProgress(i.baseline, i.target, current),
      values: own.map(toValue),
    };
  };
  return {
    asOf: today,
    goals: goals.map(
      ({ goal: g, areaNameBg, areaNameEn }): Goal => ({
        id: g.id,
        kind: g.kind,
        areaId: g.areaId,
        areaNameBg,
        areaNameEn,
        titleBg: g.titleBg,
        titleEn: g.titleEn,
        descriptionBg: g.descriptionBg,
        descriptionEn: g.descriptionEn,
        position: g.position,
        version: g.version,
        objectives: objectives
          .filter((o) => o.objective.goalId === g.id)
          .map(
            ({ objective: o, bodyNameBg, bodyNameEn }): Objective => ({
              id: o.id,
              goalId: o.goalId,
              titleBg: o.titleBg,
              titleEn: o.titleEn,
              ownerBodyId: o.ownerBodyId,
              ownerBodyNameBg: bodyNameBg,
              ownerBodyNameEn: bodyNameEn,
              ownerName: o.ownerName,
              status: o.status,
              position: o.position,
              version: o.version,
              indicators: indicators.filter((i) => i.objectiveId === o.id).map(toIndicator),
            }),
          ),
      }),
    ),
  };
}

/** The earlier of two days (`YYYY-MM-DD` compare as text). */
function earlierDay(a: string, b: string): string {
  if (a < b) return a;
  return b;
}

function toValue(v: ValueRow) {
  return {
    id: v.id,
    value: v.value,
    source: v.source,
    measuredOn: v.measuredOn,
    createdAt: v.createdAt.toISOString(),
  };
}

// ---------- snapshots (audit) ----------

function snapshot<T extends { createdAt: Date; updatedAt: Date }>(row: T) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

// ---------- goals ----------

async function checkGoal(tx: Db, input: GoalInput): Promise<void> {
  if (input.areaId !== null && !(await areaExists(tx, input.areaId))) {
    throw fieldError('body.areaId', 'strategy.area_unknown');
  }
}

export async function createGoal(db: Db, actor: Actor, input: GoalInput): Promise<GoalRow> {
  return db.transaction(async (tx) => {
    await checkGoal(tx, input);
    const row = await insertGoal(tx, input);
    await recordAudit(tx, actor, {
      action: 'strategy.goal_created',
      entityType: 'strategy_goal',
      entityId: row.id,
      after: snapshot(row),
    });
    return row;
  });
}

export async function updateGoal(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  input: GoalInput,
): Promise<GoalRow> {
  return db.transaction(async (tx) => {
    const before = await findGoal(tx, id, true);
    if (!before) throw new AppError('strategy.goal_not_found', 404);
    await checkGoal(tx, input);
    const after = await writeGoal(tx, id, version, input);
    if (!after) throw new AppError('precondition.failed', 412);
    await recordAudit(tx, actor, {
      action: 'strategy.goal_updated',
      entityType: 'strategy_goal',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/** Deletes a goal with its objectives, indicators and values (the audit keeps the goal and the counts). */
export async function removeGoal(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findGoal(tx, id, true);
    if (!before) throw new AppError('strategy.goal_not_found', 404);
    const objectiveIds = await objectiveIdsOf(tx, id);
    const indicators = await countChildren(tx, objectiveIds);
    if (!(await deleteGoal(tx, id, version))) throw new AppError('precondition.failed', 412);
    await recordAudit(tx, actor, {
      action: 'strategy.goal_deleted',
      entityType: 'strategy_goal',
      entityId: id,
      before: { ...snapshot(before), objectives: objectiveIds.length, indicators },
    });
  });
}

// ---------- objectives ----------

async function checkObjective(tx: Db, input: ObjectiveInput): Promise<void> {
  if (input.ownerBodyId !== null && !(await bodyExists(tx, input.ownerBodyId))) {
    throw fieldError('body.ownerBodyId', 'strategy.body_unknown');
  }
}

export async function createObjective(
  db: Db,
  actor: Actor,
  goalId: string,
  input: ObjectiveInput,
): Promise<ObjectiveRow> {
  return db.transaction(async (tx) => {
    if (!(await findGoal(tx, goalId, true))) throw new AppError('strategy.goal_not_found', 404);
    await checkObjective(tx, input);
    const row = await insertObjective(tx, goalId, input);
    await recordAudit(tx, actor, {
      action: 'strategy.objective_created',
      entityType: 'strategy_objective',
      entityId: row.id,
      after: snapshot(row),
    });
    return row;
  });
}

export async function updateObjective(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  input: ObjectiveInput,
): Promise<ObjectiveRow> {
  return db.transaction(async (tx) => {
    const before = await findObjective(tx, id, true);
    if (!before) throw new AppError('strategy.objective_not_found', 404);
    await checkObjective(tx, input);
    const after = await writeObjective(tx, id, version, input);
    if (!after) throw new AppError('precondition.failed', 412);
    await recordAudit(tx, actor, {
      action: 'strategy.objective_updated',
      entityType: 'strategy_objective',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

export async function removeObjective(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findObjective(tx, id, true);
    if (!before) throw new AppError('strategy.objective_not_found', 404);
    const indicators = await countChildren(tx, [id]);
    if (!(await deleteObjective(tx, id, version))) throw new AppError('precondition.failed', 412);
    await recordAudit(tx, actor, {
      action: 'strategy.objective_deleted',
      entityType: 'strategy_objective',
      entityId: id,
      before: { ...snapshot(before), indicators },
    });
  });
}

// ---------- indicators ----------

async function checkIndicator(tx: Db, input: IndicatorInput): Promise<void> {
  if (input.computedParam !== null && !(await areaExists(tx, input.computedParam))) {
    throw fieldError('body.computedParam', 'strategy.area_unknown');
  }
}

export async function createIndicator(
  db: Db,
  actor: Actor,
  objectiveId: string,
  input: IndicatorInput,
): Promise<IndicatorRow> {
  return db.transaction(async (tx) => {
    if (!(await findObjective(tx, objectiveId, true))) {
      throw new AppError('strategy.objective_not_found', 404);
    }
    await checkIndicator(tx, input);
    const row = await insertIndicator(tx, objectiveId, input);
    await recordAudit(tx, actor, {
      action: 'strategy.indicator_created',
      entityType: 'strategy_indicator',
      entityId: row.id,
      after: snapshot(row),
    });
    return row;
  });
}

export async function updateIndicator(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  input: IndicatorInput,
): Promise<IndicatorRow> {
  return db.transaction(async (tx) => {
    const before = await findIndicator(tx, id, true);
    if (!before) throw new AppError('strategy.indicator_not_found', 404);
    await checkIndicator(tx, input);
    const after = await writeIndicator(tx, id, version, input);
    if (!after) throw new AppError('precondition.failed', 412);
    await recordAudit(tx, actor, {
      action: 'strategy.indicator_updated',
      entityType: 'strategy_indicator',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

export async function removeIndicator(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findIndicator(tx, id, true);
    if (!before) throw new AppError('strategy.indicator_not_found', 404);
    if (!(await deleteIndicator(tx, id, version))) throw new AppError('precondition.failed', 412);
    await recordAudit(tx, actor, {
      action: 'strategy.indicator_deleted',
      entityType: 'strategy_indicator',
      entityId: id,
      before: snapshot(before),
    });
  });
}

/** Enters a value of an entered indicator (a new row: the earlier values stay as its history). */
export async function enterValue(
  db: Db,
  actor: Actor,
  id: string,
  input: IndicatorValueInput,
): Promise<void> {
  await db.transaction(async (tx) => {
    const indicator = await findIndicator(tx, id, true);
    if (!indicator) throw new AppError('strategy.indicator_not_found', 404);
    if (indicator.source !== 'entered') throw new AppError('strategy.not_entered', 409);
    const row = await insertValue(tx, id, actor.userId, input);
    await recordAudit(tx, actor, {
      action: 'strategy.value_entered',
      entityType: 'strategy_indicator',
      entityId: id,
      after: { valueId: row.id, value: row.value, source: row.source, measuredOn: row.measuredOn },
    });
  });
}
