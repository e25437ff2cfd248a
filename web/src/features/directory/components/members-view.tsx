import { Box, SegmentedControl, Stack, Text } from '@mantine/core';
import { type MemberOrganizationSummary, type OrganizationSummary, viewerLevel } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { ContactFacts } from '@/components/contact-facts.tsx';
import { principalOf, useSession } from '@/lib/api/session.ts';
// The texts of this members-only code: it loads only for users who may see the members view.
import '@/i18n/members-view.ts';

/**
 * The switch between the public directory and the members view (with the contacts the user may see), for
 * users with members.view only. A radio group: Tab reaches it, the arrow keys change the view.
 */
export function ViewSwitch({
  members,
  onChange,
}: {
  members: boolean;
  onChange: (members: boolean) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const level = viewerLevel(principalOf(session.data?.user));
  return (
    <Stack gap={4} align="flex-start">
      <SegmentedControl
        aria-label={t('membersView.switchLabel')}
        value={members ? 'members' : 'public'}
        onChange={(value) => onChange(value === 'members')}
        data={[
          { value: 'public', label: t('membersView.public') },
          { value: 'members', label: t('membersView.members') },
        ]}
      />
      {members ? (
        <Text size="sm" c="dimmed">
          {level === 'committee' ? t('membersView.hint.committee') : t('membersView.hint.members')}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * The contacts of a directory card in the members view: the fields the answer carries (the server leaves a
 * field above the viewer's level null). Nothing for an item without contacts (e.g. a public item still on
 * screen while the members view loads).
 */
export function MemberContacts({
  organization,
}: {
  organization: OrganizationSummary | MemberOrganizationSummary;
}) {
  if (!('contactName' in organization)) return null;
  const {
    address,
    website,
    publicEmail,
    publicPhone,
    contactName,
    contactPosition,
    contactEmail,
    contactPhone,
  } = organization;
  const values = {
    address,
    website,
    publicEmail,
    publicPhone,
    contactName,
    contactPosition,
    contactEmail,
    contactPhone,
  };
  if (!Object.values(values).some(Boolean)) return null;
  return (
    <Box component="dl" className="facts" fz="sm" mt={4}>
      <ContactFacts values={values} />
    </Box>
  );
}
