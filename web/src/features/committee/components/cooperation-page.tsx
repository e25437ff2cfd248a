import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { BOARD_ITEM_TYPES, type BoardItemType, type CooperationOverview, todayInSofia } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { ChartFigure, type ChartTable } from '@/components/chart-figure.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { formatDate, formatMonth, formatNumber } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { cooperationCsvHref, useCooperationOverview } from '../api/cooperation.ts';
import { CooperationFilters, CooperationNav, useCooperationSearch } from './cooperation-filters.tsx';

/** A colour per board item type (Mantine theme colours, distinguishable in light mode). */
const TYPE_COLOURS: Record<BoardItemType, string> = {
  infrastructure: 'blue.6',
  information: 'teal.6',
  people: 'orange.6',
  joint_project: 'grape.6',
  services: 'yellow.7',
  other: 'gray.6',
};

/** Room for a theme's name beside its bar; longer names are shortened in the chart (the table has them whole). */
const AREA_AXIS_WIDTH = 150;
const AREA_LABEL_MAX = 32;
const areaChartHeight = (rows: number) => Math.max(200, rows * 72 + 60);
const shortLabels = <T extends { label: string }>(rows: T[]): T[] =>
  rows.map((r) =>
    r.label.length > AREA_LABEL_MAX ? { ...r, label: `${r.label.slice(0, AREA_LABEL_MAX - 1)}…` } : r,
  );

const ACTIVITY = [
  { key: 'conversations', color: 'indigo.6' },
  { key: 'partnerships', color: 'green.7' },
  { key: 'bookings', color: 'red.6' },
] as const;

