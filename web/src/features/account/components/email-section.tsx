import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { ChangeEmailBodySchema } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '@/components/password-field.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useSchemaForm } from '@/lib/form.tsx';
import { useChangeEmail } from '../api/account.ts';

/** Asks for a change of email: the server mails a link to the new address, which completes it. */
export function EmailSection({ currentEmail }: { currentEmail: string }) {
  const { t } = useTranslation();
  const change = useChangeEmail();
  const form = useSchemaForm({
    initialValues: { newEmail: '', currentPassword: '' },
    schema: ChangeEmailBodySchema,
  });
  const [sentTo, setSentTo] = useState<string>();

  const submit = form.onSubmit(
    (body) => {
      setSentTo(undefined);
      change.mutate(body, {
        onSuccess: () => {
          setSentTo(body.newEmail);
          form.reset();
        },
        onError: (error) => form.showServerErrors(error),
      });
    },
    () => change.reset(),
  );
  const alert = form.alertFor(change.error);

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('account.email.intro', { email: currentEmail })}</Text>
        {alert ? <ProblemAlert error={change.error} fieldErrors={alert} /> : null}
        <TextInput
          label={t('account.email.newEmail')}
          type="email"
          autoComplete="email"
          required
          {...form.field('newEmail')}
        />
        <PasswordField
          label={t('auth.fields.currentPassword')}
          autoComplete="current-password"
          required
          {...form.field('currentPassword')}
        />
        <Group gap="md">
          <Button type="submit" loading={change.isPending}>
            {t('account.email.submit')}
          </Button>
        </Group>
        <Text size="sm" c="teal.9" role="status">
          {sentTo ? t('account.email.sent', { email: sentTo }) : ''}
        </Text>
      </Stack>
    </form>
  );
}
