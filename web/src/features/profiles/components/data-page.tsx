import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { useDownloadMyData } from '@/lib/api/personal-data.ts';
import { paths } from '@/lib/paths.ts';
import { useDownloadOrganizationData } from '../api/export.ts';

/** One download: what it holds, the button, and how it went (saved, or why not). */
function DownloadPanel({
  id,
  title,
  intro,
  label,
  download,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  label: string;
  download: UseMutationResult<string, Error, void>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper component="section" withBorder p={{ base: 'md', xs: 'lg' }} aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        <Text>{intro}</Text>
        {download.error ? <ProblemAlert error={download.error} /> : null}
        <Group gap="md">
          <Button loading={download.isPending} onClick={() => download.mutate()}>
            {label}
          </Button>
          {children}
        </Group>
        <Text size="sm" c="teal.9" role="status">
          {download.isSuccess ? t('myOrganization.data.downloaded', { name: download.data }) : ''}
        </Text>
      </Stack>
    </Paper>
  );
}

/** /my/organizations/:id/data — download the organisation's data and one's own (JSON). */
export function DataPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const organization = useDownloadOrganizationData(id);
  const mine = useDownloadMyData();
  return (
    <Stack gap="lg">
      <DownloadPanel
        id="organization-data"
        title={t('myOrganization.data.organizationTitle')}
        intro={t('myOrganization.data.organizationIntro')}
        label={t('myOrganization.data.organizationDownload')}
        download={organization}
      />
      <DownloadPanel
        id="my-data"
        title={t('myOrganization.data.myTitle')}
        intro={t('myOrganization.data.myIntro')}
        label={t('myOrganization.data.myDownload')}
        download={mine}
      >
        <Anchor component={Link} to={paths.account.href('data')}>
          {t('myOrganization.data.accountLink')}
        </Anchor>
      </DownloadPanel>
    </Stack>
  );
}
