import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { ForgotPasswordBodySchema } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useSchemaForm } from '@/lib/form.tsx';
import { paths } from '@/lib/paths.ts';
import { useForgotPassword } from '../api/auth.ts';
import { AuthCard, ResultPanel } from './auth-card.tsx';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const forgot = useForgotPassword();
  const form = useSchemaForm({ initialValues: { email: '' }, schema: ForgotPasswordBodySchema });
  const [sentTo, setSentTo] = useState<string>();

  const backToLogIn = (
    <Anchor component={Link} to={paths.login.href()} size="sm">
      {t('auth.forgotPassword.backToLogIn')}
    </Anchor>
  );

  if (sentTo) {
    return (
      <AuthCard title={t('auth.forgotPassword.title')}>
        <ResultPanel title={t('auth.forgotPassword.sentTitle')}>
          <Text role="status">{t('auth.forgotPassword.sentText', { email: sentTo })}</Text>
          {backToLogIn}
        </ResultPanel>
      </AuthCard>
    );
  }

  const submit = form.onSubmit(
    (body) =>
      forgot.mutate(body, {
        onSuccess: () => setSentTo(body.email),
        onError: (error) => form.showServerErrors(error),
      }),
    () => forgot.reset(),
  );
  const alert = form.alertFor(forgot.error);

  return (
    <AuthCard title={t('auth.forgotPassword.title')} intro={t('auth.forgotPassword.intro')}>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          {alert ? <ProblemAlert error={forgot.error} fieldErrors={alert} /> : null}
          <TextInput
            label={t('auth.fields.email')}
            type="email"
            autoComplete="email"
            required
            {...form.field('email')}
          />
          <Group justify="space-between" gap="sm">
            {backToLogIn}
            <Button type="submit" loading={forgot.isPending}>
              {t('auth.forgotPassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthCard>
  );
}
