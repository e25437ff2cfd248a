import { Anchor, Button, Group, Input, List, Stack, Text, Textarea, Title } from '@mantine/core';
import {
  IMPORT_COLUMNS,
  IMPORT_MAX_ROWS,
  IMPORT_REQUIRED_COLUMNS,
  type ImportResult,
  parseImportErrorPath,
} from '@portal/shared';
import type { TFunction } from 'i18next';
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminNav } from '@/components/admin-nav.tsx';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { MemberExportButton } from '@/components/member-export-button.tsx';
import { usePageTitle } from '@/components/page-title.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { Section } from '@/components/section.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { IMPORT_TEMPLATE_URL, useImportOrganizations } from './import-organizations.ts';

/**
 * /admin/import: administrators load organisations from a CSV file (chosen or pasted). "Check" runs a
 * dry run; "Import" asks first, then imports all or nothing. A bad file's errors are listed by line.
 */
export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.import.title'));
  const optional = IMPORT_COLUMNS.filter((c) => !IMPORT_REQUIRED_COLUMNS.includes(c));
  return (
    <Stack gap="lg">
      <AdminNav />
      <div>
        <Title order={1}>{t('admin.import.title')}</Title>
        <Text c="dimmed" mt="xs">
          {t('admin.import.intro')}
        </Text>
      </div>
      <Section id="columns" title={t('admin.import.columnsTitle')}>
        <Text size="sm">
          {t('admin.import.columnsRequired', { columns: IMPORT_REQUIRED_COLUMNS.join(', ') })}
        </Text>
        <Text size="sm">{t('admin.import.columnsOptional', { columns: optional.join(', ') })}</Text>
        <Text size="sm">{t('admin.import.columnsRules', { rows: IMPORT_MAX_ROWS })}</Text>
        <Anchor href={IMPORT_TEMPLATE_URL} download size="sm">
          {t('admin.import.template')}
        </Anchor>
      </Section>
      <ImportForm />
      <Section id="export" title={t('admin.import.exportTitle')}>
        <MemberExportButton hint />
      </Section>
    </Stack>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const fileId = useId();
  const run = useImportOrganizations();
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [inputError, setInputError] = useState('');
  const [outcome, setOutcome] = useState<{ result: ImportResult } | null>(null);
  const [confirming, setConfirming] = useState(false);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.currentTarget.files?.[0] ?? null);
    setOutcome(null);
    setInputError('');
    run.reset();
  };

  /** The CSV to send: the chosen file's text, else the pasted text. */
  const readInput = async (): Promise<string | null> => {
    if (file) {
      try {
        return await file.text();
      } catch {
        setInputError(t('admin.import.readError'));
        return null;
      }
    }
    if (pasted.trim()) return pasted;
    setInputError(t('admin.import.noInput'));
    return null;
  };

  const submit = async (dryRun: boolean) => {
    setInputError('');
    setOutcome(null);
    const csv = await readInput();
    if (csv === null) {
      setConfirming(false);
      return;
    }
    run.mutate(
      { csv, dryRun },
      {
        onSuccess: (result) => {
          setOutcome({ result });
          setConfirming(false);
        },
        onError: () => setConfirming(false),
      },
    );
  };

  const errors = isApiError(run.error, 400) ? run.error.fieldErrors : [];
  const status = outcome
    ? outcome.result.dryRun
      ? t('admin.import.checked', { count: outcome.result.rows })
      : t('admin.import.imported', { count: outcome.result.imported })
    : '';

  return (
    <Section id="import" title={t('admin.import.formTitle')}>
      <Stack gap="md">
        <Input.Wrapper id={fileId} label={t('admin.import.fileLabel')}>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            onChange={choose}
            disabled={run.isPending}
            style={{ display: 'block', marginTop: 'var(--mantine-spacing-xs)', maxWidth: '100%' }}
          />
        </Input.Wrapper>
        <Textarea
          label={t('admin.import.pasteLabel')}
          value={pasted}
          onChange={(event) => {
            setPasted(event.currentTarget.value);
            setOutcome(null);
            run.reset();
          }}
          disabled={file !== null || run.isPending}
          rows={6}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        {inputError ? (
          <Text size="sm" c="red.8" role="alert">
            {inputError}
          </Text>
        ) : null}
        <Group gap="sm">
          <Button variant="default" onClick={() => void submit(true)} loading={run.isPending && !confirming}>
            {t('admin.import.check')}
          </Button>
          <Button onClick={() => setConfirming(true)} disabled={run.isPending}>
            {t('admin.import.import')}
          </Button>
        </Group>
        <Text size="sm" c="teal.9" role="status">
          {status}
        </Text>
        {run.isError ? (
          <ProblemAlert
            error={run.error}
            title={errors.length > 0 ? t('admin.import.errorsTitle') : undefined}
          >
            {errors.length > 0 ? (
              <Stack gap="xs">
                {isApiError(run.error) && run.error.detail ? <Text size="sm">{run.error.detail}</Text> : null}
                <List size="sm" spacing={4} aria-label={t('admin.import.errorsTitle')}>
                  {errors.map((e) => (
                    <List.Item key={`${e.path} ${e.message}`}>
                      <Text span fw={600} size="sm">
                        {errorPlace(t, e.path)}
                      </Text>
                      {': '}
                      {e.message}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            ) : undefined}
          </ProblemAlert>
        ) : null}
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('admin.import.confirmTitle')}
        text={t('admin.import.confirmText')}
        confirmLabel={t('admin.import.confirm')}
        pending={run.isPending}
        error={null}
        onConfirm={() => void submit(false)}
        onClose={() => setConfirming(false)}
      />
    </Section>
  );
}

/** `line 7 › eik` → "Ред 7, колона eik" (any other path as it is). */
function errorPlace(t: TFunction, path: string): string {
  const place = parseImportErrorPath(path);
  if (!place) return path;
  return place.column
    ? t('admin.import.lineColumn', { line: place.line, column: place.column })
    : t('admin.import.line', { line: place.line });
}
