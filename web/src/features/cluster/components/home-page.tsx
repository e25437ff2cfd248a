import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { Area } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useAreas } from '@/lib/api/areas.ts';
import { useFlash } from '@/lib/flash.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useCluster } from '../api/cluster.ts';
import { BoardTeaserSection } from './board-teaser-section.tsx';
import { LatestNewsSection } from './latest-news-section.tsx';

/** Splits a stored text into paragraphs at blank lines. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function HomePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const cluster = useCluster();
  const areas = useAreas();
  usePageTitle(t('home.title'));
  // After erasing their account (features/account) the user lands here, told so.
  const erased = useFlash() === 'account_erased';

  if (cluster.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton height={40} width="70%" />
        <Skeleton height={20} width="50%" />
        <Skeleton height={120} />
      </Stack>
    );
  }
  if (cluster.isError) return <QueryError error={cluster.error} onRetry={() => void cluster.refetch()} />;

  const c = cluster.data;
  const name = pickLocalized(c.nameBg, c.nameEn, language);
  const tagline = pickLocalized(c.taglineBg, c.taglineEn, language);
  const mission = pickLocalized(c.missionBg, c.missionEn, language);
  const strategy = pickLocalized(c.strategyBg, c.strategyEn, language);
  const areaName = (a: Pick<Area, 'nameBg' | 'nameEn'>) => pickLocalized(a.nameBg, a.nameEn, language).text;

  const allAreas = areas.data?.items ?? [];
  const priorities = allAreas.filter((a) => a.isPriority);
  const topLevel = allAreas.filter((a) => a.parentId === null).sort((a, b) => a.position - b.position);

  return (
    <Stack gap={48}>
      {erased ? (
        <Alert color="teal" role="status">
          {t('home.accountErased')}
        </Alert>
      ) : null}
      <Stack gap="sm" component="section" aria-labelledby="cluster-name">
        <Title order={1} id="cluster-name" lang={name.lang}>
          {name.text}
        </Title>
        {tagline.text ? (
          <Text size="xl" c="dimmed" lang={tagline.lang}>
            {tagline.text}
          </Text>
        ) : null}
        <Group gap="md" mt="sm">
          <Paper withBorder p="md">
            <Text size="sm" c="dimmed">
              {t('home.totalMembersLabel')}
            </Text>
            <Text fw={700} size="xl">
              {t('home.totalMembers', { count: c.memberCount })}
            </Text>
          </Paper>
          <Button component={Link} to={paths.members.href()}>
            {t('home.browseAll')}
          </Button>
        </Group>
      </Stack>

      {mission.text ? (
        <Stack gap="sm" component="section" aria-labelledby="mission">
          <Title order={2} id="mission">
            {t('home.mission')}
          </Title>
          {paragraphs(mission.text).map((p) => (
            <Text key={p} lang={mission.lang}>
              {p}
            </Text>
          ))}
        </Stack>
      ) : null}

      <Stack gap="md" component="section" aria-labelledby="strategy">
        <Title order={2} id="strategy">
          {t('home.strategy')}
        </Title>
        {paragraphs(strategy.text).map((p) => (
          <Text key={p} lang={strategy.lang}>
            {p}
          </Text>
        ))}
        <Anchor component={Link} to={paths.strategy.href()}>
          {t('home.strategyLink')}
        </Anchor>
        <Title order={3}>{t('home.priorities')}</Title>
        <Text c="dimmed">{t('home.prioritiesIntro')}</Text>
        {areas.isPending ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Skeleton height={90} />
            <Skeleton height={90} />
          </SimpleGrid>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" className="plain-list">
            {priorities.map((area) => (
              <Card component="li" key={area.id} withBorder padding="lg">
                <Badge variant="light" mb="xs">
                  {t('home.priorityBadge')}
                </Badge>
                <Text fw={600} size="lg">
                  {areaName(area)}
                </Text>
                <Anchor component={Link} to={paths.members.href({ area: area.id })} mt="sm">
                  {t('home.areaMembers', { count: area.memberCount })}
                </Anchor>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Stack>

      <Stack gap="md" component="section" aria-labelledby="areas">
        <Title order={2} id="areas">
          {t('home.areas')}
        </Title>
        {areas.isError ? <QueryError error={areas.error} onRetry={() => void areas.refetch()} /> : null}
        {areas.isPending ? (
          <Skeleton height={160} />
        ) : (
          <List listStyleType="none" spacing="xs" p={0}>
            {topLevel.map((area) => (
              <List.Item key={area.id}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Anchor component={Link} to={paths.members.href({ area: area.id })}>
                    {areaName(area)}
                  </Anchor>
                  <Badge variant="outline" tt="none" style={{ flexShrink: 0 }}>
                    {t('home.areaMembers', { count: area.memberCount })}
                  </Badge>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>

      <LatestNewsSection />

      <BoardTeaserSection />

      <Stack gap="sm" component="section" aria-labelledby="join-title" id="join">
        <Title order={2} id="join-title">
          {t('home.join.title')}
        </Title>
        <Text>{t('home.join.intro')}</Text>
        <List type="ordered" spacing="xs">
          <List.Item>{t('home.join.step1')}</List.Item>
          <List.Item>{t('home.join.step2')}</List.Item>
          <List.Item>{t('home.join.step3')}</List.Item>
          <List.Item>{t('home.join.step4')}</List.Item>
        </List>
        <Group gap="md" align="center">
          <Button component={Link} to={paths.apply.href()}>
            {t('home.join.apply')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('home.join.applyNote')}
          </Text>
        </Group>
      </Stack>
    </Stack>
  );
}
