import { Anchor, Button, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useSession } from '@/lib/api/session.ts';
import { hasServerFieldError } from '@/lib/form.tsx';
import { paths } from '@/lib/paths.ts';
import { useConfirmEmailChange } from '../api/auth.ts';
import { AuthCard, ResultPanel } from './auth-card.tsx';
import { useLinkToken, useOncePerToken } from './use-link-token.ts';

/** Opened from the link sent to a new address (`/confirm-email?token=…`): completes the email change. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const confirm = useConfirmEmailChange();
  const session = useSession();
  useOncePerToken(token, (value) => confirm.mutate({ token: value }));

  const onward = session.data?.user ? (
    <Anchor component={Link} to={paths.account.href()}>
      {t('auth.toAccount')}
    </Anchor>
  ) : (
    <Anchor component={Link} to={paths.login.href()}>
      {t('auth.toLogIn')}
    </Anchor>
  );

  let content: ReactNode;
  if (!token || hasServerFieldError(confirm.error, 'token')) {
    content = (
      <ResultPanel title={t('auth.confirmEmail.invalidTitle')}>
        <Text>{t('auth.confirmEmail.invalidText')}</Text>
        {onward}
      </ResultPanel>
    );
  } else if (confirm.isSuccess) {
    content = (
      <ResultPanel title={t('auth.confirmEmail.successTitle')}>
        <Text role="status">{t('auth.confirmEmail.successText')}</Text>
        {onward}
      </ResultPanel>
    );
  } else if (confirm.isError) {
    content = (
      <ProblemAlert
        error={confirm.error}
        action={
          <Button variant="light" color="red" onClick={() => confirm.mutate({ token })}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  } else {
    content = (
      <Group gap="sm" aria-busy="true">
        <Loader size="sm" />
        <Text>{t('auth.confirmEmail.working')}</Text>
      </Group>
    );
  }
  return <AuthCard title={t('auth.confirmEmail.title')}>{content}</AuthCard>;
}
