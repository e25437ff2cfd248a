import {
  and,
  areas,
  type Db,
  directoryEntries,
  eq,
  inArray,
  memberships,
  ne,
  organizationAreas,
  organizations,
  parseJson,
  type SQLWrapper,
  sql,
  toIso,
} from '@portal/db';
import type { AreaRef } from '@portal/shared';

/** Organisation profiles in the database (decision 029). The directory's search statement is in the service. */

/** The contact fields of an organisation and who may see each (`visibility`), typed from the schema. */
export const contactColumns = {
  address: organizations.address,
  website: organizations.website,
  publicEmail: organizations.publicEmail,
  publicPhone: organizations.publicPhone,
  contactName: organizations.contactName,
  contactPosition: organizations.contactPosition,
  contactEmail: organizations.contactEmail,
  contactPhone: organizations.contactPhone,
  visibility: organizations.visibility,
};

/** Who an organisation is: the columns its profile and the member list's export start with. */
export const identityColumns = {
  id: organizations.id,
  eik: organizations.eik,
  nameBg: organizations.nameBg,
  nameEn: organizations.nameEn,
  kind: organizations.kind,
  sizeClass: organizations.sizeClass,
  employees: organizations.employees,
  foundedYear: organizations.foundedYear,
  city: organizations.city,
};

/** An organisation's areas as [{id, nameBg, nameEn}], top-level areas first. */
export const areasOf = (organizationId: SQLWrapper) =>
  sql`(select coalesce(json_agg(json_build_object('id', ${areas.id}, 'nameBg', ${areas.nameBg},
        'nameEn', ${areas.nameEn}) order by ${areas.parentId} is not null, ${areas.position}, ${areas.id}),
        '[]'::json)
      from ${organizationAreas} join ${areas} on ${areas.id} = ${organizationAreas.areaId}
      where ${organizationAreas.organizationId} = ${organizationId})`.mapWith((v: AreaRef[] | string) =>
    parseJson<AreaRef[]>(v),
  );

/** A publicly listed member (one with a row in the directory read model), with everything its profile shows. */
export async function findListedProfile(db: Db, id: string) {
  const [row] = await db
    .select({
      ...identityColumns,
      ...contactColumns,
      descriptionBg: organizations.descriptionBg,
      descriptionEn: organizations.descriptionEn,
      naceCodes: organizations.naceCodes,
      category: directoryEntries.category,
      memberSince: directoryEntries.memberSince,
      updatedAt: organizations.updatedAt,
      areas: areasOf(organizations.id),
      offers: organizations.offers,
      seeks: organizations.seeks,
      logoVersion: organizations.logoVersion,
      acceptsContact: organizations.acceptsContact,
    })
    .from(organizations)
    .innerJoin(directoryEntries, eq(directoryEntries.organizationId, organizations.id))
    .where(eq(organizations.id, id));
  return row && { ...row, updatedAt: toIso(row.updatedAt) };
}

/**
 * Whether the organisation was a publicly listed member whose membership has ended (withdrawn or excluded,
 * decision 012's statuses), so its public page is gone for good (410) rather than never there (404). A
 * candidate that left never had a public page; a suspended member may come back (both: 404).
 */
export async function isFormerMember(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: memberships.organizationId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, id),
        inArray(memberships.status, ['withdrawn', 'excluded']),
        ne(memberships.category, 'candidate'),
      ),
    );
  return rows.length > 0;
}

export async function organizationExists(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id));
  return rows.length > 0;
}