/** /committee/cooperation: the committee's overview of cooperation (issue 14 §5). */
export function CooperationPage() {
  const { t } = useTranslation();
  usePageTitle(t('committee.cooperation.title'));
  const [search, change] = useCooperationSearch();
  const overview = useCooperationOverview(search);
  const data = overview.data;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('committee.cooperation.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('committee.cooperation.intro')}
        </Text>
        <CooperationNav search={search} />
      </div>
      <CooperationFilters search={search} onChange={change} shown={data} />
      <Group>
        <Button component="a" href={cooperationCsvHref(search)} download variant="light" size="sm">
          {t('committee.cooperation.download')}
        </Button>
      </Group>
      {overview.isError ? (
        <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : null}
      {overview.isPending ? <Text c="dimmed">{t('common.loading')}</Text> : null}
      {data ? <OverviewCharts data={data} /> : null}
    </Stack>
  );
}

function OverviewCharts({ data }: { data: CooperationOverview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const typeLabel = (type: BoardItemType) => t(`committee.cooperation.type.${type}`);
  const areaName = (id: string) => {
    const area = data.areas.find((a) => a.id === id);
    return area ? (language === 'en' ? area.nameEn : area.nameBg) : id;
  };
  // Only the types that occur, so the legend stays short on a phone.
  const types = BOARD_ITEM_TYPES.filter(
    (type) =>
      data.itemsPerMonth.some((r) => r.type === type) || data.itemsPerArea.some((r) => r.type === type),
  );
  const typeColumns = types.map((type) => ({ key: type, label: typeLabel(type) }));

  const itemsByMonth = data.months.map((month) => {
    const values: Record<string, number> = {};
    for (const type of types) {
      values[type] = data.itemsPerMonth.find((r) => r.month === month && r.type === type)?.count ?? 0;
    }
    return { key: month, label: formatMonth(month, language), values };
  });
  const areaIds = data.areas.map((a) => a.id).filter((id) => data.itemsPerArea.some((r) => r.areaId === id));
  const itemsByArea = areaIds.map((id) => {
    const values: Record<string, number> = {};
    for (const type of types) {
      values[type] = data.itemsPerArea.find((r) => r.areaId === id && r.type === type)?.count ?? 0;
    }
    return { key: id, label: areaName(id), values };
  });
  const activityColumns = ACTIVITY.map((a) => ({ key: a.key, label: t(`committee.cooperation.${a.key}`) }));
  const activityByMonth = data.months.map((month) => {
    const talk = data.conversationsPerMonth.find((r) => r.month === month);
    return {
      key: month,
      label: formatMonth(month, language),
      values: {
        conversations: talk?.conversations ?? 0,
        partnerships: talk?.partnerships ?? 0,
        bookings: data.bookingsPerMonth.find((r) => r.month === month)?.count ?? 0,
      },
    };
  });
  const talkByArea = data.conversationsPerArea.map((r) => ({
    key: r.areaId,
    label: areaName(r.areaId),
    values: { conversations: r.conversations, partnerships: r.partnerships },
  }));
  const noData = t('committee.cooperation.noData');
  const rowsOf = (table: ChartTable) => table.rows.map((r) => ({ label: r.label, ...r.values }));

  const itemsMonthTable: ChartTable = {
    rowHeader: t('committee.cooperation.month'),
    columns: typeColumns,
    rows: itemsByMonth,
  };
  const itemsAreaTable: ChartTable = {
    rowHeader: t('committee.cooperation.area'),
    columns: typeColumns,
    rows: itemsByArea,
  };
  const activityTable: ChartTable = {
    rowHeader: t('committee.cooperation.month'),
    columns: activityColumns,
    rows: activityByMonth,
  };
  const talkAreaTable: ChartTable = {
    rowHeader: t('committee.cooperation.area'),
    columns: activityColumns.slice(0, 2),
    rows: talkByArea,
  };
  const typeSeries = types.map((type) => ({ name: type, label: typeLabel(type), color: TYPE_COLOURS[type] }));

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <ChartFigure
          title={t('committee.cooperation.itemsPerMonth')}
          table={itemsMonthTable}
          empty={data.itemsPerMonth.length === 0 ? noData : undefined}
        >
          <BarChart
            h={280}
            data={rowsOf(itemsMonthTable)}
            yAxisProps={{ allowDecimals: false }}
            dataKey="label"
            type="stacked"
            series={typeSeries}
            withLegend
          />
        </ChartFigure>
        <ChartFigure
          title={t('committee.cooperation.itemsPerArea')}
          table={itemsAreaTable}
          empty={itemsByArea.length === 0 ? noData : undefined}
        >
          <BarChart
            h={areaChartHeight(itemsByArea.length)}
            data={shortLabels(rowsOf(itemsAreaTable))}
            dataKey="label"
            type="stacked"
            orientation="vertical"
            yAxisProps={{ width: AREA_AXIS_WIDTH }}
            xAxisProps={{ allowDecimals: false }}
            series={typeSeries}
            withLegend
          />
        </ChartFigure>
        <ChartFigure
          title={t('committee.cooperation.activityPerMonth')}
          table={activityTable}
          empty={
            activityByMonth.every((r) => Object.values(r.values).every((v) => v === 0)) ? noData : undefined
          }
        >
          <LineChart
            h={280}
            data={rowsOf(activityTable)}
            yAxisProps={{ allowDecimals: false }}
            dataKey="label"
            series={ACTIVITY.map((a) => ({
              name: a.key,
              label: t(`committee.cooperation.${a.key}`),
              color: a.color,
            }))}
            withLegend
            curveType="linear"
          />
        </ChartFigure>
        <ChartFigure
          title={t('committee.cooperation.activityPerArea')}
          table={talkAreaTable}
          empty={talkByArea.length === 0 ? noData : undefined}
        >
          <BarChart
            h={areaChartHeight(talkByArea.length)}
            data={shortLabels(rowsOf(talkAreaTable))}
            dataKey="label"
            orientation="vertical"
            yAxisProps={{ width: AREA_AXIS_WIDTH }}
            xAxisProps={{ allowDecimals: false }}
            series={ACTIVITY.slice(0, 2).map((a) => ({
              name: a.key,
              label: t(`committee.cooperation.${a.key}`),
              color: a.color,
            }))}
            withLegend
          />
        </ChartFigure>
      </SimpleGrid>
      <ActiveMembers data={data} />
      <UnansweredRequests data={data} />
    </Stack>
  );
}

function ActiveMembers({ data }: { data: CooperationOverview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns = ['items', 'bookings', 'conversations', 'partnerships', 'total'] as const;
  const table: ChartTable = {
    rowHeader: t('committee.cooperation.member'),
    columns: columns.map((key) => ({ key, label: t(`committee.cooperation.${key}`) })),
    rows: data.activeMembers.map((m) => ({
      key: m.organizationId,
      label: language === 'en' ? m.nameEn : m.nameBg,
      values: {
        items: m.items,
        bookings: m.bookings,
        conversations: m.conversations,
        partnerships: m.partnerships,
        total: m.total,
      },
    })),
  };
  return (
    <ChartFigure
      title={t('committee.cooperation.activeMembers')}
      table={table}
      empty={data.activeMembers.length === 0 ? t('committee.cooperation.noActiveMembers') : undefined}
    >
      <BarChart
        h={Math.max(200, data.activeMembers.length * 52 + 40)}
        data={shortLabels(table.rows.map((r) => ({ label: r.label, ...r.values })))}
        dataKey="label"
        type="stacked"
        orientation="vertical"
        yAxisProps={{ width: AREA_AXIS_WIDTH }}
        xAxisProps={{ allowDecimals: false }}
        series={[
          { name: 'items', label: t('committee.cooperation.items'), color: 'blue.6' },
          { name: 'bookings', label: t('committee.cooperation.bookings'), color: 'red.6' },
          { name: 'conversations', label: t('committee.cooperation.conversations'), color: 'indigo.6' },
          { name: 'partnerships', label: t('committee.cooperation.partnerships'), color: 'green.7' },
        ]}
        withLegend
      />
    </ChartFigure>
  );
}

function UnansweredRequests({ data }: { data: CooperationOverview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="unanswered-requests">
      <Title order={2} size="h4" id="unanswered-requests">
        {t('committee.cooperation.unanswered')} ({formatNumber(data.unansweredRequests.length, language)})
      </Title>
      <Text c="dimmed" size="sm" mb="xs">
        {t('committee.cooperation.unansweredIntro')}
      </Text>
      {data.unansweredRequests.length === 0 ? (
        <Text>{t('committee.cooperation.noUnanswered')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped aria-labelledby="unanswered-requests">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('committee.cooperation.request')}</Table.Th>
                <Table.Th scope="col">{t('committee.cooperation.organization')}</Table.Th>
                <Table.Th scope="col">{t('committee.cooperation.publishedOn')}</Table.Th>
                <Table.Th scope="col">{t('committee.cooperation.validUntil')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.unansweredRequests.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{(language === 'en' ? r.titleEn : r.titleBg) || r.titleBg || r.titleEn}</Table.Td>
                  <Table.Td>{language === 'en' ? r.organizationNameEn : r.organizationNameBg}</Table.Td>
                  <Table.Td>{formatDate(todayInSofia(new Date(r.publishedAt)), language)}</Table.Td>
                  <Table.Td>{r.validUntil ? formatDate(r.validUntil, language) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
