import { Alert, Anchor, Badge, Group, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { BoardItem } from '@portal/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { formatDate, formatDateTime } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useBoardItem } from '../api/board-items.ts';

/**
 * /board/:id — one item of the board. `actions` is the slot for what a reader can do about the item:
 * the lead wires the conversations feature's `<InterestButton item={item} />` there, in
 * `app/routes/board-item-page.tsx` (features do not import each other); nothing is rendered until then.
 */
export function BoardItemPage({ actions }: { actions?: (item: BoardItem) => ReactNode } = {}) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useBoardItem(id);
  const language = useLanguage();
  const title = query.data ? pickLocalized(query.data.titleBg, query.data.titleEn, language) : undefined;
  const notFound = isApiError(query.error, 404) || isApiError(query.error, 400);
  usePageTitle(notFound ? t('board.item.notFoundTitle') : (title?.text ?? t('board.list.title')));

  const back = (
    <Anchor component={Link} to={paths.board.href()}>
      {t('board.item.back')}
    </Anchor>
  );

  if (query.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton height={16} width={160} />
        <Skeleton height={36} width="60%" />
        <Skeleton height={200} />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Stack gap="md" align="flex-start">
        {back}
        {notFound ? (
          <>
            <Title order={1}>{t('board.item.notFoundTitle')}</Title>
            <Text>{t('board.item.notFoundText')}</Text>
          </>
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Stack>
    );
  }

  const item = query.data;
  const description = pickLocalized(item.descriptionBg, item.descriptionEn, language);
  const organization = pickLocalized(item.organization.nameBg, item.organization.nameEn, language);
  const otherLanguageOnly = title !== undefined && title.lang !== language;

  return (
    <Stack gap="lg">
      {back}
      <Stack gap="xs">
        <Group gap={6}>
          <Badge color={item.kind === 'offer' ? 'teal' : 'grape'} tt="none">
            {t(`board.kind.${item.kind}`)}
          </Badge>
          <Badge variant="outline" tt="none">
            {t(`board.type.${item.type}`)}
          </Badge>
          {item.status !== 'published' ? (
            <Badge color="gray" tt="none">
              {t(`board.status.${item.status}`)}
            </Badge>
          ) : null}
        </Group>
        <Title order={1} lang={title?.lang}>
          {title?.text}
        </Title>
        {otherLanguageOnly ? (
          <Alert color="blue" variant="light">
            {t('board.item.onlyOtherLanguage')}
          </Alert>
        ) : null}
      </Stack>
      <div className="board-item-description" lang={description.lang} style={{ whiteSpace: 'pre-line' }}>
        {description.text}
      </div>
      {/* The slot for the reader's actions on the item ("Interested", wired by the lead). */}
      {actions ? actions(item) : null}
      <section aria-labelledby="board-item-facts">
        <Title order={2} size="h4" id="board-item-facts" mb="sm">
          {t('board.item.facts')}
        </Title>
        <dl className="facts">
          <dt>{t('board.item.organization')}</dt>
          <dd lang={organization.lang}>
            <Anchor component={Link} to={paths.member.href(item.organization.id)}>
              {organization.text}
            </Anchor>{' '}
            <Text span c="dimmed" size="sm">
              ({t(`kind.${item.organization.kind}`)})
            </Text>
          </dd>
          <dt>{t('board.item.kind')}</dt>
          <dd>{t(`board.kind.${item.kind}`)}</dd>
          <dt>{t('board.item.type')}</dt>
          <dd>{t(`board.type.${item.type}`)}</dd>
          <dt>{t('board.item.areas')}</dt>
          <dd>{item.areas.map((a) => pickLocalized(a.nameBg, a.nameEn, language).text).join(', ')}</dd>
          {item.naceCode ? (
            <>
              <dt>{t('board.item.nace')}</dt>
              <dd>{item.naceCode}</dd>
            </>
          ) : null}
          {item.validUntil ? (
            <>
              <dt>{t('board.item.validUntil')}</dt>
              <dd>
                <time dateTime={item.validUntil}>{formatDate(item.validUntil, language)}</time>
              </dd>
            </>
          ) : null}
          <dt>{t('board.item.status')}</dt>
          <dd>{t(`board.status.${item.status}`)}</dd>
          {item.closeOutcome ? (
            <>
              <dt>{t('board.item.outcome')}</dt>
              <dd>{t(`board.outcome.${item.closeOutcome}`)}</dd>
            </>
          ) : null}
          {item.publishedAt ? (
            <>
              <dt>{t('board.item.publishedAt')}</dt>
              <dd>
                <time dateTime={item.publishedAt}>{formatDateTime(item.publishedAt, language)}</time>
              </dd>
            </>
          ) : null}
        </dl>
      </section>
    </Stack>
  );
}
