import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useConfirmedAction } from '@/components/use-confirmed-action.ts';
import { useCan } from '@/lib/api/session.ts';
import { useEraseContact } from '../api/memberships.ts';

/**
 * Administrators only: erase a former contact person's data (name, position, email, phone) from the
 * organisation's profile, its history and its applications, after a confirmation.
 */
export function EraseContactSection({ organizationId, name }: { organizationId: string; name: string }) {
  const { t } = useTranslation();
  const allowed = useCan('personal_data.erase');
  const erase = useEraseContact(organizationId);
  const action = useConfirmedAction(erase);
  if (!allowed) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="erase-contact" align="flex-start">
      <Title order={2} size="h4" id="erase-contact">
        {t('memberships.eraseContact.title')}
      </Title>
      <Text size="sm">{t('memberships.eraseContact.intro')}</Text>
      <Button variant="outline" color="red" onClick={action.ask}>
        {t('memberships.eraseContact.button')}
      </Button>
      <Text size="sm" c="teal.9" role="status">
        {action.done ? t('memberships.eraseContact.done') : ''}
      </Text>
      <ConfirmModal
        opened={action.confirming}
        title={t('memberships.eraseContact.confirmTitle')}
        text={t('memberships.eraseContact.confirmText', { name })}
        confirmLabel={t('memberships.eraseContact.confirm')}
        pending={erase.isPending}
        error={erase.isError ? erase.error : undefined}
        onConfirm={action.confirm}
        onClose={action.close}
      />
      {erase.isError && !action.confirming ? <ProblemAlert error={erase.error} /> : null}
    </Stack>
  );
}
