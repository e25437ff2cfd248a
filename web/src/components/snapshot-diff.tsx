import { Code, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldLabel, formatValue } from '@/lib/audit-labels.ts';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Equal, counting "absent", null, '' and [] as the same (a new record's empty roles did not change). */
const same = (a: unknown, b: unknown) =>
  (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);

interface SnapshotDiffProps {
  before: unknown;
  after: unknown;
  /** A field's name for people; the audit's user fields by default. */
  labelOf?: (field: string) => string;
  /** A field's value as text; the audit's formatting by default. */
  format?: (field: string, value: unknown) => string;
  /** Only the fields that changed, and the raw JSON only when the table cannot show the data. */
  changedOnly?: boolean;
}

/**
 * An audit event's before and after snapshots, field by field, with the changed fields first and marked
 * (in words, not only by colour); the raw JSON below for anything the table cannot say. Other features
 * reuse it with their own field labels and formatting.
 */
export function SnapshotDiff({ before, after, labelOf, format, changedOnly = false }: SnapshotDiffProps) {
  const { t } = useTranslation();
  const label = labelOf ?? ((field: string) => fieldLabel(t, field));
  const show = format ?? ((field: string, value: unknown) => formatValue(t, field, value));
  const hasData = (before !== null && before !== undefined) || (after !== null && after !== undefined);
  if (!hasData) return <Text size="sm">{t('admin.audit.noChanges')}</Text>;

  const comparable = (isRecord(before) || before == null) && (isRecord(after) || after == null);
  let table = null;
  if (comparable) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    const rows = fields
      .map((field) => ({ field, changed: !same(b[field], a[field]) }))
      .filter((row) => !changedOnly || row.changed)
      .sort((x, y) => Number(y.changed) - Number(x.changed));
    table =
      rows.length === 0 ? (
        <Text size="sm">{t('admin.audit.sameValues')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table striped withTableBorder layout="fixed" verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.audit.field')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.before')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ field, changed }) => (
                <Table.Tr key={field} fw={changed ? 600 : undefined}>
                  <Table.Th scope="row" fw="inherit">
                    <Stack gap={2} align="flex-start">
                      <span>{label(field)}</span>
                      {changed ? (
                        <Text component="span" size="xs" c="indigo.9" fw={700}>
                          {t('admin.audit.changed')}
                        </Text>
                      ) : (
                        <VisuallyHidden>{t('admin.audit.unchanged')}</VisuallyHidden>
                      )}
                    </Stack>
                  </Table.Th>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{show(field, b[field])}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{show(field, a[field])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      );
  }

  return (
    <Stack gap="sm">
      {table}
      {changedOnly && comparable ? null : (
        <details open={!comparable}>
          <summary>{t('admin.audit.rawJson')}</summary>
          <Code block mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {JSON.stringify({ before: before ?? null, after: after ?? null }, null, 2)}
          </Code>
        </details>
      )}
    </Stack>
  );
}
