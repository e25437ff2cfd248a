import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { HomeArea, HomeFigures, HomeMember, HomeResponse } from '@portal/shared';
import { todayInSofia } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateText } from '@/lib/date-text.ts';
import { formatDateTime, formatMoney, formatNumber } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { MemberMark } from './member-mark.tsx';

/** The day an instant falls on in Sofia, written the portal's way (05.03.2026, 05/03/2026). */
const dayOf = (iso: string, language: 'bg' | 'en') => formatDateText(todayInSofia(new Date(iso)), language);

/**
 * The first sentence of a stored text: the hero says the mission in one look. A sentence ends at `.`, `!`,
 * `?` or `…` after a word of five letters or more (not after abbreviations such as `г.`, `прог.`, `др.`),
 * followed by a capital or an opening quote.
 */
export function firstSentence(text: string): string {
  const paragraph =
    text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find(Boolean) ?? '';
  const end = /(?<=[\p{L}\p{N}]{5}[“"»)]?)[.!?…](?=\s+[\p{Lu}„“"«])/u.exec(paragraph);
  return end ? paragraph.slice(0, end.index + 1) : paragraph;
}

export function HomeHero({ cluster }: { cluster: HomeResponse['cluster'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = pickLocalized(cluster.nameBg, cluster.nameEn, language);
  const tagline = pickLocalized(cluster.taglineBg, cluster.taglineEn, language);
  const mission = pickLocalized(cluster.missionBg, cluster.missionEn, language);
  const sentence = firstSentence(mission.text);
  return (
    <section className="home-hero" aria-labelledby="cluster-name">
      <Stack gap="md">
        <Title order={1} id="cluster-name" lang={name.lang} fz={{ base: 28, sm: 40 }} lh={1.15}>
          {name.text}
        </Title>
        {tagline.text ? (
          <Text fz={{ base: 'lg', sm: 22 }} fw={500} c="indigo.9" lang={tagline.lang}>
            {tagline.text}
          </Text>
        ) : null}
        {sentence ? (
          <Text fz={{ base: 'md', sm: 'lg' }} className="home-hero-mission" lang={mission.lang}>
            {sentence}
          </Text>
        ) : null}
        <Group gap="sm" mt="xs">
          <Button component="a" href="#join" size="md">
            {t('home.hero.join')}
          </Button>
          <Button component={Link} to={paths.members.href()} size="md" variant="default">
            {t('home.hero.browse')}
          </Button>
        </Group>
      </Stack>
    </section>
  );
}

const FIGURES = ['members', 'smes', 'universities', 'publicBodies', 'openCalls', 'upcomingEvents'] as const;

export function HomeFiguresSection({ figures }: { figures: HomeFigures }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // The member count is always shown; the other figures only when there is something to count.
  const shown = FIGURES.filter((key) => key === 'members' || figures[key] > 0);
  return (
    <Stack gap="sm" component="section" aria-labelledby="figures">
      <Group justify="space-between" align="baseline" gap="xs">
        <Title order={2} id="figures" size="h3">
          {t('home.figures.title')}
        </Title>
        <Anchor component={Link} to={paths.figures.href()} size="sm">
          {t('home.figures.more')}
        </Anchor>
      </Group>
      <ul className="home-figures plain-list">
        {shown.map((key) => (
          <li key={key} className="home-figure">
            <span className="home-figure-value">{formatNumber(figures[key], language)}</span>
            <Text size="sm" c="dimmed" component="span" display="block" lh={1.35}>
              {t(`home.figures.${key}`, { count: figures[key] })}
            </Text>
          </li>
        ))}
      </ul>
    </Stack>
  );
}

function AreaCard({ area }: { area: HomeArea }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = pickLocalized(area.nameBg, area.nameEn, language);
  return (
    <Card component="li" withBorder padding="lg" radius="md">
      <Stack gap="sm" h="100%">
        <Title order={3} size="h5" lang={name.lang}>
          {name.text}
        </Title>
        <Group gap="xs">
          {area.isPriority ? (
            <Badge variant="light" color="teal">
              {t('home.priorityBadge')}
            </Badge>
          ) : null}
          {area.memberCount > 0 ? (
            <Anchor component={Link} to={paths.members.href({ area: area.id })} size="sm" fw={500}>
              {t('home.areas.members', { count: area.memberCount })}
            </Anchor>
          ) : null}
        </Group>
        {area.members.length > 0 ? (
          <ul className="member-marks" aria-label={t('home.areas.membersOf', { area: name.text })}>
            {area.members.map((m) => (
              <li key={m.id}>
                <MemberMark member={m} />
              </li>
            ))}
          </ul>
        ) : (
          <Text size="sm" c="dimmed">
            {t('home.areas.empty')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

export function HomeAreasSection({ areas }: { areas: HomeArea[] }) {
  const { t } = useTranslation();
  if (areas.length === 0) return null;
  return (
    <Stack gap="md" component="section" aria-labelledby="areas">
      <Title order={2} id="areas">
        {t('home.areas.title')}
      </Title>
      <Text c="dimmed">
        {t('home.areas.intro')}{' '}
        <Anchor component={Link} to={paths.strategy.href()} underline="always">
          {t('home.strategyLink')}
        </Anchor>
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" className="plain-list">
        {areas.map((area) => (
          <AreaCard key={area.id} area={area} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export function HomeLogosSection({ logos, total }: { logos: HomeMember[]; total: number }) {
  const { t } = useTranslation();
  if (logos.length === 0) return null;
  return (
    <Stack gap="md" component="section" aria-labelledby="our-members">
      <Title order={2} id="our-members">
        {t('home.logos.title')}
      </Title>
      <ul className="home-logo-strip plain-list">
        {logos.map((m) => (
          <li key={m.id}>
            <MemberMark member={m} />
          </li>
        ))}
      </ul>
      <div>
        <Button component={Link} to={paths.members.href()} variant="light">
          {t('home.logos.all', { count: total })}
        </Button>
      </div>
    </Stack>
  );
}

function UpdatesColumn({
  id,
  title,
  more,
  children,
}: {
  id: string;
  title: string;
  more: { to: string; label: string };
  children: React.ReactNode;
}) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={3} id={id} size="h4">
        {title}
      </Title>
      <Stack gap="sm" component="ul" className="plain-list">
        {children}
      </Stack>
      <Anchor component={Link} to={more.to} size="sm" fw={500}>
        {more.label}
      </Anchor>
    </Stack>
  );
}

/** The latest news, the next events and the open calls: each list only when it has something. */
export function HomeUpdatesSection({ home }: { home: Pick<HomeResponse, 'news' | 'events' | 'calls'> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { news, events, calls } = home;
  const columns = [news, events, calls].filter((list) => list.length > 0).length;
  return (
    <Stack gap="md" component="section" aria-labelledby="updates">
      <Title order={2} id="updates">
        {t('home.updates.title')}
      </Title>
      {columns === 0 ? (
        <Text c="dimmed">{t('home.nothingNew')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: columns }} spacing="xl">
          {news.length > 0 ? (
            <UpdatesColumn
              id="latest-news"
              title={t('home.news.title')}
              more={{ to: paths.news.href(), label: t('home.news.more') }}
            >
              {news.map((post) => {
                const title = pickLocalized(post.titleBg, post.titleEn, language);
                const summary = pickLocalized(post.summaryBg, post.summaryEn, title.lang);
                return (
                  <Card component="li" withBorder padding="md" radius="md" key={post.id}>
                    <Text size="xs" c="dimmed">
                      {t('home.news.published', { date: dayOf(post.publishedAt, language) })}
                    </Text>
                    <Anchor component={Link} to={paths.newsPost.href(post.slug)} fw={600} lang={title.lang}>
                      {title.text}
                    </Anchor>
                    {summary.text ? (
                      <Text size="sm" lang={summary.lang} lineClamp={2} mt={4}>
                        {summary.text}
                      </Text>
                    ) : null}
                  </Card>
                );
              })}
            </UpdatesColumn>
          ) : null}
          {events.length > 0 ? (
            <UpdatesColumn
              id="upcoming-events"
              title={t('home.events.title')}
              more={{ to: paths.news.href({ category: 'event' }), label: t('home.events.more') }}
            >
              {events.map((event) => {
                const title = pickLocalized(event.titleBg, event.titleEn, language);
                const where = [event.place, event.online ? t('home.events.online') : '']
                  .filter(Boolean)
                  .join(' · ');
                return (
                  <Card component="li" withBorder padding="md" radius="md" key={event.id}>
                    <Text size="xs" c="dimmed">
                      <time dateTime={event.startsAt}>{formatDateTime(event.startsAt, language)}</time>
                    </Text>
                    <Anchor component={Link} to={paths.newsPost.href(event.slug)} fw={600} lang={title.lang}>
                      {title.text}
                    </Anchor>
                    {where ? (
                      <Text size="sm" mt={4}>
                        {where}
                      </Text>
                    ) : null}
                  </Card>
                );
              })}
            </UpdatesColumn>
          ) : null}
          {calls.length > 0 ? (
            <UpdatesColumn
              id="open-calls"
              title={t('home.calls.title')}
              more={{ to: paths.calls.href(), label: t('home.calls.more') }}
            >
              {calls.map((call) => {
                const title = pickLocalized(call.titleBg, call.titleEn, language);
                return (
                  <Card component="li" withBorder padding="md" radius="md" key={call.id}>
                    <Text size="xs" c="dimmed">
                      {[call.programme, call.code].filter(Boolean).join(' · ')}
                    </Text>
                    <Anchor component={Link} to={paths.call.href(call.id)} fw={600} lang={title.lang}>
                      {title.text}
                    </Anchor>
                    <Text size="sm" mt={4}>
                      {t('home.calls.deadline', { date: dayOf(call.deadlineAt, language) })}
                      {call.budgetCents !== null
                        ? ` · ${t('home.calls.budget', { amount: formatMoney(call.budgetCents, language) })}`
                        : ''}
                    </Text>
                  </Card>
                );
              })}
            </UpdatesColumn>
          ) : null}
        </SimpleGrid>
      )}
    </Stack>
  );
}

export function HomeJoinSection({ fees }: { fees: HomeResponse['fees'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="join-title" id="join">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack gap="sm">
          <Title order={2} id="join-title">
            {t('home.join.title')}
          </Title>
          <Text>{t('home.join.intro')}</Text>
          <ol style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
            {(['step1', 'step2', 'step3', 'step4'] as const).map((step) => (
              <li key={step}>
                <Text mb={6}>{t(`home.join.${step}`)}</Text>
              </li>
            ))}
          </ol>
          <Group gap="md" align="center">
            <Button component={Link} to={paths.apply.href()} size="md">
              {t('home.join.apply')}
            </Button>
            <Text size="sm" c="dimmed" maw={360}>
              {t('home.join.applyNote')}
            </Text>
          </Group>
        </Stack>
        <Card withBorder padding="lg" radius="md" style={{ alignSelf: 'start' }}>
          <Title order={3} size="h4" id="fees-title" mb="xs">
            {t('home.join.feesTitle', { year: fees.year })}
          </Title>
          <Table verticalSpacing="sm" aria-labelledby="fees-title">
            <Table.Tbody>
              {fees.rates.map((rate) => (
                <Table.Tr key={rate.category}>
                  <Table.Th scope="row" fw={500}>
                    {t(`category.${rate.category}`)}
                  </Table.Th>
                  <Table.Td ta="end" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {rate.amountCents > 0 ? formatMoney(rate.amountCents, language) : t('home.join.feeNone')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed" mt="sm">
            {t('home.join.feesNote')}
          </Text>
        </Card>
      </SimpleGrid>
    </section>
  );
}
