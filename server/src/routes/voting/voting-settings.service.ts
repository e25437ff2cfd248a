import type { Db } from '@portal/db';
import type { VotingSettings } from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { findVotingRules, updateVotingRules } from './voting.repository.ts';

/** The voting rules for admissions (one row, `cluster_settings` id 1), with the defaults before any change. */
export async function readVotingSettings(db: Db): Promise<VotingSettings> {
  const rules = await findVotingRules(db);
  return {
    quorum: rules?.quorum ?? 'more_than_half',
    majority: rules?.majority ?? 'simple',
    ballot: rules?.ballot ?? 'open',
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
    await updateVotingRules(tx, settings);
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
