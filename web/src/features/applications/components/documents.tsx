import { Alert, Anchor, Button, Card, Group, Input, NativeSelect, Stack, Text, Title } from '@mantine/core';
import {
  type Application,
  DOCUMENT_KINDS,
  type DocumentInfo,
  type DocumentKind,
  type Language,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENTS,
} from '@portal/shared';
import type { TFunction } from 'i18next';
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { documentUrl } from '@/lib/api/applications.ts';
import { isApiError } from '@/lib/api-client.ts';
import { formatDateTime } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { useDeleteDocument, useUploadDocument } from '../api/applications.ts';
import { StepButtons, type StepProps } from './section-step.tsx';

const MAX_MB = MAX_DOCUMENT_BYTES / 1024 / 1024;
const locales: Record<Language, string> = { bg: 'bg-BG', en: 'en-GB' };

export function formatSize(bytes: number, language: Language, t: TFunction): string {
  const number = (value: number) =>
    new Intl.NumberFormat(locales[language], { maximumFractionDigits: 1 }).format(value);
  return bytes < 1024 * 1024
    ? t('apply.documents.kb', { value: number(Math.max(1, Math.round(bytes / 1024))) })
    : t('apply.documents.mb', { value: number(bytes / 1024 / 1024) });
}

/** Why a chosen file cannot be attached (checked here first; the server checks the content again). */
export function refusal(file: File, count: number, t: TFunction): string | undefined {
  if (count >= MAX_DOCUMENTS) return t('apply.documents.full', { count: MAX_DOCUMENTS });
  const pdf = /pdf$/i.test(file.type) || (file.type === '' && /\.pdf$/i.test(file.name));
  if (!pdf) return t('apply.documents.notPdf', { name: file.name });
  if (file.size > MAX_DOCUMENT_BYTES) return t('apply.documents.tooLarge', { name: file.name, size: MAX_MB });
  return undefined;
}

/** A document's name (a download link) and details. */
export function DocumentLine({
  application,
  document,
}: {
  application: Application;
  document: DocumentInfo;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Anchor
        href={documentUrl(application.id, document.id)}
        download={document.filename}
        aria-label={t('apply.documents.downloadNamed', { name: document.filename })}
        style={{ overflowWrap: 'anywhere' }}
      >
        {document.filename}
      </Anchor>
      <Text size="sm" c="dimmed">
        {t('apply.documents.details', {
          kind: t(`apply.documents.kinds.${document.kind}`),
          size: formatSize(document.size, language, t),
          date: formatDateTime(document.uploadedAt, language),
        })}
      </Text>
    </Stack>
  );
}

