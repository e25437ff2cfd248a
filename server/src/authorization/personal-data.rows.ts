import { expect } from 'vitest';
import { insertUser, logIn, TEST_PASSWORD } from '../testing.ts';
import {
  ACTOR_ROLES,
  type ActorName,
  adminOnly,
  allow,
  app,
  bodyOf,
  editors,
  fresh,
  h,
  ORG_NOT_FOUND,
  type Row,
  signedIn,
} from './matrix.ts';

export const ROWS: Row[] = [
  // ---------- personal data (issue 5): exports, erasing one's account, administrators' erasures ----------
  {
    method: 'GET',
    url: '/api/account/export',
    permission: 'account.manage',
    label: 'downloading my own data',
    expect: signedIn(200),
    build: () => ({ url: '/api/account/export' }),
    check: (body, _f, actor) => {
      expect(bodyOf(body).account).toMatchObject({ id: actor.user?.id, email: actor.user?.email });
      expect(JSON.stringify(body)).not.toContain('$argon2');
    },
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/export',
    permission: 'organization.view_private',
    label: "downloading the data of the representative's own organisation A",
    record: true,
    expect: editors(allow(200)),
    build: (f) => ({ url: `/api/account/organizations/${f.orgA.id}/export` }),
    check: (body, f) => expect(bodyOf(body).organization).toMatchObject({ id: f.orgA.id, eik: f.orgA.eik }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations/:id/export',
    permission: 'organization.view_private',
    label: 'downloading the data of another organisation B',
    record: true,
    expect: editors(ORG_NOT_FOUND),
    build: (f) => ({ url: `/api/account/organizations/${f.orgB.id}/export` }),
    check: (body, f) => expect(bodyOf(body).organization).toMatchObject({ id: f.orgB.id, eik: f.orgB.eik }),
  },
  {
    method: 'POST',
    url: '/api/account/erase',
    permission: 'account.manage',
    label: 'erasing my account (a fresh account of the same roles, so the actor stays)',
    expect: signedIn(204),
    build: async (_f, actor) => {
      if (!actor.user) return { url: '/api/account/erase', payload: { password: TEST_PASSWORD } };
      const standIn = await insertUser(h, {
        roles: ACTOR_ROLES[actor.name as Exclude<ActorName, 'anonymous'>],
      });
      return {
        url: '/api/account/erase',
        payload: { password: TEST_PASSWORD },
        cookie: await logIn(app, standIn.email),
      };
    },
  },
  {
    method: 'POST',
    url: '/api/admin/users/:id/erase',
    permission: 'personal_data.erase',
    label: "erasing a former user's personal data",
    expect: adminOnly(200),
    build: async () => ({
      url: `/api/admin/users/${(await insertUser(h, { email: fresh('former') })).id}/erase`,
    }),
    check: (body) => expect(body).toMatchObject({ displayName: '', status: 'disabled', roles: [] }),
  },
  {
    method: 'POST',
    url: '/api/admin/organizations/:id/erase-contact',
    permission: 'personal_data.erase',
    label: "erasing an organisation's former contact person",
    expect: adminOnly(204),
    build: (f) => ({ url: `/api/admin/organizations/${f.orgB.id}/erase-contact` }),
  },
];
