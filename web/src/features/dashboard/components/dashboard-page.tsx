import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { formatDateTime } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { useDashboard, usePublicDashboard } from '../api/dashboard.ts';
import { DashboardSections } from './dashboard-sections.tsx';

function Frame({
  title,
  intro,
  generatedAt,
  children,
}: {
  title: string;
  intro: string;
  generatedAt: string | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(title);
  return (
    <Stack gap="lg" className="print-report">
      <div>
        <Group justify="space-between" align="flex-start">
          <Title order={1}>{title}</Title>
          <Button variant="light" size="sm" className="no-print" onClick={() => window.print()}>
            {t('dashboard.print')}
          </Button>
        </Group>
        <Text c="dimmed" mt="xs">
          {intro}
        </Text>
        {generatedAt ? (
          <Text size="sm" c="dimmed" mt={4}>
            {t('dashboard.generatedAt', { date: formatDateTime(generatedAt, language) })}
          </Text>
        ) : null}
      </div>
      {children}
    </Stack>
  );
}

/** /committee/dashboard: the committee's dashboard (issue 16 §1, decision 048). */
export function CommitteeDashboardPage() {
  const { t } = useTranslation();
  const query = useDashboard();
  return (
    <Frame title={t('dashboard.title')} intro={t('dashboard.intro')} generatedAt={query.data?.generatedAt}>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <Text c="dimmed">{t('common.loading')}</Text> : null}
      {query.data ? <DashboardSections data={query.data} full={query.data} /> : null}
    </Frame>
  );
}

/** /figures: the cluster in figures, for anyone (aggregates only). */
export function PublicFiguresPage() {
  const { t } = useTranslation();
  const query = usePublicDashboard();
  return (
    <Frame
      title={t('dashboard.publicTitle')}
      intro={t('dashboard.publicIntro')}
      generatedAt={query.data?.generatedAt}
    >
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <Text c="dimmed">{t('common.loading')}</Text> : null}
      {query.data ? <DashboardSections data={query.data} /> : null}
    </Frame>
  );
}
