import { Button, Stack, Text } from '@mantine/core';
import { can } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { principalOf, useSession } from '@/lib/api/session.ts';

/** The member list as CSV (the server picks the columns and contacts by the reader's level). */
export const MEMBER_EXPORT_URL = '/api/members/export.csv';

/**
 * A plain download link to the member-list export, for users who may export it (representatives, the
 * committee, administrators); nothing for anyone else. The browser saves the file under the server's
 * dated name (Content-Disposition).
 */
export function MemberExportButton({ hint = false }: { hint?: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!can(principalOf(session.data?.user), 'members.export')) return null;
  return (
    <Stack gap={4} align="flex-start">
      <Button component="a" href={MEMBER_EXPORT_URL} download variant="light" size="sm">
        {t('account.organizations.exportMembers')}
      </Button>
      {hint ? (
        <Text size="xs" c="dimmed">
          {t('account.organizations.exportMembersHint')}
        </Text>
      ) : null}
    </Stack>
  );
}
