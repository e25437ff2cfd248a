import { Button, Group, Stack, Text } from '@mantine/core';
import { ChangePasswordBodySchema } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '@/components/password-field.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useSchemaForm } from '@/lib/form.tsx';
import { useChangePassword } from '../api/account.ts';

export function PasswordSection() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useSchemaForm({
    initialValues: { currentPassword: '', newPassword: '' },
    schema: ChangePasswordBodySchema,
  });

  const submit = form.onSubmit(
    (body) =>
      change.mutate(body, {
        onSuccess: () => form.reset(),
        onError: (error) => form.showServerErrors(error),
      }),
    () => change.reset(),
  );
  const alert = form.alertFor(change.error);

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        {alert ? <ProblemAlert error={change.error} fieldErrors={alert} /> : null}
        <PasswordField
          label={t('auth.fields.currentPassword')}
          autoComplete="current-password"
          required
          {...form.field('currentPassword')}
        />
        <PasswordField
          label={t('auth.fields.newPassword')}
          autoComplete="new-password"
          rule
          required
          {...form.field('newPassword')}
        />
        <Group gap="md">
          <Button type="submit" loading={change.isPending}>
            {t('account.password.submit')}
          </Button>
        </Group>
        <Text size="sm" c="teal.9" role="status">
          {change.isSuccess ? t('account.password.changed') : ''}
        </Text>
      </Stack>
    </form>
  );
}
