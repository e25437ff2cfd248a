import { type Db, sql } from '@portal/db';
import type { VotingSettings } from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { execute } from '../../db.ts';

/** The voting rules for admissions (one row, `cluster_settings` id 1), with the defaults before any change. */
export async function readVotingSettings(db: Db): Promise<VotingSettings> {
  const [row] = await execute<{
    quorum_rule: 'more_than_half' | 'two_thirds' | 'all';
    majority_rule: 'simple' | 'two_thirds' | 'unanimous';
    ballot: 'open' | 'secret';
  }>(db, sql`select quorum_rule, majority_rule, ballot from cluster_settings where id = 1`);
  return {
    quorum: row?.quorum_rule ?? 'more_than_half',
    majority: row?.majority_rule ?? 'simple',
    ballot: row?.ballot ?? 'open',
  };
}

/** Changes the voting rules (votes already open keep theirs), audited; returns them as they are then. */
export async function updateVotingSettings(
  db: Db,
  actor: Actor,
  settings: VotingSettings,
): Promise<VotingSettings> {
  const before = await readVotingSettings(db);
  await db.transaction(async (tx) => {
    await execute(
      tx,
      sql`update cluster_settings set quorum_rule = ${settings.quorum}, majority_rule = ${settings.majority},
            ballot = ${settings.ballot},
            updated_at = now(), version = version + 1 where id = 1`,
    );
    await recordAudit(tx, actor, {
      action: 'settings.voting_changed',
      entityType: 'cluster_settings',
      entityId: '1',
      before,
      after: settings,
    });
  });
  return readVotingSettings(db);
}
