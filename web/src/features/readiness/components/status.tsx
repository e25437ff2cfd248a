import { Badge, Group, Text } from '@mantine/core';
import {
  computedIndicator,
  type ReadinessCounts,
  type ReadinessCriterion,
  type ReadinessStatus,
} from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { formatDateText } from '@/lib/date-text.ts';
import { formatNumber } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';

const COLOR: Record<ReadinessStatus, string> = { green: 'green', amber: 'yellow', red: 'red' };
/** A sign beside the colour, so the status reads without colour too (the label says it in words). */
const SIGN: Record<ReadinessStatus, string> = { green: '✓', amber: '◐', red: '✗' };

/** A status as colour, sign and words (never colour alone). */
export function StatusBadge({ status }: { status: ReadinessStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      size="lg"
      color={COLOR[status]}
      variant="light"
      c={status === 'amber' ? 'yellow.9' : undefined}
      leftSection={<span aria-hidden="true">{SIGN[status]}</span>}
      style={{ textTransform: 'none' }}
    >
      {t(`readiness.status.${status}`)}
    </Badge>
  );
}

/** The counts of green, amber and red criteria, each in words. */
export function StatusCounts({ counts }: { counts: ReadinessCounts }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" component="ul" className="plain-list" aria-label={t('readiness.countsLabel')}>
      {(['green', 'amber', 'red'] as const).map((s) => (
        <li key={s}>
          <Badge
            size="md"
            color={COLOR[s]}
            variant={counts[s] > 0 ? 'light' : 'outline'}
            c={s === 'amber' ? 'yellow.9' : undefined}
            leftSection={<span aria-hidden="true">{SIGN[s]}</span>}
            style={{ textTransform: 'none' }}
          >
            {t(`readiness.counts.${s}`, { count: counts[s] })}
          </Badge>
        </li>
      ))}
    </Group>
  );
}

/** An instant as the day (`07.12.2026`, `07/12/2026` in English) and the time in Sofia. */
export function formatRunTime(iso: string, language: 'bg' | 'en'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Sofia',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Sofia',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
  return `${formatDateText(day, language)} ${time}`;
}

/** A rule's figure with its indicator's unit. */
export function useRuleFigure() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (value: number, key: string | null) => {
    const unit = key ? computedIndicator(key)?.unit : undefined;
    const n = formatNumber(value, language);
    return unit && unit !== 'count' ? `${n} ${t(`readiness.unit.${unit}`)}` : n;
  };
}

/** What a criterion's status rests on: the indicator's figure against the thresholds, or the manual mark. */
export function CriterionFigure({ criterion: c }: { criterion: ReadinessCriterion }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const figure = useRuleFigure();
  if (c.kind === 'manual') {
    return (
      <Text size="sm">
        {t('readiness.criterion.manual')} ·{' '}
        {t('readiness.criterion.marked', {
          status: t(`readiness.criterion.manualStatus.${c.manualStatus}`),
        })}
      </Text>
    );
  }
  const def = c.indicatorKey ? computedIndicator(c.indicatorKey) : undefined;
  const op = c.comparison ? t(`readiness.criterion.op.${c.comparison}`) : '';
  return (
    <Text size="sm">
      {def
        ? `${t('readiness.criterion.indicator', { name: pickLocalized(def.labelBg, def.labelEn, language).text })} · `
        : ''}
      <Text span fw={700}>
        {c.figure === null
          ? t('readiness.criterion.noFigure')
          : t('readiness.criterion.figure', { figure: figure(c.figure, c.indicatorKey) })}
      </Text>
      {c.green !== null
        ? ` · ${t('readiness.criterion.green', { op, value: figure(c.green, c.indicatorKey) })}`
        : ''}
      {c.amber !== null
        ? `, ${t('readiness.criterion.amber', { op, value: figure(c.amber, c.indicatorKey) })}`
        : ''}
    </Text>
  );
}
