import { Alert, Anchor, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { LogInBodySchema } from '@portal/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { PasswordField } from '@/components/password-field.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { getMyApplicationsQueryOptions } from '@/lib/api/applications.ts';
import { useSession } from '@/lib/api/session.ts';
import { isApiError } from '@/lib/api-client.ts';
import { useSchemaForm } from '@/lib/form.tsx';
import { keptNextPath, paths, safeNextPath } from '@/lib/paths.ts';
import { formatWait } from '@/lib/wait-time.ts';
import { useLogIn, useResendVerification } from '../api/auth.ts';
import { landingPath } from '../landing.ts';
import { AuthCard } from './auth-card.tsx';

export function LogInPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const kept = keptNextPath(searchParams.get('next'));
  // Say why a visitor who followed "Apply online" or an emailed invitation must log in first.
  const target = safeNextPath(kept);
  const reason = target.startsWith(paths.apply.href())
    ? t('auth.logIn.reasonApply')
    : target.startsWith(paths.acceptInvitation.path)
      ? t('auth.logIn.reasonInvitation')
      : undefined;
  const session = useSession();
  const logIn = useLogIn();
  const form = useSchemaForm({ initialValues: { email: '', password: '' }, schema: LogInBodySchema });

  const user = session.data?.user;
  // Without a return address, each role lands where its work is; only a user with none of the roles
  // needs their applications to know where that is.
  const landing = user && !kept ? landingPath(user, undefined) : undefined;
  const mine = useQuery({
    ...getMyApplicationsQueryOptions(),
    enabled: Boolean(user && !kept && !landing),
  });

  // Signed in (already, or just now: the log-in fills the session): on to where the user was going.
  if (user) {
    const to =
      kept ??
      landing ??
      (mine.data ? landingPath(user, mine.data) : mine.isError ? paths.account.href() : undefined);
    if (to) return <Navigate to={to} replace />;
    return (
      <Group justify="center" aria-busy="true" p="xl">
        <Loader size="sm" />
        <Text>{t('common.loading')}</Text>
      </Group>
    );
  }

  const submit = form.onSubmit(
    (body) => logIn.mutate(body, { onError: (error) => form.showServerErrors(error) }),
    () => logIn.reset(),
  );

  const alert = form.alertFor(logIn.error);
  return (
    <AuthCard title={t('auth.logIn.title')} intro={t('auth.logIn.intro')}>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          {reason ? (
            <Alert color="blue" role="status">
              {reason}
            </Alert>
          ) : null}
          {alert ? <LogInError error={logIn.error} email={form.values.email} fieldErrors={alert} /> : null}
          <TextInput
            label={t('auth.fields.email')}
            type="email"
            autoComplete="email"
            required
            {...form.field('email')}
          />
          <PasswordField
            label={t('auth.fields.password')}
            autoComplete="current-password"
            required
            {...form.field('password')}
          />
          <Group justify="space-between" gap="sm">
            <Anchor component={Link} to={paths.forgotPassword.href()} size="sm">
              {t('auth.logIn.forgotPassword')}
            </Anchor>
            <Button type="submit" loading={logIn.isPending}>
              {t('auth.logIn.submit')}
            </Button>
          </Group>
          <Text size="sm">
            {t('auth.logIn.noAccount')}{' '}
            <Anchor component={Link} to={paths.signUp.href(kept)}>
              {t('auth.logIn.signUp')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}

function LogInError({
  error,
  email,
  fieldErrors,
}: {
  error: unknown;
  email: string;
  fieldErrors: { path: string; message: string }[];
}) {
  const { t } = useTranslation();
  if (isApiError(error, 401) && error.code !== 'auth.required') {
    return <ProblemAlert error={error}>{t('auth.logIn.invalidCredentials')}</ProblemAlert>;
  }
  if (isApiError(error, 403) && error.code === 'auth.email_unverified') {
    return <UnverifiedAlert email={email} />;
  }
  if (isApiError(error, 429)) {
    return (
      <ProblemAlert error={error}>
        {error.retryAfter === undefined
          ? t('auth.logIn.rateLimitedLater')
          : t('auth.logIn.rateLimited', { time: formatWait(error.retryAfter, t) })}
      </ProblemAlert>
    );
  }
  return <ProblemAlert error={error} fieldErrors={fieldErrors} />;
}

/** The account exists but its email is not confirmed: offer to send the confirmation link again. */
function UnverifiedAlert({ email }: { email: string }) {
  const { t } = useTranslation();
  const resend = useResendVerification();
  const address = email.trim();
  return (
    <Alert color="yellow" title={t('auth.errorTitle')} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('auth.logIn.unverified')}</Text>
        {resend.isSuccess ? (
          <Text size="sm" role="status">
            {t('auth.logIn.resent', { email: address })}
          </Text>
        ) : (
          <Button
            variant="light"
            color="yellow"
            size="compact-sm"
            loading={resend.isPending}
            onClick={() => resend.mutate({ email: address })}
          >
            {t('auth.logIn.resend')}
          </Button>
        )}
        {resend.isError ? <ProblemAlert error={resend.error} /> : null}
      </Stack>
    </Alert>
  );
}
