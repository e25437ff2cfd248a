import { Anchor, Badge, Button, Card, Group, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { Goal, Indicator, Language, Objective, ObjectiveStatus } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { useCan } from '@/lib/api/session.ts';
import { formatDate, formatNumber } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useStrategy } from '../api/strategy.ts';

/**
 * /strategy (issue 16 §1, decision 047): the cluster's roadmap as data — the goals, their objectives with
 * owner and status, and every indicator's current value against its baseline and target with a progress
 * bar. Computed values say they are computed live; entered ones name their source and day.
 */
export function StrategyPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const strategy = useStrategy();
  const canEdit = useCan('strategy.manage');
  usePageTitle(t('strategy.title'));
  return (
    <Stack gap="lg">
      <div>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={1}>{t('strategy.title')}</Title>
          {canEdit ? (
            <Button component={Link} to={paths.committeeStrategy.href()} variant="light">
              {t('strategy.edit')}
            </Button>
          ) : null}
        </Group>
        <Text c="dimmed" mt="xs">
          {t('strategy.intro')}
        </Text>
        {strategy.data ? (
          <Text size="sm" c="dimmed" mt={4}>
            {t('strategy.asOf', { date: formatDate(strategy.data.asOf, language) })}
          </Text>
        ) : null}
      </div>
      {strategy.isPending ? (
        <Stack>
          <Skeleton height={160} />
          <Skeleton height={160} />
        </Stack>
      ) : strategy.isError ? (
        <QueryError error={strategy.error} onRetry={() => void strategy.refetch()} />
      ) : strategy.data.goals.length === 0 ? (
        <Text c="dimmed">{t('strategy.empty')}</Text>
      ) : (
        strategy.data.goals.map((goal) => <GoalSection key={goal.id} goal={goal} />)
      )}
    </Stack>
  );
}

function GoalSection({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = pickLocalized(goal.titleBg, goal.titleEn, language);
  const description = pickLocalized(goal.descriptionBg, goal.descriptionEn, language);
  const area =
    goal.areaNameBg && goal.areaNameEn ? pickLocalized(goal.areaNameBg, goal.areaNameEn, language) : null;
  const headingId = `goal-${goal.id}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId} padding="lg">
      <Stack gap="md">
        <div>
          <Group gap="xs">
            <Badge variant="light" color={goal.kind === 'horizontal' ? 'grape' : 'blue'}>
              {t(`strategy.goalKind.${goal.kind}`)}
            </Badge>
            {area ? (
              <Text size="sm" c="dimmed" lang={area.lang}>
                {t('strategy.area', { area: area.text })}
              </Text>
            ) : null}
          </Group>
          <Title order={2} id={headingId} mt="xs" lang={title.lang}>
            {title.text}
          </Title>
          {description.text ? (
            <Text mt="xs" lang={description.lang}>
              {description.text}
            </Text>
          ) : null}
        </div>
        {goal.objectives.length === 0 ? (
          <Text c="dimmed">{t('strategy.noObjectives')}</Text>
        ) : (
          goal.objectives.map((o) => <ObjectiveBlock key={o.id} objective={o} />)
        )}
      </Stack>
    </Card>
  );
}

const STATUS_COLOR: Record<ObjectiveStatus, string> = {
  not_started: 'gray',
  on_track: 'teal',
  at_risk: 'orange',
  achieved: 'green',
};

export function ownerText(o: Objective, language: Language): string | null {
  const body =
    o.ownerBodyNameBg && o.ownerBodyNameEn
      ? pickLocalized(o.ownerBodyNameBg, o.ownerBodyNameEn, language).text
      : null;
  const parts = [body, o.ownerName].filter((x): x is string => !!x);
  return parts.length > 0 ? parts.join(', ') : null;
}

function ObjectiveBlock({ objective }: { objective: Objective }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = pickLocalized(objective.titleBg, objective.titleEn, language);
  const owner = ownerText(objective, language);
  return (
    <Stack
      gap="sm"
      component="article"
      pl={{ base: 0, sm: 'md' }}
      style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}
      px="sm"
    >
      <div>
        <Group gap="xs" wrap="wrap">
          <Title order={3} size="h4" lang={title.lang}>
            {title.text}
          </Title>
          <Badge size="sm" variant="light" color={STATUS_COLOR[objective.status]}>
            {t(`strategy.status.${objective.status}`)}
          </Badge>
        </Group>
        {owner ? (
          <Text size="sm" c="dimmed">
            {t('strategy.owner', { owner })}
          </Text>
        ) : null}
      </div>
      {objective.indicators.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('strategy.noIndicators')}
        </Text>
      ) : (
        objective.indicators.map((i) => <IndicatorView key={i.id} indicator={i} />)
      )}
    </Stack>
  );
}

/** A figure with its unit in the UI language (counts have none). */
export function useFigure() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (value: number, unit: Indicator['unit']) =>
    unit === 'count'
      ? formatNumber(value, language)
      : `${formatNumber(value, language)} ${t(`strategy.unit.${unit}`)}`;
}

/** One indicator: its value against baseline and target, a progress bar, and where the value comes from. */
export function IndicatorView({ indicator: i }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const figure = useFigure();
  const name = pickLocalized(i.nameBg, i.nameEn, language);
  const percent = i.progress === null ? null : Math.round(i.progress * 100);
  const labelId = `indicator-${i.id}`;
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fw={600} id={labelId} lang={name.lang}>
          {name.text}
        </Text>
        <Text fw={600}>{i.current === null ? t('strategy.noValue') : figure(i.current, i.unit)}</Text>
      </Group>
      <Progress.Root size="md">
        <Progress.Section
          value={percent ?? 0}
          color={percent !== null && percent >= 100 ? 'green' : 'blue'}
          aria-labelledby={labelId}
          aria-valuetext={
            percent === null ? t('strategy.progressUnknown') : t('strategy.progress', { percent })
          }
        />
      </Progress.Root>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('strategy.baseline')}: {figure(i.baseline, i.unit)} · {t('strategy.target')}:{' '}
          {figure(i.target, i.unit)} ·{' '}
          {percent === null ? t('strategy.progressUnknown') : t('strategy.progress', { percent })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('strategy.period', {
            start: formatDate(i.periodStart, language),
            end: formatDate(i.periodEnd, language),
          })}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {i.source === 'computed'
          ? t('strategy.computedLive')
          : i.currentSource && i.currentOn
            ? t('strategy.enteredFrom', { source: i.currentSource, date: formatDate(i.currentOn, language) })
            : t('strategy.noValue')}
      </Text>
      {i.source === 'entered' && i.values.length > 1 ? (
        <details>
          <summary>
            <Anchor component="span" size="xs">
              {t('strategy.history')}
            </Anchor>
          </summary>
          <Stack gap={2} component="ul" className="plain-list" mt={4}>
            {i.values.map((v) => (
              <Text key={v.id} size="xs" component="li">
                {formatDate(v.measuredOn, language)}: {figure(v.value, i.unit)} — {v.source}
              </Text>
            ))}
          </Stack>
        </details>
      ) : null}
    </Stack>
  );
}
