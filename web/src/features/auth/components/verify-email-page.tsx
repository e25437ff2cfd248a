import { Anchor, Button, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useSession } from '@/lib/api/session.ts';
import { hasServerFieldError } from '@/lib/form.tsx';
import { keptNextPath, paths } from '@/lib/paths.ts';
import { useVerifyEmail } from '../api/auth.ts';
import { AuthCard, ResultPanel } from './auth-card.tsx';
import { EmailResendForm } from './email-resend-form.tsx';
import { useLinkToken, useOncePerToken } from './use-link-token.ts';

/** Opened from the sign-up email (`/verify-email?token=…`): confirms the address at once. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const verify = useVerifyEmail();
  const session = useSession();
  // Where the user was going before signing up (`/apply`, an invitation), carried by the emailed link.
  const next = keptNextPath(useSearchParams()[0].get('next'));
  useOncePerToken(token, (value) => verify.mutate({ token: value }));

  const invalid = !token || hasServerFieldError(verify.error, 'token');
  let content: ReactNode;
  if (invalid) {
    content = (
      <ResultPanel title={t('auth.verifyEmail.invalidTitle')}>
        <Text>{t('auth.verifyEmail.invalidText')}</Text>
        <EmailResendForm />
      </ResultPanel>
    );
  } else if (verify.isSuccess) {
    content = (
      <ResultPanel title={t('auth.verifyEmail.successTitle')}>
        <Text role="status">{t('auth.verifyEmail.successText')}</Text>
        {session.data?.user ? (
          <Anchor component={Link} to={next ?? paths.account.href()}>
            {next ? t('auth.toContinue') : t('auth.toAccount')}
          </Anchor>
        ) : (
          <Button component={Link} to={paths.login.href(next)}>
            {next ? t('auth.toLogInContinue') : t('auth.toLogIn')}
          </Button>
        )}
      </ResultPanel>
    );
  } else if (verify.isError) {
    content = (
      <ProblemAlert
        error={verify.error}
        action={
          <Button variant="light" color="red" onClick={() => verify.mutate({ token })}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  } else {
    content = (
      <Group gap="sm" aria-busy="true">
        <Loader size="sm" />
        <Text>{t('auth.verifyEmail.working')}</Text>
      </Group>
    );
  }
  return <AuthCard title={t('auth.verifyEmail.title')}>{content}</AuthCard>;
}