/** The documents step: the attached PDFs (download, remove after confirmation) and an upload field. */
export function DocumentsStep({ application, onSaved, onBack }: StepProps) {
  const { t } = useTranslation();
  const upload = useUploadDocument(application.id);
  const remove = useDeleteDocument(application.id);
  const publicAuthority = application.data.organization?.kind === 'public_authority';
  const hasDecision = application.documents.some((d) => d.kind === 'council_decision');
  const [kind, setKind] = useState<DocumentKind>(
    publicAuthority && !hasDecision ? 'council_decision' : 'registration_certificate',
  );
  const [fileError, setFileError] = useState<string>();
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState<DocumentInfo>();
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  // The server's field errors ("the file is not a PDF", a bad name) belong under the upload field, not
  // in a general alert that only says "see the field errors" (issue 11 C5).
  const serverFieldErrors = upload.isError && isApiError(upload.error) ? upload.error.fieldErrors : [];
  const uploadError =
    fileError ??
    (serverFieldErrors.length > 0 ? serverFieldErrors.map((e) => e.message).join(' ') : undefined);
  // Once the refused upload has finished (the field is enabled again), the field with its message gets focus.
  const serverRefused = serverFieldErrors.length > 0;
  useEffect(() => {
    if (serverRefused) input.current?.focus();
  }, [serverRefused]);
  const full = application.documents.length >= MAX_DOCUMENTS;

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Clear the field, so choosing the same file again fires a change too.
    input.value = '';
    if (!file || upload.isPending) return;
    upload.reset();
    const refused = refusal(file, application.documents.length, t);
    setFileError(refused);
    if (refused) {
      setStatus('');
      input.focus();
      return;
    }
    setStatus(t('apply.documents.uploading', { name: file.name }));
    upload.mutate(
      { file, kind },
      {
        onSuccess: (document) => setStatus(t('apply.documents.uploaded', { name: document.filename })),
        onError: () => setStatus(''),
      },
    );
  };

  const close = () => {
    setConfirming(undefined);
    remove.reset();
  };
  const confirmRemove = () => {
    if (!confirming) return;
    remove.mutate(confirming.id, {
      onSuccess: () => {
        setConfirming(undefined);
        setStatus(t('apply.documents.deleted'));
        heading.current?.focus();
      },
    });
  };

  return (
    <Stack gap="md">
      <Text c="dimmed">{t('apply.documents.intro', { count: MAX_DOCUMENTS, size: MAX_MB })}</Text>
      {publicAuthority && !hasDecision ? (
        <Alert color="yellow">{t('apply.documents.councilDecisionNeeded')}</Alert>
      ) : null}
      <Title order={3} size="h4" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        {t('apply.documents.list')}
      </Title>
      {application.documents.length === 0 ? (
        <Text c="dimmed">{t('apply.documents.empty')}</Text>
      ) : (
        <Stack component="ul" className="plain-list" gap="sm">
          {application.documents.map((document) => (
            <Card component="li" withBorder padding="sm" key={document.id}>
              <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
                <DocumentLine application={application} document={document} />
                <Button
                  variant="light"
                  color="red"
                  size="compact-sm"
                  // Never shrunk by a long file name (the label was cut on a phone); the name wraps instead.
                  style={{ flex: 'none' }}
                  aria-label={t('apply.documents.deleteNamed', { name: document.filename })}
                  onClick={() => {
                    setStatus('');
                    setConfirming(document);
                  }}
                >
                  {t('apply.documents.delete')}
                </Button>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <Text size="sm" c="teal.9" role="status">
        {status}
      </Text>
      {upload.isError && serverFieldErrors.length === 0 ? <ProblemAlert error={upload.error} /> : null}
      {full ? (
        <Text size="sm">{t('apply.documents.full', { count: MAX_DOCUMENTS })}</Text>
      ) : (
        <Card withBorder padding="md">
          <Stack gap="sm">
            <NativeSelect
              label={t('apply.documents.kind')}
              data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`apply.documents.kinds.${k}`) }))}
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value as DocumentKind)}
            />
            <Input.Wrapper
              id={inputId}
              label={t('apply.documents.file')}
              description={t('apply.documents.fileHint')}
              error={uploadError}
            >
              <input
                ref={input}
                id={inputId}
                type="file"
                accept="application/pdf,.pdf"
                onChange={choose}
                disabled={upload.isPending}
                aria-invalid={uploadError ? true : undefined}
                aria-describedby={`${inputId}-description${uploadError ? ` ${inputId}-error` : ''}`}
                style={{ display: 'block', marginTop: 'var(--mantine-spacing-xs)', maxWidth: '100%' }}
              />
            </Input.Wrapper>
          </Stack>
        </Card>
      )}
      <StepButtons onBack={onBack} onNext={onSaved} nextLabel={t('apply.form.continue')} />
      <ConfirmModal
        opened={confirming !== undefined}
        title={t('apply.documents.confirmTitle')}
        text={confirming ? t('apply.documents.confirmText', { name: confirming.filename }) : ''}
        confirmLabel={t('apply.documents.confirm')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={confirmRemove}
        onClose={close}
      />
    </Stack>
  );
}
