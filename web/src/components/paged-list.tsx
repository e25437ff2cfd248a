import {
  Alert,
  Button,
  Card,
  List,
  Pagination,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-state.tsx';
import { isApiError } from '@/lib/api-client.ts';

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The states every paginated administration list goes through: loading, a bad filter in the URL (400),
 * another error with a retry, nothing at all, nothing matching the filters, a page past the end, and the
 * items with page links.
 */
export function PagedList<T>({
  query,
  page,
  onPage,
  filtered,
  onClearFilters,
  emptyTitle,
  emptyText,
  noneTitle,
  itemKey,
  renderItem,
  renderPage,
  titleLevel = 3,
}: {
  query: UseQueryResult<Page<T>>;
  page: number;
  onPage: (page: number) => void;
  /** Do filters narrow the list? Then "nothing found" offers to clear them. */
  filtered: boolean;
  onClearFilters?: () => void;
  emptyTitle: string;
  emptyText?: string;
  /** The text when there is nothing at all, filters aside. */
  noneTitle: string;
  itemKey: (item: T) => string | number;
  renderItem: (item: T) => ReactNode;
  /** Renders a whole page instead of a list of `renderItem`s (a table, say). */
  renderPage?: (items: T[]) => ReactNode;
  titleLevel?: 3 | 4;
}) {
  const { t } = useTranslation();

  if (query.isPending) {
    return (
      <Stack gap="sm" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        {[1, 2, 3].map((i) => (
          <Card withBorder padding="md" key={i}>
            <Skeleton height={18} width="50%" mb="sm" />
            <Skeleton height={12} width="70%" />
          </Card>
        ))}
      </Stack>
    );
  }

  if (query.isError) {
    if (isApiError(query.error, 400) && onClearFilters) {
      return (
        <Alert color="red" title={t('admin.list.badRequestTitle')} role="alert">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('admin.list.badRequestText')}</Text>
            {query.error.fieldErrors.length > 0 ? (
              <List size="sm">
                {query.error.fieldErrors.map((e) => (
                  <List.Item key={`${e.path}:${e.message}`}>
                    {e.path ? `${e.path}: ` : ''}
                    {e.message}
                  </List.Item>
                ))}
              </List>
            ) : null}
            <Button variant="light" color="red" onClick={onClearFilters}>
              {t('admin.list.clearFilters')}
            </Button>
          </Stack>
        </Alert>
      );
    }
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }

  const { items, total, pageSize } = query.data;
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));

  if (total === 0) {
    return (
      <Card withBorder padding="lg">
        <Stack gap="sm" align="flex-start">
          <Title order={titleLevel} size="h5">
            {filtered ? emptyTitle : noneTitle}
          </Title>
          {filtered && emptyText ? <Text c="dimmed">{emptyText}</Text> : null}
          {filtered && onClearFilters ? (
            <Button onClick={onClearFilters}>{t('admin.list.clearFilters')}</Button>
          ) : null}
        </Stack>
      </Card>
    );
  }

  return (
    <Stack gap="md">
      {items.length === 0 ? (
        <Card withBorder padding="lg">
          <Stack gap="sm" align="flex-start">
            <Text>{t('admin.list.pageOutOfRange')}</Text>
            <Button onClick={() => onPage(1)}>{t('admin.list.firstPage')}</Button>
          </Stack>
        </Card>
      ) : renderPage ? (
        <div
          aria-busy={query.isPlaceholderData}
          style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}
        >
          {renderPage(items)}
        </div>
      ) : (
        <Stack
          component="ul"
          className="plain-list"
          gap="sm"
          aria-busy={query.isPlaceholderData}
          style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}
        >
          {items.map((item) => (
            <li key={itemKey(item)}>{renderItem(item)}</li>
          ))}
        </Stack>
      )}
      {pages > 1 ? (
        <nav aria-label={t('admin.list.pagination')}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onPage}
            siblings={1}
            size="sm"
            getItemProps={(p) => ({ 'aria-label': t('admin.list.page', { page: p }) })}
            getControlProps={(control) => ({ 'aria-label': t(`admin.list.${control}Page`) })}
          />
        </nav>
      ) : null}
    </Stack>
  );
}
