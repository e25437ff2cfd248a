import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Pagination,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { NEWS_CATEGORIES, type NewsCategory, type NewsSummary } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useCan } from '@/lib/api/session.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useNewsList } from '../api/news.ts';
import { formatSofia } from '../dates.ts';

export function NewsCard({ post }: { post: NewsSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = pickLocalized(post.titleBg, post.titleEn, language);
  const summary = pickLocalized(post.summaryBg, post.summaryEn, title.lang);
  return (
    <Card component="li" withBorder padding="md">
      <Stack gap={6}>
        <Group gap="xs">
          <Badge variant="light">{t(`news.category.${post.category}`)}</Badge>
          <Text size="sm" c="dimmed">
            {formatSofia(post.publishedAt, language)}
          </Text>
        </Group>
        <Title order={2} size="h4" lang={title.lang}>
          <Anchor component={Link} to={paths.newsPost.href(post.slug)}>
            {title.text}
          </Anchor>
        </Title>
        {post.organization ? (
          <Text size="sm">
            {pickLocalized(post.organization.nameBg, post.organization.nameEn, language).text}
          </Text>
        ) : null}
        {summary.text ? <Text lang={summary.lang}>{summary.text}</Text> : null}
      </Stack>
    </Card>
  );
}

/** The public news: newest first, by category, paged. */
export function NewsListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('news.list.title'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const category = (NEWS_CATEGORIES as readonly string[]).includes(params.get('category') ?? '')
    ? (params.get('category') as NewsCategory)
    : undefined;
  const list = useNewsList({ page, ...(category ? { category } : {}) });
  const canManage = useCan('news.manage');
  const canPropose = useCan('news.propose');
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
      <Title order={1}>{t('news.list.title')}</Title>
      <Text>{t('news.list.intro')}</Text>
      <Group gap="sm">
        <Anchor href={`/api/news/feed/${language}`}>{t('news.list.feed')}</Anchor>
        {canManage ? (
          <Button component={Link} to={paths.newsEditor.href()} variant="light">
            {t('news.list.manage')}
          </Button>
        ) : null}
        {canPropose ? (
          <Button component={Link} to={paths.myNews.href()} variant="light">
            {t('news.list.propose')}
          </Button>
        ) : null}
      </Group>
      <NativeSelect
        label={t('news.form.category')}
        maw={320}
        value={category ?? ''}
        onChange={(e) => set({ category: e.currentTarget.value || undefined, page: undefined })}
        data={[
          { value: '', label: t('news.categoryFilter.all') },
          ...NEWS_CATEGORIES.map((c) => ({ value: c, label: t(`news.category.${c}`) })),
        ]}
      />
      {list.isPending ? (
        <Skeleton height={120} />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('news.list.empty')}</Text>
      ) : (
        <>
          <Stack component="ul" gap="sm" className="plain-list">
            {list.data.items.map((post) => (
              <NewsCard key={post.id} post={post} />
            ))}
          </Stack>
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
