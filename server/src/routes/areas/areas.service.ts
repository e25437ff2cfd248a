import type { Db } from '@portal/db';
import { sql } from '@portal/db';
import type { Area } from '@portal/shared';
import { execute } from '../../db.ts';
import { LISTED } from '../organizations/organizations.service.ts';

/**
 * Every area with the number of publicly listed members linked to it or to any area below it (an
 * organisation in two sub-areas of ICT counts once for ICT), in tree order: each top-level area by
 * position, followed by its sub-areas by position. One statement.
 */
export async function listAreas(db: Db): Promise<Area[]> {
  return execute<Area>(
    db,
    sql`with recursive lineage(area_id, ancestor_id) as (
          select id, id from areas
          union all
          select l.area_id, a.parent_id from lineage l join areas a on a.id = l.ancestor_id
          where a.parent_id is not null
        ),
        counts as (
          select l.ancestor_id as area_id, count(distinct oa.organization_id)::int as n
          from organization_areas oa
          join memberships m on m.organization_id = oa.organization_id and ${LISTED}
          join lineage l on l.area_id = oa.area_id
          group by l.ancestor_id
        )
        select a.id, a.name_bg as "nameBg", a.name_en as "nameEn", a.parent_id as "parentId",
          a.is_priority as "isPriority", a.position, coalesce(c.n, 0) as "memberCount"
        from areas a
        left join areas p on p.id = a.parent_id
        left join counts c on c.area_id = a.id
        order by coalesce(p.position, a.position), coalesce(p.id, a.id), a.parent_id is not null, a.position, a.id`,
  );
}
