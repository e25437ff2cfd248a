import { expect } from 'vitest';
import { createSession } from '../auth/sessions.ts';
import { TEST_PASSWORD } from '../testing.ts';
import { ANON, app, bodyOf, fresh, h, type Row, signedIn } from './matrix.ts';

export const ROWS: Row[] = [
  // ---------- my account ----------
  {
    method: 'GET',
    url: '/api/account',
    permission: 'account.manage',
    label: 'my account',
    expect: signedIn(200),
    build: () => ({ url: '/api/account' }),
    check: (body, _f, actor) => expect(bodyOf(body).id).toBe(actor.user?.id),
  },
  {
    method: 'PATCH',
    url: '/api/account',
    permission: 'account.manage',
    label: 'renaming myself',
    expect: signedIn(200),
    build: (_f, actor) => ({ url: '/api/account', payload: { displayName: `Renamed ${actor.name}` } }),
    check: (body, _f, actor) => expect(bodyOf(body)).toMatchObject({ id: actor.user?.id }),
  },
  {
    method: 'POST',
    url: '/api/account/password',
    permission: 'account.manage',
    label: 'changing my password',
    expect: signedIn(204),
    // The same password again: a real change, and later rows can still use TEST_PASSWORD.
    build: () => ({
      url: '/api/account/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
    }),
  },
  {
    method: 'POST',
    url: '/api/account/email',
    permission: 'account.manage',
    label: 'changing my email',
    expect: signedIn(202),
    build: () => ({
      url: '/api/account/email',
      payload: { currentPassword: TEST_PASSWORD, newEmail: fresh('new-address') },
    }),
  },
  {
    method: 'GET',
    url: '/api/account/sessions',
    permission: 'account.manage',
    label: 'my sessions',
    expect: signedIn(200),
    build: () => ({ url: '/api/account/sessions' }),
    check: (body, f) => {
      const items = bodyOf(body).items as { id: string; current: boolean }[];
      expect(items.some((s) => s.current)).toBe(true);
      expect(items.map((s) => s.id)).not.toContain(f.victim.sessionId);
    },
  },
  {
    method: 'DELETE',
    url: '/api/account/sessions/:id',
    permission: 'account.manage',
    label: 'ending one of my own sessions',
    expect: signedIn(204),
    build: async (f, actor) => {
      if (!actor.user) return { url: `/api/account/sessions/${f.victim.sessionId}` };
      const { sessionId } = await createSession(
        h.db,
        actor.user.id,
        { idleMs: app.config.sessionIdleMs, absoluteMs: app.config.sessionAbsoluteMs },
        'spare',
      );
      return { url: `/api/account/sessions/${sessionId}` };
    },
  },
  {
    method: 'DELETE',
    url: '/api/account/sessions/:id',
    permission: 'account.manage',
    label: "ending somebody else's session",
    record: true,
    // Nobody, administrators included, ends another user's session here: it is "not found".
    expect: {
      anonymous: ANON,
      no_role: { deny: 404, code: 'session.not_found' },
      applicant: { deny: 404, code: 'session.not_found' },
      other_applicant: { deny: 404, code: 'session.not_found' },
      representative: { deny: 404, code: 'session.not_found' },
      committee_member: { deny: 404, code: 'session.not_found' },
      committee_chair: { deny: 404, code: 'session.not_found' },
      admin: { deny: 404, code: 'session.not_found' },
    },
    build: (f) => ({ url: `/api/account/sessions/${f.victim.sessionId}` }),
  },
  {
    method: 'GET',
    url: '/api/account/organizations',
    permission: 'account.manage',
    label: 'the organisations I represent',
    expect: signedIn(200),
    build: () => ({ url: '/api/account/organizations' }),
    check: (body, f, actor) => {
      const items = bodyOf(body).items as { id: string; eik: string }[];
      expect(items).toEqual(
        actor.name === 'representative' ? [expect.objectContaining({ id: f.orgA.id, eik: f.orgA.eik })] : [],
      );
    },
  },
];
