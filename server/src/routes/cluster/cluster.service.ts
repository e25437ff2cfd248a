import type { Db } from '@portal/db';
import { sql } from '@portal/db';
import type { ClusterResponse } from '@portal/shared';
import { execute } from '../../db.ts';
import { facetCount } from '../directory/directory.service.ts';

export async function getCluster(db: Db): Promise<ClusterResponse> {
  const [row] = await execute<ClusterResponse>(
    db,
    sql`select c.name_bg as "nameBg", c.name_en as "nameEn", c.tagline_bg as "taglineBg",
          c.tagline_en as "taglineEn", c.mission_bg as "missionBg", c.mission_en as "missionEn",
          c.strategy_bg as "strategyBg", c.strategy_en as "strategyEn",
          (${facetCount({})}) as "memberCount"
        from cluster_settings c where c.id = 1`,
  );
  // The migration inserts the row; a missing one is a broken installation, not a client error.
  if (!row) throw new Error('cluster_settings row 1 is missing');
  return row;
}
