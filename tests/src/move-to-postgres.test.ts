/**
 * Moving an embedded installation to PostgreSQL (decision 027): demo data on PGlite on disk, plus a
 * document uploaded and its audit event written through the portal, moved into a new database on the
 * PostgreSQL server (DATABASE_URL in the PostgreSQL pass, the shared server at 127.0.0.1:5432 otherwise:
 * this is about moving TO PostgreSQL). Every table must arrive row for row, and the portal must work there.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type DbHandle,
  MoveError,
  migrate,
  moveToPostgres,
  openPgliteDir,
  openPostgres,
  publicTables,
  sequenceStates,
  sql,
  type TableFingerprint,
  tableFingerprints,
} from '@portal/db';
import { DEMO_PASSWORD, seedDemo } from '@portal/db/seed';
import { adminUrl, createFreshDatabase, dropDatabase, runScript, withDatabase } from '@portal/db/testing';
import { buildTestApp, logIn, TEST_PDF } from '@portal/server/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const APPLICANT = 'kandidat@demo.klaster.bg';

let work: string;
let dataDir: string;
let source: DbHandle;
let target: DbHandle | undefined;
const databases: string[] = [];
const roles: string[] = [];
let targetUrl: string;
let applicationId: string;
let uploadedId: string;
/** A session cookie issued by the portal on the embedded database, before the move. */
let sourceCookie: string;
let before: { tables: Record<string, TableFingerprint>; sequences: Record<string, string | null> };
let moved: Awaited<ReturnType<typeof moveToPostgres>>;

async function freshDatabase(): Promise<string> {
  const name = await createFreshDatabase(serverUrl, inject('testRunId'));
  databases.push(name);
  return withDatabase(serverUrl, name);
}

