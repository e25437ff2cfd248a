import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { AreaCoverage, Dashboard, DashboardSeries, PublicDashboard } from '@portal/shared';
import { useTranslation } from 'react-i18next';
import { formatMonth, formatNumber, formatPercent } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { DashboardChart, type DashboardTable } from './dashboard-chart.tsx';

function Kpi({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} data-kpi={label}>
        {value}
      </Text>
      {detail ? (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      ) : null}
    </Paper>
  );
}

/** The charts both dashboards share, and the committee's funnel and fees when `full` is given. */
export function DashboardSections({ data, full }: { data: PublicDashboard; full?: Dashboard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const n = (v: number) => formatNumber(v, language);
  const months = data.months.map((m) => ({ key: m, label: formatMonth(m, language) }));
  const areaName = (id: string) => {
    const a = data.coverage.find((x) => x.id === id);
    return a ? (language === 'en' ? a.nameEn : a.nameBg) : id;
  };
  const monthTable = (
    columns: { key: string; label: string }[],
    value: (key: string, i: number) => number,
  ) => ({
    rowHeader: t('dashboard.month'),
    columns,
    rows: months.map((m, i) => ({
      key: m.key,
      label: m.label,
      values: Object.fromEntries(columns.map((c) => [c.key, value(c.key, i)])),
    })),
  });
  const seriesTable = (series: DashboardSeries[], label: (key: string) => string): DashboardTable =>
    monthTable(
      series.map((s) => ({ key: s.key, label: label(s.key) })),
      (key, i) => series.find((s) => s.key === key)?.counts[i] ?? 0,
    );
  const sizeLabel = (key: string) =>
    key === 'unknown' ? t('dashboard.unknownSize') : t(`size.${key as 'micro'}`);
  const kindLabel = (key: string) => t(`kind.${key as 'company'}`);
  const empty = (table: DashboardTable) => (table.columns.length === 0 ? t('dashboard.empty') : undefined);

  const totalTable = monthTable(
    [{ key: 'total', label: t('dashboard.series.total') }],
    (_k, i) => data.members.total[i] ?? 0,
  );
  const kindTable = seriesTable(data.members.kind, kindLabel);
  const sizeTable = seriesTable(data.members.sizeClass, sizeLabel);
  const areaTable = seriesTable(data.members.area, areaName);
  const activityKeys = ['items', 'bookings', 'conversations', 'partnerships'] as const;
  const activityTable = monthTable(
    activityKeys.map((k) => ({ key: k, label: t(`dashboard.series.${k}`) })),
    (key, i) => data.cooperation[key as (typeof activityKeys)[number]][i] ?? 0,
  );
  const coverageTable: DashboardTable = {
    rowHeader: t('dashboard.area'),
    columns: [
      { key: 'members', label: t('dashboard.series.members') },
      { key: 'thin', label: t('dashboard.series.thin') },
    ],
    rows: data.coverage.map((a: AreaCoverage) => ({
      key: a.id,
      label: a.parentId ? `— ${areaName(a.id)}` : areaName(a.id),
      values: { members: a.members, thin: a.thin ? t('dashboard.series.yes') : t('dashboard.series.no') },
    })),
  };
  const thin = data.coverage.filter((a) => a.thin);
  const membersNow = data.members.total.at(-1) ?? 0;

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 2, md: full ? 4 : 3 }} spacing="md">
        <Kpi
          label={t('dashboard.kpi.members')}
          value={n(membersNow)}
          detail={t('dashboard.members', { count: membersNow })}
        />
        <Kpi
          label={t('dashboard.kpi.sme')}
          value={data.sme.share === null ? '—' : formatPercent(data.sme.share, language)}
          detail={
            data.sme.share === null
              ? t('dashboard.kpi.noMembers')
              : t('dashboard.kpi.smeDetail', { sme: n(data.sme.sme), members: n(data.sme.members) })
          }
        />
        {full ? (
          <Kpi
            label={t('dashboard.kpi.median')}
            value={
              full.funnel.medianDaysToDecision === null
                ? '—'
                : t('dashboard.days', {
                    count: full.funnel.medianDaysToDecision,
                    n: n(full.funnel.medianDaysToDecision),
                  })
            }
            detail={`${t('dashboard.kpi.open')}: ${n(full.funnel.openNow)}`}
          />
        ) : null}
        <Kpi
          label={t('dashboard.kpi.thin')}
          value={n(thin.length)}
          detail={thin
            .slice(0, 4)
            .map((a) => areaName(a.id))
            .join(', ')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <DashboardChart
          title={t('dashboard.charts.total')}
          table={totalTable}
          kind="line"
          csvName="members.csv"
        />
        {full ? (
          <DashboardChart
            title={t('dashboard.charts.category')}
            table={seriesTable(full.members.category, (k) => t(`category.${k as 'regular'}`))}
            kind="stacked"
            csvName="members-by-category.csv"
            empty={empty(seriesTable(full.members.category, (k) => k))}
          />
        ) : null}
        <DashboardChart
          title={t('dashboard.charts.kind')}
          table={kindTable}
          kind="stacked"
          csvName="members-by-kind.csv"
          empty={empty(kindTable)}
        />
        <DashboardChart
          title={t('dashboard.charts.sizeClass')}
          table={sizeTable}
          kind="stacked"
          csvName="members-by-size.csv"
          empty={empty(sizeTable)}
        />
        <DashboardChart
          title={t('dashboard.charts.area')}
          table={areaTable}
          kind="line"
          csvName="members-by-theme.csv"
          empty={empty(areaTable)}
        />
        {full ? <FunnelChart data={full} monthTable={monthTable} /> : null}
        {full ? <FeesCharts data={full} /> : null}
        <DashboardChart
          title={t('dashboard.charts.cooperation')}
          table={activityTable}
          kind="line"
          csvName="cooperation.csv"
        />
      </SimpleGrid>
      <DashboardChart
        title={t('dashboard.charts.coverage')}
        table={coverageTable}
        kind="horizontal"
        csvName="coverage.csv"
        height={Math.max(240, data.coverage.length * 26 + 60)}
        empty={data.coverage.length === 0 ? t('dashboard.empty') : undefined}
      />
    </Stack>
  );
}

