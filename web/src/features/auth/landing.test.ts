import type { Me } from '@portal/shared';
import { describe, expect, it } from 'vitest';
import { landingPath } from './landing.ts';

const org = {
  id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  nameBg: 'Фирма',
  nameEn: 'Firm',
  standing: 'active' as const,
  candidate: false,
};
const other = { ...org, id: 'ffffffff-bbbb-4ccc-8ddd-eeeeeeeeeeee' };
const user = (roles: Me['roles'], organizations: Me['organizations'] = []) => ({ roles, organizations });
const app1 = { id: '11111111-2222-4333-8444-555555555555' };
const app2 = { id: '66666666-2222-4333-8444-555555555555' };

describe('where each role lands after logging in without a return address (issue 11 C4)', () => {
  it('sends committee members and the chair to the committee, before any other role', () => {
    expect(landingPath(user(['committee_member']), undefined)).toBe('/committee');
    expect(landingPath(user(['committee_chair', 'admin', 'representative'], [org]), [app1])).toBe(
      '/committee',
    );
  });

  it('sends administrators to the users', () => {
    expect(landingPath(user(['admin', 'representative'], [org]), undefined)).toBe('/admin/users');
  });

  it('sends a representative to their first organisation', () => {
    expect(landingPath(user(['representative'], [org, other]), [app1])).toBe(`/my/organizations/${org.id}`);
  });

  it('sends an applicant to their application, or to the list of them when there are several', () => {
    expect(landingPath(user(['applicant']), [app1])).toBe(`/applications/${app1.id}`);
    expect(landingPath(user([]), [app1, app2])).toBe('/account#applications');
  });

  it('sends anyone else to the application form', () => {
    expect(landingPath(user([]), [])).toBe('/apply');
    expect(landingPath(user(['applicant']), [])).toBe('/apply');
  });

  it('waits for the applications only when the answer depends on them', () => {
    expect(landingPath(user([]), undefined)).toBeUndefined();
    expect(landingPath(user(['representative'], [org]), undefined)).toBe(`/my/organizations/${org.id}`);
  });
});