async function uploadDocument(
  app: Awaited<ReturnType<typeof buildTestApp>>,
  cookie: string,
  filename: string,
) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/applications/${applicationId}/documents?kind=other&filename=${filename}`,
    headers: { cookie, 'content-type': 'application/pdf' },
    payload: TEST_PDF,
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

beforeAll(async () => {
  // The shared server must be there: say so plainly rather than fail somewhere inside the move.
  const probe = openPostgres(adminUrl(serverUrl), 1);
  try {
    await probe.query(sql`select 1`);
  } catch (error) {
    throw new Error(
      `This test moves data into PostgreSQL and needs the server at ${new URL(serverUrl).host} (set DATABASE_URL to use another): ${error instanceof Error ? error.message : error}`,
    );
  } finally {
    await probe.close();
  }

  work = await mkdtemp(join(tmpdir(), 'portal-move-'));
  dataDir = join(work, 'data');
  const template = inject('pgliteTemplate');
  source = existsSync(template)
    ? await openPgliteDir(join(dataDir, 'pglite'), { loadDataDir: new Blob([await readFile(template)]) })
    : await openPgliteDir(join(dataDir, 'pglite'));
  await migrate(source);
  await seedDemo(source.db);

  // Through the portal on the embedded database: a log-in (a session) and an upload (a document and
  // its audit event).
  const [row] = await source.query<{ id: string }>(sql`
    select a.id from applications a join users u on u.id = a.applicant_id
    where u.email = ${APPLICANT} and a.state in ('draft', 'changes_requested') order by a.created_at limit 1`);
  applicationId = row!.id;
  const app = await buildTestApp(source);
  try {
    sourceCookie = await logIn(app, APPLICANT, DEMO_PASSWORD);
    uploadedId = await uploadDocument(app, sourceCookie, 'before-the-move.pdf');
  } finally {
    await app.close();
  }
  const [audit] = await source.query<{ n: number }>(
    sql`select count(*)::int as n from audit_events where action = 'application.document_added'`,
  );
  expect(audit?.n).toBeGreaterThan(0);

  before = { tables: await tableFingerprints(source), sequences: await sequenceStates(source) };
  targetUrl = await freshDatabase();
  moved = await moveToPostgres(source, targetUrl);
  target = openPostgres(targetUrl);
  // Without the template (PostgreSQL pass) PGlite migrates from scratch first.
}, 300_000);

afterAll(async () => {
  await target?.close();
  await source?.close();
  for (const name of databases) await dropDatabase(serverUrl, name);
  if (roles.length) {
    const admin = openPostgres(adminUrl(serverUrl), 1);
    try {
      for (const role of roles) await admin.query(sql.raw(`drop role if exists "${role}"`));
    } finally {
      await admin.close();
    }
  }
  if (work) await rm(work, { recursive: true, force: true });
});

describe('moving the embedded database to PostgreSQL', () => {
  it('copies every table row for row, and every sequence, leaving the source as it was', async () => {
    const tables = await publicTables(source);
    expect(moved.tables.map((t) => t.name)).toEqual(tables);
    expect(await tableFingerprints(target!)).toEqual(before.tables);
    expect(await sequenceStates(target!)).toEqual(before.sequences);
    for (const name of [
      'users',
      'applications',
      'application_documents',
      'decisions',
      'audit_events',
      'sessions',
    ])
      expect(before.tables[name]?.rows, name).toBeGreaterThan(0);
    // The read model and its counts arrive as they were (copied, not re-derived by triggers).
    expect(before.tables.directory_entries?.rows).toBeGreaterThan(0);
    expect(before.tables.directory_word_counts?.rows).toBeGreaterThan(0);
    expect(await tableFingerprints(source)).toEqual(before.tables);
  });

  it('serves the portal from the target: a demo user logs in, the document downloads identical, sessions go on', async () => {
    const app = await buildTestApp(target!);
    try {
      // Sessions move too: whoever was signed in stays signed in.
      const session = await app.inject({
        method: 'GET',
        url: '/api/auth/session',
        headers: { cookie: sourceCookie },
      });
      expect((session.json() as { user: { email: string } | null }).user?.email).toBe(APPLICANT);

      const cookie = await logIn(app, APPLICANT, DEMO_PASSWORD);
      const download = await app.inject({
        method: 'GET',
        url: `/api/applications/${applicationId}/documents/${uploadedId}`,
        headers: { cookie },
      });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(TEST_PDF)).toBe(true);

      // A seeded document too, compared with the source's bytes.
      const [doc] = await source.query<{ id: string; application_id: string; content: Uint8Array }>(
        sql`select id, application_id, content from application_documents where id <> ${uploadedId} order by id limit 1`,
      );
      const committee = await logIn(app, 'predsedatel@demo.klaster.bg', DEMO_PASSWORD);
      const seeded = await app.inject({
        method: 'GET',
        url: `/api/applications/${doc!.application_id}/documents/${doc!.id}`,
        headers: { cookie: committee },
      });
      expect(seeded.statusCode).toBe(200);
      expect(seeded.rawPayload.equals(Buffer.from(doc!.content))).toBe(true);

      // The directory (read model and counts) answers the same on both.
      const sourceApp = await buildTestApp(source);
      try {
        const onSource = await sourceApp.inject({ method: 'GET', url: '/api/organizations?q=софия' });
        const onTarget = await app.inject({ method: 'GET', url: '/api/organizations?q=софия' });
        expect(onTarget.statusCode).toBe(200);
        expect((onTarget.json() as { total: number }).total).toBeGreaterThan(0);
        expect(onTarget.json()).toEqual(onSource.json());
      } finally {
        await sourceApp.close();
      }
    } finally {
      await app.close();
    }
  });

  it('lets new rows in after the move without colliding with copied ids', async () => {
    const app = await buildTestApp(target!);
    try {
      const cookie = await logIn(app, APPLICANT, DEMO_PASSWORD);
      await uploadDocument(app, cookie, 'after-the-move.pdf');
    } finally {
      await app.close();
    }
    // Every column a sequence fills is below the sequence's value.
    const owned = await target!.query<{ seq: string; tbl: string; col: string }>(sql`
      select s.relname as seq, t.relname as tbl, a.attname as col
      from pg_depend d
      join pg_class s on s.oid = d.objid and s.relkind = 'S'
      join pg_class t on t.oid = d.refobjid
      join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      join pg_namespace n on n.oid = t.relnamespace
      where d.deptype in ('a', 'i') and n.nspname = 'public'`);
    expect(owned.length).toBeGreaterThan(0);
    for (const { seq, tbl, col } of owned) {
      const [row] = await target!.query<{ max: string | null; last: string | null }>(
        sql.raw(`select (select max("${col}")::text from public."${tbl}") as max,
                   (select last_value::text from pg_sequences where schemaname = 'public' and sequencename = '${seq}') as last`),
      );
      if (row?.max !== null && row?.max !== undefined)
        expect(BigInt(row.last ?? 0) >= BigInt(row.max), seq).toBe(true);
    }
  });

  it('refuses a target that is not empty', async () => {
    await expect(moveToPostgres(source, targetUrl)).rejects.toBeInstanceOf(MoveError);
    await expect(moveToPostgres(source, targetUrl)).rejects.toThrow(/not empty \(table \w+ has rows\)/);
  });

  it('refuses, leaving the target empty, when the target user may not switch triggers off', async () => {
    // A role that owns its database (so it can migrate it) but is no superuser.
    const role = `portal_test_${inject('testRunId')}_mover`;
    const admin = openPostgres(adminUrl(serverUrl), 1);
    const url = new URL(await freshDatabase());
    try {
      await admin.query(sql.raw(`create role "${role}" login`));
      roles.push(role);
      await admin.query(sql.raw(`alter database "${url.pathname.slice(1)}" owner to "${role}"`));
    } finally {
      await admin.close();
    }
    url.username = role;
    await expect(moveToPostgres(source, url.toString())).rejects.toThrow(
      /may not set session_replication_role.*GRANT SET ON PARAMETER session_replication_role/,
    );
    const refused = openPostgres(url.toString(), 1);
    try {
      const fingerprints = await tableFingerprints(refused);
      expect(fingerprints.users?.rows).toBe(0);
      expect(fingerprints.organizations?.rows).toBe(0);
    } finally {
      await refused.close();
    }
  });

  it('pnpm db:move-to-postgres does the same from the command line', async () => {
    await source.close();
    try {
      const url = await freshDatabase();
      const run = await runScript('db/src/cli/move-to-postgres.ts', ['--to', url], { DATA_DIR: dataDir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /Moved \d+ rows in \d+ tables and \d+ sequences; every table's rows and checksum match/,
      );
      const copy = openPostgres(url);
      try {
        expect(await tableFingerprints(copy)).toEqual(before.tables);
      } finally {
        await copy.close();
      }
      const again = await runScript('db/src/cli/move-to-postgres.ts', ['--to', url], { DATA_DIR: dataDir });
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^The target database is not empty/);
    } finally {
      source = await openPgliteDir(join(dataDir, 'pglite'));
    }
  });
});
