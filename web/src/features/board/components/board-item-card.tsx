import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { BoardItemSummary } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';

/** An item in the members' list: kind and type, title (a link to its page), organisation, areas, date. */
export function BoardItemCard({ item }: { item: BoardItemSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = pickLocalized(item.titleBg, item.titleEn, language);
  const organization = pickLocalized(item.organization.nameBg, item.organization.nameEn, language);
  return (
    <Card withBorder padding="lg" component="article">
      <Stack gap="xs">
        <Group gap={6}>
          <Badge color={item.kind === 'offer' ? 'teal' : 'grape'} tt="none">
            {t(`board.kind.${item.kind}`)}
          </Badge>
          <Badge variant="outline" tt="none">
            {t(`board.type.${item.type}`)}
          </Badge>
        </Group>
        <Title order={3} size="h4" lang={title.lang}>
          <Anchor component={Link} to={paths.boardItem.href(item.id)}>
            {title.text}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed" lang={organization.lang}>
          {organization.text} · {t(`kind.${item.organization.kind}`)}
        </Text>
        {item.areas.length > 0 ? (
          <Group gap={6} component="ul" className="plain-list">
            {item.areas.map((area) => (
              <Badge key={area.id} component="li" variant="light" size="sm" tt="none">
                {pickLocalized(area.nameBg, area.nameEn, language).text}
              </Badge>
            ))}
          </Group>
        ) : null}
        {item.validUntil ? (
          <Text size="xs" c="dimmed">
            {t('board.list.validUntil', { date: formatDate(item.validUntil, language) })}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
