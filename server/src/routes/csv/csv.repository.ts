import {
  and,
  applications,
  areas,
  asc,
  type Db,
  eq,
  inArray,
  memberships,
  ne,
  organizations,
  type SQL,
  type SQLWrapper,
  sql,
} from '@portal/db';
import type { Visibility } from '@portal/shared';
import { contactColumns, identityColumns } from '../directory/directory.repository.ts';

/** The member list's import and export in the database (decision 029). */

/**
 * `column` is one of `values`, sent as ONE json parameter (an import may name thousands of ЕИКs, more than
 * a statement's parameters).
 */
const inJsonList = (column: SQLWrapper, values: string[]): SQL =>
  sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/** Which of these ЕИКs an organisation has, or an application still open (`openApplication`). */
export async function findTakenEiks(db: Db, eiks: string[]) {
  return db
    .select({ eik: organizations.eik, openApplication: sql<boolean>`false` })
    .from(organizations)
    .where(inJsonList(organizations.eik, eiks))
    .unionAll(
      db
        .select({ eik: sql<string>`${applications.eik}`, openApplication: sql<boolean>`true` })
        .from(applications)
        .where(
          and(
            inArray(applications.state, ['submitted', 'under_review', 'changes_requested', 'in_vote']),
            inJsonList(applications.eik, eiks),
          ),
        ),
    );
}

/** Which of these area ids exist. */
export async function findKnownAreas(db: Db, ids: string[]) {
  return db.select({ id: areas.id }).from(areas).where(inJsonList(areas.id, ids));
}

/** Rows read per statement: the export streams batch by batch, so its memory does not grow with the list. */
export const EXPORT_BATCH = 1000;

const byName = sql`${organizations.nameBg} collate portal_bg`;

/**
 * One batch of the export after `after` (name, id), in directory order: every organisation with a
 * membership for the committee, the publicly listed members for everybody else.
 */
export async function findExportBatch(db: Db, level: Visibility, after: { name: string; id: string } | null) {
  return db
    .select({
      ...identityColumns,
      naceCodes: sql<string>`array_to_string(${organizations.naceCodes}, ';')`,
      areas: sql<string | null>`(select string_agg(oa.area_id, ';' order by oa.area_id)
        from organization_areas oa where oa.organization_id = ${organizations.id})`,
      category: memberships.category,
      status: memberships.status,
      memberSince: memberships.memberSince,
      ...contactColumns,
    })
    .from(organizations)
    .innerJoin(memberships, eq(memberships.organizationId, organizations.id))
    .where(
      and(
        level === 'committee'
          ? undefined
          : and(eq(memberships.status, 'active'), ne(memberships.category, 'candidate')),
        after
          ? sql`(${byName}, ${organizations.id}) > (${after.name}::text collate portal_bg, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(byName, asc(organizations.id))
    .limit(EXPORT_BATCH);
}

export type ExportBatchRow = Awaited<ReturnType<typeof findExportBatch>>[number];
