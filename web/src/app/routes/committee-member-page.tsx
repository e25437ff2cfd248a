import { OrganizationFees } from '@/features/fees/components/organization-fees.tsx';
import { MemberPage } from '@/features/memberships/components/member-page.tsx';
import { HistorySection } from '@/features/profiles/components/history-section.tsx';
import { MembershipVotePanel } from '@/features/voting/components/membership-vote-panel.tsx';

/**
 * /committee/members/:id — the memberships feature's page with the sections of the fees,
 * organisation-profile and voting features, composed here because features do not import each other.
 */
export function CommitteeMemberPage() {
  return <MemberPage Fees={OrganizationFees} History={HistorySection} Vote={MembershipVotePanel} />;
}
