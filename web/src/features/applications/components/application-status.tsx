import { Button, Card, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type Application, OPEN_STATES, type TimelineEntry } from '@portal/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert.tsx';
import { formatDateTime } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { personName } from '@/lib/person.ts';
import { useReply } from '../api/applications.ts';

/** Messages both sides see: the committee's to the applicant and the applicant's replies. */
export function applicantMessages(application: Application): TimelineEntry[] {
  return application.timeline.filter((e) => e.kind === 'comment' && e.audience === 'applicant');
}

/** What the committee asked for when it last requested changes (its comment, or its latest message). */
export function changeRequest(application: Application): TimelineEntry | undefined {
  const request = application.timeline.findLast(
    (e) => e.kind === 'transition' && e.toState === 'changes_requested',
  );
  if (request?.text) return request;
  return applicantMessages(application).findLast((e) => !request || e.at >= request.at) ?? request;
}

function Who({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Text size="sm" c="dimmed">
      {formatDateTime(entry.at, language)} ·{' '}
      {entry.actorName !== null
        ? t('apply.timeline.by', { name: personName(t, entry.actorName) })
        : t('apply.timeline.system')}
    </Text>
  );
}

/** The thread with the committee, and a box to reply while the application is open. */
export function MessagesSection({ application }: { application: Application }) {
  const { t } = useTranslation();
  const reply = useReply(application.id);
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const messages = applicantMessages(application);
  const open = OPEN_STATES.includes(application.state);

  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || reply.isPending) return;
    setSent(false);
    reply.mutate(trimmed, {
      onSuccess: () => {
        setText('');
        setSent(true);
      },
    });
  };

  return (
    <Paper component="section" withBorder p={{ base: 'md', xs: 'lg' }} aria-labelledby="messages-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="messages-title">
          {t('apply.messages.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('apply.messages.intro')}
        </Text>
        {messages.length === 0 ? (
          <Text c="dimmed">{t('apply.messages.empty')}</Text>
        ) : (
          <Stack component="ol" className="plain-list" gap="sm">
            {messages.map((m) => (
              <Card component="li" withBorder padding="sm" key={m.id}>
                <Who entry={m} />
                <Text className="pre-line" mt={4}>
                  {m.text}
                </Text>
              </Card>
            ))}
          </Stack>
        )}
        {open ? (
          <form onSubmit={send} noValidate>
            <Stack gap="sm">
              {reply.isError ? <ProblemAlert error={reply.error} /> : null}
              <Textarea
                label={t('apply.messages.reply')}
                rows={3}
                resize="vertical"
                maxLength={5000}
                value={text}
                onChange={(event) => {
                  setText(event.currentTarget.value);
                  setSent(false);
                }}
              />
              <Group gap="md">
                <Button type="submit" loading={reply.isPending} disabled={text.trim() === ''}>
                  {t('apply.messages.send')}
                </Button>
                <Text size="sm" c="teal.9" role="status">
                  {sent ? t('apply.messages.sent') : ''}
                </Text>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}

/**
 * Every move of the application (when, who, from which state to which, and the comment given) and the
 * sections the applicant changed after the committee asked for changes.
 */
export function TimelineSection({ application }: { application: Application }) {
  const { t } = useTranslation();
  const moves = application.timeline.filter((e) => e.kind === 'transition' || e.kind === 'change');
  const stateName = (s: TimelineEntry['toState']) => (s ? t(`applicationState.${s}`) : '');
  const what = (e: TimelineEntry) => {
    if (e.kind === 'change')
      return e.changes
        ? t('apply.timeline.changed', { section: t(`apply.steps.${e.changes.section}`) })
        : t('apply.timeline.changedSomething');
    return e.fromState
      ? t('apply.timeline.moved', { from: stateName(e.fromState), to: stateName(e.toState) })
      : t('apply.timeline.created', { to: stateName(e.toState) });
  };
  return (
    <Paper component="section" withBorder p={{ base: 'md', xs: 'lg' }} aria-labelledby="timeline-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="timeline-title">
          {t('apply.timeline.title')}
        </Title>
        {moves.length === 0 ? (
          <Text c="dimmed">{t('apply.timeline.empty')}</Text>
        ) : (
          <Stack component="ol" className="plain-list" gap="sm">
            {moves.map((e) => (
              <li
                key={e.id}
                style={{ borderInlineStart: '3px solid var(--mantine-color-gray-4)', paddingInlineStart: 12 }}
              >
                <Text fw={600}>{what(e)}</Text>
                <Who entry={e} />
                {e.text ? (
                  <Text className="pre-line" mt={4}>
                    {e.text}
                  </Text>
                ) : null}
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
