import { Badge, Box, Group, Stack, Text } from '@mantine/core';
import { APPLICATION_ACTIONS, type ApplicationAction, type TimelineEntry } from '@portal/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '@/components/section.tsx';
import { formatDateTime } from '@/lib/format.ts';
import { useLanguage } from '@/lib/localized.ts';
import { personName } from '@/lib/person.ts';
import { ChangeDiff } from './change-diff.tsx';

const isAction = (action: string | null): action is ApplicationAction =>
  action !== null && (APPLICATION_ACTIONS as readonly string[]).includes(action);

/**
 * The application's history, oldest first: its moves between states, the comments and the applicant's
 * edits after the committee asked for changes (before and after). Entries only the committee sees are
 * marked "internal"; `children` (the comment box) goes below.
 */
export function TimelineSection({ entries, children }: { entries: TimelineEntry[]; children?: ReactNode }) {
  const { t } = useTranslation();
  const sorted = [...entries].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  return (
    <Section id="timeline" title={t('committee.timeline.title')}>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('committee.timeline.empty')}
        </Text>
      ) : (
        <Stack component="ol" className="plain-list" gap="md">
          {sorted.map((entry) => (
            <TimelineItem key={entry.id} entry={entry} />
          ))}
        </Stack>
      )}
      {children}
    </Section>
  );
}

function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const actor = entry.actorName === null ? t('committee.timeline.system') : personName(t, entry.actorName);
  const internal = entry.audience === 'committee';

  let what: string;
  if (entry.kind === 'change') {
    const section = entry.changes?.section;
    what = section
      ? t('committee.timeline.changed', { actor, section: t(`committee.answers.sections.${section}`) })
      : t('committee.timeline.changedSomething', { actor });
  } else if (entry.kind === 'comment') {
    what = internal ? t('committee.timeline.note') : t('committee.timeline.message');
  } else if (isAction(entry.action)) {
    what = t(`committee.timeline.action.${entry.action}`);
  } else {
    what = t('committee.timeline.stateChange');
  }

  return (
    <li
      style={{
        borderInlineStart: `3px solid var(--mantine-color-${internal ? 'yellow-5' : 'gray-3'})`,
        paddingInlineStart: 'var(--mantine-spacing-sm)',
      }}
    >
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {what}
        </Text>
        {internal ? (
          <Badge variant="light" color="yellow" tt="none" size="sm">
            {t('committee.timeline.internal')}
          </Badge>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        {actor} · <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
        {entry.kind === 'transition' && entry.toState
          ? ` · ${t('committee.timeline.toState', { state: t(`applicationState.${entry.toState}`) })}`
          : ''}
      </Text>
      {entry.text ? (
        <Text size="sm" mt={4} className="pre-line" style={{ overflowWrap: 'anywhere' }}>
          {entry.text}
        </Text>
      ) : null}
      {entry.kind === 'change' && entry.changes ? (
        <Box mt={4}>
          <ChangeDiff changes={entry.changes} />
        </Box>
      ) : null}
    </li>
  );
}
