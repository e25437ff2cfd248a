import { Badge, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { LANGUAGES, type Me, UpdateAccountBodySchema } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useSchemaForm } from '@/lib/form.tsx';
import { formatDate } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { useUpdateAccount } from '../api/account.ts';

/** Name and language (saving the language also switches the UI); email and roles to read. */
export function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const update = useUpdateAccount();
  const form = useSchemaForm({
    initialValues: { displayName: me.displayName, language: me.language as string },
    schema: UpdateAccountBodySchema,
  });

  const submit = form.onSubmit(
    (body) => update.mutate(body, { onError: (error) => form.showServerErrors(error) }),
    () => update.reset(),
  );
  const alert = form.alertFor(update.error);
  // "Saved" only while the form still shows what was saved.
  const saved =
    update.isSuccess &&
    form.values.displayName.trim() === update.data.displayName &&
    form.values.language === update.data.language;

  return (
    <Stack gap="md">
      <dl className="facts">
        <dt>{t('account.profile.email')}</dt>
        <dd>{me.email}</dd>
        <dt>{t('account.profile.roles')}</dt>
        <dd>
          {me.roles.length > 0 ? (
            <Group gap={6} component="span">
              {me.roles.map((role) => (
                <Badge key={role} variant="light" component="span">
                  {t(`roles.${role}`)}
                </Badge>
              ))}
            </Group>
          ) : (
            t('account.profile.noRoles')
          )}
        </dd>
        <dt>{t('account.profile.createdAt')}</dt>
        <dd>{formatDate(me.createdAt, language)}</dd>
      </dl>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          {alert ? <ProblemAlert error={update.error} fieldErrors={alert} /> : null}
          <TextInput
            label={t('auth.fields.displayName')}
            description={t('auth.fields.displayNameHint')}
            autoComplete="name"
            required
            {...form.field('displayName')}
          />
          <NativeSelect
            label={t('auth.fields.language')}
            description={t('auth.fields.languageHint')}
            data={LANGUAGES.map((value) => ({ value, label: t(`language.${value}.name`) }))}
            {...form.field('language')}
          />
          <Group gap="md">
            <Button type="submit" loading={update.isPending}>
              {t('account.profile.submit')}
            </Button>
            <Text size="sm" c="teal.9" role="status">
              {saved ? t('account.profile.saved') : ''}
            </Text>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
