/**
 * The demo seed: the cluster „София – град на знанието“ with about 25 fictional member organisations.
 *
 * Idempotent by design: organisations are upserted by ЕИК, memberships by organisation, the cluster's
 * settings row by id, and a row is only rewritten (and its version bumped) when its data differs — so a
 * second run leaves every row, id and version exactly as the first run left them. The demo join
 * applications (data in demo-applications.data.ts, written by demo-applications.ts) have fixed ids and
 * are only ever inserted, never rewritten.
 */
import { isValidEik } from '@portal/shared';
import { getTableColumns, getTableName, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import {
  clusterSettings,
  memberships,
  organizationAreas,
  organizations,
  sitePages,
  userOrganizations,
  userRoles,
  users,
} from '../schema/index.ts';
import { seedDemoApplications } from './demo-applications.ts';
import { seedDemoBoard } from './demo-board.ts';
import { seedDemoBodies } from './demo-bodies.ts';
import { seedDemoCalls } from './demo-calls.ts';
import { seedDemoConversations } from './demo-conversations.ts';
import { DEMO_CLUSTER_SETTINGS, DEMO_ORGANIZATIONS } from './demo-data.ts';
import { seedDemoEvents } from './demo-events.ts';
import { seedDemoFees } from './demo-fees.ts';
import { seedDemoMeetingRecord } from './demo-meeting-record.ts';
import { seedDemoMeetings } from './demo-meetings.ts';
import { seedDemoMemberships } from './demo-memberships.ts';
import { seedDemoNews } from './demo-news.ts';
import { DEMO_SITE_PAGES } from './demo-pages.ts';
import { seedDemoProjects } from './demo-projects.ts';
import { seedDemoReadiness } from './demo-readiness.ts';
import { seedDemoResources } from './demo-resources.ts';
import { seedDemoStrategy } from './demo-strategy.ts';
import { DEMO_PASSWORD_HASH, DEMO_USERS } from './demo-users.ts';

export { DEMO_APPLICATIONS, DEMO_PEOPLE, type DemoApplication } from './demo-applications.data.ts';
export { demoId, demoPdf, planDemoApplication } from './demo-applications.ts';
export { DEMO_BOARD_ITEMS, DEMO_BOARD_TITLES, demoBoardItemId } from './demo-board.ts';
export { DEMO_BODIES, demoBodyId } from './demo-bodies.ts';
export { DEMO_CALL_INTERESTED, demoCallId, seedDemoCalls } from './demo-calls.ts';
export { DEMO_CONVERSATIONS, seedDemoConversations } from './demo-conversations.ts';
export {
  DEMO_CLUSTER_SETTINGS,
  DEMO_ORGANIZATIONS,
  type DemoClusterSettings,
  type DemoOrganization,
} from './demo-data.ts';
export { DEMO_REGISTRATIONS, demoRegistrationId, OPEN_DAY_CAPACITY } from './demo-events.ts';
export {
  DEMO_FEE_PAYMENTS,
  DEMO_FEE_RATES,
  type DemoFeePayment,
  type DemoFeeRate,
} from './demo-fees.ts';
export { DEMO_NEWS, demoNewsId } from './demo-news.ts';
export { DEMO_SITE_PAGES } from './demo-pages.ts';
export { DEMO_BUDGET, DEMO_CALL_CODE, DEMO_PROJECT_ID } from './demo-projects.ts';
export { demoCriterionId, demoReadinessSetId } from './demo-readiness.ts';
export { demoGoalId, demoIndicatorId, demoObjectiveId } from './demo-strategy.ts';
export { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from './demo-users.ts';

/** True when the database holds no organisation yet (e.g. to decide whether to offer the demo data). */
export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: organizations.id }).from(organizations).limit(1);
  return rows.length === 0;
}

