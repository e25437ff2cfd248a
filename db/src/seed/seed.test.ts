import {
  CONTACT_FIELDS,
  type ContactField,
  isPubliclyListed,
  isValidEik,
  type MembershipCategory,
  type MembershipStatus,
  ORGANIZATION_KINDS,
  SIZE_CLASSES,
  VISIBILITIES,
  type Visibility,
} from '@portal/shared';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client.ts';
import { clusterSettings, memberships, organizationAreas, organizations } from '../schema/index.ts';
import { createTestDb, testEngine } from '../testing.ts';
import { DEMO_ORGANIZATIONS, isEmpty, seedDemo } from './index.ts';

let h: DbHandle;
let emptyBeforeSeeding: boolean;
let firstRun: { organizations: number };

beforeAll(async () => {
  h = await createTestDb();
  emptyBeforeSeeding = await isEmpty(h.db);
  firstRun = await seedDemo(h.db);
});
afterAll(async () => {
  await h?.close();
});

async function snapshot() {
  return {
    organizations: await h.db.select().from(organizations).orderBy(asc(organizations.eik)),
    memberships: await h.db.select().from(memberships).orderBy(asc(memberships.organizationId)),
    areas: await h.db
      .select()
      .from(organizationAreas)
      .orderBy(asc(organizationAreas.organizationId), asc(organizationAreas.areaId)),
    settings: await h.db.select().from(clusterSettings),
  };
}

async function members() {
  return h.db
    .select({
      eik: organizations.eik,
      nameBg: organizations.nameBg,
      nameEn: organizations.nameEn,
      kind: organizations.kind,
      sizeClass: organizations.sizeClass,
      category: memberships.category,
      status: memberships.status,
      memberSince: memberships.memberSince,
    })
    .from(organizations)
    .innerJoin(memberships, eq(memberships.organizationId, organizations.id));
}

