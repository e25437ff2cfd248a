import { Anchor, Button, Stack, Text } from '@mantine/core';
import { ResetPasswordBodySchema } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PasswordField } from '@/components/password-field.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { hasServerFieldError, useSchemaForm } from '@/lib/form.tsx';
import { paths } from '@/lib/paths.ts';
import { useResetPassword } from '../api/auth.ts';
import { AuthCard, ResultPanel } from './auth-card.tsx';
import { useLinkToken } from './use-link-token.ts';

/** Opened from the "forgot password" email (`/reset-password?token=…`): choose a new password. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const reset = useResetPassword();
  const form = useSchemaForm({
    initialValues: { password: '' },
    schema: ResetPasswordBodySchema,
    input: (values) => ({ token, password: values.password }),
  });

  if (!token || hasServerFieldError(reset.error, 'token')) {
    return (
      <AuthCard title={t('auth.resetPassword.title')}>
        <ResultPanel title={t('auth.resetPassword.invalidTitle')}>
          <Text>{t('auth.resetPassword.invalidText')}</Text>
          <Anchor component={Link} to={paths.forgotPassword.href()}>
            {t('auth.resetPassword.requestNew')}
          </Anchor>
        </ResultPanel>
      </AuthCard>
    );
  }

  if (reset.isSuccess) {
    return (
      <AuthCard title={t('auth.resetPassword.title')}>
        <ResultPanel title={t('auth.resetPassword.successTitle')}>
          <Text role="status">{t('auth.resetPassword.successText')}</Text>
          <Button component={Link} to={paths.login.href()}>
            {t('auth.toLogIn')}
          </Button>
        </ResultPanel>
      </AuthCard>
    );
  }

  const submit = form.onSubmit(
    (body) => reset.mutate(body, { onError: (error) => form.showServerErrors(error) }),
    () => reset.reset(),
  );
  const alert = form.alertFor(reset.error);

  return (
    <AuthCard title={t('auth.resetPassword.title')} intro={t('auth.resetPassword.intro')}>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          {alert ? <ProblemAlert error={reset.error} fieldErrors={alert} /> : null}
          <PasswordField
            label={t('auth.fields.newPassword')}
            autoComplete="new-password"
            rule
            required
            {...form.field('password')}
          />
          <Button type="submit" loading={reset.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('auth.resetPassword.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
