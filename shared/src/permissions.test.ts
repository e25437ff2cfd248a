import { describe, expect, it } from 'vitest';
import type { Role } from './auth.ts';
import {
  ACTIONS,
  can,
  deniedForMembership,
  MEMBERS_ONLY_ACTIONS,
  type Principal,
  seesResourcesAsCandidate,
} from './permissions.ts';
import { viewerLevel } from './privacy.ts';

/** A user whose organisations are all active members unless `memberOrganizationIds` says otherwise. */
const user = (
  roles: Role[],
  organizationIds: string[] = [],
  memberOrganizationIds: string[] = organizationIds,
): Principal => ({
  id: 'u1',
  roles,
  organizationIds,
  memberOrganizationIds,
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

  it('lets only representatives of an active member share resources, and any representative book for their own', () => {
    const rep = user(['representative'], ['orgA', 'orgC'], ['orgA']);
    expect(can(rep, 'resources.manage', { type: 'organization', id: 'orgA' })).toBe(true);
    // orgC is not an active member now (suspended, or a candidate): it cannot share.
    expect(can(rep, 'resources.manage', { type: 'organization', id: 'orgC' })).toBe(false);
    expect(can(rep, 'resources.manage', { type: 'organization', id: 'orgB' })).toBe(false);
    expect(can(rep, 'resources.book', { type: 'organization', id: 'orgC' })).toBe(true);
    expect(can(rep, 'resources.book', { type: 'organization', id: 'orgB' })).toBe(false);
    for (const role of ['admin', 'committee_member', 'applicant'] as const) {
      expect(can(user([role]), 'resources.manage')).toBe(false);
      expect(can(user([role]), 'resources.book')).toBe(false);
    }
    expect(can(user(['committee_member']), 'resources.view')).toBe(true);
    expect(can(user(['representative'], ['orgC'], []), 'resources.view')).toBe(false);
  });

  it('lets a candidate see the resources (only those open to applicants: seesResourcesAsCandidate)', () => {
    const candidate: Principal = {
      ...user(['representative'], ['orgC'], []),
      candidateOrganizationIds: ['orgC'],
    };
    expect(can(candidate, 'resources.view')).toBe(true);
    expect(seesResourcesAsCandidate(candidate)).toBe(true);
    expect(deniedForMembership(candidate, 'resources.view')).toBe(false);
    // Nothing else members-only follows from being a candidate.
    for (const action of MEMBERS_ONLY_ACTIONS.filter((a) => a !== 'resources.view')) {
      expect(can(candidate, action), action).toBe(false);
    }
    expect(can(candidate, 'resources.manage', { type: 'organization', id: 'orgC' })).toBe(false);
    // A candidate's id without the representative role gives nothing.
    expect(can({ ...user([], ['orgC'], []), candidateOrganizationIds: ['orgC'] }, 'resources.view')).toBe(
      false,
    );
    // Members (also of another organisation), the committee and admins see every resource.
    expect(
      seesResourcesAsCandidate({
        ...user(['representative'], ['orgA', 'orgC'], ['orgA']),
        candidateOrganizationIds: ['orgC'],
      }),
    ).toBe(false);
    expect(seesResourcesAsCandidate(user(['committee_member']))).toBe(false);
    expect(seesResourcesAsCandidate(user(['admin']))).toBe(false);
  });

  it('keeps users, the audit log and the mailbox to administrators', () => {
    for (const action of ['users.manage', 'audit.read', 'mailbox.read'] as const) {
      expect(can(user(['admin']), action)).toBe(true);
      for (const role of ['applicant', 'representative', 'committee_member', 'committee_chair'] as const) {
        expect(can(user([role]), action)).toBe(false);
      }
    }
  });

  it('gives members-only access to representatives of an active member only, whatever their role says', () => {
    const member = user(['representative'], ['orgA']);
    const lapsed = user(['representative'], ['orgA'], []);
    for (const action of MEMBERS_ONLY_ACTIONS) {
      expect(can(member, action), action).toBe(true);
      expect(can(lapsed, action), action).toBe(false);
      expect(deniedForMembership(lapsed, action), action).toBe(true);
      expect(deniedForMembership(user(['applicant']), action), action).toBe(false);
      // The committee and administrators see it without representing anyone.
      expect(can(user(['committee_member']), action), action).toBe(true);
      expect(can(user(['admin']), action), action).toBe(true);
    }
    expect(viewerLevel(member)).toBe('members');
    expect(viewerLevel(lapsed)).toBe('public');
    // One active organisation of two is enough.
    expect(can(user(['representative'], ['orgA', 'orgB'], ['orgB']), 'members.view')).toBe(true);
    // Their own organisation's pages stay theirs (its data, history and fees).
    for (const action of ['organization.view_private', 'organization.history', 'fees.view'] as const) {
      expect(can(lapsed, action, { type: 'organization', id: 'orgA' }), action).toBe(true);
    }
  });
});

