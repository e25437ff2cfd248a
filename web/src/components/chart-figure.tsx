import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';

/** A chart's numbers as a table: one row per month, area or member, one column per series. */
export interface ChartTable {
  /** The row header column's title (month, area, member). */
  rowHeader: string;
  columns: { key: string; label: string }[];
  rows: { key: string; label: string; values: Record<string, number | string> }[];
}

/**
 * A chart with a title and its numbers as a table, for the committee's pages and the dashboard alike: the
 * drawing is hidden from assistive technology; the table (captioned with the title) carries the same data
 * for screen readers, tests and print, visually hidden unless `showTable` shows it instead of the drawing.
 */
export function ChartFigure({
  title,
  table,
  empty,
  actions,
  showTable = false,
  formatValue = (v) => String(v ?? 0),
  className,
  children,
}: {
  title: string;
  table: ChartTable;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: string | undefined;
  /** Beside the title (e.g. a table toggle, a download); not printed. */
  actions?: ReactNode;
  /** The table in place of the drawing. */
  showTable?: boolean;
  /** How a cell's value is written (a number formatted in the reader's language, say). */
  formatValue?: (value: number | string | undefined) => string;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  const heading = (
    <Title order={2} size="h4" id={id}>
      {title}
    </Title>
  );
  return (
    <Paper withBorder p="md" radius="md" component="figure" m={0} aria-labelledby={id} className={className}>
      <Stack gap="sm">
        {actions ? (
          <Group justify="space-between" align="flex-start" gap="xs">
            {heading}
            <Group gap="xs" className="no-print">
              {actions}
            </Group>
          </Group>
        ) : (
          heading
        )}
        {empty ? <Text c="dimmed">{empty}</Text> : null}
        {!empty && !showTable ? (
          <div aria-hidden="true" style={{ minWidth: 0 }}>
            {children}
          </div>
        ) : null}
        <div className={showTable ? 'chart-table' : 'chart-table visually-hidden-table'}>
          <Table.ScrollContainer minWidth={300}>
            <Table striped>
              <caption className="visually-hidden-caption">{title}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{table.rowHeader}</Table.Th>
                  {table.columns.map((c) => (
                    <Table.Th key={c.key} scope="col" style={{ textAlign: 'right' }}>
                      {c.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {table.rows.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Th scope="row">{r.label}</Table.Th>
                    {table.columns.map((c) => (
                      <Table.Td key={c.key} style={{ textAlign: 'right' }}>
                        {formatValue(r.values[c.key])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      </Stack>
    </Paper>
  );
}
