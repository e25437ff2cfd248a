import { Button, Stack, Text } from '@mantine/core';
import { type AdminUser, isErasedEmail } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { Section } from '@/components/section.tsx';
import { useConfirmedAction } from '@/components/use-confirmed-action.ts';
import { useSession } from '@/lib/api/session.ts';
import { personName } from '@/lib/person.ts';
import { useEraseUser } from '../api/users.ts';

/**
 * Erase a former user's personal data (after a confirmation): the account is anonymised, its decisions,
 * votes and audit events keep pointing to it. Administrators erase their own account on the account page.
 */
export function EraseSection({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const session = useSession();
  const erase = useEraseUser(user.id);
  const action = useConfirmedAction(erase);
  const erased = isErasedEmail(user.email);
  const self = session.data?.user?.id === user.id;

  return (
    <Section id="personal-data" title={t('admin.user.erase.title')}>
      <Stack gap="sm" align="flex-start">
        {erased ? (
          <Text size="sm">{t('admin.user.erase.erasedText')}</Text>
        ) : self ? (
          <Text size="sm">{t('admin.user.erase.selfText')}</Text>
        ) : (
          <>
            <Text size="sm">{t('admin.user.erase.intro')}</Text>
            <Button variant="outline" color="red" onClick={action.ask}>
              {t('admin.user.erase.button')}
            </Button>
          </>
        )}
      </Stack>
      <Text size="sm" c="teal.9" role="status">
        {action.done ? t('admin.user.erase.done') : ''}
      </Text>
      <ConfirmModal
        opened={action.confirming}
        title={t('admin.user.erase.confirmTitle')}
        text={t('admin.user.erase.confirmText', { name: personName(t, user.displayName), email: user.email })}
        confirmLabel={t('admin.user.erase.confirm')}
        pending={erase.isPending}
        error={erase.isError ? erase.error : undefined}
        onConfirm={action.confirm}
        onClose={action.close}
      />
      {erase.isError && !action.confirming ? <ProblemAlert error={erase.error} /> : null}
    </Section>
  );
}
