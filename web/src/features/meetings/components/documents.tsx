import { Anchor, Button, Card, Group, Input, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { agendaOpen, MAX_DOCUMENT_BYTES, type Meeting, type MeetingDocument } from '@portal/shared';
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { useRemoveMeetingDocument, useUploadMeetingDocument } from '../api/meetings.ts';

const MAX_MB = MAX_DOCUMENT_BYTES / 1024 / 1024;

/**
 * A meeting's documents (decision 041): PDFs for the whole meeting or one agenda item. Officers upload
 * (checked here first, and by the server again: its field errors show under the file field) and delete
 * after a confirmation while the agenda is open.
 */
export function Documents({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const editable = meeting.mayManage && agendaOpen(meeting.status);
  const upload = useUploadMeetingDocument(meeting.id);
  const remove = useRemoveMeetingDocument(meeting.id);
  const [agendaItemId, setAgendaItemId] = useState('');
  const [fileError, setFileError] = useState<string>();
  const [status, setStatus] = useState('');
  const [removing, setRemoving] = useState<MeetingDocument>();
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const inputId = useId();
  const itemNumber = new Map(meeting.agenda.map((item, index) => [item.id, index + 1]));

  const serverErrors = upload.isError && isApiError(upload.error) ? upload.error.fieldErrors : [];
  const serverError =
    serverErrors.length > 0
      ? serverErrors.map((e) => e.message).join(' ')
      : isApiError(upload.error, 413)
        ? t('meetings.docs.tooLargeServer', { size: MAX_MB })
        : isApiError(upload.error, 415)
          ? upload.error.title
          : undefined;
  const uploadError = fileError ?? serverError;
  const refusedByServer = serverError !== undefined;
  useEffect(() => {
    if (refusedByServer) input.current?.focus();
  }, [refusedByServer]);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const field = event.currentTarget;
    const file = field.files?.[0];
    field.value = '';
    if (!file || upload.isPending) return;
    upload.reset();
    const pdf = /pdf$/i.test(file.type) || (file.type === '' && /\.pdf$/i.test(file.name));
    const refused = !pdf
      ? t('meetings.docs.notPdf', { name: file.name })
      : file.size > MAX_DOCUMENT_BYTES
        ? t('meetings.docs.tooLarge', { name: file.name, size: MAX_MB })
        : undefined;
    setFileError(refused);
    if (refused) {
      setStatus('');
      field.focus();
      return;
    }
    setStatus(t('meetings.docs.uploading', { name: file.name }));
    upload.mutate(
      { file, agendaItemId: agendaItemId || null },
      {
        onSuccess: (doc) => setStatus(t('meetings.docs.uploaded', { name: doc.filename })),
        onError: () => setStatus(''),
      },
    );
  };

  return (
    <Stack component="section" aria-labelledby="meeting-documents" gap="sm">
      <Title order={2} id="meeting-documents" ref={heading} tabIndex={-1}>
        {t('meetings.documents')}
      </Title>
      <Text role="status" size="sm" c="dimmed" aria-live="polite">
        {status}
      </Text>
      {meeting.documents.length === 0 ? (
        <Text c="dimmed">{t('meetings.documentsEmpty')}</Text>
      ) : (
        <List spacing="xs">
          {meeting.documents.map((d) => {
            const n = d.agendaItemId ? itemNumber.get(d.agendaItemId) : undefined;
            return (
              <List.Item key={d.id}>
                <Group gap="xs" wrap="wrap">
                  <Anchor
                    href={`/api/meetings/${meeting.id}/documents/${d.id}`}
                    style={{ wordBreak: 'break-all' }}
                  >
                    {d.filename}
                  </Anchor>
                  {n ? (
                    <Text size="sm" c="dimmed">
                      {t('meetings.docs.ofItem', { n })}
                    </Text>
                  ) : null}
                  {editable ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setRemoving(d)}
                      aria-label={`${t('meetings.docs.remove')}: ${d.filename}`}
                    >
                      {t('meetings.docs.remove')}
                    </Button>
                  ) : null}
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
      {editable ? (
        <Card withBorder p="sm">
          <Stack gap="xs">
            <Text fw={600}>{t('meetings.upload')}</Text>
            {upload.error && !uploadError ? <ProblemAlert error={upload.error} /> : null}
            {meeting.agenda.length > 0 ? (
              <NativeSelect
                label={t('meetings.docs.forItem')}
                value={agendaItemId}
                onChange={(e) => setAgendaItemId(e.currentTarget.value)}
                data={[
                  { value: '', label: t('meetings.docs.wholeMeeting') },
                  ...meeting.agenda.map((item, index) => ({
                    value: item.id,
                    label: `${index + 1}. ${pickLocalized(item.titleBg, item.titleEn, language).text}`,
                  })),
                ]}
              />
            ) : null}
            <Input.Wrapper
              id={inputId}
              label={t('meetings.docs.file')}
              description={t('meetings.docs.fileHint', { size: MAX_MB })}
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
      ) : null}
      <ConfirmModal
        opened={removing !== undefined}
        title={t('meetings.docs.removeTitle')}
        text={removing ? t('meetings.docs.removeText', { name: removing.filename }) : ''}
        confirmLabel={t('meetings.docs.remove')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              setRemoving(undefined);
              setStatus(t('meetings.docs.removed'));
              heading.current?.focus();
            },
          })
        }
        onClose={() => {
          setRemoving(undefined);
          remove.reset();
        }}
      />
    </Stack>
  );
}
