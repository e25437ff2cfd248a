import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { MinutesRevision, MinutesView } from '@portal/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/confirm-modal.tsx';
import { Markdown } from '@/components/markdown.tsx';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { formatDateTime } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import '@/i18n/minutes.ts';
import {
  fetchPrefill,
  minutesPdfUrl,
  useApprove,
  useComment,
  useMinutes,
  useSaveDraft,
} from '../api/minutes.ts';

/**
 * A meeting's minutes (decision 045): the approved revisions (newest first, as Markdown, with PDF links and
 * print), and for the meeting's people the draft with its comments; officers edit the draft (starting from
 * the meeting's record), the chair approves after a confirmation.
 */
export function MinutesPanel({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const query = useMinutes(meetingId);
  if (query.isPending) return null;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const view = query.data;
  if (!view) return null;
  const approved = view.revisions.filter((r) => r.status === 'approved');
  const draft = view.revisions.find((r) => r.status === 'draft');
  return (
    <Stack component="section" aria-labelledby="minutes-title" gap="sm">
      <Title order={2} id="minutes-title">
        {t('minutes.title')}
      </Title>
      {approved.length === 0 && !draft ? <Text c="dimmed">{t('minutes.none')}</Text> : null}
      {approved[0] ? <ApprovedRevision meetingId={meetingId} revision={approved[0]} /> : null}
      {approved.length > 1 ? (
        <Accordion variant="separated">
          <Accordion.Item value="earlier">
            <Accordion.Control>{t('minutes.earlier')}</Accordion.Control>
            <Accordion.Panel>
              <Stack>
                {approved.slice(1).map((r) => (
                  <ApprovedRevision key={r.id} meetingId={meetingId} revision={r} />
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      ) : null}
      {draft || view.may.draft ? <DraftEditor meetingId={meetingId} view={view} draft={draft} /> : null}
      {draft ? <Comments meetingId={meetingId} view={view} /> : null}
    </Stack>
  );
}

export function ApprovedRevision({ meetingId, revision }: { meetingId: string; revision: MinutesRevision }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const english = language === 'en' && revision.textEn !== '';
  const date = revision.approvedAt ? formatDateTime(revision.approvedAt, language) : '';
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Group gap="xs">
          <Badge color="green" variant="light">
            {t('minutes.revision', { revision: revision.revision })}
          </Badge>
          <Text size="sm" c="dimmed">
            {revision.approvedBy
              ? t('minutes.approvedBy', { name: revision.approvedBy, date })
              : t('minutes.approvedOn', { date })}
          </Text>
        </Group>
        <Group gap="sm" className="no-print">
          <Anchor href={minutesPdfUrl(meetingId, 'bg', revision.revision)} target="_blank" rel="noopener">
            {t('minutes.pdf')}
          </Anchor>
          {revision.textEn ? (
            <Anchor href={minutesPdfUrl(meetingId, 'en', revision.revision)} target="_blank" rel="noopener">
              {t('minutes.pdfEn')}
            </Anchor>
          ) : null}
          <Button variant="subtle" size="compact-sm" onClick={() => window.print()}>
            {t('minutes.print')}
          </Button>
        </Group>
      </Group>
      {revision.correctionReason ? (
        <Alert color="yellow" mb="sm">
          {t('minutes.correction', { reason: revision.correctionReason })}
        </Alert>
      ) : null}
      {language === 'en' && !english ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('minutes.onlyBg')}
        </Text>
      ) : null}
      <Markdown text={english ? revision.textEn : revision.textBg} lang={english ? 'en' : 'bg'} />
    </Paper>
  );
}

function DraftEditor({
  meetingId,
  view,
  draft,
}: {
  meetingId: string;
  view: MinutesView;
  draft?: MinutesRevision;
}) {
  const { t } = useTranslation();
  const save = useSaveDraft(meetingId);
  const approve = useApprove(meetingId);
  const [textBg, setTextBg] = useState(draft?.textBg ?? '');
  const [textEn, setTextEn] = useState(draft?.textEn ?? '');
  const [reason, setReason] = useState(draft?.correctionReason ?? '');
  const [filling, setFilling] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [opened, setOpened] = useState(false);
  const correcting = view.revisions.some((r) => r.status === 'approved');
  const fieldError = (path: string) =>
    isApiError(save.error) ? save.error.fieldErrors.find((e) => e.path === path)?.message : undefined;
  const fill = async () => {
    setFilling(true);
    try {
      const [bg, en] = await Promise.all([fetchPrefill(meetingId, 'bg'), fetchPrefill(meetingId, 'en')]);
      setTextBg(bg);
      setTextEn(en);
    } finally {
      setFilling(false);
    }
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate({
      textBg,
      textEn,
      ...(draft ? { version: draft.version } : {}),
      ...(correcting ? { correctionReason: reason } : {}),
    });
  };
  if (!view.may.draft) {
    // The meeting's members read the draft; only officers edit it.
    return draft ? (
      <Paper withBorder p="md">
        <Badge color="yellow" variant="light" mb="sm">
          {t('minutes.draft')}
        </Badge>
        <Markdown text={draft.textBg} lang="bg" />
        {view.may.approve ? <ApproveButton onApprove={() => setConfirming(true)} /> : null}
        <ConfirmModal
          opened={confirming}
          title={t('minutes.approve.title')}
          text={t('minutes.approve.text')}
          confirmLabel={t('minutes.approve.confirm')}
          tone="neutral"
          pending={approve.isPending}
          error={approve.error}
          onConfirm={() => approve.mutate(draft.version, { onSuccess: () => setConfirming(false) })}
          onClose={() => setConfirming(false)}
        />
      </Paper>
    ) : null;
  }
  if (correcting && !draft && !opened) {
    // Approved minutes are corrected on purpose only: the form opens from a button.
    return (
      <Group>
        <Button variant="light" onClick={() => setOpened(true)}>
          {t('minutes.edit.correct')}
        </Button>
      </Group>
    );
  }
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>
            {draft
              ? t('minutes.edit.title')
              : correcting
                ? t('minutes.edit.correct')
                : t('minutes.edit.start')}
          </Title>
          <Button variant="light" onClick={fill} loading={filling}>
            {t('minutes.edit.prefill')}
          </Button>
        </Group>
        {correcting ? (
          <TextInput
            label={t('minutes.edit.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError('body.correctionReason')}
            required
          />
        ) : null}
        <Textarea
          label={t('minutes.edit.textBg')}
          value={textBg}
          onChange={(e) => setTextBg(e.currentTarget.value)}
          error={fieldError('body.textBg')}
          rows={14}
          required
        />
        <Textarea
          label={t('minutes.edit.textEn')}
          value={textEn}
          onChange={(e) => setTextEn(e.currentTarget.value)}
          error={fieldError('body.textEn')}
          rows={6}
        />
        {save.error && !(isApiError(save.error) && save.error.fieldErrors.length > 0) ? (
          <ProblemAlert error={save.error} />
        ) : null}
        {save.isSuccess ? <Text c="green">{t('minutes.edit.saved')}</Text> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('minutes.edit.save')}
          </Button>
          {draft && view.may.approve ? <ApproveButton onApprove={() => setConfirming(true)} /> : null}
        </Group>
      </Stack>
      {draft ? (
        <ConfirmModal
          opened={confirming}
          title={t('minutes.approve.title')}
          text={t('minutes.approve.text')}
          confirmLabel={t('minutes.approve.confirm')}
          tone="neutral"
          pending={approve.isPending}
          error={approve.error}
          onConfirm={() => approve.mutate(draft.version, { onSuccess: () => setConfirming(false) })}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </Paper>
  );
}

function ApproveButton({ onApprove }: { onApprove: () => void }) {
  const { t } = useTranslation();
  return (
    <Button color="green" variant="light" onClick={onApprove}>
      {t('minutes.approve.button')}
    </Button>
  );
}

function Comments({ meetingId, view }: { meetingId: string; view: MinutesView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const comment = useComment(meetingId);
  const [text, setText] = useState('');
  const error = isApiError(comment.error) ? comment.error.fieldErrors[0]?.message : undefined;
  return (
    <Stack gap="xs" component="section" aria-labelledby="minutes-comments">
      <Title order={3} id="minutes-comments">
        {t('minutes.comments.title')}
      </Title>
      {view.comments.length === 0 ? <Text c="dimmed">{t('minutes.comments.none')}</Text> : null}
      {view.comments.map((c) => (
        <Paper key={c.id} withBorder p="sm">
          <Text size="sm" fw={600}>
            {c.author ?? t('minutes.comments.former')} · {formatDateTime(c.createdAt, language)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.text}
          </Text>
        </Paper>
      ))}
      {view.may.comment ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            comment.mutate(text, { onSuccess: () => setText('') });
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('minutes.comments.label')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={error}
              rows={3}
            />
            {comment.error && !error ? <ProblemAlert error={comment.error} /> : null}
            <Group>
              <Button type="submit" variant="light" loading={comment.isPending}>
                {t('minutes.comments.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
