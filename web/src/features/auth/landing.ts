import type { ApplicationSummary, Me } from '@portal/shared';
import { paths } from '@/lib/paths.ts';

/**
 * Where a user lands after logging in without a return address: where their work is (issue 11 C4).
 * Committee (member or chair) → the committee's queue; administrator → the users; representative →
 * their (first) organisation; someone with applications → the application (several: the account's
 * list of them); anyone else → the application form.
 *
 * `applications` is the user's own applications, or undefined while not known: the answer is then
 * undefined when it depends on them (a user with none of the roles above).
 */
export function landingPath(
  me: Pick<Me, 'roles' | 'organizations'>,
  applications: readonly Pick<ApplicationSummary, 'id'>[] | undefined,
): string | undefined {
  if (me.roles.includes('committee_member') || me.roles.includes('committee_chair')) {
    return paths.committee.href();
  }
  if (me.roles.includes('admin')) return paths.adminUsers.href();
  const organization = me.organizations[0];
  if (organization) return paths.myOrganization.href(organization.id);
  if (applications === undefined) return undefined;
  const [only, ...more] = applications;
  if (only && more.length === 0) return paths.application.href(only.id);
  if (only) return paths.account.href('applications');
  return paths.apply.href();
}