describe(`the demo seed of Клъстер „София – град на знанието“ (${testEngine})`, () => {
  it('finds an empty database before seeding and a non-empty one after', async () => {
    expect(emptyBeforeSeeding).toBe(true);
    expect(await isEmpty(h.db)).toBe(false);
  });

  it('stores about 25 organisations, each with a valid ЕИК, both names and both descriptions', async () => {
    const rows = await h.db.select().from(organizations);
    expect(rows).toHaveLength(firstRun.organizations);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const org of rows) {
      expect(isValidEik(org.eik), `${org.nameEn}: ${org.eik}`).toBe(true);
      expect(org.nameBg.trim()).not.toBe('');
      expect(org.nameEn.trim()).not.toBe('');
      expect(org.nameBg).not.toMatch(/[„“"]/);
      expect(org.descriptionBg.length, org.nameEn).toBeGreaterThan(80);
      expect(org.descriptionEn.length, org.nameEn).toBeGreaterThan(80);
      expect(org.descriptionBg).toMatch(/[а-я]/);
      expect(org.website).toMatch(/^https:\/\/[a-z0-9-]+\.example$/);
    }
  });

  it('gives every organisation a membership and one to three specialisation areas', async () => {
    const links = await h.db
      .select({ id: organizationAreas.organizationId, n: sql<number>`count(*)::int` })
      .from(organizationAreas)
      .groupBy(organizationAreas.organizationId);
    expect(links).toHaveLength(firstRun.organizations);
    for (const l of links) expect(l.n).toBeGreaterThanOrEqual(1);
    for (const l of links) expect(l.n).toBeLessThanOrEqual(3);
    expect(await members()).toHaveLength(firstRun.organizations);
  });

  it('covers every kind of organisation and every size class among companies', async () => {
    const rows = await members();
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(ORGANIZATION_KINDS));
    const companies = rows.filter((r) => r.kind === 'company');
    expect(new Set(companies.map((r) => r.sizeClass))).toEqual(new Set(SIZE_CLASSES));
  });

  it('has exactly one suspended member and a few unlisted candidates', async () => {
    const rows = await members();
    expect(rows.filter((r) => r.status === 'suspended')).toHaveLength(1);
    const candidates = rows.filter((r) => r.category === 'candidate');
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    for (const c of candidates) expect(c.memberSince).toBeNull();
    const active = rows.filter((r) => r.status === 'active' && r.category !== 'candidate');
    for (const m of active) expect(m.memberSince).toMatch(/^202[56]-\d\d-\d\d$/);
  });

  it('gives every organisation a fictional contact person and a mix of visibilities, Дигитална София at every level', async () => {
    const rows = await h.db.select().from(organizations);
    expect(rows).toHaveLength(DEMO_ORGANIZATIONS.length);
    for (const row of rows) {
      expect(row.contactName, row.nameEn).toMatch(/^[А-Я][а-я]+ [А-Я][а-я]+$/);
      expect(row.contactEmail, row.nameEn).toMatch(/@[a-z0-9-]+\.example$/);
      expect(row.contactPhone, row.nameEn).toMatch(/^\+359 /);
      // Stored in full, each a known level.
      expect(Object.keys(row.visibility as object).sort()).toEqual([...CONTACT_FIELDS].sort());
      for (const v of Object.values(row.visibility as object)) expect(VISIBILITIES).toContain(v);
    }
    const levels = (field: ContactField) =>
      new Set(rows.map((r) => (r.visibility as Record<ContactField, Visibility>)[field]));
    expect([...levels('contactName')].sort()).toEqual(['members', 'public']);
    expect([...levels('contactPhone')].sort()).toEqual(['committee', 'members']);
    const digital = rows.find((r) => r.nameBg === 'Дигитална София')!;
    const digitalLevels = Object.values(digital.visibility as object);
    expect(digitalLevels).toContain('public');
    expect(digitalLevels).toContain('members');
    expect(digitalLevels).toContain('committee');
  });

  it('keeps Sofia Municipality a candidate whose accession is still to be decided', async () => {
    const [municipality] = (await members()).filter((r) => r.nameBg === 'Столична община');
    expect(municipality).toMatchObject({
      eik: '000696327',
      nameEn: 'Sofia Municipality',
      kind: 'public_authority',
      category: 'candidate',
      status: 'active',
      memberSince: null,
    });
    expect(isPubliclyListed(municipality as { status: MembershipStatus; category: MembershipCategory })).toBe(
      false,
    );
  });

  it('lists Дигитална София as an active ICT member, the only listed member a search for sofia finds', async () => {
    const rows = await members();
    const digital = rows.find((r) => r.nameBg === 'Дигитална София');
    expect(digital).toMatchObject({ nameEn: 'Digital Sofia', kind: 'company', status: 'active' });
    expect(digital && isPubliclyListed(digital)).toBe(true);
    const search = async (word: string) =>
      (
        await h.query<{ name_en: string }>(
          sql`select o.name_en from directory_search s join organizations o on o.id = s.organization_id
              where s.search @@ portal_search_query(${word}) order by o.name_en`,
        )
      ).map((r) => r.name_en);
    // The directory's own search (decisions 006, 018): word prefixes over both names and descriptions,
    // offers and seeks, area names and the city (stored in Bulgarian, so only the Cyrillic word finds it).
    expect(await search('sofia')).toEqual(['Digital Sofia']);
    // софия (stem софи) finds every listed member in the city, and otherwise only texts with a word
    // starting with софи (София, софийски…).
    const listed = await h.query<{ name_en: string; in_sofia: boolean; says_sofia: boolean }>(
      sql`select o.name_en, coalesce(o.city = 'София', false) as in_sofia,
            lower(concat_ws(' ', o.name_bg, o.description_bg, o.description_en, o.offers::text, o.seeks::text))
              ~ '(^|[^а-я])софи' as says_sofia
          from organizations o join directory_entries d on d.organization_id = o.id order by o.name_en`,
    );
    const hits = await search('софия');
    expect(hits).toContain('Digital Sofia');
    expect(hits).toEqual(listed.filter((r) => r.in_sofia || r.says_sofia).map((r) => r.name_en));
    expect(listed.filter((r) => r.in_sofia).length).toBeGreaterThan(1);
  });

  it('sets the cluster name, mission and strategy in Bulgarian and English', async () => {
    const [settings] = await h.db.select().from(clusterSettings);
    expect(settings?.nameBg).toBe('Клъстер „София – град на знанието“');
    expect(settings?.nameEn).toBe('Cluster "Sofia City of Knowledge"');
    expect(settings?.missionBg).toContain('ПКИП');
    expect(settings?.missionEn).toContain('Horizon Europe');
    expect(settings?.strategyBg).toContain('Информатика и ИКТ');
    expect(settings?.strategyEn).toContain('creative and recreative industries');
    expect(settings?.taglineBg).not.toBe('');
    expect(settings?.taglineEn).not.toBe('');
  });

  it('leaves every row exactly as it was when run again', async () => {
    const before = await snapshot();
    expect(await seedDemo(h.db)).toEqual(firstRun);
    expect(await snapshot()).toEqual(before);
  });

  it('restores the demo data of an organisation that was edited, and replaces its areas and membership', async () => {
    const digital = DEMO_ORGANIZATIONS.find((o) => o.nameBg === 'Дигитална София');
    if (!digital) throw new Error('the demo data lost Дигитална София');
    const [org] = await h.db
      .update(organizations)
      .set({ nameEn: 'Renamed', version: sql`${organizations.version} + 1` })
      .where(eq(organizations.eik, digital.eik))
      .returning();
    if (!org) throw new Error('Дигитална София was not seeded');
    await h.db.delete(organizationAreas).where(eq(organizationAreas.organizationId, org.id));
    await h.db.insert(organizationAreas).values({ organizationId: org.id, areaId: 'clean-circular' });
    await h.db.update(memberships).set({ status: 'withdrawn' }).where(eq(memberships.organizationId, org.id));

    await seedDemo(h.db);

    const [restored] = await h.db.select().from(organizations).where(eq(organizations.id, org.id));
    expect(restored?.nameEn).toBe('Digital Sofia');
    expect(restored?.version).toBe(org.version + 1);
    const areas = await h.db
      .select({ areaId: organizationAreas.areaId })
      .from(organizationAreas)
      .where(eq(organizationAreas.organizationId, org.id));
    expect(areas.map((a) => a.areaId).sort()).toEqual([...digital.areas].sort());
    const [membership] = await h.db.select().from(memberships).where(eq(memberships.organizationId, org.id));
    expect(membership?.status).toBe('active');
    expect(await h.db.$count(organizations)).toBe(firstRun.organizations);
  });
});
