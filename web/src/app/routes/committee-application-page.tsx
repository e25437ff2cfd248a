import { ApplicationPage } from '@/features/committee/components/application-page.tsx';
import { VotePanel } from '@/features/voting/components/vote-panel.tsx';

/**
 * /committee/applications/:id — the committee feature's page with the voting feature's panel, composed
 * here because features do not import each other.
 */
export function CommitteeApplicationPage() {
  return <ApplicationPage Vote={VotePanel} />;
}
