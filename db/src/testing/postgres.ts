import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/** The same server, connected to its maintenance database, to create and drop test databases. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Creates an empty database with a UTF-8 ctype: under LC_CTYPE=C pg_trgm silently drops every
 * Cyrillic character, so search would find nothing in Bulgarian. With `template` (a database made this
 * way and migrated, with no one connected to it), a copy of that database, which keeps its encoding.
 */
export async function createFreshDatabase(url: string, runId: string, template?: string): Promise<string> {
  const name = `portal_test_${runId}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(
      template
        ? `CREATE DATABASE "${name}" TEMPLATE "${template}"`
        : `CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
  } finally {
    await admin.end();
  }
  return name;
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function dropRunDatabases(url: string, runId: string): Promise<void> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`portal_test_${runId}_%`}`;
    for (const { datname } of rows) await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
