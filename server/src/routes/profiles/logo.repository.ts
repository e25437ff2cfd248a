import { and, type Db, directoryEntries, eq, exists, organizationLogos, rowsOf, sql } from '@portal/db';

/** Organisation logos in the database (decision 029): the logo rows and the organisation's logo version. */

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
