import {
  applications,
  clusterSettings,
  type Db,
  decisions,
  eq,
  feePayments,
  membershipEvents,
  organizations,
  sitePages,
  sql,
  toIso,
  userOrganizations,
} from '@portal/db';
import type {
  ClusterTexts,
  ClusterTextsEditBody,
  SitePage,
  SitePageEditBody,
  SitePageSlug,
} from '@portal/shared';
import { type Actor, recordAudit } from '../../audit.ts';
import { AppError } from '../../errors.ts';

/**
 * The cluster's own words (issue 11 C6, C13): information pages and the home page's texts, written by
 * administrators. Every change names the version it was made on (If-Match), so two administrators editing
 * the same page cannot overwrite each other, and each change leaves an audit entry with the old text.
 */

const pageColumns = {
  slug: sitePages.slug,
  titleBg: sitePages.titleBg,
  titleEn: sitePages.titleEn,
  bodyBg: sitePages.bodyBg,
  bodyEn: sitePages.bodyEn,
  updatedAt: sitePages.updatedAt,
  version: sitePages.version,
};

type PageRow = Omit<SitePage, 'updatedAt'> & { updatedAt: Date };
const toPage = (row: PageRow): SitePage => ({ ...row, updatedAt: toIso(row.updatedAt) });

export async function getSitePage(db: Db, slug: SitePageSlug): Promise<SitePage> {
  const [row] = await db.select(pageColumns).from(sitePages).where(eq(sitePages.slug, slug));
  // The migration inserts every page; a missing one is a broken installation, not a client error.
  if (!row) throw new Error(`site_pages row ${slug} is missing`);
  return toPage(row);
}

export async function updateSitePage(
  db: Db,
  actor: Actor,
  slug: SitePageSlug,
  expectedVersion: number,
  body: SitePageEditBody,
): Promise<SitePage> {
  return db.transaction(async (tx) => {
    const before = await getSitePage(tx, slug);
    if (before.version !== expectedVersion) throw new AppError('precondition.failed', 412);
    const [row] = await tx
      .update(sitePages)
      .set({ ...body, updatedAt: new Date(), version: sql`${sitePages.version} + 1` })
      .where(sql`${sitePages.slug} = ${slug} and ${sitePages.version} = ${expectedVersion}`)
      .returning(pageColumns);
    if (!row) throw new AppError('precondition.failed', 412);
    const { updatedAt: _b, version: _bv, slug: _bs, ...old } = before;
    await recordAudit(tx, actor, {
      action: 'site_page.updated',
      entityType: 'site_page',
      entityId: slug,
      before: old,
      after: body,
    });
    return toPage(row);
  });
}

const textColumns = {
  nameBg: clusterSettings.nameBg,
  nameEn: clusterSettings.nameEn,
  taglineBg: clusterSettings.taglineBg,
  taglineEn: clusterSettings.taglineEn,
  missionBg: clusterSettings.missionBg,
  missionEn: clusterSettings.missionEn,
  strategyBg: clusterSettings.strategyBg,
  strategyEn: clusterSettings.strategyEn,
  version: clusterSettings.version,
};

export async function getClusterTexts(db: Db): Promise<ClusterTexts> {
  const [row] = await db.select(textColumns).from(clusterSettings).where(eq(clusterSettings.id, 1));
  if (!row) throw new Error('cluster_settings row 1 is missing');
  return row;
}

export async function updateClusterTexts(
  db: Db,
  actor: Actor,
  expectedVersion: number,
  body: ClusterTextsEditBody,
): Promise<ClusterTexts> {
  return db.transaction(async (tx) => {
    const { version: _v, ...before } = await getClusterTexts(tx);
    const [row] = await tx
      .update(clusterSettings)
      .set({ ...body, updatedAt: new Date(), version: sql`${clusterSettings.version} + 1` })
      .where(sql`${clusterSettings.id} = 1 and ${clusterSettings.version} = ${expectedVersion}`)
      .returning(textColumns);
    if (!row) throw new AppError('precondition.failed', 412);
    await recordAudit(tx, actor, {
      action: 'settings.texts_changed',
      entityType: 'cluster_settings',
      entityId: '1',
      before,
      after: body,
    });
    return row;
  });
}

/**
 * Removes an organisation entered by mistake (typically by the CSV import). Only one with no history in
 * the cluster: no representatives, applications, decisions, fee payments or membership changes. Anything
 * else has a record that must stay; its membership is ended by the committee instead.
 */
export async function removeOrganization(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [org] = await tx
      .select({
        id: organizations.id,
        eik: organizations.eik,
        nameBg: organizations.nameBg,
        nameEn: organizations.nameEn,
      })
      .from(organizations)
      .where(eq(organizations.id, id))
      .for('update');
    if (!org) throw new AppError('organization.not_found', 404);
    const exists = (
      table:
        | typeof userOrganizations
        | typeof applications
        | typeof decisions
        | typeof feePayments
        | typeof membershipEvents,
    ) => tx.select({ one: sql<number>`1` }).from(table).where(eq(table.organizationId, id)).limit(1);
    const [reps, apps, decs, pays, events] = await Promise.all([
      exists(userOrganizations),
      exists(applications),
      exists(decisions),
      exists(feePayments),
      exists(membershipEvents),
    ]);
    if ([reps, apps, decs, pays, events].some((rows) => rows.length > 0)) {
      throw new AppError('organization.has_history', 409);
    }
    await tx.delete(organizations).where(eq(organizations.id, id));
    await recordAudit(tx, actor, {
      action: 'organization.removed',
      entityType: 'organization',
      entityId: id,
      before: org,
    });
  });
}
