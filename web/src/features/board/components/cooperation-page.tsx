import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { BOARD_ITEM_TYPES } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useBoardTeaser } from '@/lib/api/board-teaser.ts';
import { useCan } from '@/lib/api/session.ts';
import { formatNumber } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';

/**
 * /cooperation — the board's public teaser: how many items per type and per area are on the board, and
 * the latest items their authors made public (title, type, areas and organisation only: decision 033).
 */
export function CooperationPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('board.teaser.title'));
  const teaser = useBoardTeaser(12);
  const member = useCan('board.view');

  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('board.teaser.heading')}</Title>
        <Text c="dimmed" mt="xs">
          {t('board.teaser.intro')}
        </Text>
        <Group gap="sm" mt="md">
          {member ? (
            <Button component={Link} to={paths.board.href()}>
              {t('board.teaser.openBoard')}
            </Button>
          ) : (
            <Button component={Link} to={paths.home.href('join')}>
              {t('board.teaser.join')}
            </Button>
          )}
        </Group>
      </div>
      {teaser.isPending ? (
        <Stack gap="md" aria-busy="true">
          <Skeleton height={120} />
          <Skeleton height={200} />
        </Stack>
      ) : teaser.isError ? (
        <QueryError error={teaser.error} onRetry={() => void teaser.refetch()} />
      ) : (
        <>
          <Text fw={700} size="xl">
            {t('board.teaser.total', { count: teaser.data.total })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <section aria-labelledby="teaser-by-type">
              <Title order={2} size="h4" id="teaser-by-type" mb="sm">
                {t('board.teaser.byType')}
              </Title>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('board.item.type')}</Table.Th>
                    <Table.Th ta="right">{t('board.kindFilter.offer')}</Table.Th>
                    <Table.Th ta="right">{t('board.kindFilter.request')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {BOARD_ITEM_TYPES.map((type) => {
                    const count = (kind: 'offer' | 'request') =>
                      teaser.data.byType.find((r) => r.type === type && r.kind === kind)?.count ?? 0;
                    return (
                      <Table.Tr key={type}>
                        <Table.Td>{t(`board.type.${type}`)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(count('offer'), language)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(count('request'), language)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </section>
            <section aria-labelledby="teaser-by-area">
              <Title order={2} size="h4" id="teaser-by-area" mb="sm">
                {t('board.teaser.byArea')}
              </Title>
              <Stack component="ul" className="plain-list" gap={6}>
                {teaser.data.byArea.map((area) => (
                  <Group component="li" key={area.id} justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm">{pickLocalized(area.nameBg, area.nameEn, language).text}</Text>
                    <Badge variant="outline" tt="none" style={{ flexShrink: 0 }}>
                      {t('board.teaser.count', { count: area.count })}
                    </Badge>
                  </Group>
                ))}
              </Stack>
            </section>
          </SimpleGrid>
          <Stack gap="sm" component="section" aria-labelledby="teaser-latest">
            <Title order={2} size="h4" id="teaser-latest">
              {t('board.teaser.latest')}
            </Title>
            {teaser.data.latest.length === 0 ? (
              <Text c="dimmed">{t('board.teaser.noneLatest')}</Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="ul" className="plain-list">
                {teaser.data.latest.map((item) => {
                  const title = pickLocalized(item.titleBg, item.titleEn, language);
                  const organization = pickLocalized(
                    item.organization.nameBg,
                    item.organization.nameEn,
                    language,
                  );
                  return (
                    <Card component="li" withBorder padding="md" key={item.id}>
                      <Group gap={6} mb="xs">
                        <Badge color={item.kind === 'offer' ? 'teal' : 'grape'} tt="none">
                          {t(`board.kind.${item.kind}`)}
                        </Badge>
                        <Badge variant="outline" tt="none">
                          {t(`board.type.${item.type}`)}
                        </Badge>
                      </Group>
                      <Text fw={600} lang={title.lang}>
                        {member ? (
                          <Anchor component={Link} to={paths.boardItem.href(item.id)}>
                            {title.text}
                          </Anchor>
                        ) : (
                          title.text
                        )}
                      </Text>
                      <Anchor
                        component={Link}
                        to={paths.member.href(item.organization.id)}
                        size="sm"
                        lang={organization.lang}
                      >
                        {organization.text}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {item.areas.map((a) => pickLocalized(a.nameBg, a.nameEn, language).text).join(', ')}
                      </Text>
                    </Card>
                  );
                })}
              </SimpleGrid>
            )}
            {member ? null : (
              <Text size="sm" c="dimmed">
                {t('board.teaser.membersOnly')}
              </Text>
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}
