import { asc, type Db, eq, organizationCompetitors, organizations } from '@portal/db';
import { type Actor, recordAudit } from '../../audit.ts';
import { AppError } from '../../errors.ts';

/** The ЕИК an organisation declares itself a competitor of (decision 013), in order. */
export async function loadCompetitors(db: Db, organizationId: string): Promise<{ eiks: string[] }> {
  const rows = await db
    .select({ eik: organizationCompetitors.competitorEik })
    .from(organizationCompetitors)
    .where(eq(organizationCompetitors.organizationId, organizationId))
    .orderBy(asc(organizationCompetitors.competitorEik));
  return { eiks: rows.map((r) => r.eik) };
}

/** Replaces the organisation's declared competitors, audited; returns them as they are then. */
export async function declareCompetitors(
  db: Db,
  actor: Actor,
  organizationId: string,
  eiks: string[],
): Promise<{ eiks: string[] }> {
  await db.transaction(async (tx) => {
    // The organisation's row lock serialises two colleagues saving at once.
    const [org] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .for('update');
    if (!org) throw new AppError('organization.not_found', 404);
    const before = await loadCompetitors(tx, organizationId);
    await tx
      .delete(organizationCompetitors)
      .where(eq(organizationCompetitors.organizationId, organizationId));
    if (eiks.length > 0) {
      await tx
        .insert(organizationCompetitors)
        .values(eiks.map((competitorEik) => ({ organizationId, competitorEik })));
    }
    await recordAudit(tx, actor, {
      action: 'organization.competitors_declared',
      entityType: 'organization',
      entityId: organizationId,
      before,
      after: { eiks: [...eiks].sort() },
    });
  });
  return loadCompetitors(db, organizationId);
}
