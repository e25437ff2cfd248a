import { Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useCan } from '@/lib/api/session.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useReadinessSets } from '../api/readiness.ts';
import { formatRunTime, StatusCounts } from './status.tsx';

/**
 * /committee/readiness (issue 16 §2, decision 051): the criteria sets with their counts of met, partly
 * met and unmet criteria (computed live) and when each was last checked.
 */
export function ReadinessListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const sets = useReadinessSets();
  const canManage = useCan('readiness.manage');
  usePageTitle(t('readiness.title'));
  return (
    <Stack gap="lg">
      <div>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={1}>{t('readiness.title')}</Title>
          {canManage ? (
            <Button component={Link} to={paths.adminReadiness.href()} variant="light">
              {t('readiness.editSets')}
            </Button>
          ) : null}
        </Group>
        <Text c="dimmed" mt="xs">
          {t('readiness.intro')}
        </Text>
      </div>
      {sets.isPending ? (
        <Stack>
          <Skeleton height={110} />
          <Skeleton height={110} />
        </Stack>
      ) : sets.isError ? (
        <QueryError error={sets.error} onRetry={() => void sets.refetch()} />
      ) : sets.data.items.length === 0 ? (
        <Text c="dimmed">{t('readiness.empty')}</Text>
      ) : (
        <Stack gap="md" component="ul" className="plain-list">
          {sets.data.items.map((set) => {
            const title = pickLocalized(set.titleBg, set.titleEn, language);
            const description = pickLocalized(set.descriptionBg, set.descriptionEn, language);
            return (
              <Card key={set.id} withBorder component="li" padding="md">
                <Stack gap="xs">
                  <Title order={2} size="h3" lang={title.lang}>
                    <Anchor component={Link} to={paths.committeeReadinessSet.href(set.slug)} inherit>
                      {title.text}
                    </Anchor>
                  </Title>
                  {description.text ? (
                    <Text size="sm" lang={description.lang} lineClamp={3}>
                      {description.text}
                    </Text>
                  ) : null}
                  <StatusCounts counts={set.counts} />
                  <Text size="sm" c="dimmed">
                    {set.sourceName ? `${t('readiness.source', { name: set.sourceName })} · ` : ''}
                    {set.lastRunAt
                      ? t('readiness.lastRun', { date: formatRunTime(set.lastRunAt, language) })
                      : t('readiness.neverRun')}
                  </Text>
                </Stack>
              </Card>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
