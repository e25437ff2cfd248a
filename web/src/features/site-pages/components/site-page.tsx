import { List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { type SitePageSlug, textBlocks } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useSitePage } from '@/lib/api/site-pages.ts';
import { formatDate } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';

/**
 * An information page the administrators write (the statute, the privacy notice, the contacts): plain
 * text in paragraphs and lists, in the reader's language (the other language when one is not written).
 */
export function SitePageView({ slug }: { slug: SitePageSlug }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useSitePage(slug);
  const page = query.data;
  const title = page ? pickLocalized(page.titleBg, page.titleEn, language) : undefined;
  usePageTitle(title?.text ?? t(`sitePages.${slug}`));

  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!page || !title) {
    return (
      <Stack aria-busy="true">
        <Skeleton height={32} width="40%" />
        <Skeleton height={80} />
      </Stack>
    );
  }
  const body = pickLocalized(page.bodyBg, page.bodyEn, language);
  const blocks = textBlocks(body.text);
  return (
    <Stack component="article" gap="md" maw={760}>
      <Title order={1} lang={title.lang}>
        {title.text}
      </Title>
      {blocks.length === 0 ? (
        <Text c="dimmed">{t('sitePages.empty')}</Text>
      ) : (
        <Stack gap="sm" lang={body.lang}>
          {blocks.map((block, i) =>
            block.kind === 'heading' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity but their order
              <Title key={i} order={2} size="h4" mt="xs">
                {block.text}
              </Title>
            ) : block.kind === 'list' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity but their order
              <List key={i} spacing={4}>
                {block.items.map((item, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: as above
                  <List.Item key={j}>{item}</List.Item>
                ))}
              </List>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              <Text key={i}>{block.text}</Text>
            ),
          )}
        </Stack>
      )}
      <Text size="sm" c="dimmed">
        {t('sitePages.updated', { date: formatDate(page.updatedAt, language) })}
      </Text>
    </Stack>
  );
}

export function StatutePage() {
  return <SitePageView slug="statute" />;
}
export function PrivacyPage() {
  return <SitePageView slug="privacy" />;
}
export function ContactPage() {
  return <SitePageView slug="contact" />;
}
