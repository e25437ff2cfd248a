import type { Db } from '@portal/db';
import { sql } from '@portal/db';
import type { Area } from '@portal/shared';
import { execute } from '../../db.ts';

/**
 * Every area with the number of publicly listed members linked to it or to any area below it (an
 * organisation in two sub-areas of ICT counts once for ICT), in tree order: each top-level area by
 * position, followed by its sub-areas by position. One statement over the trigger-kept facet counts of the
 * directory read model (docs/decisions/011-directory-count-tables.md).
 */
export async function listAreas(db: Db): Promise<Area[]> {
  return execute<Area>(
    db,
    sql`with counts as (
          -- Each publicly listed member counts once in every area it is linked to and every area above
          -- them, per kind and size; area '' is the whole directory.
          select f.area_id, sum(f.members)::int as n from directory_facet_counts f
          where f.area_id <> '' group by 1
        )
        select a.id, a.name_bg as "nameBg", a.name_en as "nameEn", a.parent_id as "parentId",
          a.is_priority as "isPriority", a.position, coalesce(c.n, 0) as "memberCount"
        from areas a
        left join areas p on p.id = a.parent_id
        left join counts c on c.area_id = a.id
        order by coalesce(p.position, a.position), coalesce(p.id, a.id), a.parent_id is not null, a.position, a.id`,
  );
}
