import {
  and,
  areas,
  type Db,
  directoryEntries,
  eq,
  exists,
  organizationAreas,
  organizationLogos,
  organizations,
  parseJson,
  rowsOf,
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
    })
    .from(organizations)
    .innerJoin(directoryEntries, eq(directoryEntries.organizationId, organizations.id))
    .where(eq(organizations.id, id));
  return row && { ...row, updatedAt: toIso(row.updatedAt) };
}

// ---------- logos ----------

/**
 * Takes a new organisation version as its logo version, returning it and the logo version before (the row
 * is locked first). Raw SQL: `returning` reads the old row's value, which the builder cannot name.
 */
export async function bumpLogoVersion(db: Db, id: string) {
  const [row] = await rowsOf<{ version: number; before: number | null }>(
    db,
    sql`update organizations o set version = o.version + 1, logo_version = o.version + 1, updated_at = now()
        from (select id, logo_version from organizations where id = ${id} for update) old
        where o.id = ${id} and old.id = o.id
        returning o.version, old.logo_version as before`,
  );
  return row && { version: Number(row.version), before: row.before === null ? null : Number(row.before) };
}

/** Clears the logo version of an organisation that has a logo, returning the one it had (raw, as above). */
export async function clearLogoVersion(db: Db, id: string): Promise<number | undefined> {
  const [row] = await rowsOf<{ before: number }>(
    db,
    sql`update organizations o set version = o.version + 1, logo_version = null, updated_at = now()
        from (select id, logo_version from organizations where id = ${id} for update) old
        where o.id = ${id} and old.id = o.id and old.logo_version is not null
        returning old.logo_version as before`,
  );
  return row && Number(row.before);
}

export async function organizationExists(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id));
  return rows.length > 0;
}

export async function upsertLogo(db: Db, logo: typeof organizationLogos.$inferInsert): Promise<void> {
  const { organizationId: _id, ...changes } = logo;
  await db
    .insert(organizationLogos)
    .values(logo)
    .onConflictDoUpdate({
      target: organizationLogos.organizationId,
      set: { ...changes, createdAt: sql`now()` },
    });
}

export async function deleteLogo(db: Db, organizationId: string): Promise<void> {
  await db.delete(organizationLogos).where(eq(organizationLogos.organizationId, organizationId));
}

/** One rendition of an organisation's logo; `listedOnly`: only a publicly listed member's. */
export async function findLogo(db: Db, organizationId: string, size: 'small' | 'large', listedOnly: boolean) {
  const [row] = await db
    .select({ version: organizationLogos.version, bytes: organizationLogos[size] })
    .from(organizationLogos)
    .where(
      and(
        eq(organizationLogos.organizationId, organizationId),
        listedOnly
          ? exists(
              db
                .select({ one: sql`1` })
                .from(directoryEntries)
                .where(eq(directoryEntries.organizationId, organizationLogos.organizationId)),
            )
          : undefined,
      ),
    );
  return row;
}
