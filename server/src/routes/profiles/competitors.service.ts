import { type Db, sql } from '@portal/db';
import { type Actor, recordAudit } from '../../audit.ts';
import { execute } from '../../db.ts';
import { AppError } from '../../errors.ts';

/** The ЕИК an organisation declares itself a competitor of (decision 013), in order. */
export async function loadCompetitors(db: Db, organizationId: string): Promise<{ eiks: string[] }> {
  const rows = await execute<{ competitor_eik: string }>(
    db,
    sql`select competitor_eik from organization_competitors where organization_id = ${organizationId} order by competitor_eik`,
  );
  return { eiks: rows.map((r) => r.competitor_eik) };
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
    const [org] = await execute<{ id: string }>(
      tx,
      sql`select id from organizations where id = ${organizationId} for update`,
    );
    if (!org) throw new AppError('organization.not_found', 404);
    const before = await loadCompetitors(tx, organizationId);
    await execute(tx, sql`delete from organization_competitors where organization_id = ${organizationId}`);
    for (const eik of eiks) {
      await execute(
        tx,
        sql`insert into organization_competitors (organization_id, competitor_eik) values (${organizationId}, ${eik})`,
      );
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
