import { Alert, Anchor, Badge, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { type Language, newsCoverUrl } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Markdown } from '@/components/markdown.tsx';
import { usePageMeta } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useNewsPost } from '../api/news.ts';
import { formatSofia } from '../dates.ts';
import { EventBlock } from './event-block.tsx';

/** One published post, in the UI language when it exists in it; else in the other, saying so. */
export function NewsPostPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const post = useNewsPost(slug);
  const title = post.data ? pickLocalized(post.data.titleBg, post.data.titleEn, language) : undefined;
  const missing = post.isError && isApiError(post.error, 404);
  const preview = post.data ? pickLocalized(post.data.summaryBg, post.data.summaryEn, language).text : '';
  // A shared link shows the post's title, summary and cover (decision 040, issue 17).
  usePageMeta({
    title: missing ? t('news.post.notFoundTitle') : (title?.text ?? t('news.list.title')),
    ...(preview ? { description: preview } : {}),
    ...(post.data && post.data.coverVersion !== null
      ? { image: newsCoverUrl(post.data.id, post.data.coverVersion, 'large') }
      : {}),
    type: 'article',
  });
  if (post.isPending) return <Skeleton height={200} />;
  if (post.isError) {
    if (isApiError(post.error, 404))
      return (
        <Stack>
          <Title order={1}>{t('news.post.notFoundTitle')}</Title>
          <Alert color="yellow" role="alert">
            {t('news.post.notFound')}
          </Alert>
          <Anchor component={Link} to={paths.news.href()}>
            {t('news.post.back')}
          </Anchor>
        </Stack>
      );
    return <QueryError error={post.error} onRetry={() => void post.refetch()} />;
  }
  const p = post.data;
  const lang: Language = title?.lang ?? language;
  const summary = lang === 'en' ? p.summaryEn : p.summaryBg;
  const body = lang === 'en' ? p.bodyEn : p.bodyBg;
  return (
    <Stack gap="md" component="article">
      <Anchor component={Link} to={paths.news.href()} size="sm">
        {t('news.post.back')}
      </Anchor>
      {lang !== language ? (
        <Alert color="blue" role="note">
          {t(`news.post.onlyIn.${lang}`)}
        </Alert>
      ) : null}
      <Group gap="xs">
        <Badge variant="light">{t(`news.category.${p.category}`)}</Badge>
        <Text size="sm" c="dimmed">
          {t('news.post.published', { date: formatSofia(p.publishedAt, language) })}
        </Text>
      </Group>
      <Title order={1} lang={lang}>
        {title?.text}
      </Title>
      {p.organization ? (
        <Anchor component={Link} to={paths.member.href(p.organization.id)}>
          {pickLocalized(p.organization.nameBg, p.organization.nameEn, language).text}
        </Anchor>
      ) : null}
      {p.coverVersion !== null ? (
        <img
          src={newsCoverUrl(p.id, p.coverVersion, 'large')}
          alt=""
          style={{ maxWidth: '100%', height: 'auto', borderRadius: 8 }}
        />
      ) : null}
      {summary ? (
        <Text fw={500} lang={lang}>
          {summary}
        </Text>
      ) : null}
      {p.event ? <EventBlock slug={p.slug} event={p.event} /> : null}
      <Markdown text={body} lang={lang} />
      {p.areas.length > 0 ? (
        <Group gap="xs" aria-label={t('news.post.areas')}>
          {p.areas.map((a) => (
            <Badge key={a.id} variant="outline">
              {pickLocalized(a.nameBg, a.nameEn, language).text}
            </Badge>
          ))}
        </Group>
      ) : null}
      <Text size="sm" c="dimmed">
        {p.authorName ? t('news.post.by', { name: p.authorName }) : t('news.post.formerUser')}
      </Text>
    </Stack>
  );
}
