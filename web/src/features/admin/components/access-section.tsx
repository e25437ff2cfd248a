import { Button, Group, Stack, Text } from '@mantine/core';
import type { AdminUser } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { Section } from '@/components/section.tsx';
import { useChangeAccess } from '../api/users.ts';
import { StatusBadge } from './status-badge.tsx';

/** Disable (after a confirmation: it ends the user's sessions) or re-enable the account. */
export function AccessSection({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const change = useChangeAccess(user.id);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState('');
  const disabled = user.status === 'disabled';

  const close = () => {
    setConfirming(false);
    change.reset();
  };
  const disable = () =>
    change.mutate(false, {
      onSuccess: () => {
        setConfirming(false);
        setDone(t('admin.user.access.disabled'));
      },
    });
  const enable = () => {
    setDone('');
    change.mutate(true, { onSuccess: () => setDone(t('admin.user.access.enabled')) });
  };

  return (
    <Section id="access" title={t('admin.user.access.title')}>
      <Stack gap="sm" align="flex-start">
        <Group gap="xs">
          <StatusBadge status={user.status} />
          <Text size="sm">{t(`admin.user.access.${user.status}Text`)}</Text>
        </Group>
        {disabled ? (
          <Button variant="light" loading={change.isPending} onClick={enable}>
            {t('admin.user.access.enable')}
          </Button>
        ) : (
          <Button
            variant="outline"
            color="red"
            onClick={() => {
              setDone('');
              change.reset();
              setConfirming(true);
            }}
          >
            {t('admin.user.access.disable')}
          </Button>
        )}
      </Stack>
      <Text size="sm" c="teal.9" role="status">
        {done}
      </Text>
      {change.isError && !confirming ? <ProblemAlert error={change.error} /> : null}
      <ConfirmModal
        opened={confirming}
        title={t('admin.user.access.confirmTitle')}
        text={t('admin.user.access.confirmText', { name: user.displayName, email: user.email })}
        confirmLabel={t('admin.user.access.confirm')}
        pending={change.isPending}
        error={change.isError ? change.error : undefined}
        onConfirm={disable}
        onClose={close}
      />
    </Section>
  );
}