/** Loads the demo cluster in one transaction; safe to run again. Returns how many organisations it holds. */
export async function seedDemo(db: Db): Promise<{ organizations: number }> {
  for (const org of DEMO_ORGANIZATIONS) {
    if (!isValidEik(org.eik))
      throw new Error(`demo organisation ${org.nameEn} has an invalid ЕИК ${org.eik}`);
  }

  await db.transaction(async (tx) => {
    const settingsKeys = Object.keys(DEMO_CLUSTER_SETTINGS) as (keyof typeof DEMO_CLUSTER_SETTINGS)[];
    await tx
      .insert(clusterSettings)
      .values({ id: 1, ...DEMO_CLUSTER_SETTINGS })
      .onConflictDoUpdate({
        target: clusterSettings.id,
        set: updateFromExcluded(clusterSettings, settingsKeys),
        setWhere: differsFromExcluded(clusterSettings, settingsKeys),
      });

    // The information pages exist from the migration; the demo writes them only while nobody has.
    for (const [slug, page] of Object.entries(DEMO_SITE_PAGES)) {
      await tx
        .update(sitePages)
        .set(page)
        .where(sql`${sitePages.slug} = ${slug} and ${sitePages.version} = 1 and ${sitePages.bodyBg} = ''`);
    }

    const orgRows = DEMO_ORGANIZATIONS.map(({ areas: _areas, membership: _membership, ...org }) => org);
    const orgKeys = Object.keys(orgRows[0] ?? {}).filter((k) => k !== 'eik') as (keyof (typeof orgRows)[0])[];
    await tx
      .insert(organizations)
      .values(orgRows)
      .onConflictDoUpdate({
        target: organizations.eik,
        set: updateFromExcluded(organizations, orgKeys),
        setWhere: differsFromExcluded(organizations, orgKeys),
      });

    const eiks = DEMO_ORGANIZATIONS.map((o) => o.eik);
    const ids = await tx
      .select({ id: organizations.id, eik: organizations.eik })
      .from(organizations)
      .where(inArray(organizations.eik, eiks));
    const idByEik = new Map(ids.map((r) => [r.eik, r.id]));
    const idOf = (eik: string) => {
      const id = idByEik.get(eik);
      if (!id) throw new Error(`demo organisation ${eik} was not stored`);
      return id;
    };

    // Area links carry no data of their own, so replacing them leaves identical rows.
    await tx
      .delete(organizationAreas)
      .where(inArray(organizationAreas.organizationId, [...idByEik.values()]));
    await tx
      .insert(organizationAreas)
      .values(
        DEMO_ORGANIZATIONS.flatMap((o) => o.areas.map((areaId) => ({ organizationId: idOf(o.eik), areaId }))),
      );

    const membershipKeys = ['category', 'status', 'memberSince'] as const;
    await tx
      .insert(memberships)
      .values(DEMO_ORGANIZATIONS.map((o) => ({ organizationId: idOf(o.eik), ...o.membership })))
      .onConflictDoUpdate({
        target: memberships.organizationId,
        set: updateFromExcluded(memberships, membershipKeys),
        setWhere: differsFromExcluded(memberships, membershipKeys),
      });

    // Demo accounts (one per role): added when missing, never changed once there, so a user who
    // changed the demo password keeps it.
    await tx
      .insert(users)
      .values(
        DEMO_USERS.map((u) => ({
          email: u.email,
          passwordHash: DEMO_PASSWORD_HASH,
          displayName: u.displayName,
          language: u.language,
          emailVerifiedAt: new Date('2026-01-15T09:00:00Z'),
        })),
      )
      .onConflictDoNothing();
    const userRows = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(
        inArray(
          users.email,
          DEMO_USERS.map((u) => u.email),
        ),
      );
    const userIdByEmail = new Map(userRows.map((r) => [r.email, r.id]));
    const userIdOf = (email: string) => {
      const id = userIdByEmail.get(email);
      if (!id) throw new Error(`demo user ${email} was not stored`);
      return id;
    };
    await tx
      .insert(userRoles)
      .values(DEMO_USERS.flatMap((u) => u.roles.map((role) => ({ userId: userIdOf(u.email), role }))))
      .onConflictDoNothing();
    const links = DEMO_USERS.flatMap((u) =>
      u.organizationEiks.map((e) => ({ userId: userIdOf(u.email), organizationId: idOf(e) })),
    );
    if (links.length > 0) await tx.insert(userOrganizations).values(links).onConflictDoNothing();

    // Annual fees: the 2026 rates and payments (paid, partial and overdue members; issue 5).
    await seedDemoFees(tx, idOf);

    // Join applications in every state, votes and the decisions register (issue 4).
    await seedDemoApplications(tx);

    // The suspended member's history: a category change and the suspension, with their decisions (issue 5).
    await seedDemoMemberships(tx, idOf);

    // Offers and requests on the cooperation board (issue 14 §1).
    await seedDemoBoard(tx, idOf, userIdOf);
    // Two conversations on the demo board, one of them an agreed partnership (issue 14 §2).
    await seedDemoConversations(tx);
    // Shared resources with bookings this week and next, and one request to answer (issue 14 §3).
    await seedDemoResources(tx, idOf);
    // The initiative committee with its officers (the demo committee accounts) and the general assembly
    // to be founded (issue 15 §1); after the applications, which add the third committee member.
    await seedDemoBodies(tx);
    // The committee's first official meeting (held) and the upcoming general assembly (issue 15 §2).
    await seedDemoMeetings(tx);
    // Its record: attendance, four numbered decisions in the register, approved public minutes (§2–§3).
    await seedDemoMeetingRecord(tx);
    // News: the committee's first meeting, a call, member news approved and one waiting (issue 15 §4).
    await seedDemoNews(tx, idOf, userIdOf);
    // Events: the open day with registrations and a waiting list, the governance meeting (decision 042).
    await seedDemoEvents(tx, userIdOf);
    // The strategy: its three goals with objectives and computed and entered indicators (issue 16 §1).
    await seedDemoStrategy(tx);
    // Funding calls: the upcoming ПКИП cluster call with two interested members, one open, one closed (issue 16 §3).
    await seedDemoCalls(tx, idOf);
    // The readiness checks: three criteria sets with rules and evidence items (issue 16 §2).
    await seedDemoReadiness(tx);
    // A consortium forming for the ОПИК cluster call, with budget and checklist (issue 16 §4).
    await seedDemoProjects(tx, idOf);
  });

  return { organizations: DEMO_ORGANIZATIONS.length };
}

type VersionedTable = PgTable & { version: unknown; updatedAt: unknown };

function columnName(table: PgTable, key: string): string {
  const column = (getTableColumns(table) as Record<string, { name: string } | undefined>)[key];
  if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
  return column.name;
}

/** SET clause of an upsert: take the proposed values, bump the version, touch updated_at. */
function updateFromExcluded(table: VersionedTable, keys: readonly string[]): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const key of keys) set[key] = sql.raw(`excluded."${columnName(table, key)}"`);
  set.version = sql.raw(`"${getTableName(table)}"."version" + 1`);
  set.updatedAt = sql`now()`;
  return set;
}

/** WHERE clause of an upsert: only rewrite a row whose data actually changes. */
function differsFromExcluded(table: PgTable, keys: readonly string[]): SQL {
  const name = getTableName(table);
  const current = keys.map((k) => `"${name}"."${columnName(table, k)}"`).join(', ');
  const proposed = keys.map((k) => `excluded."${columnName(table, k)}"`).join(', ');
  return sql.raw(`row(${current}) is distinct from row(${proposed})`);
}
