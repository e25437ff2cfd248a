import { describe, expect, it } from 'vitest';
import type { Role } from './auth.ts';
import { ACTIONS, can, type Principal } from './permissions.ts';

const user = (roles: Role[], organizationIds: string[] = []): Principal => ({
  id: 'u1',
  roles,
  organizationIds,
});

describe('can()', () => {
  it('allows nothing to an anonymous visitor', () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });

  it('lets every signed-in user manage only their own account', () => {
    const u = user([]);
    expect(can(u, 'account.manage')).toBe(true);
    expect(can(u, 'account.manage', { type: 'user', id: 'u1' })).toBe(true);
    expect(can(u, 'account.manage', { type: 'user', id: 'someone-else' })).toBe(false);
  });

  it('lets a representative see the private view of their own organisations only', () => {
    const rep = user(['representative'], ['orgA']);
    expect(can(rep, 'organization.view_private', { type: 'organization', id: 'orgA' })).toBe(true);
    expect(can(rep, 'organization.view_private', { type: 'organization', id: 'orgB' })).toBe(false);
    // Linked to an organisation but without the role: no access.
    expect(can(user([], ['orgA']), 'organization.view_private', { type: 'organization', id: 'orgA' })).toBe(
      false,
    );
    expect(can(user(['admin']), 'organization.view_private', { type: 'organization', id: 'orgB' })).toBe(
      true,
    );
  });

  it('keeps users, the audit log and the mailbox to administrators', () => {
    for (const action of ['users.manage', 'audit.read', 'mailbox.read'] as const) {
      expect(can(user(['admin']), action)).toBe(true);
      for (const role of ['applicant', 'representative', 'committee_member', 'committee_chair'] as const) {
        expect(can(user([role]), action)).toBe(false);
      }
    }
  });
});
