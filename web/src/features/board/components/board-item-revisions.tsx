import { Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-state.tsx';
import { formatDate, formatDateTime } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { useBoardItemRevisions } from '../api/board-item-revisions.ts';

/** An item's earlier versions, newest first: what it said before each edit. */
export function BoardItemRevisions({ organizationId, itemId }: { organizationId: string; itemId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const revisions = useBoardItemRevisions(organizationId, itemId);
  const headingId = `revisions-${itemId}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={4} size="h5" id={headingId}>
        {t('board.revisions.title')}
      </Title>
      {revisions.isPending ? (
        <Skeleton height={60} />
      ) : revisions.isError ? (
        <QueryError error={revisions.error} onRetry={() => void revisions.refetch()} />
      ) : revisions.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('board.revisions.empty')}
        </Text>
      ) : (
        <Stack component="ol" className="plain-list" gap="xs">
          {[...revisions.data.items].reverse().map((r) => {
            const title = pickLocalized(r.content.titleBg, r.content.titleEn, language);
            const description = pickLocalized(r.content.descriptionBg, r.content.descriptionEn, language);
            return (
              <Card component="li" withBorder padding="sm" key={r.version}>
                <Text size="sm" fw={600}>
                  {t('board.revisions.version', {
                    version: r.version,
                    date: formatDateTime(r.editedAt, language),
                  })}
                </Text>
                <Text size="sm" lang={title.lang}>
                  {title.text}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={3} lang={description.lang}>
                  {description.text}
                </Text>
                {r.content.validUntil ? (
                  <Text size="xs" c="dimmed">
                    {t('board.mine.validUntil', { date: formatDate(r.content.validUntil, language) })}
                  </Text>
                ) : null}
              </Card>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