describe('the cooperation board (issue 14 §1)', () => {
  it('lets representatives of an active member post for their own organisation only', () => {
    const member = user(['representative'], ['orgA', 'orgB'], ['orgA']);
    expect(can(member, 'board.post')).toBe(true);
    expect(can(member, 'board.post', { type: 'organization', id: 'orgA' })).toBe(true);
    // orgB is theirs but not an active member; orgC is not theirs.
    expect(can(member, 'board.post', { type: 'organization', id: 'orgB' })).toBe(false);
    expect(can(member, 'board.post', { type: 'organization', id: 'orgC' })).toBe(false);
  });

  it('tells a lapsed representative why, and does not let the committee or administrators post', () => {
    const lapsed = user(['representative'], ['orgA'], []);
    expect(can(lapsed, 'board.post')).toBe(false);
    expect(deniedForMembership(lapsed, 'board.post')).toBe(true);
    for (const role of ['committee_member', 'committee_chair', 'admin', 'applicant'] as const) {
      expect(can(user([role]), 'board.post'), role).toBe(false);
      expect(can(user([role]), 'board.view'), role).toBe(role !== 'applicant');
    }
  });
});

describe('partner suggestions (issue 14 §4)', () => {
  it('lets a representative of an active member read and dismiss its own suggestions, and the committee read any', () => {
    const member = user(['representative'], ['orgA', 'orgB'], ['orgA']);
    const orgA = { type: 'organization', id: 'orgA' } as const;
    const orgB = { type: 'organization', id: 'orgB' } as const;
    for (const action of ['suggestions.view', 'suggestions.dismiss'] as const) {
      expect(can(member, action, orgA), action).toBe(true);
      // orgB is theirs but not an active member.
      expect(can(member, action, orgB), action).toBe(false);
      expect(deniedForMembership(user(['representative'], ['orgA'], []), action), action).toBe(true);
      expect(can(user(['admin']), action, orgA), action).toBe(false);
    }
    expect(can(user(['committee_member']), 'suggestions.view', orgB)).toBe(true);
    expect(can(user(['committee_chair']), 'suggestions.dismiss', orgA)).toBe(false);
  });
});

describe('the overview of cooperation (issue 14 §5)', () => {
  it('is for the committee and administrators, not for representatives of members or applicants', () => {
    expect(can(user(['committee_member']), 'cooperation.overview')).toBe(true);
    expect(can(user(['committee_chair']), 'cooperation.overview')).toBe(true);
    expect(can(user(['admin']), 'cooperation.overview')).toBe(true);
    expect(can(user(['representative'], ['org-1']), 'cooperation.overview')).toBe(false);
    expect(can(user(['applicant']), 'cooperation.overview')).toBe(false);
    expect(can(user([]), 'cooperation.overview')).toBe(false);
  });
});

describe('joint projects (issue 16 §4, decision 050)', () => {
  it('lets representatives of an active member work on projects, the committee read them, administrators neither', () => {
    const member = user(['representative'], ['orgA']);
    const lapsed = user(['representative'], ['orgA'], []);
    expect(can(member, 'projects.view')).toBe(true);
    expect(can(member, 'projects.work', { type: 'organization', id: 'orgA' })).toBe(true);
    expect(can(member, 'projects.work', { type: 'organization', id: 'orgB' })).toBe(false);
    expect(can(lapsed, 'projects.view')).toBe(false);
    expect(deniedForMembership(lapsed, 'projects.work')).toBe(true);
    expect(can(user(['committee_member']), 'projects.view')).toBe(true);
    expect(can(user(['committee_member']), 'projects.work')).toBe(false);
    expect(can(user(['admin']), 'projects.view')).toBe(false);
  });
});
