import { clusterSettings, type Db, eq, sql } from '@portal/db';
import type { ClusterResponse } from '@portal/shared';
import { facetCount } from '../directory/directory.service.ts';

export async function getCluster(db: Db): Promise<ClusterResponse> {
  const [row] = await db
    .select({
      nameBg: clusterSettings.nameBg,
      nameEn: clusterSettings.nameEn,
      taglineBg: clusterSettings.taglineBg,
      taglineEn: clusterSettings.taglineEn,
      missionBg: clusterSettings.missionBg,
      missionEn: clusterSettings.missionEn,
      strategyBg: clusterSettings.strategyBg,
      strategyEn: clusterSettings.strategyEn,
      // The whole directory's count, from the trigger-kept facet counts (decision 011).
      memberCount: sql<number>`(${facetCount({})})`.mapWith(Number),
    })
    .from(clusterSettings)
    .where(eq(clusterSettings.id, 1));
  // The migration inserts the row; a missing one is a broken installation, not a client error.
  if (!row) throw new Error('cluster_settings row 1 is missing');
  return row;
}
