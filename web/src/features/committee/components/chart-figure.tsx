import { Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';

export interface ChartTable {
  /** The row header column's title (month, area, member). */
  rowHeader: string;
  columns: { key: string; label: string }[];
  rows: { key: string; label: string; values: Record<string, number> }[];
}

/**
 * A chart with a title and its numbers as a table: the drawing is hidden from assistive technology, the
 * table (visually hidden, captioned with the title) carries the same data for screen readers and tests.
 */
export function ChartFigure({
  title,
  table,
  empty,
  children,
}: {
  title: string;
  table: ChartTable;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: string | undefined;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" component="figure" m={0} aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {empty ? (
          <Text c="dimmed">{empty}</Text>
        ) : (
          <div aria-hidden="true" style={{ minWidth: 0 }}>
            {children}
          </div>
        )}
        <VisuallyHidden>
          <Table>
            <caption>{title}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{table.rowHeader}</Table.Th>
                {table.columns.map((c) => (
                  <Table.Th key={c.key} scope="col">
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
                    <Table.Td key={c.key}>{r.values[c.key] ?? 0}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </VisuallyHidden>
      </Stack>
    </Paper>
  );
}
