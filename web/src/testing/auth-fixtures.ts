import type { Me, MyOrganization, SessionInfo } from '@portal/shared';
import { profileFixture } from './fixtures.ts';
import { type Handler, json } from './mocks/stub-api.ts';

/** A signed-in user, typed by the shared contract. */
export function meFixture(overrides: Partial<Me> = {}): Me {
  return {
    id: '11111111-2222-4333-8444-555555555555',
    email: 'maria@example.bg',
    displayName: 'Мария Петрова',
    language: 'bg',
    roles: ['representative'],
    organizations: [
      {
        id: profileFixture.id,
        nameBg: profileFixture.nameBg,
        nameEn: profileFixture.nameEn,
        standing: 'active',
        candidate: false,
      },
    ],
    emailVerified: true,
    createdAt: '2026-01-10T09:00:00.000Z',
    ...overrides,
  };
}

export const myOrganizationFixture: MyOrganization = {
  id: profileFixture.id,
  nameBg: profileFixture.nameBg,
  nameEn: profileFixture.nameEn,
  eik: profileFixture.eik,
  kind: 'company',
  category: 'regular',
  status: 'active',
  memberSince: '2025-03-12',
};

export const sessionsFixture: SessionInfo[] = [
  {
    id: 'aaaaaaaa-0000-4000-8000-000000000001',
    createdAt: '2026-02-01T08:00:00.000Z',
    lastSeenAt: '2026-02-03T10:00:00.000Z',
    expiresAt: '2026-03-01T08:00:00.000Z',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0',
    current: true,
  },
  {
    id: 'aaaaaaaa-0000-4000-8000-000000000002',
    createdAt: '2026-01-20T08:00:00.000Z',
    lastSeenAt: '2026-02-02T18:30:00.000Z',
    expiresAt: '2026-02-20T08:00:00.000Z',
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Mobile/15E148 Safari/604.1',
    current: false,
  },
];

/** Handlers for a signed-in `me`: the session, the account and its lists. Spread into `stubApi({...})`. */
export function signedIn(me: Me = meFixture()): Record<string, Handler> {
  return {
    '/api/auth/session': () => json({ user: me }),
    '/api/account': () => json(me),
    '/api/account/sessions': () => json({ items: sessionsFixture }),
    '/api/account/organizations': () => json({ items: [myOrganizationFixture] }),
    '/api/applications/mine': () => json({ items: [] }),
  };
}

/** A syntactically valid emailed-link token (43 base64url characters). */
export const linkToken = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456';
