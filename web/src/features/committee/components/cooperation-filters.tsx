import { Anchor, Group, NativeSelect, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAreas } from '@/lib/api/areas.ts';
import { useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useSearchParamsLatest } from '@/lib/use-search-params.ts';
import type { CooperationSearch } from '../api/cooperation.ts';

const KEYS = ['from', 'to', 'area'] as const;

/** How many months back the period's lists offer (the server allows periods of up to 36 months). */
const MONTHS_BACK = 60;

/**
 * The months a period can start or end with, newest first, named in the reader's language ("ноември
 * 2026 г."): a list instead of the browser's month input, whose format is the browser's, not the page's.
 * Months already in the URL stay listed even when older.
 */
export function monthOptions(
  language: 'bg' | 'en',
  keep: readonly (string | undefined)[],
  now: Date = new Date(),
): { value: string; label: string }[] {
  const format = new Intl.DateTimeFormat(language === 'bg' ? 'bg-BG' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const values = new Set<string>();
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  for (let back = 0; back < MONTHS_BACK; back += 1) {
    const d = new Date(Date.UTC(year, month - back, 1));
    values.add(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  for (const k of keep) if (k && /^\d{4}-\d{2}$/.test(k)) values.add(k);
  return [...values]
    .sort()
    .reverse()
    .map((value) => {
      const [y, m] = value.split('-').map(Number);
      return { value, label: format.format(new Date(Date.UTC(y!, m! - 1, 1))) };
    });
}

/** The overview's and the network's filters from the URL (`?from=2026-01&to=2026-12&area=ict`). */
export function useCooperationSearch(): [CooperationSearch, (delta: CooperationSearch) => void] {
  const [params, setParams] = useSearchParamsLatest();
  const search: CooperationSearch = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) search[key] = value;
  }
  const change = (delta: CooperationSearch) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(delta)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { preventScrollReset: true },
    );
  return [search, change];
}

/** Period (months) and thematic area, shared by the overview and the network page. */
export function CooperationFilters({
  search,
  onChange,
  shown,
}: {
  search: CooperationSearch;
  onChange: (delta: CooperationSearch) => void;
  /** The period the server used (the default one when the URL names none). */
  shown?: { from: string; to: string } | undefined;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const areas = useAreas();
  const themes = (areas.data?.items ?? []).filter((a) => a.parentId === null);
  const reversed = Boolean(search.from && search.to && search.to < search.from);
  const months = monthOptions(language, [search.from, search.to, shown?.from, shown?.to]);
  return (
    <search aria-label={t('committee.cooperation.filters')}>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <NativeSelect
          label={t('committee.cooperation.fromLabel')}
          value={search.from ?? shown?.from ?? ''}
          data={months}
          onChange={(event) => onChange({ from: event.currentTarget.value })}
        />
        <NativeSelect
          label={t('committee.cooperation.toLabel')}
          value={search.to ?? shown?.to ?? ''}
          data={months}
          onChange={(event) => onChange({ to: event.currentTarget.value })}
          error={reversed ? t('committee.queue.dateOrder') : undefined}
        />
        <NativeSelect
          label={t('committee.cooperation.areaLabel')}
          value={search.area ?? ''}
          onChange={(event) => onChange({ area: event.currentTarget.value })}
          data={[
            { value: '', label: t('committee.cooperation.areaAny') },
            ...themes.map((a) => ({ value: a.id, label: language === 'en' ? a.nameEn : a.nameBg })),
            ...(search.area && !themes.some((a) => a.id === search.area)
              ? [{ value: search.area, label: search.area }]
              : []),
          ]}
        />
      </SimpleGrid>
    </search>
  );
}

/** Links between the overview and the network, keeping the filters. */
export function CooperationNav({ search }: { search: CooperationSearch }) {
  const { t } = useTranslation();
  const query = Object.fromEntries(Object.entries(search).filter(([, v]) => v)) as Record<string, string>;
  return (
    <Group component="nav" aria-label={t('committee.sections.label')} gap="md">
      <Anchor component={Link} to={paths.committeeCooperation.href(query)}>
        {t('committee.cooperation.toOverview')}
      </Anchor>
      <Anchor component={Link} to={paths.committeeNetwork.href(query)}>
        {t('committee.cooperation.toNetwork')}
      </Anchor>
    </Group>
  );
}
