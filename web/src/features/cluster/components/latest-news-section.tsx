import { Anchor, Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLatestNews } from '@/lib/api/news-latest.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';

const dateOf = (iso: string, language: 'bg' | 'en') =>
  new Intl.DateTimeFormat(language === 'bg' ? 'bg-BG' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Sofia',
  }).format(new Date(iso));

/** The home page's "Latest news": the three newest public posts and a link to all. */
export function LatestNewsSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const news = useLatestNews();
  // The home page does without the section when it cannot be loaded or there is no news yet.
  if (!news.data || news.data.items.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="latest-news">
      <Title order={2} id="latest-news">
        {t('home.news.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} component="ul" className="plain-list">
        {news.data.items.map((post) => {
          const title = pickLocalized(post.titleBg, post.titleEn, language);
          const summary = pickLocalized(post.summaryBg, post.summaryEn, title.lang);
          return (
            <Card component="li" withBorder padding="md" key={post.id}>
              <Stack gap={4}>
                <Text size="sm" c="dimmed">
                  {t('home.news.published', { date: dateOf(post.publishedAt, language) })}
                </Text>
                <Anchor component={Link} to={paths.newsPost.href(post.slug)} fw={600} lang={title.lang}>
                  {title.text}
                </Anchor>
                {summary.text ? (
                  <Text size="sm" lang={summary.lang} lineClamp={3}>
                    {summary.text}
                  </Text>
                ) : null}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
      <div>
        <Button component={Link} to={paths.news.href()} variant="light">
          {t('home.news.more')}
        </Button>
      </div>
    </Stack>
  );
}
