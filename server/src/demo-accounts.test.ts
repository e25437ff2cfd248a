import type { DbHandle } from '@portal/db';
import { sql } from '@portal/db';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '@portal/db/seed';
import { createTestDb } from '@portal/db/testing';
import { ROLES } from '@portal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, logIn } from './testing.ts';

let h: DbHandle;
let app: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  h = await createTestDb({ seed: (db) => seedDemo(db.db).then(() => undefined) });
  app = await buildTestApp(h);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('demo accounts', () => {
  it('has one account for each role, each logging in with the published demo password', async () => {
    const covered = new Set(DEMO_USERS.flatMap((u) => u.roles));
    expect([...covered].sort()).toEqual([...ROLES].sort());
    for (const demo of DEMO_USERS) {
      const cookie = await logIn(app, demo.email, DEMO_PASSWORD);
      const me = (await app.inject({ url: '/api/account', headers: { cookie } })).json();
      expect(me.roles.sort()).toEqual([...demo.roles].sort());
    }
  });

  it('links the demo representative to „Дигитална София“', async () => {
    const rep = DEMO_USERS.find((u) => u.roles.includes('representative'))!;
    const cookie = await logIn(app, rep.email, DEMO_PASSWORD);
    const orgs = (await app.inject({ url: '/api/account/organizations', headers: { cookie } })).json().items;
    expect(orgs.map((o: { nameBg: string }) => o.nameBg)).toEqual(['Дигитална София']);
  });

  it('is not duplicated or changed by seeding again', async () => {
    const before = await h.query(sql`select id, email, password_hash, version from users order by email`);
    await seedDemo(h.db);
    const after = await h.query(sql`select id, email, password_hash, version from users order by email`);
    expect(after).toEqual(before);
  });
});
