/**
 * Test helpers for the server's API tests: an app on a fresh test database, fixtures inserted with
 * drizzle, valid ЕИК values, and a statement counter. Never imported by production code.
 */
import { type DbHandle, memberships, organizationAreas, organizations } from '@portal/db';
import { eik9CheckDigit, type MembershipCategory, type MembershipStatus } from '@portal/shared';
import { buildApp } from './app.ts';
import { type Config, loadConfig } from './config.ts';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent-test-data' }),
    // No built SPA unless a test provides one.
    webDistDir: '/nonexistent-web-dist',
    ...overrides,
  };
}

export async function buildTestApp(db: DbHandle, overrides: Partial<Config> = {}) {
  return buildApp({ db, config: testConfig(overrides) });
}

let eikSeq = 10_000_000;
/** A fresh, valid 9-digit ЕИК (the check digit computed by the shared rule). */
export function nextEik(): string {
  const first8 = String(eikSeq++).padStart(8, '0');
  return `${first8}${eik9CheckDigit(first8)}`;
}

export interface OrgFixture {
  nameBg: string;
  nameEn?: string;
  kind?: (typeof organizations.$inferInsert)['kind'];
  employees?: number | null;
  city?: string | null;
  descriptionBg?: string;
  descriptionEn?: string;
  category?: MembershipCategory;
  status?: MembershipStatus;
  memberSince?: string | null;
  areas?: string[];
  naceCodes?: string[];
  publicEmail?: string | null;
}

/** Inserts an organisation with its membership and areas; returns its id. */
export async function insertOrganization(h: DbHandle, f: OrgFixture): Promise<string> {
  const [org] = await h.db
    .insert(organizations)
    .values({
      eik: nextEik(),
      nameBg: f.nameBg,
      nameEn: f.nameEn ?? f.nameBg,
      kind: f.kind ?? 'company',
      employees: f.employees ?? null,
      city: f.city ?? null,
      descriptionBg: f.descriptionBg ?? '',
      descriptionEn: f.descriptionEn ?? '',
      naceCodes: f.naceCodes ?? [],
      publicEmail: f.publicEmail ?? null,
    })
    .returning({ id: organizations.id });
  const id = org!.id;
  await h.db.insert(memberships).values({
    organizationId: id,
    category: f.category ?? 'regular',
    status: f.status ?? 'active',
    memberSince: f.memberSince === undefined ? '2024-01-15' : f.memberSince,
  });
  if (f.areas?.length) {
    await h.db.insert(organizationAreas).values(f.areas.map((areaId) => ({ organizationId: id, areaId })));
  }
  return id;
}

/**
 * Counts the SQL statements sent to the database while `fn` runs, by wrapping the driver's query
 * entry point (PGlite's `query`, postgres.js's `unsafe`, which drizzle calls for every statement).
 */
export async function countStatements(h: DbHandle, fn: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  if (h.pglite) {
    const pg = h.pglite;
    const original = pg.query;
    pg.query = ((query: string, ...rest: unknown[]) => {
      statements.push(query);
      return (original as (...a: unknown[]) => unknown).call(pg, query, ...rest);
    }) as typeof pg.query;
    try {
      await fn();
    } finally {
      pg.query = original;
    }
  } else if (h.sql) {
    const client = h.sql;
    const original = client.unsafe;
    client.unsafe = ((query: string, ...rest: unknown[]) => {
      statements.push(query);
      return (original as (...a: unknown[]) => unknown).call(client, query, ...rest);
    }) as typeof client.unsafe;
    try {
      await fn();
    } finally {
      client.unsafe = original;
    }
  }
  return statements;
}
