import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { MeetingStatus } from '@portal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { useBodiesForMeetings, useMeetings } from '../api/meetings.ts';
import { meetingWhen } from './meeting-time.ts';

const PAGE_SIZE = 20;

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  const color =
    status === 'cancelled' ? 'red' : status === 'planned' ? 'gray' : status === 'invited' ? 'blue' : 'green';
  return (
    <Badge color={color} variant="light">
      {t(`meetings.status.${status}`)}
    </Badge>
  );
}

/** The meetings the viewer may see, upcoming or past, by body, a page at a time (decision 041). */
export function MeetingsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('meetings.title'));
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const meetings = useMeetings({ when, page, pageSize: PAGE_SIZE, ...(bodyId ? { bodyId } : {}) });
  const bodies = useBodiesForMeetings();
  const pages = meetings.data ? Math.max(1, Math.ceil(meetings.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="lg" maw={900}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('meetings.title')}</Title>
          <Text c="dimmed">{t('meetings.intro')}</Text>
        </Stack>
        {meetings.data && meetings.data.manageableBodyIds.length > 0 ? (
          <Button component={Link} to={paths.newMeeting.href()}>
            {t('meetings.newMeeting')}
          </Button>
        ) : null}
      </Group>
      <Group>
        <SegmentedControl
          aria-label={t('meetings.title')}
          value={when}
          onChange={(v) => {
            setWhen(v as 'upcoming' | 'past');
            setPage(1);
          }}
          data={[
            { value: 'upcoming', label: t('meetings.upcoming') },
            { value: 'past', label: t('meetings.past') },
          ]}
        />
        <Select
          aria-label={t('meetings.body')}
          placeholder={t('meetings.allBodies')}
          clearable
          value={bodyId}
          onChange={(v) => {
            setBodyId(v);
            setPage(1);
          }}
          data={(bodies.data?.items ?? []).map((b) => ({
            value: b.id,
            label: pickLocalized(b.nameBg, b.nameEn, language).text,
          }))}
        />
      </Group>
      {meetings.isError ? (
        <QueryError error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : !meetings.data ? (
        <Skeleton height={120} aria-busy="true" />
      ) : meetings.data.items.length === 0 ? (
        <Text>{t('meetings.none')}</Text>
      ) : (
        <Stack component="ul" className="plain-list" gap="sm">
          {meetings.data.items.map((m) => {
            const w = meetingWhen(m.startsAt, m.endsAt, language);
            return (
              <Card component="li" key={m.id} withBorder>
                <Group justify="space-between" wrap="wrap">
                  <Stack gap={2}>
                    <Anchor component={Link} to={paths.meeting.href(m.id)} fw={600}>
                      {pickLocalized(m.titleBg, m.titleEn, language).text}
                    </Anchor>
                    <Text size="sm">{pickLocalized(m.bodyNameBg, m.bodyNameEn, language).text}</Text>
                    <Text size="sm" c="dimmed">
                      {t('meetings.when', w)}
                    </Text>
                  </Stack>
                  <MeetingStatusBadge status={m.status} />
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
      {pages > 1 ? (
        <Group>
          <Button variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('meetings.previous')}
          </Button>
          <Text size="sm">{t('meetings.pageOf', { page, pages })}</Text>
          <Button variant="default" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('meetings.next')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
