import { Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { ProfilePage } from '@/features/profiles/components/profile-page.tsx';
import { SuggestionsCard } from '@/features/suggestions/components/suggestions-card.tsx';
import { useOrganizationStanding } from '@/lib/api/session.ts';

/**
 * /my/organizations/:id — the organisation's overview, composed here because features do not import each
 * other: the suggested-partners card (while it is an active member) above the logo and profile editor.
 */
export function MyOrganizationOverview() {
  const { id = '' } = useParams();
  const standing = useOrganizationStanding(id);
  return (
    <Stack gap="lg">
      {standing === 'active' ? <SuggestionsCard id={id} /> : null}
      <ProfilePage />
    </Stack>
  );
}
