import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { ForgotPasswordBodySchema } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useSchemaForm } from '@/lib/form.tsx';
import { useResendVerification } from '../api/auth.ts';

/** Asks for a new confirmation link for an email address (after an invalid or expired link). */
export function EmailResendForm() {
  const { t } = useTranslation();
  const resend = useResendVerification();
  const form = useSchemaForm({ initialValues: { email: '' }, schema: ForgotPasswordBodySchema });
  const [sentTo, setSentTo] = useState<string>();

  if (sentTo) {
    return (
      <Text role="status" size="sm">
        {t('auth.verifyEmail.resent', { email: sentTo })}
      </Text>
    );
  }

  const submit = form.onSubmit(
    (body) =>
      resend.mutate(body, {
        onSuccess: () => setSentTo(body.email),
        onError: (error) => form.showServerErrors(error),
      }),
    () => resend.reset(),
  );
  const alert = form.alertFor(resend.error);

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate style={{ width: '100%' }}>
      <Stack gap="sm">
        {alert ? <ProblemAlert error={resend.error} fieldErrors={alert} /> : null}
        <TextInput
          label={t('auth.fields.email')}
          type="email"
          autoComplete="email"
          required
          {...form.field('email')}
        />
        <Group>
          <Button type="submit" loading={resend.isPending}>
            {t('auth.verifyEmail.resendSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
