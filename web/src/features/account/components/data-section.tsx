import { Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { EraseAccountBodySchema } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '@/components/password-field.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useSchemaForm } from '@/lib/form.tsx';
import '@/i18n/account-data.ts';
import { useDownloadMyData, useEraseAccount } from '@/lib/api/personal-data.ts';

/** "Your data": download everything the portal holds about me; erase my account. */
export function DataSection() {
  return (
    <Stack gap="xl">
      <DownloadMyData />
      <EraseAccount />
    </Stack>
  );
}

function DownloadMyData() {
  const { t } = useTranslation();
  const download = useDownloadMyData();
  return (
    <Stack gap="sm">
      <Text>{t('accountData.intro')}</Text>
      {download.error ? <ProblemAlert error={download.error} /> : null}
      <Group>
        <Button variant="default" loading={download.isPending} onClick={() => download.mutate()}>
          {t('accountData.download')}
        </Button>
      </Group>
      <Text size="sm" c="teal.9" role="status">
        {download.isSuccess ? t('accountData.downloaded', { name: download.data }) : ''}
      </Text>
    </Stack>
  );
}

function EraseAccount() {
  const { t } = useTranslation();
  const erase = useEraseAccount();
  const form = useSchemaForm({ initialValues: { password: '' }, schema: EraseAccountBodySchema });
  const [confirming, setConfirming] = useState(false);

  const ask = form.onSubmit(
    () => {
      erase.reset();
      setConfirming(true);
    },
    () => erase.reset(),
  );
  const confirm = () => {
    const body = form.parse();
    if (!body) return setConfirming(false);
    erase.mutate(body, {
      onError: (error) => {
        setConfirming(false);
        form.showServerErrors(error);
      },
    });
  };
  const alert = form.alertFor(erase.error);

  return (
    <form ref={form.formRef} onSubmit={ask} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('accountData.eraseTitle')}
        </Title>
        <Text>{t('accountData.eraseIntro')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('accountData.eraseRemoved')}</List.Item>
          <List.Item>{t('accountData.eraseKept')}</List.Item>
          <List.Item>{t('accountData.eraseRepresentative')}</List.Item>
        </List>
        {alert && !confirming ? <ProblemAlert error={erase.error} fieldErrors={alert} /> : null}
        <PasswordField
          label={t('accountData.password')}
          autoComplete="current-password"
          required
          {...form.field('password')}
        />
        <Group>
          <Button type="submit" color="red" variant="outline">
            {t('accountData.erase')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('accountData.confirmTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('accountData.close') }}
      >
        <Stack gap="md">
          <Text>{t('accountData.confirmText')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('accountData.cancel')}
            </Button>
            <Button color="red" loading={erase.isPending} onClick={confirm}>
              {t('accountData.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
