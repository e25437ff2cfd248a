import { Anchor, Button, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '@/components/page-title.tsx';
import { QueryError } from '@/components/query-state.tsx';
import '@/i18n/minutes.ts';
import type { Language } from '@portal/shared';
import { formatDateTime } from '@/lib/format.ts';
import { pickLocalized, useLanguage } from '@/lib/localized.ts';
import { paths } from '@/lib/paths.ts';
import { minutesPdfUrl, useMinutes, usePublicMinutes } from '../api/minutes.ts';
import { ApprovedRevision } from './minutes-panel.tsx';

/** A meeting's day as in Sofia (where the bodies meet), whatever the reader's time zone. */
function sofiaDay(instant: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'bg-BG', {
    dateStyle: 'long',
    timeZone: 'Europe/Sofia',
  }).format(new Date(instant));
}

/**
 * `/governance/minutes` (issue 15 §3): the meetings whose approved minutes are public, for anyone, with
 * links to the printable page and the PDF in Bulgarian and English. Members-only minutes are never listed.
 */
export function PublicMinutesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('minutes.public.title'));
  const [page, setPage] = useState(1);
  const list = usePublicMinutes(page);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  return (
    <Stack gap="lg" maw={900}>
      <Stack gap={4}>
        <Anchor component={Link} to={paths.bodies.href()} size="sm">
          {t('sitePages.bodies')}
        </Anchor>
        <Title order={1}>{t('minutes.public.title')}</Title>
        <Text c="dimmed">{t('minutes.public.intro')}</Text>
      </Stack>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton height={120} aria-busy="true" />
      ) : list.data.items.length === 0 ? (
        <Text>{t('minutes.public.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('minutes.public.date')}</Table.Th>
                <Table.Th>{t('minutes.public.meeting')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((m) => {
                const title = pickLocalized(m.titleBg, m.titleEn, language);
                return (
                  <Table.Tr key={m.meetingId}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{sofiaDay(m.startsAt, language)}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <Anchor
                          component={Link}
                          to={paths.publicMinutesOne.href(m.meetingId)}
                          lang={title.lang}
                        >
                          {title.text}
                        </Anchor>
                        {/* The body under the title, not in a column of its own: two columns fit a phone. */}
                        <Text size="sm" c="dimmed">
                          {pickLocalized(m.bodyNameBg, m.bodyNameEn, language).text}
                        </Text>
                        <Group gap="sm">
                          <Anchor
                            href={minutesPdfUrl(m.meetingId, 'bg')}
                            size="sm"
                            target="_blank"
                            rel="noopener"
                          >
                            {t('minutes.pdf')}
                          </Anchor>
                          <Anchor
                            href={minutesPdfUrl(m.meetingId, 'en')}
                            size="sm"
                            target="_blank"
                            rel="noopener"
                          >
                            {t('minutes.pdfEn')}
                          </Anchor>
                        </Group>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 ? (
        <Group>
          <Button variant="default" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            ←
          </Button>
          <Text size="sm">
            {page} / {pages}
          </Text>
          <Button variant="default" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            →
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/**
 * `/governance/minutes/:id`: one meeting's approved public minutes, printable (the latest revision; the
 * earlier ones stay in the PDF by revision). Anyone may open it; members-only minutes answer "not found"
 * to those who may not read them.
 */
export function PublicMinutesMeetingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useMinutes(id);
  const view = query.data;
  const approved = view?.revisions.filter((r) => r.status === 'approved') ?? [];
  usePageTitle(
    view
      ? pickLocalized(view.meeting.titleBg, view.meeting.titleEn, language).text
      : t('minutes.public.title'),
  );
  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} to={paths.publicMinutes.href()} size="sm" className="no-print">
        {t('minutes.public.back')}
      </Anchor>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <Skeleton height={200} aria-busy="true" />
      ) : !view || !approved[0] ? (
        <Text>{t('minutes.public.notFound')}</Text>
      ) : (
        <>
          <Stack gap={4}>
            <Text c="dimmed">
              {t('minutes.public.minutesOf', {
                body: pickLocalized(view.meeting.bodyNameBg, view.meeting.bodyNameEn, language).text,
              })}
            </Text>
            <Title order={1}>
              {pickLocalized(view.meeting.titleBg, view.meeting.titleEn, language).text}
            </Title>
            <Text>{formatDateTime(view.meeting.startsAt, language)}</Text>
          </Stack>
          <ApprovedRevision meetingId={id} revision={approved[0]} />
        </>
      )}
    </Stack>
  );
}
