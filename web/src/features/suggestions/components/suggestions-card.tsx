import { Anchor, Card, Skeleton, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useSuggestions } from '../api/get-suggestions.ts';

/**
 * The short "suggested partners" card of the organisation's overview: how many, the best match, and a link
 * to the page. Shown only while the organisation is an active member (the caller decides); a failed load
 * leaves the overview alone and still links to the page.
 */
export function SuggestionsCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const suggestions = useSuggestions(id);
  const best = suggestions.data?.suggestions[0];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="suggestions-card-title">
      <Title order={2} size="h4" id="suggestions-card-title">
        {t('suggestions.card.title')}
      </Title>
      {suggestions.isPending ? (
        <Skeleton height={16} mt="xs" />
      ) : best ? (
        <Text size="sm" mt={4}>
          {t('suggestions.card.text', {
            count: suggestions.data?.suggestions.length ?? 0,
            name: pickLocalized(best.organization.nameBg, best.organization.nameEn, language).text,
          })}
        </Text>
      ) : suggestions.isSuccess ? (
        <Text size="sm" mt={4} c="dimmed">
          {t('suggestions.card.empty')}
        </Text>
      ) : null}
      <Anchor
        component={Link}
        to={paths.myOrganizationSuggestions.href(id)}
        size="sm"
        mt="xs"
        display="block"
      >
        {t('suggestions.card.link')}
      </Anchor>
    </Card>
  );
}
