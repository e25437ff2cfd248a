/**
 * Test helpers for the server's API tests: an app on a fresh test database, fixtures inserted with
 * drizzle, valid ЕИК values, and a statement counter. Never imported by production code.
 */
import {
  type Db,
  type DbHandle,
  memberships,
  organizationAreas,
  organizations,
  sql,
  userOrganizations,
  userRoles,
  users,
} from '@portal/db';
import {
  eik9CheckDigit,
  type MembershipCategory,
  type MembershipStatus,
  type Role,
  type Sharing,
} from '@portal/shared';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { type BuildAppOptions, buildApp } from './app.ts';
import { hashPassword } from './auth/passwords.ts';
import { type Config, loadConfig } from './config.ts';
import { type DispatchResult, drainEvents } from './events/dispatcher.ts';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent-test-data' }),
    // No built SPA unless a test provides one.
    webDistDir: '/nonexistent-web-dist',
    ...overrides,
  };
}

export async function buildTestApp(
  db: DbHandle,
  overrides: Partial<Config> = {},
  options: Pick<BuildAppOptions, 'rateLimits' | 'deferWork'> = {},
) {
  // Work done after answering (the forgotten-password email) waits for `await app.settle()`, so a test
  // decides when it happens (decision 024).
  return fromThisSite(await buildApp({ db, config: testConfig(overrides), deferWork: 'manual', ...options }));
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Makes `app.inject` send state-changing requests the way the portal's own pages do: with an `Origin` of
 * `PUBLIC_URL`, which the CSRF check requires of a request with a session cookie (decision 024). A test
 * that sets `origin` itself keeps its value; `origin: undefined` sends none (to test the refusal).
 */
export function fromThisSite<T extends FastifyInstance>(app: T): T {
  const inject = app.inject.bind(app) as (opts?: InjectOptions | string) => unknown;
  const origin = new URL(app.config.publicUrl).origin;
  const patched = (opts?: InjectOptions | string) => {
    if (opts === undefined) return inject();
    const o: InjectOptions = typeof opts === 'string' ? { url: opts } : opts;
    if (SAFE_METHODS.has((o.method ?? 'GET').toUpperCase())) return inject(o);
    const headers: NonNullable<InjectOptions['headers']> = {};
    let hasOrigin = false;
    for (const [name, value] of Object.entries(o.headers ?? {})) {
      if (name.toLowerCase() === 'origin') hasOrigin = true;
      if (value !== undefined) headers[name] = value;
    }
    if (!hasOrigin) headers.origin = origin;
    return inject({ ...o, headers });
  };
  Object.defineProperty(app, 'inject', { value: patched, configurable: true, writable: true });
  return app;
}

/**
 * The smallest PDF the upload accepts: starts with `%PDF-`, and a catalog with one page that pdf-lib
 * parses (decision 015).
 */
export const TEST_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** A password no test user shares with the common-password list. */
export const TEST_PASSWORD = 'correct horse battery staple';

let userSeq = 0;
export interface UserFixture {
  email?: string;
  displayName?: string;
  password?: string;
  roles?: Role[];
  organizationIds?: string[];
  verified?: boolean;
  disabled?: boolean;
  language?: 'bg' | 'en';
}

/** Inserts a user (verified unless told otherwise) with roles and organisation links; returns id and email. */
export async function insertUser(
  h: DbHandle,
  f: UserFixture = {},
): Promise<{ id: string; email: string; password: string }> {
  const email = (
    f.email ?? `user${++userSeq}-${Math.random().toString(36).slice(2, 8)}@example.bg`
  ).toLowerCase();
  const password = f.password ?? TEST_PASSWORD;
  const [row] = await h.db
    .insert(users)
    .values({
      email,
      passwordHash: await hashPassword(password),
      displayName: f.displayName ?? email.split('@')[0]!,
      language: f.language ?? 'bg',
      emailVerifiedAt: f.verified === false ? null : new Date(),
      disabledAt: f.disabled ? new Date() : null,
    })
    .returning({ id: users.id });
  const id = row!.id;
  if (f.roles?.length) await h.db.insert(userRoles).values(f.roles.map((role) => ({ userId: id, role })));
  if (f.organizationIds?.length) {
    await h.db
      .insert(userOrganizations)
      .values(f.organizationIds.map((organizationId) => ({ userId: id, organizationId })));
  }
  return { id, email, password };
}

type InjectApp = Awaited<ReturnType<typeof buildTestApp>>;

/** Logs in through the API and returns the `cookie` header value of the new session. */
export async function logIn(
  app: InjectApp,
  email: string,
  password: string = TEST_PASSWORD,
): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/log-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`log-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name.endsWith('portal_session'));
  if (!cookie) throw new Error('log-in set no session cookie');
  return `${cookie.name}=${cookie.value}`;
}

/**
 * Dispatches every due domain event into the email outbox (decision 030), as the mail worker would; tests
 * run no worker, so a test that reads the outbox after an action calls this first.
 */
export function dispatchEvents(db: Db): Promise<DispatchResult> {
  return drainEvents(db, { publicUrl: testConfig().publicUrl });
}

/** The newest email queued for `to` (what the mailbox page shows), once the due events are dispatched. */
export async function lastEmail(h: DbHandle, to: string): Promise<{ subject: string; text: string }> {
  await dispatchEvents(h.db);
  const rows = await h.query<{ subject: string; text: string }>(
    sql`select subject, text from outbox_messages where to_email = ${to.toLowerCase()} order by created_at desc, id desc limit 1`,
  );
  const row = rows[0];
  if (!row) throw new Error(`no email to ${to}`);
  return row;
}

/** The tokened link (path and token) in the newest email queued for `to`. */
export async function lastEmailLink(
  h: DbHandle,
  to: string,
): Promise<{ subject: string; text: string; path: string; token: string }> {
  const row = await lastEmail(h, to);
  const match = /https?:\/\/[^/\s]+(\/[^\s?]*)\?token=([A-Za-z0-9_-]+)/.exec(row.text);
  if (!match) throw new Error(`no link in the email to ${to}: ${row.subject}`);
  return { subject: row.subject, text: row.text, path: match[1]!, token: match[2]! };
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
  offers?: Sharing;
  seeks?: Sharing;
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
      offers: f.offers ?? {},
      seeks: f.seeks ?? {},
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