function FunnelChart({
  data,
  monthTable,
}: {
  data: Dashboard;
  monthTable: (
    columns: { key: string; label: string }[],
    value: (key: string, i: number) => number,
  ) => DashboardTable;
}) {
  const { t } = useTranslation();
  const keys = ['submitted', 'approved', 'rejected'] as const;
  const table = monthTable(
    keys.map((k) => ({ key: k, label: t(`dashboard.series.${k}`) })),
    (key, i) => data.funnel[key as (typeof keys)[number]][i] ?? 0,
  );
  return (
    <Stack gap={4}>
      <DashboardChart
        title={t('dashboard.charts.funnel')}
        table={table}
        kind="bar"
        csvName="applications.csv"
      />
      <Group>
        <Text size="sm" c="dimmed">
          {t('dashboard.funnelTotals', {
            submitted: data.funnel.submittedTotal,
            approved: data.funnel.approvedTotal,
            rejected: data.funnel.rejectedTotal,
            withdrawn: data.funnel.withdrawnTotal,
          })}
        </Text>
      </Group>
    </Stack>
  );
}

/** Fee collection in two charts: the amounts in euros, and the members as counts (never on one axis). */
function FeesCharts({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const rows = (values: (f: Dashboard['fees'][number]) => Record<string, number>) =>
    data.fees.map((f) => ({ key: String(f.year), label: String(f.year), values: values(f) }));
  const amounts: DashboardTable = {
    rowHeader: t('dashboard.year'),
    columns: [
      { key: 'due', label: t('dashboard.series.dueEur') },
      { key: 'paid', label: t('dashboard.series.paidEur') },
    ],
    // Euros with their cents: the chart, its table and the CSV show the amounts as the fee pages do.
    rows: rows((f) => ({ due: f.dueCents / 100, paid: f.paidCents / 100 })),
  };
  const members: DashboardTable = {
    rowHeader: t('dashboard.year'),
    columns: [
      { key: 'members', label: t('dashboard.series.owingMembers') },
      { key: 'paidMembers', label: t('dashboard.series.paidMembers') },
    ],
    rows: rows((f) => ({ members: f.members, paidMembers: f.paidMembers })),
  };
  return (
    <>
      <DashboardChart
        title={t('dashboard.charts.feesAmounts')}
        table={amounts}
        kind="bar"
        unit="eur"
        csvName="fees-amounts.csv"
      />
      <DashboardChart
        title={t('dashboard.charts.feesMembers')}
        table={members}
        kind="bar"
        csvName="fees-members.csv"
      />
    </>
  );
}
