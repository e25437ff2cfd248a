import { type DbHandle, sql } from '@portal/db';
import { createTestDb } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/passwords.ts';
import { insertUser } from '../testing.ts';
import { createAdministrator } from './admin.ts';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h?.close();
});

const rolesOf = async (userId: string) =>
  (
    await h.query<{ role: string }>(sql`select role from user_roles where user_id = ${userId} order by role`)
  ).map((r) => r.role);
const auditOf = async (userId: string) =>
  (
    await h.query<{ action: string }>(
      sql`select action from audit_events where entity_type = 'user' and entity_id = ${userId} order by id`,
    )
  ).map((r) => r.action);

describe('pnpm admin:create', () => {
  it('creates a verified administrator with the given password, audited as the system', async () => {
    const result = await createAdministrator(
      h.db,
      'first.admin@example.bg',
      'Първи Админ',
      'a long password 1',
    );
    expect(result.created).toBe(true);
    const [user] = await h.query<{
      email: string;
      display_name: string;
      verified: boolean;
      password_hash: string;
    }>(
      sql`select email, display_name, email_verified_at is not null as verified, password_hash
          from users where id = ${result.userId}`,
    );
    expect(user).toMatchObject({
      email: 'first.admin@example.bg',
      display_name: 'Първи Админ',
      verified: true,
    });
    expect(await verifyPassword(user!.password_hash, 'a long password 1')).toBe(true);
    expect(await rolesOf(result.userId)).toEqual(['admin']);
    expect(await auditOf(result.userId)).toEqual(['user.created']);
  });

  it('makes an existing account an administrator, once, keeping its password and name', async () => {
    const existing = await insertUser(h, {
      email: 'member.later.admin@example.bg',
      roles: ['representative'],
    });
    const [before] = await h.query<{ password_hash: string }>(
      sql`select password_hash from users where id = ${existing.id}`,
    );
    const result = await createAdministrator(
      h.db,
      'member.later.admin@example.bg',
      'Ignored',
      'another password',
    );
    expect(result).toEqual({ created: false, userId: existing.id });
    expect(await rolesOf(existing.id)).toEqual(['admin', 'representative']);
    // Again: nothing new, the role is not doubled.
    expect(await createAdministrator(h.db, 'member.later.admin@example.bg', 'Ignored', 'x y z w v')).toEqual({
      created: false,
      userId: existing.id,
    });
    expect(await rolesOf(existing.id)).toEqual(['admin', 'representative']);
    const [after] = await h.query<{ password_hash: string; display_name: string }>(
      sql`select password_hash, display_name from users where id = ${existing.id}`,
    );
    expect(after?.password_hash).toBe(before?.password_hash);
    expect(after?.display_name).not.toBe('Ignored');
    expect(await auditOf(existing.id)).toEqual(['user.role_granted', 'user.role_granted']);
  });
});
