import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Pagination,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { NEWS_EFFECTIVE_STATUSES, type NewsEffectiveStatus } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useEditorNews } from '../api/news.ts';
import { formatSofia } from '../dates.ts';
import { NewsStatusBadge } from './news-status.tsx';

/** The editors' list of every post (committee, administrators), by status; "submitted" is the review queue. */
export function NewsEditorPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('news.editor.title'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const statusParam = params.get('status') ?? '';
  const status = (NEWS_EFFECTIVE_STATUSES as readonly string[]).includes(statusParam)
    ? (statusParam as NewsEffectiveStatus)
    : undefined;
  const list = useEditorNews({ page, ...(status ? { status } : {}) });
  const set = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) merged.set(k, v);
      else merged.delete(k);
    }
    setParams(merged);
  };
  return (
    <Stack gap="md">
      <Title order={1}>{t('news.editor.title')}</Title>
      <Group gap="sm" align="flex-end">
        <Button component={Link} to={paths.newsEditorNew.href()}>
          {t('news.editor.new')}
        </Button>
        <Button variant="light" onClick={() => set({ status: 'submitted', page: undefined })}>
          {t('news.editor.queue')}
        </Button>
        <NativeSelect
          label={t('news.editor.columns.status')}
          value={status ?? ''}
          onChange={(e) => set({ status: e.currentTarget.value || undefined, page: undefined })}
          data={[
            { value: '', label: t('news.statusFilter.all') },
            ...NEWS_EFFECTIVE_STATUSES.map((s) => ({ value: s, label: t(`news.status.${s}`) })),
          ]}
        />
      </Group>
      {list.isPending ? (
        <Skeleton height={160} />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('news.editor.empty')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('news.editor.columns.title')}</Table.Th>
                  <Table.Th>{t('news.editor.columns.category')}</Table.Th>
                  <Table.Th>{t('news.editor.columns.status')}</Table.Th>
                  <Table.Th>{t('news.editor.columns.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((post) => {
                  const title = pickLocalized(post.titleBg, post.titleEn, language);
                  return (
                    <Table.Tr key={post.id}>
                      <Table.Td>
                        <Anchor component={Link} to={paths.newsEditorPost.href(post.id)} lang={title.lang}>
                          {title.text || t('news.editor.untitled')}
                        </Anchor>
                        {post.organization ? (
                          <Text size="xs" c="dimmed">
                            {pickLocalized(post.organization.nameBg, post.organization.nameEn, language).text}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{t(`news.category.${post.category}`)}</Table.Td>
                      <Table.Td>
                        <NewsStatusBadge status={post.effectiveStatus} />
                      </Table.Td>
                      <Table.Td>{formatSofia(post.updatedAt, language, true)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.data.total > list.data.pageSize ? (
            <Pagination
              total={Math.ceil(list.data.total / list.data.pageSize)}
              value={page}
              onChange={(p) => set({ page: p > 1 ? String(p) : undefined })}
            />
          ) : null}
        </>
      )}
    </Stack>
  );
}
