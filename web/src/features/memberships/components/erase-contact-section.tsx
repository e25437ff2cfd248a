import { Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useCan } from '@/features/auth/api/get-session.ts';
import { useEraseContact } from '../api/memberships.ts';

/**
 * Administrators only: erase a former contact person's data (name, position, email, phone) from the
 * organisation's profile, its history and its applications, after a confirmation.
 */
export function EraseContactSection({ organizationId, name }: { organizationId: string; name: string }) {
  const { t } = useTranslation();
  const allowed = useCan('personal_data.erase');
  const erase = useEraseContact(organizationId);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  if (!allowed) return null;

  const close = () => {
    setConfirming(false);
    erase.reset();
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="erase-contact" align="flex-start">
      <Title order={2} size="h4" id="erase-contact">
        {t('memberships.eraseContact.title')}
      </Title>
      <Text size="sm">{t('memberships.eraseContact.intro')}</Text>
      <Button
        variant="outline"
        color="red"
        onClick={() => {
          setDone(false);
          erase.reset();
          setConfirming(true);
        }}
      >
        {t('memberships.eraseContact.button')}
      </Button>
      <Text size="sm" c="teal.9" role="status">
        {done ? t('memberships.eraseContact.done') : ''}
      </Text>
      <ConfirmModal
        opened={confirming}
        title={t('memberships.eraseContact.confirmTitle')}
        text={t('memberships.eraseContact.confirmText', { name })}
        confirmLabel={t('memberships.eraseContact.confirm')}
        pending={erase.isPending}
        error={erase.isError ? erase.error : undefined}
        onConfirm={() =>
          erase.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              setDone(true);
            },
          })
        }
        onClose={close}
      />
      {erase.isError && !confirming ? <ProblemAlert error={erase.error} /> : null}
    </Stack>
  );
}
