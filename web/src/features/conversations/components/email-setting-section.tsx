import { Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useConversationSettings, useSaveConversationSettings } from '../api/conversations.ts';
import '@/i18n/conversations.ts';

/** The account page's switch for new-message emails (on by default; at most one an hour per conversation). */
export function ConversationEmailSetting() {
  const { t } = useTranslation();
  const settings = useConversationSettings();
  const save = useSaveConversationSettings();
  if (settings.isPending) return <Text c="dimmed">{t('common.loading')}</Text>;
  if (settings.isError) return <ProblemAlert error={settings.error} />;
  return (
    <Stack gap="xs">
      <Switch
        label={t('conversations.settings.label')}
        description={t('conversations.settings.hint')}
        checked={
          save.isPending
            ? (save.variables?.emailsEnabled ?? settings.data.emailsEnabled)
            : settings.data.emailsEnabled
        }
        disabled={save.isPending}
        onChange={(e) => save.mutate({ emailsEnabled: e.currentTarget.checked })}
      />
      {save.isSuccess ? (
        <Text size="sm" c="green" role="status">
          {t('conversations.settings.saved')}
        </Text>
      ) : null}
      {save.isError ? <ProblemAlert error={save.error} /> : null}
    </Stack>
  );
}
