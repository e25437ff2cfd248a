import { Anchor, Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBoardTeaser } from '@/lib/api/board-teaser.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';

/** The home page's teaser of the cooperation board: how many items, the latest public ones, a link. */
export function BoardTeaserSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const teaser = useBoardTeaser(3);
  // The home page does without the teaser when it cannot be loaded (the board page says why).
  if (!teaser.data) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="cooperation">
      <Title order={2} id="cooperation">
        {t('home.board.title')}
      </Title>
      <Text>{t('home.board.intro', { count: teaser.data.total })}</Text>
      {teaser.data.latest.length > 0 ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }} component="ul" className="plain-list">
          {teaser.data.latest.map((item) => {
            const title = pickLocalized(item.titleBg, item.titleEn, language);
            return (
              <Card component="li" withBorder padding="md" key={item.id}>
                <Text fw={600} lang={title.lang}>
                  {title.text}
                </Text>
                <Anchor component={Link} to={paths.member.href(item.organization.id)} size="sm">
                  {pickLocalized(item.organization.nameBg, item.organization.nameEn, language).text}
                </Anchor>
              </Card>
            );
          })}
        </SimpleGrid>
      ) : null}
      <div>
        <Button component={Link} to={paths.cooperation.href()} variant="light">
          {t('home.board.more')}
        </Button>
      </div>
    </Stack>
  );
}
