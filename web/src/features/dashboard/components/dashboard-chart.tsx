import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Button, ColorSwatch, Group, Text, useMantineTheme, useMatches } from '@mantine/core';
import { CSV_BOM, csvLine } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure, type ChartTable } from '@/components/chart-figure.tsx';
import { formatMoney, formatNumber } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';

/** Distinguishable Mantine colours for the series, in order. */
export const PALETTE = [
  'blue.6',
  'teal.6',
  'orange.6',
  'grape.6',
  'red.6',
  'yellow.7',
  'indigo.6',
  'green.7',
  'pink.6',
  'cyan.7',
  'lime.7',
  'gray.6',
];

/** A dashboard chart's numbers: the shared chart table (a text column, e.g. the "thin" flag, is allowed). */
export type DashboardTable = ChartTable;

export type ChartKind = 'line' | 'bar' | 'stacked' | 'horizontal';

/** What a chart's numbers are: counts (whole numbers) or amounts in euros (the table holds euros). */
export type ChartUnit = 'count' | 'eur';

/** The table as CSV (UTF-8 with a byte-order mark, for spreadsheets): the header row, then one row per row. */
export function tableCsv(table: DashboardTable): string {
  return (
    CSV_BOM +
    [
      csvLine([table.rowHeader, ...table.columns.map((c) => c.label)]),
      ...table.rows.map((r) => csvLine([r.label, ...table.columns.map((c) => r.values[c.key] ?? 0)])),
    ].join('')
  );
}

function downloadCsv(name: string, table: DashboardTable): void {
  const url = URL.createObjectURL(new Blob([tableCsv(table)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * A chart with its title, its data as a table (a toggle shows it instead of the drawing; screen readers and
 * the printed report always have it) and a CSV download of the same table.
 */
export function DashboardChart({
  title,
  table,
  kind,
  csvName,
  empty,
  height = 280,
  unit = 'count',
}: {
  title: string;
  table: DashboardTable;
  kind: ChartKind;
  /** The downloaded file's name, e.g. `members-by-kind.csv`. */
  csvName: string;
  empty?: string | undefined;
  height?: number;
  unit?: ChartUnit;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const theme = useMantineTheme();
  // Long area names beside a horizontal chart's bars take less room on a phone.
  const labelWidth = useMatches({ base: 130, sm: 220 });
  const [asTable, setAsTable] = useState(false);
  // A horizontal chart's long area names are shortened to one line beside their bars (the table has them
  // whole); recharts would wrap a longer one over its neighbours, at a phone's width over several.
  const maxChars = Math.floor(labelWidth / 8);
  const shorten = (label: string) =>
    kind === 'horizontal' && label.length > maxChars ? `${label.slice(0, maxChars - 1)}…` : label;
  const data = table.rows.map((r) => ({ label: shorten(r.label), ...r.values }));
  // Text columns (a "thin" flag) are in the table and the CSV, not in the drawing.
  const numeric = table.columns.filter((c) =>
    table.rows.every((r) => typeof (r.values[c.key] ?? 0) === 'number'),
  );
  const series = numeric.map((c, i) => ({
    name: c.key,
    label: c.label,
    color: PALETTE[i % PALETTE.length] as string,
  }));
  const format = (v: number) =>
    unit === 'eur' ? formatMoney(Math.round(v * 100), language) : formatNumber(v, language);
  // The legend is drawn below the chart, outside its height, and wraps: a long legend never squeezes the
  // drawing (recharts' own legend takes its room from the plot, at a phone's width most of it).
  const common = {
    h: height,
    data,
    dataKey: 'label',
    series,
    withLegend: false,
    valueFormatter: format,
  };
  const valueAxis = {
    allowDecimals: unit === 'eur',
    tickFormatter: (v: number) => format(v),
    ...(unit === 'eur' ? { width: 90 } : {}),
  };
  const chart =
    kind === 'line' ? (
      <LineChart {...common} yAxisProps={valueAxis} />
    ) : kind === 'horizontal' ? (
      <BarChart
        {...common}
        orientation="vertical"
        yAxisProps={{ width: labelWidth }}
        xAxisProps={valueAxis}
      />
    ) : (
      <BarChart
        {...common}
        {...(kind === 'stacked' ? { type: 'stacked' as const } : {})}
        yAxisProps={valueAxis}
      />
    );
  const legend =
    series.length > 1 ? (
      <Group gap="md" wrap="wrap" mt="xs" className="dashboard-legend">
        {series.map((s) => {
          const [name, shade] = s.color.split('.');
          return (
            <Group key={s.name} gap={6} wrap="nowrap">
              <ColorSwatch
                size={12}
                color={theme.colors[name as string]?.[Number(shade)] ?? s.color}
                withShadow={false}
              />
              <Text size="sm">{s.label}</Text>
            </Group>
          );
        })}
      </Group>
    ) : null;
  const value = (v: number | string | undefined) => (typeof v === 'number' ? format(v) : (v ?? format(0)));

  return (
    <ChartFigure
      title={title}
      table={table}
      empty={empty}
      showTable={asTable}
      formatValue={value}
      className="dashboard-figure"
      actions={
        <>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => setAsTable((x) => !x)}
            aria-pressed={asTable}
          >
            {asTable ? t('dashboard.showChart') : t('dashboard.showTable')}
          </Button>
          <Button size="compact-sm" variant="light" onClick={() => downloadCsv(csvName, table)}>
            {t('dashboard.downloadCsv')}
          </Button>
        </>
      }
    >
      <div className="dashboard-chart" data-chart={csvName}>
        {chart}
        {legend}
      </div>
    </ChartFigure>
  );
}
